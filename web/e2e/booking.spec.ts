// Issue 5's end-to-end test: a parent books a video slot for their child with the sandbox card
// (profile → motif → emergency screening → estimate → card → confirmation), gets the email
// with the cancel link, cancels through it without signing in; the hold is voided, the slot is
// offered again, and the practitioner's agenda shows each step. Then the emergency screen
// stops a booking, and screenshots of the booking pages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, Cookie, Page } from '@playwright/test';
import { PASSWORD, createAccount, loginApi, mailIds, nextMail, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import { apiGet, unsafe, verifiedPractitioner } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

interface Slot {
  start: string;
  end: string;
  mode: string;
}
interface Appointment {
  id: string;
  status: string;
  start: string;
  payment: { state: string };
}

let doctorCookies: Cookie[] = [];
let practitionerId = '';
let ipCounter = 0;

async function send(
  request: APIRequestContext,
  baseURL: string,
  method: 'post' | 'put',
  p: string,
  data: unknown,
): Promise<unknown> {
  const res = await request[method](`/api/v1${p}`, { data, headers: unsafe(baseURL) });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  const baseURL = process.env.CABINET_BASE_URL!;
  const doctor = await verifiedPractitioner(browser, baseURL, {
    first_name: 'Anne',
    last_name: 'Rivière',
  });
  const context = await browser.newContext({ baseURL });
  try {
    await loginApi(context.request, baseURL, doctor.email, doctor.password);
    // Video every day from 8:00 to 20:00: slots whatever the day and hour the suite runs.
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      mode: 'video',
      start: '08:00',
      end: '20:00',
    }));
    await send(context.request, baseURL, 'put', '/practitioner/agenda/hours', { hours });
    const profile = (await send(context.request, baseURL, 'put', '/practitioner/profile', {
      commune_code: '75056',
      postcode: '75011',
      video: true,
      in_person: false,
      languages: ['fr'],
      closed_on_public_holidays: false,
    })) as { id: string };
    practitionerId = profile.id;
    await send(context.request, baseURL, 'post', '/practitioner/motifs', {
      label: 'Consultation pédiatrique',
      duration_min: 20,
      mode: 'video',
      price_cents: 2500,
    });
    doctorCookies = (await context.storageState()).cookies;
  } finally {
    await context.close();
  }
});

/** A signed-in parent with a child, in `page`'s context. */
async function parent(page: Page, baseURL: string): Promise<{ email: string; child: string }> {
  const email = uniqueEmail('parent');
  ipCounter += 1;
  await createAccount(
    page.request,
    baseURL,
    { email, password: PASSWORD, first_name: 'Léa', last_name: 'Durand', birth_date: '1990-05-04' },
    { clientIp: `203.0.113.${ipCounter}` },
  );
  await loginApi(page.request, baseURL, email, PASSWORD);
  const child = (await send(page.request, baseURL, 'post', '/me/profiles', {
    first_name: 'Tom',
    last_name: 'Durand',
    birth_date: '2019-04-02',
    sex: 'male',
    relationship: 'child',
  })) as { id: string };
  return { email, child: child.id };
}

async function freeSlots(request: APIRequestContext): Promise<Slot[]> {
  return (
    await apiGet<{ slots: Slot[] }>(
      request,
      `/practitioners/${practitionerId}/slots?days=7&mode=video`,
    )
  ).slots;
}

async function agendaDay(browser: Browser, baseURL: string, date: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(doctorCookies);
  const page = await context.newPage();
  await page.goto(`/praticien/agenda?vue=jour&date=${date}`);
  await expect(page.locator(`.day-layout[data-date="${date}"]`)).toBeVisible();
  return page;
}

test('a parent books a video slot for their child, then cancels it from the email link', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { email, child } = await parent(page, baseURL!);
  const before = await freeSlots(page.request);
  expect(before.length, 'free video slots this week').toBeGreaterThan(2);

  // The public page: the first slot starts the booking.
  await page.goto(`/praticien/${practitionerId}`);
  const slot = page.getByTestId('slot').first();
  await expect(slot).toBeVisible();
  await slot.click();
  await expect(page).toHaveURL(/\/rendez-vous\/nouveau/);
  const start = new URL(page.url()).searchParams.get('start')!;
  expect(before.map((s) => s.start)).toContain(start);

  // For whom, which motif, the emergency question, the estimate.
  await page.getByTestId(`profile-${child}`).check();
  await page.getByTestId('booking-continue').click();
  const motif = page.locator('[data-testid^="motif-"]').first();
  if (await motif.isVisible()) {
    await motif.check();
    await page.getByTestId('booking-continue').click();
  }
  await page.getByTestId('emergency-no').click();
  const estimate = page.getByTestId('estimate');
  await expect(estimate).toBeVisible();
  await expect(estimate).toContainText('25,00');
  await page.getByTestId('booking-book').click();

  // The card, then the confirmation.
  await expect(page.getByTestId('hold-countdown')).toBeVisible();
  await page.getByTestId('card-tok_visa').check();
  const seen = await mailIds(page.request, email);
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect(page.getByTestId('booking-confirmed')).toBeVisible();
  await expect(page.getByTestId('booking-hold')).toContainText('25,00');
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/booking-confirmed-fr-1280.png`, fullPage: true });

  const mine = await apiGet<{ upcoming: Appointment[] }>(page.request, '/appointments');
  const booked = mine.upcoming.find((a) => a.start === start)!;
  expect(booked.status).toBe('confirmed');
  expect(booked.payment.state).toBe('held');
  expect((await freeSlots(page.request)).map((s) => s.start)).not.toContain(start);

  // The practitioner's agenda shows it.
  const day = start.slice(0, 10);
  const agenda = await agendaDay(browser, baseURL!, day);
  await expect(
    agenda.getByTestId('agenda-appointment').filter({ hasText: 'Tom Durand' }),
  ).toBeVisible();

  // The email's cancel link, opened without a session.
  const mail = await nextMail(page.request, email, seen);
  const full = (await (await page.request.get(`/api/v1/dev/mailbox/${mail.id}`)).json()) as {
    text: string;
  };
  const link = /\/annuler\?token=([A-Za-z0-9.]+)/.exec(full.text);
  expect(link, `a cancel link in: ${full.text}`).toBeTruthy();
  const stranger = await browser.newContext({ baseURL });
  const outside = await stranger.newPage();
  await outside.goto(`/annuler?token=${link![1]}`);
  await outside.getByTestId('cancel-link-confirm').click();
  await expect(outside.getByTestId('cancel-done')).toBeVisible();
  expect(await blockingViolations(outside)).toEqual([]);
  await outside.screenshot({ path: `${SHOTS}/cancel-link-done-fr-1280.png`, fullPage: true });
  await stranger.close();

  // Hold voided, slot free again, the agenda no longer shows it as confirmed.
  const after = await apiGet<Appointment>(page.request, `/appointments/${booked.id}`);
  expect(after.status).toBe('cancelled');
  expect(after.payment.state).toBe('voided');
  expect((await freeSlots(page.request)).map((s) => s.start)).toContain(start);
  await agenda.reload();
  const item = agenda.getByTestId('agenda-appointment').filter({ hasText: 'Tom Durand' });
  await expect(item.filter({ hasText: /Confirmé/ })).toHaveCount(0);
  await agenda.context().close();

  // Mes rendez-vous shows it among the past ones, cancelled.
  await page.goto('/patient/rendez-vous');
  await expect(page.locator(`[data-testid="appointment"][data-id="${booked.id}"]`)).toHaveAttribute(
    'data-status',
    'cancelled',
  );
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/my-appointments-fr-360.png`, fullPage: true });
});

test('a reported emergency stops the booking and tells whom to call', async ({ page, baseURL }) => {
  await parent(page, baseURL!);
  await page.goto(`/praticien/${practitionerId}`);
  await page.getByTestId('slot').first().click();
  await page.locator('[data-testid^="profile-"]').first().check();
  await page.getByTestId('booking-continue').click();
  const motif = page.locator('[data-testid^="motif-"]').first();
  if (await motif.isVisible()) {
    await motif.check();
    await page.getByTestId('booking-continue').click();
  }
  await page.getByTestId('emergency-yes').click();
  const stop = page.getByTestId('emergency-stop');
  await expect(stop).toBeVisible();
  await expect(stop).toContainText('15');
  await expect(stop).toContainText('112');
  await expect(stop).toContainText('114');
  await expect(page.getByTestId('booking-book')).toHaveCount(0);
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/booking-emergency-fr-360.png`, fullPage: true });
});
