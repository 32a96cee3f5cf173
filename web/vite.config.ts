import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ROUTES } from './src/lib/routes';

// The Content-Security-Policy the Cabinet server sends. `vite preview` sends it too, so that
// developing against the preview server catches anything the real server would block.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// dist/routes.json: the router's patterns, which the server reads at start to answer 404 for
// a path the app does not know (it still sends the app, which shows "Page introuvable").
// Written from lib/routes.ts, the router's own list, so the two cannot drift apart.
function appRoutes(): Plugin {
  return {
    name: 'cabinet-app-routes',
    apply: 'build',
    generateBundle() {
      const routes = Object.values(ROUTES);
      this.emitFile({
        type: 'asset',
        fileName: 'routes.json',
        source: `${JSON.stringify({ routes }, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  plugins: [appRoutes()],
  build: {
    outDir: 'dist',
    // Never inline assets as data: URIs: font-src is 'self' only, so an inlined font would be
    // blocked by the CSP. Every asset becomes a hashed file under dist/assets/.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  preview: {
    host: '127.0.0.1',
    headers: {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
