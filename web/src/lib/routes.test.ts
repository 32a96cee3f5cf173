import { exec } from 'preact-iso/router';
import { describe, expect, it } from 'vitest';
import cases from './route-cases.json';
import { ROUTES } from './routes';

// The server decides 200 or 404 with its own matcher (src/http/app_routes.cpp) over the list
// the build writes (dist/routes.json); both must agree with the router on these cases.
describe('route patterns', () => {
  it('match as the router matches them (the cases the server is tested against)', () => {
    for (const c of cases.cases) {
      expect(exec(c.path, c.pattern) !== undefined, `${c.pattern} against ${c.path}`).toBe(c.match);
    }
  });

  it('are all absolute, so the server accepts the list', () => {
    for (const p of Object.values(ROUTES)) expect(p.startsWith('/'), p).toBe(true);
  });
});
