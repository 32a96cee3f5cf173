// The practitioner's side of the directory: a practitioner just verified by the operator sets
// their weekly hours in the UI (a break, "copier le lundi"), sees free slots in the agenda's day
// view, adds an absence and sees that day's slots vanish from the agenda and from their public
// page; blocks an hour and removes it; announces a delay; edits the public profile (commune by
// keyboard, a motif, a photo). Then axe (fr and en) and screenshots (1280 and 360 px) of the
// agenda (day and week), the hours editor and the profile editor.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { APIRequestContext, Browser, Cookie, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import type { AgendaView, OwnProfile } from '../src/lib/directory/directory';
import { loginApi } from './accounts';
import { blockingViolations } from './axe';
import { today } from './clock';
import { apiGet, unsafe, verifiedPractitioner, type NewPractitioner } from './directory';
import { expect, test, useLanguage } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const SIZES = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 360, height: 740 },
} as const;

/** A new practitioner, whose agenda the flows below set up through the UI. */
let cookies: Cookie[] = [];
/** Another one with a full week set up through the API: what axe and the screenshots look at. */
let busyCookies: Cookie[] = [];

async function sessionOf(
  browser: Browser,
  baseURL: string,
  who: NewPractitioner,
  setup?: (request: APIRequestContext) => Promise<void>,
): Promise<Cookie[]> {
  const context = await browser.newContext({ baseURL });
  try {
    await loginApi(context.request, baseURL, who.email, who.password);
    await setup?.(context.request);
    return (await context.storageState()).cookies;
  } finally {
    await context.close();
  }
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  const baseURL = process.env.CABINET_BASE_URL!;
  cookies = await sessionOf(browser, baseURL, await verifiedPractitioner(browser, baseURL));
  const busy = await verifiedPractitioner(browser, baseURL, {
    first_name: 'Hélène',
    last_name: 'Marchand',
  });
  busyCookies = await sessionOf(browser, baseURL, busy, async (request) => {
    const send = async (method: 'post' | 'put', path: string, data: unknown) => {
      const res = await request[method](`/api/v1${path}`, { data, headers: unsafe(baseURL) });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    };
    const week = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, mode: 'video', start: '08:30', end: '12:00' },
      { weekday, mode: 'in_person', start: '14:00', end: '18:30' },
    ]);
    await send('put', '/practitioner/agenda/hours', {
      hours: [...week, { weekday: 6, mode: 'video', start: '09:00', end: '12:00' }],
    });
    await send('put', '/practitioner/profile', {
      address_line: '8 place Bellecour',
      commune_code: '69123',
      postcode: '69002',
      phone: '+33478000000',
      in_person: true,
      video: true,
      languages: ['fr', 'en'],
      presentation:
        'Médecin généraliste à Lyon. Je suis les enfants comme les adultes, au cabinet et en téléconsultation.',
    });
    await send('post', '/practitioner/motifs', {
      label: 'Consultation de suivi',
      duration_min: 20,
      mode: 'both',
      price_cents: 2500,
    });
    await send('post', '/practitioner/motifs', {
      label: 'Première consultation',
      duration_min: 30,
      mode: 'in_person',
      price_cents: 3000,
    });
    // Tomorrow, not today: a period already past is refused, and the suite runs at any hour.
    const day = today();
    await send('post', '/practitioner/agenda/exceptions', {
      kind: 'block',
      start: `${addDays(day, 1)}T10:00`,
      end: `${addDays(day, 1)}T11:00`,
      note: 'Réunion de service',
    });
    await send('post', '/practitioner/agenda/exceptions', {
      kind: 'absence',
      start: `${addDays(day, 2)}T00:00`,
      end: `${addDays(day, 3)}T00:00`,
      note: 'Formation',
    });
  });
});

async function signIn(page: Page, jar: Cookie[] = cookies): Promise<void> {
  await page.context().addCookies(jar);
}

/** The day view of the agenda for `date`, loaded. */
async function openDay(page: Page, date: string): Promise<void> {
  await page.goto(`/praticien/agenda?vue=jour&date=${date}`);
  await expect(page.locator(`.day-layout[data-date="${date}"]`)).toBeVisible();
}

/** The agenda of the next 14 days (the API gives a day or a week at a time). */
async function twoWeeks(page: Page, from: string): Promise<AgendaView['days']> {
  const first = await apiGet<AgendaView>(page.request, `/practitioner/agenda?from=${from}&days=7`);
  const second = await apiGet<AgendaView>(
    page.request,
    `/practitioner/agenda?from=${addDays(from, 7)}&days=7`,
  );
  return [...first.days, ...second.days];
}

async function freeTimes(page: Page): Promise<string[]> {
  return page.locator('.day-view .free-slot').allTextContents();
}

test('a practitioner sets hours and an absence, and sees the agenda and the public page change', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);

  // 1. Weekly hours: Monday 09:00–12:00 and 14:00–17:00 by video, copied to Tuesday–Friday.
  await page.goto('/praticien/agenda/horaires');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.hours.title);
  const monday = page.getByRole('group', { name: `Lundi, ${fr.hours.video}` });
  await expect(monday).toContainText(fr.hours.closed);
  await monday.getByRole('button', { name: new RegExp(`^${fr.hours.add}`) }).click();
  await expect(monday.getByLabel(/^Début, plage 1/)).toHaveValue('09:00');
  await expect(monday.getByLabel(/^Fin, plage 1/)).toHaveValue('12:00');
  await monday.getByRole('button', { name: new RegExp(`^${fr.hours.add}`) }).click();
  await monday.getByLabel(/^Début, plage 2/).fill('14:00');
  // A wrong range first: the check names it and the summary links to it.
  await monday.getByLabel(/^Fin, plage 2/).fill('13:00');
  await page.getByRole('button', { name: fr.hours.save }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText(fr.hours.checks.order);
  await monday.getByLabel(/^Fin, plage 2/).fill('17:00');
  await page.getByRole('button', { name: fr.hours.copyMonday }).click();
  await expect(
    page.getByRole('group', { name: `Vendredi, ${fr.hours.video}` }).getByLabel(/^Fin, plage 2/),
  ).toHaveValue('17:00');
  await page.getByRole('button', { name: fr.hours.save }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.hours.saved })).toBeVisible();
  const hours = await apiGet<{
    hours: Array<{ weekday: number; mode: string; start: string; end: string }>;
  }>(page.request, '/practitioner/agenda/hours');
  expect(hours.hours).toHaveLength(10);

  // 2. A coming weekday that is not a public holiday and still has free slots.
  const me = await apiGet<OwnProfile>(page.request, '/practitioner/profile');
  const now = today(me.timezone);
  const open = (await twoWeeks(page, now)).filter(
    (d) => d.date > now && !d.holiday && d.free.length > 0,
  );
  expect(open.length, 'weekdays with free slots in the next two weeks').toBeGreaterThan(1);
  const day = open[0]!.date;
  const other = open[1]!.date;

  await openDay(page, day);
  const before = await freeTimes(page);
  expect(before.length).toBeGreaterThan(0);
  for (const t of before) {
    const [h, m] = t.split(':').map(Number);
    const min = h! * 60 + m!;
    expect(
      (min >= 540 && min < 720) || (min >= 840 && min < 1020),
      `${t} inside 09:00–12:00 or 14:00–17:00`,
    ).toBe(true);
  }
  await expect(page.locator('.day-view .range-video')).toHaveCount(2);

  // 3. An absence that day, from the agenda's form.
  await page.getByRole('button', { name: fr.agenda.absenceAction }).click();
  await page.getByLabel(fr.agenda.startDate, { exact: true }).fill(day);
  await page.getByLabel(fr.agenda.endDate).fill(day);
  await page.getByLabel(new RegExp(`^${fr.agenda.note}`)).fill('Formation');
  await page.getByRole('button', { name: fr.agenda.saveAbsence }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.agenda.addedAbsence })).toBeVisible();
  await expect(page.locator('.day-view .free-slot')).toHaveCount(0);
  await expect(page.locator('.day-view .free-none')).toHaveText(fr.agenda.freeNone);
  await expect(page.locator('.day-view .range-absence')).toContainText('Formation');
  await expect(page.locator('.upcoming-list')).toContainText(fr.agenda.kinds.absence);

  // The next open day keeps its slots.
  await openDay(page, other);
  expect((await freeTimes(page)).length).toBeGreaterThan(0);

  // The week view shows it too: no free slot that day.
  await page.goto(`/praticien/agenda?vue=semaine&date=${day}`);
  await expect(page.locator('.ag-week')).toBeVisible();

  // 4. The public page: no slot on the absence day, slots on the other.
  await page.goto(`/praticien/${me.id}?du=${day}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(me.name);
  await expect(page.locator(`.week-day[data-date="${day}"]`)).toContainText(fr.profile.noSlotsDay);
  await expect(page.locator(`.week-day[data-date="${day}"] button.slot`)).toHaveCount(0);
  if (other < day || other > addDays(day, 6)) return;
  expect(await page.locator(`.week-day[data-date="${other}"] button.slot`).count()).toBeGreaterThan(
    0,
  );
});

/** A valid PNG of one colour (the server decodes and re-encodes what it receives). */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

test('a blocked hour removes its slots until it is deleted; a delay is announced and removed', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await signIn(page);
  // The hours the first test sets through the UI, so that this one also runs on its own.
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, mode: 'video', start: '09:00', end: '12:00' },
    { weekday, mode: 'video', start: '14:00', end: '17:00' },
  ]);
  const put = await page.request.put('/api/v1/practitioner/agenda/hours', {
    data: { hours },
    headers: unsafe(baseURL!),
  });
  expect(put.status(), await put.text()).toBe(200);
  const me = await apiGet<OwnProfile>(page.request, '/practitioner/profile');
  const now = today(me.timezone);
  const day = (await twoWeeks(page, now)).find(
    (d) => d.date > now && !d.holiday && d.free.some((s) => s.start.slice(11, 13) === '10'),
  )?.date;
  test.skip(!day, 'no day with a free slot at 10 h in the next two weeks');
  await openDay(page, day!);
  const tens = () => page.locator('.day-view .free-slot', { hasText: /^10:/ });
  expect(await tens().count()).toBeGreaterThan(0);

  await page.getByRole('button', { name: fr.agenda.blockAction }).click();
  await page.getByLabel(fr.agenda.date, { exact: true }).fill(day!);
  await page.getByLabel(fr.agenda.startTime, { exact: true }).fill('10:00');
  await page.getByLabel(fr.agenda.endTime, { exact: true }).fill('11:00');
  await page.getByRole('button', { name: fr.agenda.saveBlock }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.agenda.addedBlock })).toBeVisible();
  await expect(tens()).toHaveCount(0);
  const block = page.locator('.day-view .range-block');
  await expect(block).toContainText(fr.agenda.kinds.block);
  await block.getByRole('button', { name: new RegExp(`^${fr.agenda.delete}`) }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.agenda.deleted })).toBeVisible();
  await expect.poll(() => tens().count()).toBeGreaterThan(0);

  // An extra opening on the next Sunday (closed in the weekly hours) opens slots that day.
  let sunday = addDays(now, 1);
  while (new Date(`${sunday}T12:00:00Z`).getUTCDay() !== 0) sunday = addDays(sunday, 1);
  await openDay(page, sunday);
  await expect(page.locator('.day-view .free-slot')).toHaveCount(0);
  await page.getByRole('button', { name: fr.agenda.extraAction }).click();
  await page.getByLabel(fr.agenda.date, { exact: true }).fill(sunday);
  await page.getByLabel(fr.agenda.startTime, { exact: true }).fill('09:00');
  await page.getByLabel(fr.agenda.endTime, { exact: true }).fill('11:00');
  await page.getByLabel(fr.agenda.mode).selectOption('video');
  await page.getByRole('button', { name: fr.agenda.saveExtra }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.agenda.addedExtra })).toBeVisible();
  await expect.poll(() => page.locator('.day-view .free-slot').count()).toBeGreaterThan(0);
  const extra = page.locator('.upcoming-list .list-row', { hasText: fr.agenda.kinds.extra });
  await extra.getByRole('button', { name: new RegExp(`^${fr.agenda.delete}`) }).click();
  await expect(page.locator('.day-view .free-slot')).toHaveCount(0);

  // A delay, shown on the public page, then removed.
  await page.getByLabel(fr.agenda.delayLabel).selectOption('20');
  await page.getByRole('button', { name: fr.agenda.delayAnnounce }).click();
  await expect(page.locator('.delay-current')).toContainText('20');
  await page.goto(`/praticien/${me.id}`);
  await expect(page.getByRole('heading', { name: /Retard annoncé\s:\s20 min/ })).toBeVisible();
  await page.goto('/praticien/agenda?vue=jour');
  await page.getByRole('button', { name: fr.agenda.delayClear }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.agenda.delayCleared })).toBeVisible();
});

test('the practitioner edits the public profile: commune, presentation, a motif, a photo', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/praticien/profil');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.profileEdit.title);
  await page.getByLabel(fr.profileEdit.addressLine).fill('8 place Bellecour');
  const commune = page.getByRole('combobox', { name: fr.profileEdit.commune });
  await commune.fill('69002');
  await expect(page.getByRole('option', { name: /Lyon/ }).first()).toBeVisible();
  await commune.press('ArrowDown');
  await commune.press('Enter');
  await expect(commune).toHaveValue('Lyon (69002)');
  await page.getByLabel(fr.profileEdit.inPerson).check();
  await page
    .getByLabel(fr.profileEdit.presentation, { exact: true })
    .fill('Médecin généraliste, je reçois les familles.');
  await page.getByLabel('Espagnol').check();
  await page.getByRole('button', { name: fr.profileEdit.save }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.profileEdit.saved })).toBeVisible();
  const me = await apiGet<OwnProfile>(page.request, '/practitioner/profile');
  expect(me.address?.city).toBe('Lyon');
  expect(me.address?.postcode).toBe('69002');
  expect(me.languages).toContain('es');
  expect(me.in_person).toBe(true);

  // A motif.
  const add = page.getByRole('form', { name: fr.motifs.addTitle });
  await add.getByLabel(fr.motifs.label, { exact: true }).fill('Consultation de suivi');
  await add.getByLabel(fr.motifs.labelEn).fill('Follow-up consultation');
  await add.getByLabel(fr.motifs.duration).fill('20');
  // A sector-1 GP bills the convention tariff: 30 € is the in-person G, not the video TCG (25 €).
  await add.getByLabel(fr.motifs.price).fill('30');
  await add.getByLabel(fr.motifs.mode).selectOption('both');
  await add.getByRole('button', { name: fr.motifs.add }).click();
  await expect(add.locator('.error-summary')).toContainText(
    'en secteur 1, la téléconsultation se facture au tarif de la convention, 25,00 € au plus',
  );
  await add.getByLabel(fr.motifs.price).fill('25');
  await add.getByRole('button', { name: fr.motifs.add }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Motif « Consultation de suivi » ajouté.' }),
  ).toBeVisible();
  await expect(page.locator('.motif-list')).toContainText('25');

  // A photo: preview, then saved.
  const png = solidPng(96, 96, [11, 94, 107]);
  await page
    .locator('#photo')
    .setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: fr.profileEdit.photoPreview })).toBeVisible();
  await page.getByRole('button', { name: fr.profileEdit.photoSave }).click();
  await expect(
    page.getByRole('status').filter({ hasText: fr.profileEdit.photoSaved }),
  ).toBeVisible();
  await expect
    .poll(async () => (await apiGet<OwnProfile>(page.request, '/practitioner/profile')).photo_url)
    .toBeTruthy();

  // The public page shows it all.
  await page.goto(`/praticien/${me.id}`);
  await expect(page.getByRole('main')).toContainText('8 place Bellecour');
  await expect(page.getByRole('main')).toContainText('Espagnol');
  await expect(page.getByRole('main')).toContainText('Consultation de suivi');
  await expect(page.locator('.profile-head img.pr-avatar')).toBeVisible();

  // In English, the motif's English label.
  await useLanguage(page, 'en');
  await page.reload();
  await expect(page.locator('.motif-prices')).toContainText('Follow-up consultation');
  await expect(page.locator('.motif-prices')).not.toContainText('Consultation de suivi');
});

interface Screen {
  name: string;
  path: string;
  heading: string;
  ready: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: 'agenda-week',
    path: '/praticien/agenda?vue=semaine',
    heading: fr.agenda.title,
    ready: (p) => expect(p.locator('.ag-week:visible, .week-list:visible').first()).toBeVisible(),
  },
  {
    name: 'agenda-day',
    path: '/praticien/agenda?vue=jour',
    heading: fr.agenda.title,
    ready: (p) => expect(p.locator('.day-layout')).toBeVisible(),
  },
  {
    name: 'agenda-hours',
    path: '/praticien/agenda/horaires',
    heading: fr.hours.title,
    ready: (p) => expect(p.locator('.hours-grid')).toBeVisible(),
  },
  {
    name: 'profile-editor',
    path: '/praticien/profil',
    heading: fr.profileEdit.title,
    ready: (p) => expect(p.locator('.motif-add')).toBeVisible(),
  },
];

async function show(page: Page, screen: Screen): Promise<void> {
  await signIn(page, busyCookies);
  await page.goto(screen.path);
  await expect(page.getByRole('banner').locator('.account-button')).toBeVisible();
  await screen.ready(page);
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

for (const screen of SCREENS) {
  for (const lang of ['fr', 'en'] as const) {
    test(`axe, practitioner: ${screen.name} (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await show(page, screen);
      if (lang === 'fr')
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      expect(await blockingViolations(page)).toEqual([]);
    });
  }
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`screenshots of the directory screens at ${size} size`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(viewport);
    for (const screen of SCREENS) {
      await show(page, screen);
      if (size === 'mobile')
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${screen.name} at 360 px`,
        ).toBeLessThanOrEqual(360);
      await page.screenshot({
        path: path.join(SHOTS, `directory-${screen.name}-${size}.png`),
        fullPage: true,
      });
    }
    // The patient's side: the search results and a seeded practitioner's page with a slot chosen.
    await page.context().clearCookies();
    await page.goto('/recherche?specialite=general_medicine&lieu=75011');
    await expect(page.locator('.result-card:not(.is-skeleton)').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({
      path: path.join(SHOTS, `directory-search-${size}.png`),
      fullPage: true,
    });
    await page.goto(
      (await page.locator('.result-card a.slot').first().getAttribute('href')) ?? '/',
    );
    await expect(page.locator('.chosen')).toBeVisible();
    // From the top: the page scrolled to the chosen slot, and the sticky column would follow.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: path.join(SHOTS, `directory-practitioner-${size}.png`),
      fullPage: true,
    });
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SHOTS, `directory-home-${size}.png`), fullPage: true });
  });
}
