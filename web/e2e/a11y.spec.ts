// Every page, in both languages: no serious or critical axe-core violation (WCAG 2.0/2.1
// A and AA), the right heading and <html lang>, no horizontal scroll at 360 px, and no
// internal link that leads to the 404 page.
import { blockingViolations } from './axe';
import { expect, open, test, useLanguage } from './fixtures';
import { MESSAGES, PAGES } from './pages';

for (const lang of ['fr', 'en'] as const) {
  for (const p of PAGES) {
    test(`axe: ${p.name} (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await open(page, p.path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.heading(MESSAGES[lang]));

      expect(await blockingViolations(page)).toEqual([]);
    });
  }
}

for (const lang of ['fr', 'en'] as const) {
  test(`no page scrolls sideways at 360 px (${lang})`, async ({ page }) => {
    await useLanguage(page, lang);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const p of PAGES) {
      await open(page, p.path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${p.path} (${lang})`).toBeLessThanOrEqual(360);
    }
  });
}

test('every internal link leads to a real page', async ({ page }) => {
  const seen = new Set<string>();
  for (const p of PAGES) {
    await open(page, p.path);
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    hrefs.forEach((h) => seen.add(h));
  }
  expect(seen.size).toBeGreaterThan(5);
  for (const href of seen) {
    await open(page, href);
    await expect(page.getByRole('heading', { level: 1 }), href).not.toHaveText(
      MESSAGES.fr.notFound.title,
    );
  }
});
