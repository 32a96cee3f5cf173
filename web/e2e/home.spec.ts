// The shell as a visitor meets it: French by default, English on demand and remembered,
// a real 404, keyboard access from the very first Tab.
import { expect, open, test } from './fixtures';

const FR_TITLE = 'Cabinet — Téléconsultation avec votre praticien';
const EN_TITLE = 'Cabinet — Video consultation with your practitioner';

test('home page is in French by default, with the hero', async ({ page }) => {
  await open(page, '/');
  await expect(page).toHaveTitle(FR_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Trouvez un praticien et consultez en vidéo',
  );
  await expect(page.getByRole('contentinfo')).toContainText(
    'Urgence : appelez le 15 ou le 112 (114 par SMS)',
  );
});

test('switching to English updates title and lang, and survives a reload', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveTitle(EN_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Find a practitioner and consult by video',
  );

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Find a practitioner and consult by video',
  );
  await expect(page).toHaveTitle(EN_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page).toHaveTitle(FR_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('an unknown route shows the 404 page with a way home', async ({ page }) => {
  await open(page, '/ce-lien-est-casse');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page).toHaveTitle('Page introuvable — Cabinet');
  await page.getByRole('main').getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Trouvez un praticien et consultez en vidéo',
  );
});

test('the first Tab reaches the visible skip link, which leads to the content', async ({
  page,
}) => {
  await open(page, '/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect(page.locator('#contenu')).toBeFocused();
});

test('header navigation reaches each area and moves focus to its heading', async ({ page }) => {
  await open(page, '/');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const [label, path] of [
    ['Espace patient', '/patient'],
    ['Espace praticien', '/praticien'],
    ['Espace opérateur', '/operateur'],
  ] as const) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(label);
    await expect(h1).toBeFocused();
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${label} — Cabinet`);
  }
});

test('on a phone the navigation folds behind a Menu button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/');
  const menu = page.getByRole('button', { name: 'Menu' });
  const patientLink = page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Espace patient' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(patientLink).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await menu.click();
  await patientLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace patient');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
