import { defineConfig } from 'vitest/config';

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

export default defineConfig({
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
