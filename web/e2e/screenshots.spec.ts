// Full-page screenshots for human review (test-results/screenshots/): the home page at
// desktop and phone sizes as the brief asks, and every other page to catch layout slips.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, test, useLanguage } from './fixtures';
import { PAGES } from './pages';

const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const SIZES = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 360, height: 740 },
} as const;

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`screenshots at ${size} size`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const p of PAGES) {
      await open(page, p.path);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(DIR, `${p.name}-${size}.png`), fullPage: true });
    }
    await useLanguage(page, 'en');
    await open(page, '/');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(DIR, `home-en-${size}.png`), fullPage: true });
  });
}
