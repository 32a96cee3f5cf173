// Decorative illustration of a video consultation in the browser: the practitioner full
// frame, the patient's self-view in a corner, the call controls below. Pure SVG shapes,
// colours from CSS classes (no inline style, CSP-safe), hidden from assistive technologies.
export function HeroArt() {
  return (
    <svg class="hero-art" viewBox="0 0 480 360" aria-hidden="true" focusable="false">
      <rect class="ha-window" x="8" y="8" width="464" height="344" rx="20" />
      <rect class="ha-bar" x="8" y="8" width="464" height="40" rx="20" />
      <rect class="ha-bar" x="8" y="28" width="464" height="20" />
      <circle class="ha-dot" cx="36" cy="28" r="5" />
      <circle class="ha-dot" cx="54" cy="28" r="5" />
      <circle class="ha-dot" cx="72" cy="28" r="5" />
      <rect class="ha-url" x="104" y="19" width="240" height="18" rx="9" />
      <rect class="ha-stage" x="28" y="64" width="424" height="220" rx="14" />
      {/* The practitioner: head, shoulders and a stethoscope hint. */}
      <circle class="ha-person" cx="240" cy="150" r="38" />
      <path class="ha-person" d="M162 284c0-52 35-80 78-80s78 28 78 80z" />
      <path class="ha-coat" d="M214 210l26 40 26-40c-8-4-17-6-26-6s-18 2-26 6z" />
      {/* Self-view of the patient. */}
      <rect class="ha-self" x="352" y="196" width="84" height="72" rx="10" />
      <circle class="ha-self-person" cx="394" cy="224" r="13" />
      <path class="ha-self-person" d="M370 268c0-18 11-27 24-27s24 9 24 27z" />
      {/* Connection quality, shown discreetly. */}
      <rect class="ha-ok" x="44" y="80" width="6" height="10" rx="2" />
      <rect class="ha-ok" x="53" y="76" width="6" height="14" rx="2" />
      <rect class="ha-ok" x="62" y="72" width="6" height="18" rx="2" />
      {/* Controls: microphone, camera, chat, leave. */}
      <circle class="ha-ctrl" cx="186" cy="318" r="18" />
      <circle class="ha-ctrl" cx="226" cy="318" r="18" />
      <circle class="ha-ctrl" cx="266" cy="318" r="18" />
      <rect class="ha-leave" x="298" y="300" width="52" height="36" rx="18" />
      {/* Glyphs: microphone, camera, speech bubble, and a hung-up handset on the leave pill. */}
      <path
        class="ha-glyph"
        d="M183 310a3 3 0 0 1 6 0v6a3 3 0 0 1-6 0zM179 316a7 7 0 0 0 14 0M186 323v3M218 313h10v10h-10zM228 316.5l5-3v9l-5-3M258 311h16v10h-10l-6 4z"
      />
      <path class="ha-glyph-light" d="M312 321c7-6 17-6 24 0" />
    </svg>
  );
}
