// Issue 19's partners end-to-end (docs/operator.md "Partners" and "Insurers' activation
// codes"): the operator's partners page lists the demo partners and issues an insurer's code;
// the partner's host (partner.localhost, which Chromium resolves to this machine) shows the
// partner's name, colours and terms, and a patient books there; on the platform's host, the
// patient enters the insurer's code in "Mes avantages", the estimate shows the insurer's part
// and 0 € to pay, and the quota counts down. Axe on each screen, screenshots at 1280 and 360 px.
//
// Needs the operator's credentials (CABINET_OPERATOR_EMAIL) and the demo partners, which
// `cabinet seed` adds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import {
  OPERATOR,
  PASSWORD,
  createAccount,
  loginApi,
  loginUi,
  mailIds,
  nextMail,
  uniqueEmail,
} from './accounts';
import { blockingViolations } from './axe';
import { type Doctor, nextAddress, videoDoctor } from './consultation';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

let doctor: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(!OPERATOR.email, 'no operator credentials');
  doctor = await videoDoctor(browser, process.env.CABINET_BASE_URL!, {
    first_name: 'Hélène',
    last_name: 'Faure',
  });
});

async function shots(page: Page, name: string): Promise<void> {
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/partners-${name}-fr-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/partners-${name}-fr-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The same server as seen on another host name (same scheme and port). */
function onHost(baseURL: string, host: string): string {
  const u = new URL(baseURL);
  u.hostname = host;
  return u.origin;
}

/** The booking steps from the practitioner's page up to the estimate, for `profile`. */
async function toEstimate(page: Page, profile: string): Promise<void> {
  await page.goto(`/praticien/${doctor.practitionerId}`);
  await page.getByTestId('slot').first().click();
  await expect(page).toHaveURL(/\/rendez-vous\/nouveau/);
  await page.getByTestId(`profile-${profile}`).check();
  await page.getByTestId('booking-continue').click();
  const motif = page.locator('[data-testid^="motif-"]').first();
  if (await motif.isVisible()) {
    await motif.check();
    await page.getByTestId('booking-continue').click();
  }
  await page.getByTestId('emergency-no').click();
  await expect(page.getByTestId('estimate')).toBeVisible();
}

async function bookFromEstimate(page: Page): Promise<void> {
  await page.getByTestId('booking-book').click();
  await page.getByTestId('card-tok_visa').check();
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect(page.getByTestId('booking-confirmed')).toBeVisible();
}

async function patientOn(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = uniqueEmail('adherent');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL,
    {
      email,
      password: PASSWORD,
      first_name: 'Nadia',
      last_name: 'Benali',
      birth_date: '1985-03-12',
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL, email, PASSWORD, { clientIp });
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    profiles: { id: string }[];
  };
  return { context, page, holder: me.profiles[0]!.id };
}

/** A call from the page itself: on the partner's host, which only the browser resolves. */
async function inPage(
  p: Page,
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  from: string,
): Promise<{ status: number; json: unknown }> {
  return p.evaluate(
    async ([m, u, b, ip]) => {
      const r = await fetch(`/api/v1${u}`, {
        method: m,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Requested-With': 'cabinet',
          'X-Forwarded-For': ip,
        },
        body: b === null ? undefined : JSON.stringify(b),
      });
      return { status: r.status, json: (await r.json().catch(() => null)) as unknown };
    },
    [method, url, body, from] as const,
  );
}

async function mailText(request: APIRequestContext, to: string, seen: Set<string>) {
  const mail = await nextMail(request, to, seen);
  const full = (await (await request.get(`/api/v1/dev/mailbox/${mail.id}`)).json()) as {
    text: string;
  };
  return full.text;
}

/** A patient who signs up and signs in on the partner's host, in the browser. */
async function partnerPatient(browser: Browser, mailbox: APIRequestContext, partnerURL: string) {
  const context = await browser.newContext({ baseURL: partnerURL });
  const page = await context.newPage();
  await page.goto('/');
  const email = uniqueEmail('partenaire');
  const ip = nextAddress();
  let seen = await mailIds(mailbox, email);
  const signup = await inPage(
    page,
    'POST',
    '/auth/signup',
    {
      email,
      password: PASSWORD,
      phone: '+33612345678',
      first_name: 'Malik',
      last_name: 'Rousseau',
      birth_date: '1988-07-21',
    },
    ip,
  );
  expect(signup.status, JSON.stringify(signup.json)).toBe(201);
  const token = /[?&]token=([^\s&"'<>]+)/.exec(await mailText(mailbox, email, seen))?.[1];
  expect(token).toBeTruthy();
  const confirmed = await inPage(
    page,
    'POST',
    '/auth/email/confirm',
    { token: decodeURIComponent(token!) },
    ip,
  );
  expect(confirmed.status).toBe(200);
  seen = await mailIds(mailbox, email);
  const login = await inPage(page, 'POST', '/auth/login', { email, password: PASSWORD }, ip);
  expect(login.status, JSON.stringify(login.json)).toBe(200);
  const code = /\b(\d{6})\b/.exec(await mailText(mailbox, email, seen))?.[1];
  const { challenge } = login.json as { challenge: string };
  const verified = await inPage(page, 'POST', '/auth/login/verify', { challenge, code }, ip);
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  const me = await inPage(page, 'GET', '/me', null, ip);
  const holder = (me.json as { profiles: { id: string }[] }).profiles[0]!.id;
  return { context, page, holder };
}

test('partners: the operator issues a code, the partner host shows its brand, the insurer pays the patient’s share', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);

  // The operator's page: the demo partners, and one activation code of the insurer.
  await loginUi(page, OPERATOR.email, OPERATOR.password);
  await page.goto('/operateur/partenaires');
  const table = page.getByTestId('partners-table');
  await expect(table).toContainText('Urgence Docteurs');
  await expect(table).toContainText('Mutuelle Exemple');
  await expect(table).toContainText('partner.localhost');
  await shots(page, 'list');
  await page.getByRole('button', { name: 'Modifier Mutuelle Exemple' }).click();
  await expect(page.getByRole('heading', { name: /Modifier « Mutuelle Exemple »/ })).toBeVisible();
  await page.getByTestId('issue-codes').click();
  const issued = page.getByTestId('issued-codes').locator('code').first();
  await expect(issued).toHaveText(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  const code = (await issued.textContent())!;
  await shots(page, 'edit');

  // The partner's host: its name, its terms, "operated on Cabinet"; a booking made there.
  const partnerURL = onHost(baseURL!, 'partner.localhost');
  const there = await partnerPatient(browser, page.request, partnerURL);
  const p = there.page;
  await p.goto('/');
  await expect(p.getByTestId('brand-name')).toHaveText('Urgence Docteurs');
  await expect(p.getByTestId('operated-by')).toHaveText(fr.brand.operatedBy);
  await expect(p).toHaveTitle(/Urgence Docteurs/);
  await shots(p, 'partner-home');
  await p.goto('/cgu');
  await expect(p.getByTestId('partner-text')).toContainText('Urgence Docteurs');
  await expect(p.getByTestId('partner-text')).toContainText(
    'Service opéré sur la plateforme Cabinet',
  );
  await shots(p, 'partner-terms');
  await toEstimate(p, there.holder);
  await bookFromEstimate(p);
  const mine = (await inPage(p, 'GET', '/appointments', null, nextAddress())).json as {
    upcoming: { status: string }[];
  };
  expect(mine.upcoming[0]?.status).toBe('confirmed');
  await there.context.close();

  // On the platform's host: the code in "Mes avantages", then a booking the insurer pays.
  const member = await patientOn(browser, baseURL!);
  const m = member.page;
  await m.goto('/compte/avantages');
  await m.getByLabel(fr.benefits.code).fill(code.toLowerCase());
  await m.getByLabel(fr.benefits.profile).selectOption(member.holder);
  await m.getByTestId('redeem-code').click();
  await expect(m.getByRole('status').filter({ hasText: 'Mutuelle Exemple' })).toBeVisible();
  await expect(m.getByTestId('benefit-remaining')).toContainText('3 sur 3');
  await shots(m, 'benefits');

  await toEstimate(m, member.holder);
  await expect(m.getByTestId('estimate-insurer')).toContainText(
    'Pris en charge par Mutuelle Exemple',
  );
  await expect(m.getByTestId('estimate-you-pay')).toContainText('0,00');
  await shots(m, 'estimate');
  await bookFromEstimate(m);
  await m.goto('/compte/avantages');
  await expect(m.getByTestId('benefit-remaining')).toContainText('2 sur 3');
  await member.context.close();

  // The booking made on partner.localhost counts in Urgence Docteurs' statistics and in no
  // other partner's (counts under 5 are hidden, but a hidden count is never zero).
  const json = async (path: string) =>
    (await page.request.get(`/api/v1${path}`, { headers: { Accept: 'application/json' } })).json();
  const partners = (await json('/operator/partners')) as { id: string; name: string }[];
  const today = ((await json('/operator/stats')) as { to: string }).to;
  const until = new Date(Date.parse(`${today}T12:00:00Z`) + 120 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const totals = async (name: string) => {
    const id = partners.find((x) => x.name === name)?.id ?? '';
    const stats = (await json(
      `/operator/stats?from=${today}&to=${until}&by=month&partner=${id}`,
    )) as { totals: { bookings: number | null; suppressed: string[] } };
    return stats.totals;
  };
  const brand = await totals('Urgence Docteurs');
  expect(brand.bookings === null ? brand.suppressed.includes('bookings') : brand.bookings > 0).toBe(
    true,
  );
  expect((await totals('Mutuelle Exemple')).bookings).toBe(0);
});
