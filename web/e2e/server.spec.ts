// What the web app needs from the server, checked over HTTP: the CSP header on HTML, the app
// served for deep links (SPA fallback), correct MIME types for the built assets, and JSON
// errors under /api/v1 in the shape lib/api.ts parses.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseErrorBody } from '../src/lib/api';
import { expect, test } from './fixtures';
import { PAGES } from './pages';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

test('HTML is served with the Content-Security-Policy, for every route', async ({ request }) => {
  for (const p of PAGES) {
    const res = await request.get(p.path);
    expect(res.status(), p.path).toBeLessThan(500);
    expect(res.headers()['content-type'], p.path).toMatch(/^text\/html/);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp, `${p.path} CSP`).toContain("script-src 'self'");
    expect(csp, `${p.path} CSP`).toContain("style-src 'self'");
    expect(await res.text(), p.path).toContain('<div id="app">');
  }
});

test('known routes answer 200 with the app (SPA fallback)', async ({ request }) => {
  for (const p of PAGES.filter((x) => x.name !== 'not-found')) {
    expect((await request.get(p.path)).status(), p.path).toBe(200);
  }
});

test('built assets are served with the right MIME types', async ({ request }) => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const js = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  const css = html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  const font = (await readdir(path.join(DIST, 'assets'))).find((f) => f.endsWith('.woff2'));
  expect(js && css && font, 'dist/ has a script, a stylesheet and a font').toBeTruthy();
  const cases: Array<[string, RegExp]> = [
    [js!, /^(text|application)\/javascript/],
    [css!, /^text\/css/],
    [`/assets/${font}`, /^font\/woff2/],
    ['/favicon.svg', /^image\/svg\+xml/],
  ];
  for (const [url, type] of cases) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['content-type'], url).toMatch(type);
  }
});

test('unknown API paths answer a JSON error, not the app', async ({ request }) => {
  const res = await request.get('/api/v1/cette-ressource-n-existe-pas', {
    headers: { Accept: 'application/json', 'X-Requested-With': 'cabinet' },
  });
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type'] ?? '(none)').toMatch(/^application\/json/);
  expect(parseErrorBody(await res.json())).not.toBeNull();
});
