// "Chrome sur Windows" rather than a raw User-Agent string, for the list of active sessions.
// Only the browser family and the system: enough to recognise one's own devices.

export interface Device {
  browser: string | null;
  os: string | null;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chromium\//, 'Chromium'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

export function parseUserAgent(ua: string): Device {
  const find = (list: Array<[RegExp, string]>) => list.find(([re]) => re.test(ua))?.[1] ?? null;
  // Headless Chrome and other tools still read as their family.
  return { browser: find(BROWSERS), os: find(SYSTEMS) };
}
