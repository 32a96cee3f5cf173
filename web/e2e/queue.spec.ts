// Immediate teleconsultation in Chromium (issue 16, docs/queue.md): a patient joins the general
// medicine queue through the pages behind two others, sees 3, then 2, then 1 live as
// practitioners take them, is called ("C'est à vous"), the call connects, the practitioner
// closes and the fee and the consultation are captured together. Another patient leaves and
// their hold is voided; one who does not answer is skipped once, then removed, never charged.
// The e2e server runs the queue around the clock with an 8-second answer window (global-setup).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import {
  type Doctor,
  doctorPage,
  expectMediaFlowing,
  nextAddress,
  send,
  videoDoctor,
} from './consultation';
import { apiGet } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

interface Entry {
  id: string;
  state: string;
  position: number | null;
  skipped: boolean;
  consultation_id: string | null;
  end_reason: string | null;
  hold_state: string;
}

const calm = {
  chest_pain: false,
  breathing: false,
  intense_pain: false,
  fainting: false,
  stroke: false,
};

/** A signed-in patient in a context of its own. */
async function patient(browser: Browser, baseURL: string, name: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    permissions: ['camera', 'microphone'],
  });
  const email = uniqueEmail(name.toLowerCase());
  const clientIp = nextAddress();
  await createAccount(
    context.request,
    baseURL,
    { email, password: PASSWORD, first_name: name, last_name: 'Moreau', birth_date: '1990-05-04' },
    { clientIp },
  );
  await loginApi(context.request, baseURL, email, PASSWORD, { clientIp });
  return context;
}

/** Joins the GP queue through the API, as the pages do; returns the entry id. */
async function joinApi(request: APIRequestContext, baseURL: string): Promise<string> {
  const me = await apiGet<{ current_profile: string }>(request, '/me');
  const joined = (await send(request, baseURL, 'post', '/queues/general_medicine/entries', {
    profile_id: me.current_profile,
    reason: 'Mal de gorge depuis deux jours',
    commune_code: '75056',
    emergency_answers: calm,
    card_token: 'tok_visa',
  })) as { id: string };
  return joined.id;
}

async function entry(request: APIRequestContext, id: string): Promise<Entry> {
  return apiGet<Entry>(request, `/queue-entries/${id}`);
}

async function takeApi(
  request: APIRequestContext,
  baseURL: string,
): Promise<{ entry: string; consultation_id: string }> {
  return (await send(request, baseURL, 'post', '/practitioner/queue/take', {})) as {
    entry: string;
    consultation_id: string;
  };
}

/** A practitioner on duty for the GP queue, signed in in a context of its own. */
async function onDuty(
  browser: Browser,
  baseURL: string,
  first: string,
): Promise<{ doctor: Doctor; context: BrowserContext; page: Page }> {
  const doctor = await videoDoctor(browser, baseURL, { first_name: first, last_name: 'Girard' });
  const { context, page } = await doctorPage(browser, baseURL, doctor);
  const view = (await send(context.request, baseURL, 'put', '/practitioner/duty', {
    on: true,
  })) as { on_duty: boolean };
  expect(view.on_duty).toBe(true);
  return { doctor, context, page };
}

test.beforeEach(() => {
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioners',
  );
});

test('a patient waits behind two others, sees 3, 2, 1 live, is called, talks, and pays the fee with the consultation', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  // Three practitioners: two take the first patients (whose pages enter the room when called),
  // the third takes ours through the pages.
  const b = await onDuty(browser, base, 'Bruno');
  const c = await onDuty(browser, base, 'Chloe');
  const a = await onDuty(browser, base, 'Anne');

  // Two patients already in line, their waiting pages open.
  const others: Array<{ context: BrowserContext; page: Page; id: string }> = [];
  for (const name of ['Yanis', 'Zoe']) {
    const context = await patient(browser, base, name);
    const id = await joinApi(context.request, base);
    const p = await context.newPage();
    await p.goto(`/maintenant/file/${id}`);
    others.push({ context, page: p, id });
  }

  // Ours, through the pages, on a phone.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.context().grantPermissions(['camera', 'microphone']);
  const email = uniqueEmail('lina');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    base,
    { email, password: PASSWORD, first_name: 'Lina', last_name: 'Roux', birth_date: '1985-09-14' },
    { clientIp },
  );
  await loginApi(page.request, base, email, PASSWORD, { clientIp });
  await page.goto('/maintenant');
  const card = page.locator('[data-testid="queue-card"][data-specialty="general_medicine"]');
  await expect(card).toHaveAttribute('data-open', 'true');
  await expect(card.getByTestId('queue-on-duty')).toContainText(/\d/);
  await card.getByTestId('queue-join').click();
  await page.locator('[data-testid^="profile-"]').first().check();
  await page.getByTestId('booking-continue').click();
  await page.getByTestId('emergency-no').click();
  await page.getByTestId('reason-input').fill('Fièvre et toux depuis hier soir');
  const commune = page.getByTestId('commune-input');
  await commune.fill('Paris');
  await page.getByRole('option', { name: /Paris/ }).first().click();
  await page.getByTestId('queue-details-continue').click();
  // The price, the fee apart, and plainly: not reimbursed outside the parcours de soins.
  await expect(page.getByTestId('quote-fee')).toContainText('5,00');
  await expect(page.getByTestId('quote-hold')).toContainText('30,00');
  await expect(page.getByTestId('quote-not-reimbursable')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/queue-quote-fr-360.png`, fullPage: true });
  await page.getByTestId('quote-continue').click();
  await page.getByTestId('card-tok_visa').check();
  await page.getByTestId('queue-submit').click();

  // The waiting screen: third, live.
  await expect(page).toHaveURL(/\/maintenant\/file\//);
  const position = page.getByTestId('queue-position');
  await expect(position).toHaveAttribute('data-position', '3', { timeout: 15_000 });
  await expect(page.getByTestId('queue-estimate')).toContainText(/min/);
  await expect(page.getByTestId('queue-hold')).toContainText('30,00');
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/queue-waiting-fr-360.png`, fullPage: true });
  const mine = page.url().split('/').pop()!;

  // The first two are taken: 2, then 1; their pages go to the room ("C'est à vous").
  const first = await takeApi(b.context.request, base);
  expect(first.entry).toBe(others[0]!.id);
  await expect(others[0]!.page).toHaveURL(new RegExp(`/consultation/${first.consultation_id}`), {
    timeout: 15_000,
  });
  await expect(position).toHaveAttribute('data-position', '2', { timeout: 15_000 });
  const second = await takeApi(c.context.request, base);
  expect(second.entry).toBe(others[1]!.id);
  await expect(position).toHaveAttribute('data-position', '1', { timeout: 15_000 });
  await expect(page.getByTestId('queue-announce')).toContainText(/prochain|1/);

  // Our practitioner takes the next patient from their page.
  const d = a.page;
  await d.goto('/praticien/maintenant');
  await expect(d.getByTestId('duty-switch')).toHaveAttribute('aria-checked', 'true');
  await expect(d.locator(`[data-testid="queue-item"][data-id="${mine}"]`)).toContainText(
    'Fièvre et toux',
  );
  expect(await blockingViolations(d)).toEqual([]);
  await d.screenshot({ path: `${SHOTS}/queue-practitioner-fr-1280.png`, fullPage: true });
  await d.getByTestId('queue-take').click();
  await expect(d).toHaveURL(/\/consultation\/a/, { timeout: 15_000 });
  const consultation = d.url().split('/').pop()!.split('?')[0]!;

  // Called: the patient's page goes to the room, where the practitioner admits them.
  await expect(page).toHaveURL(new RegExp(`/consultation/${consultation}`), { timeout: 15_000 });
  const status = page.getByTestId('room-status');
  await expect(status).toHaveAttribute('data-status', /waiting|in_call/, { timeout: 15_000 });
  const admit = d.getByTestId('admit');
  await admit.click({ timeout: 15_000 });
  await expect(status).toHaveAttribute('data-status', 'in_call', { timeout: 15_000 });
  await expectMediaFlowing(page, 'the patient');
  await expectMediaFlowing(d, 'the practitioner');

  // The practitioner closes: 25 € + the 5 € fee, captured together.
  await send(a.context.request, base, 'post', `/practitioner/appointments/${consultation}/close`, {
    amount_cents: 2500,
  });
  const done = await apiGet<{ payment: { state: string; captured_cents: number } }>(
    page.request,
    `/appointments/${consultation}`,
  );
  expect(done.payment.state).toBe('captured');
  expect(done.payment.captured_cents).toBe(3000);
  expect((await entry(page.request, mine)).state).toBe('done');

  for (const o of others) await o.context.close();
  for (const x of [a, b, c]) await x.context.close();
});

test('a patient who leaves gets the hold voided; one who does not answer is skipped, then removed, never charged', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const doctor = await onDuty(browser, base, 'Denis');

  // Leaving from the waiting page.
  const leaver = await patient(browser, base, 'Louise');
  const leaving = await joinApi(leaver.request, base);
  const lp = await leaver.newPage();
  await lp.goto(`/maintenant/file/${leaving}`);
  await expect(lp.getByTestId('queue-position')).toBeVisible();
  await lp.getByTestId('queue-leave').click();
  await lp.getByTestId('queue-leave-yes').click();
  await expect(lp.getByTestId('queue-ended')).toHaveAttribute('data-state', 'left');
  const left = await entry(leaver.request, leaving);
  expect(left.state).toBe('left');
  expect(left.hold_state).toBe('voided');
  await leaver.close();

  // Called and never coming: skipped once (back at the same place), then removed.
  const absent = await patient(browser, base, 'Marc');
  const id = await joinApi(absent.request, base);
  // No page open: the place is kept (queue.grace), but nobody answers the call.
  const call = await takeApi(doctor.context.request, base);
  expect(call.entry).toBe(id);
  await expect
    .poll(async () => (await entry(absent.request, id)).skipped, { timeout: 30_000 })
    .toBe(true);
  expect((await entry(absent.request, id)).state).toBe('waiting');
  const again = await takeApi(doctor.context.request, base);
  expect(again.entry).toBe(id);
  await expect
    .poll(async () => (await entry(absent.request, id)).state, { timeout: 30_000 })
    .toBe('removed');
  const removed = await entry(absent.request, id);
  expect(removed.end_reason).toBe('no_answer');
  expect(removed.hold_state).toBe('voided');
  // Neither appointment made for the calls was charged.
  for (const c of [call, again]) {
    const a = await apiGet<{ status: string; payment: { captured_cents: number } }>(
      absent.request,
      `/appointments/${c.consultation_id}`,
    );
    expect(a.status).toBe('cancelled');
    expect(a.payment.captured_cents).toBe(0);
  }
  await absent.close();
  await doctor.context.close();
  void page;
});
