// What the web app needs from the server, checked over HTTP: the CSP header on HTML, the app
// served for deep links (SPA fallback), correct MIME types for the built assets, and JSON
// errors under /api/v1 in the shape lib/api.ts parses.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fr } from '../src/i18n/fr';
import { parseErrorBody } from '../src/lib/api';
import { ROUTES } from '../src/lib/routes';
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

test('known routes answer 200 with the app (SPA fallback), the not-found page 404', async ({
  request,
}) => {
  for (const p of PAGES) {
    expect((await request.get(p.path)).status(), p.path).toBe(p.name === 'not-found' ? 404 : 200);
  }
});

test('an address the app does not know gets the app with a 404, a known one 200', async ({
  request,
}) => {
  const unknown = await request.get('/nimporte-quoi');
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['content-type']).toMatch(/^text\/html/);
  expect(await unknown.text()).toContain('<div id="app">');
  expect((await request.get('/recherche')).status()).toBe(200);
  expect((await request.get('/praticien/inconnu')).status()).toBe(200); // the page says it is unknown
  expect((await request.get('/praticien/inconnu/autre')).status()).toBe(404);
  // The list the server reads is the router's own.
  const routes = (await (await request.get('/routes.json')).json()) as { routes: string[] };
  expect(routes.routes).toEqual(Object.values(ROUTES));
});

test('the app shows its "Page introuvable" for an unknown address', async ({ page }) => {
  const res = await page.goto('/nimporte-quoi');
  expect(res?.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText(fr.notFound.title);
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
