// Line icons drawn as inline SVG elements (no icon font, no external file: CSP-friendly).
// Stroke styling lives in CSS (.icon). Icons are always decorative here: each one sits next
// to a visible text label, so they are hidden from assistive technologies.
import type { JSX } from 'preact';

const PATHS = {
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z', 'M15.5 15.5 20 20'],
  calendar: [
    'M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
    'M3 10h18',
    'M8 3v4',
    'M16 3v4',
  ],
  video: [
    'M4 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z',
    'M16 10.5 22 7v10l-6-3.5',
  ],
  shield: ['M12 3 20 6v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M8.5 12l2.5 2.5 4.5-5'],
  reconnect: ['M20 12a8 8 0 1 1-2.34-5.66', 'M17.7 2.6v3.8h-3.8'],
  device: [
    'M5 4h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    'M8 20h8',
    'M12 16v4',
  ],
  users: [
    'M9 4.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z',
    'M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6',
    'M16.5 6.5a2.5 2.5 0 1 1 0 5',
    'M18 14c2.2.4 3.5 2.3 3.5 5',
  ],
  file: ['M6 3h8l5 5v13H6z', 'M14 3v5h5', 'M9 13h7', 'M9 17h7'],
  eye: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z'],
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 7v5l3 2'],
  card: [
    'M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
    'M2 10h20',
    'M6 15h4',
  ],
  euro: ['M18 7a6.5 6.5 0 1 0 0 10', 'M4.5 10.5h8', 'M4.5 13.5h8'],
  check: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M8 12.5l2.5 2.5 5.5-6'],
  prescription: ['M6 3h8l5 5v13H6z', 'M14 3v5h5', 'M12.5 11v6', 'M9.5 14h6'],
  badge: [
    'M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z',
    'M9 9a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
    'M6 16.5c.5-1.5 1.6-2.2 3-2.2s2.5.7 3 2.2',
    'M14.5 10h3.5',
    'M14.5 14h3.5',
  ],
  activity: ['M3 12h4l3-7 4 14 3-7h4'],
  sliders: [
    'M4 6h9',
    'M19 6h1',
    'M4 12h3',
    'M13 12h7',
    'M4 18h9',
    'M19 18h1',
    'M16 4v4',
    'M10 10v4',
    'M16 16v4',
  ],
  chart: ['M3 20h18', 'M7 16v-5', 'M12 16V7', 'M17 16v-3'],
  alert: ['M12 3.5 21.5 20h-19z', 'M12 10v4.5', 'M12 17.5v.01'],
  lock: [
    'M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z',
    'M8 11V7a4 4 0 0 1 8 0v4',
  ],
  bell: ['M6 16v-5a6 6 0 0 1 12 0v5l2 2H4z', 'M10 21h4'],
  message: ['M4 5h16v11H9l-5 4z'],
  phone: [
    'M5 4h3.5l2 5-2.5 1.5a11 11 0 0 0 5.5 5.5l1.5-2.5 5 2V19a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
  ],
  menu: ['M4 7h16', 'M4 12h16', 'M4 17h16'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  arrowRight: ['M5 12h14', 'M13 6l6 6-6 6'],
  circle: ['M12 4a8 8 0 1 0 0 16 8 8 0 0 0 0-16z'],
  user: ['M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M4 21c0-4 3.6-7 8-7s8 3 8 7'],
  chevronDown: ['M6 9l6 6 6-6'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M4 20h16'],
  mail: ['M3 6h18v12H3z', 'M3 7l9 6 9-6'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13'],
  logout: ['M15 4h4v16h-4', 'M10 8l-4 4 4 4', 'M6 12h10'],
  mapPin: [
    'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z',
    'M12 7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  ],
  locate: [
    'M12 2.5v3',
    'M12 18.5v3',
    'M2.5 12h3',
    'M18.5 12h3',
    'M12 6.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z',
  ],
  chevronLeft: ['M15 6l-6 6 6 6'],
  chevronRight: ['M9 6l6 6-6 6'],
  plus: ['M12 5v14', 'M5 12h14'],
  pencil: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  globe: [
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
    'M3 12h18',
    'M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z',
  ],
  // The call's controls.
  mic: ['M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  micOff: [
    'M15 9.5V6a3 3 0 0 0-5.7-1.3',
    'M9 9v3a3 3 0 0 0 4.6 2.5',
    'M5 11a7 7 0 0 0 11.2 5.6',
    'M19 11a7 7 0 0 1-.5 2.5',
    'M12 18v3',
    'M3 3l18 18',
  ],
  videoOff: [
    'M10 6h4a2 2 0 0 1 2 2v4',
    'M16 16a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2',
    'M16 10.5 22 7v10l-3.5-2',
    'M2 2l20 20',
  ],
  cameraSwitch: [
    'M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z',
    'M9 13.5a3 3 0 0 1 5.2-2',
    'M15 13.5a3 3 0 0 1-5.2 2',
    'M14.5 9.5v2h-2',
    'M9.5 17.5v-2h2',
  ],
  paperclip: [
    'M20 11.5l-8.2 8.2a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8',
  ],
  send: ['M4 12 20 4l-5 16-3.5-6.5z', 'M11.5 13.5 20 4'],
  volume: ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 8.5a5 5 0 0 1 0 7', 'M19 6a8.5 8.5 0 0 1 0 12'],
  exit: ['M14 4h5v16h-5', 'M10 8l4 4-4 4', 'M14 12H4'],
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, class: cls }: { name: IconName; class?: string }): JSX.Element {
  return (
    <svg
      class={cls ? `icon ${cls}` : 'icon'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
