// The patient's side of the directory, against the seeded practitioners: search from the home
// page ("Médecin généraliste" near a postcode), results with next slots, a profile with its
// week of slots inside the opening hours, the address as the search (back button, pages,
// filters), the commune combobox by keyboard, places typed as people type them ("Lyon 69003",
// "Paris XIe"), the empty state, a practitioner of La Réunion shown in their own time, and axe
// on the search and profile pages (fr and en, 360 px).
import { fr } from '../src/i18n/fr';
import { blockingViolations } from './axe';
import { apiGet, insideHours, profile, search } from './directory';
import { expect, test, useLanguage } from './fixtures';

const GP = 'general_medicine';

test('a patient searches a GP near a postcode, sees next slots, opens a profile and its week', async ({
  page,
}) => {
  await page.goto('/');
  const form = page.getByRole('search', { name: fr.homeSearch.label });
  await form.getByLabel(fr.homeSearch.what).fill('Médecin généraliste');
  const where = form.getByRole('combobox', { name: fr.homeSearch.where });
  await where.fill('75011');
  // The suggestions come from GET /places; pick Paris (75011) with the keyboard.
  await expect(page.getByRole('option', { name: /Paris/ }).first()).toBeVisible();
  await where.press('ArrowDown');
  await expect(where).toHaveAttribute('aria-activedescendant', /.+/);
  await where.press('Enter');
  await expect(where).toHaveValue('Paris (75011)');
  await form.getByRole('button', { name: fr.homeSearch.submit }).click();

  await expect(page).toHaveURL(/\/recherche\?specialite=general_medicine&lieu=c%3A75056/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.search.title);
  await expect(page.locator('#specialty')).toHaveValue(GP);
  const heading = page.locator('#results-title');
  await expect(heading).toContainText(/\d+ praticiens?|1 praticien/);
  await expect(heading).toContainText('Paris (75011)');
  const cards = page.locator('.result-card:not(.is-skeleton)');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) await expect(card).toContainText('Médecine générale');

  // Each card shows up to 5 next slots as "day + time" links, in the practitioner's time.
  const slots = page.locator('.result-card a.slot');
  expect(await slots.count()).toBeGreaterThan(0);
  const first = slots.first();
  await expect(first.locator('.slot-time')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(first.locator('.slot-day')).toHaveText(
    /^(lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} \S+/,
  );
  for (const card of await cards.all())
    expect(await card.locator('a.slot').count()).toBeLessThanOrEqual(5);

  // The slot leads to the practitioner's page with that slot highlighted.
  const href = (await first.getAttribute('href')) ?? '';
  const id = decodeURIComponent(/\/praticien\/([^?]+)/.exec(href)?.[1] ?? '');
  const slotStart = new URL(href, 'http://x').searchParams.get('creneau') ?? '';
  const time = (await first.locator('.slot-time').textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/\/praticien\/[^/?]+\?creneau=/);
  const p = await profile(page.request, id);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.name);
  const chosen = page.locator('.week-slots button[aria-pressed="true"]');
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toContainText(time);
  await expect(page.locator('#chosen-title')).toContainText(
    /Votre créneau\s:\s\S+ \d{1,2} \S+ à \d{1,2}\sh\s\d{2}/,
  );
  await expect(page.getByRole('heading', { name: fr.profile.nextStepTitle })).toBeVisible();
  expect(slotStart.slice(11, 16)).toBe(time);

  // The week: 7 days, every time inside the opening hours of its weekday.
  const days = page.locator('.week-day');
  await expect(days).toHaveCount(7);
  let shown = 0;
  for (const day of await days.all()) {
    const date = (await day.getAttribute('data-date')) ?? '';
    for (const t of await day.locator('button.slot').allTextContents()) {
      const hhmm = /(\d{2}:\d{2})$/.exec(t.trim())?.[1] ?? '';
      expect(
        insideHours(p.opening_hours, date, hhmm),
        `${date} ${hhmm} inside the opening hours`,
      ).toBe(true);
      shown += 1;
    }
  }
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: fr.profile.hoursTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: fr.profile.motifsTitle })).toBeVisible();
  await expect(page.getByRole('heading', { name: fr.profile.practical })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(fr.sectorInfo[p.sector]);

  // Next week, then back to the results with the browser's back button.
  const firstDate = (await days.first().getAttribute('data-date')) ?? '';
  await page.getByRole('button', { name: fr.profile.nextWeek }).click();
  await expect(page).toHaveURL(/du=\d{4}-\d{2}-\d{2}/);
  await expect(days.first()).not.toHaveAttribute('data-date', firstDate);
  await page.goBack();
  await expect(page).toHaveURL(/\/recherche\?specialite=general_medicine/);
  await expect(page.locator('#results-title')).toContainText('Paris (75011)');
});

test('the address is the search: filters, pages and the back button', async ({ page }) => {
  await page.goto('/recherche?specialite=general_medicine');
  const heading = page.locator('#results-title');
  await expect(heading).toContainText(/praticiens?/);
  const all = await search(page.request, { specialty: GP, per_page: '10' });
  expect(all.total).toBeGreaterThan(0);

  await page.getByLabel(fr.search.videoOnly).check();
  await expect(page).toHaveURL(/video=1/);
  await expect(page.locator('.result-list:not(.is-stale) .result-card').first()).toBeVisible();
  const video = await search(page.request, { specialty: GP, video: 'true', per_page: '10' });
  await expect(heading).toContainText(String(video.total));
  for (const card of await page.locator('.result-card').all())
    await expect(card.locator('.badges')).toContainText(fr.card.video);

  await page.goBack();
  await expect(page).not.toHaveURL(/video=1/);
  await expect(page.getByLabel(fr.search.videoOnly)).not.toBeChecked();

  if (all.total > all.per_page) {
    const pages = Math.ceil(all.total / all.per_page);
    const nav = page.getByRole('navigation', { name: fr.search.pagination });
    await expect(nav).toContainText(`Page 1 sur ${pages}`);
    await nav.getByRole('link', { name: fr.search.next }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(nav).toContainText(`Page 2 sur ${pages}`);
    await expect(heading).toBeFocused();
    await page.goBack();
    await expect(nav).toContainText(`Page 1 sur ${pages}`);
  }
});

test('places typed as people type them, sent without picking from the list (issue 12)', async ({
  page,
}) => {
  // On the search page: a commune with its postcode.
  const near = await search(page.request, { near: 'c:69123', per_page: '10' });
  await page.goto('/recherche');
  const form = page.getByRole('search', { name: fr.search.formLabel });
  const where = form.getByRole('combobox', { name: fr.search.where });
  await where.fill('Lyon 69003');
  // The suggestions read it too: Lyon's 3e first.
  await expect(
    form.getByRole('listbox', { name: fr.search.where }).getByRole('option').first(),
  ).toHaveText(/Lyon\s+69003/);
  await form.getByRole('button', { name: fr.search.submit }).click();
  await expect(page).toHaveURL(/lieu=c%3A69123/);
  await expect(where).toHaveValue('Lyon (69003)');
  const heading = page.locator('#results-title');
  await expect(heading).toContainText('près de Lyon (69003)');
  if (near.total > 0) {
    await expect(page.locator('.result-card:not(.is-skeleton) .result-name').first()).toHaveText(
      near.items[0]!.name,
    );
    for (const p of near.items) expect(p.distance_km ?? Infinity).toBeLessThanOrEqual(30);
  } else {
    await expect(page.getByRole('heading', { name: fr.search.emptyTitle })).toBeVisible();
  }

  // On the home page: an arrondissement in Roman numerals.
  await page.goto('/');
  const hero = page.getByRole('search', { name: fr.homeSearch.label });
  await hero.getByRole('combobox', { name: fr.homeSearch.where }).fill('Paris XIe');
  await hero.getByRole('button', { name: fr.homeSearch.submit }).click();
  await expect(page).toHaveURL(/lieu=c%3A75056/);
  await expect(page.locator('#results-title')).toContainText('près de Paris (75011)');
});

test('nothing found: the page says why and offers a way out', async ({ page }) => {
  await page.goto('/recherche?nom=Zyxwvutsrq&tiers_payant=1');
  await expect(page.getByRole('heading', { name: fr.search.emptyTitle })).toBeVisible();
  await expect(page.locator('#results-title')).toHaveText(fr.search.countZero);
  await page.getByRole('button', { name: fr.search.clearFilters }).first().click();
  await expect(page).not.toHaveURL(/tiers_payant/);
  await expect(page.getByRole('heading', { name: fr.search.emptyTitle })).toBeVisible();
});

test('a practitioner of La Réunion shows their own time, with the zone named', async ({ page }) => {
  const found = await search(page.request, { near: '97400', radius_km: '100', per_page: '5' });
  const reunion = found.items.find(
    (p) => p.address?.postcode.startsWith('974') && p.next_slots.length > 0,
  );
  test.skip(!reunion, 'no practitioner with slots in La Réunion in the seed');
  const slot = reunion!.next_slots[0]!;
  expect(slot.start).toMatch(/\+04:00$/);
  await page.goto(`/praticien/${reunion!.id}`);
  await expect(page.getByRole('main')).toContainText('Horaires à l’heure de La Réunion.');
  // The first slot reads as written in +04:00, not as the browser's Paris time.
  const day = page.locator(`.week-day[data-date="${slot.start.slice(0, 10)}"]`);
  await expect(day.locator('button.slot').first()).toContainText(slot.start.slice(11, 16));
});

test('a wrong practitioner address shows "Praticien introuvable"', async ({ page }) => {
  await page.goto('/praticien/pnexistepas');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.profile.notFoundTitle);
  await expect(page.getByRole('link', { name: fr.profile.backToSearch })).toBeVisible();
});

for (const lang of ['fr', 'en'] as const) {
  test(`axe: search and practitioner pages (${lang})`, async ({ page }) => {
    await useLanguage(page, lang);
    await page.goto('/recherche?specialite=general_medicine&lieu=75011');
    await expect(page.locator('.result-card:not(.is-skeleton)').first()).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    // The filters unfolded on a phone, and no sideways scroll.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('.filters-toggle').click();
    await expect(page.locator('#search-filters')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await page.setViewportSize({ width: 1280, height: 800 });
    const href = (await page.locator('.result-card a.slot').first().getAttribute('href')) ?? '';
    await page.goto(href);
    await expect(page.locator('.chosen')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await blockingViolations(page)).toEqual([]);
  });
}

test('specialties come as {"items": […]} with ids and labels', async ({ page }) => {
  const list = await apiGet<{ items: Array<{ id: string; label: string }> }>(
    page.request,
    '/specialties',
  );
  expect(list.items.find((s) => s.id === GP)?.label).toBe('Médecine générale');
});
