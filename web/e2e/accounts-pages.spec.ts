// Every signed-in accounts page, for each role that has one, in French and English: no
// serious or critical axe-core violation, nothing scrolls sideways at 360 px, and screenshots
// of the main screens at 1280 and 360 px (test-results/screenshots/accounts-*.png).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Cookie, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import {
  OPERATOR,
  PASSWORD,
  appPath,
  createAccount,
  firstSpecialty,
  loginApi,
  loginUi,
  logoutUi,
  mailIds,
  newRpps,
  nextMail,
  openMail,
  totpCode,
  uniqueEmail,
} from './accounts';
import { blockingViolations } from './axe';
import { now } from './clock';
import { expect, test, useLanguage } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const SIZES = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 360, height: 740 },
} as const;
type Role = 'patient' | 'practitioner' | 'operator';

const cookies: Partial<Record<Role, Cookie[]>> = {};
let childId = '';
let patientEmail = '';
let practitionerEmail = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(60_000);
  const baseURL = process.env.CABINET_BASE_URL!;
  const signIn = async (
    role: Role,
    email: string,
    password: string,
    setup?: (ctx: import('@playwright/test').APIRequestContext) => Promise<void>,
  ) => {
    const context = await browser.newContext({ baseURL });
    await loginApi(context.request, baseURL, email, password);
    await setup?.(context.request);
    cookies[role] = (await context.storageState()).cookies;
    await context.close();
  };
  const patient = {
    email: uniqueEmail('emma'),
    password: PASSWORD,
    first_name: 'Emma',
    last_name: 'Bernard',
    birth_date: '1988-03-14',
  };
  patientEmail = patient.email;
  const practitioner = {
    email: uniqueEmail('jean'),
    password: PASSWORD,
    first_name: 'Jean',
    last_name: 'Dupont',
  };
  practitionerEmail = practitioner.email;
  const context = await browser.newContext({ baseURL });
  await createAccount(context.request, baseURL, patient);
  await createAccount(context.request, baseURL, {
    ...practitioner,
    rpps: newRpps(),
    specialty: await firstSpecialty(context.request),
  });
  await context.close();
  const headers = {
    Origin: new URL(baseURL).origin,
    'X-Requested-With': 'cabinet',
    Accept: 'application/json',
  };
  await signIn('patient', patient.email, patient.password, async (request) => {
    const res = await request.post('/api/v1/me/profiles', {
      headers,
      data: {
        first_name: 'Hugo',
        last_name: 'Bernard',
        birth_date: '2019-09-03',
        sex: 'male',
        relationship: 'child',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    childId = ((await res.json()) as { id: string }).id;
    // Something to show in "Qui a consulté mon dossier".
    await request.get(`/api/v1/me/profiles/${childId}/administrative`, { headers });
  });
  await signIn('practitioner', practitioner.email, practitioner.password);
  if (OPERATOR.email) await signIn('operator', OPERATOR.email, OPERATOR.password);
});

interface Screen {
  name: string;
  role: Role;
  path: () => string;
  heading: string | RegExp;
  /** Brings the page to the state worth looking at (a menu open, a form unfolded). */
  prepare?: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: 'patient-home', role: 'patient', path: () => '/patient', heading: fr.patient.title },
  {
    name: 'account-menu',
    role: 'patient',
    path: () => '/patient',
    heading: fr.patient.title,
    prepare: async (page) => {
      await page.getByRole('banner').locator('.account-button').click();
      await expect(page.locator('.profile-switch')).toBeVisible();
    },
  },
  { name: 'account', role: 'patient', path: () => '/compte', heading: fr.account.title },
  {
    name: 'relatives',
    role: 'patient',
    path: () => '/compte/proches',
    heading: fr.relatives.title,
  },
  {
    name: 'relative',
    role: 'patient',
    path: () => `/compte/proches/${childId}`,
    heading: fr.relative.title,
    prepare: (page) => expect(page.locator('#nir')).toBeVisible(),
  },
  { name: 'security', role: 'patient', path: () => '/compte/securite', heading: fr.security.title },
  { name: 'access-log', role: 'patient', path: () => '/compte/acces', heading: fr.accessLog.title },
  { name: 'my-data', role: 'patient', path: () => '/compte/donnees', heading: fr.myData.title },
  {
    name: 'practitioner-home',
    role: 'practitioner',
    path: () => '/praticien',
    heading: fr.practitioner.title,
  },
  {
    name: 'practitioner-totp',
    role: 'practitioner',
    path: () => '/compte/securite',
    heading: fr.security.title,
    prepare: async (page) => {
      await page.locator('#totp-title').locator('..').getByRole('button').first().click();
      await expect(page.locator('img.totp-qr')).toBeVisible();
    },
  },
  {
    name: 'operator-home',
    role: 'operator',
    path: () => '/operateur',
    heading: fr.operator.title,
    prepare: (page) => expect(page.locator('.queue-item').first()).toBeVisible(),
  },
];

async function show(page: Page, screen: Screen): Promise<void> {
  const jar = cookies[screen.role];
  test.skip(!jar, `no ${screen.role} session (operator credentials not set?)`);
  await page.context().addCookies(jar!);
  await page.goto(screen.path());
  await expect(page.getByRole('banner').locator('.account-button')).toBeVisible();
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await screen.prepare?.(page);
  await page.evaluate(() => document.fonts.ready);
}

for (const screen of SCREENS) {
  for (const lang of ['fr', 'en'] as const) {
    test(`axe, signed in: ${screen.name} (${lang})`, async ({ page }) => {
      await useLanguage(page, lang);
      await show(page, screen);
      if (lang === 'fr')
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      expect(await blockingViolations(page)).toEqual([]);
    });
  }
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`screenshots of the signed-in screens at ${size} size`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(viewport);
    for (const screen of SCREENS) {
      if (!cookies[screen.role]) continue;
      await show(page, screen);
      if (size === 'mobile') {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${screen.name} at 360 px`).toBeLessThanOrEqual(360);
      }
      await page.screenshot({
        path: path.join(SHOTS, `accounts-${screen.name}-${size}.png`),
        fullPage: true,
      });
    }
  });
}

test('screenshots of the sign-in steps and the mailbox', async ({ page }) => {
  test.setTimeout(60_000);
  const email = patientEmail;
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.goto('/connexion');
    await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
    await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.login.codeTitle);
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({
      path: path.join(SHOTS, `accounts-login-code-${size}.png`),
      fullPage: true,
    });

    await page.goto('/dev/mailbox');
    await page.locator('a.mail-link').first().click();
    await expect(page.locator('.mail-text')).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({
      path: path.join(SHOTS, `accounts-mailbox-${size}.png`),
      fullPage: true,
    });

    await page.goto('/inscription');
    await page.getByLabel(fr.fields.password, { exact: true }).fill('Cabinet-');
    await page.getByRole('button', { name: fr.signup.submit }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    expect(await blockingViolations(page)).toEqual([]);
    await page.screenshot({
      path: path.join(SHOTS, `accounts-signup-errors-${size}.png`),
      fullPage: true,
    });
  }
});

test('the access log reads as sentences, grouped by day, saying from where', async ({ page }) => {
  await show(page, {
    name: 'access-log',
    role: 'patient',
    path: () => '/compte/acces',
    heading: fr.accessLog.title,
  });
  // The server words each access (src/accounts/access_log.cpp): who, what, whose.
  await expect(page.locator('.access-sentence').first()).toContainText(
    /^Vous avez (lu|modifié|créé)/,
  );
  await expect(
    page
      .locator('.access-sentence', {
        hasText: "Vous avez lu les données administratives d'Hugo (numéro de sécurité sociale",
      })
      .first(),
  ).toBeVisible();
  await expect(
    page.locator('.access-sentence', { hasText: "Vous avez créé le profil d'Hugo." }).first(),
  ).toBeVisible();
  await expect(page.locator('.access-day').first()).toBeVisible();
  await expect(
    page.locator('.access-item', { hasText: /depuis votre adresse/ }).first(),
  ).toBeVisible();
});

/** The operator verifies the practitioner signed up above: only a verified one may invite. */
async function verifyPractitioner(browser: Browser, email: string): Promise<void> {
  const baseURL = process.env.CABINET_BASE_URL!;
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: cookies.operator ?? [], origins: [] },
  });
  try {
    const pending = (await (
      await context.request.get('/api/v1/operator/practitioners?status=pending')
    ).json()) as Array<{ id: string; email: string }>;
    const mine = pending.find((p) => p.email === email);
    expect(mine, `${email} in the verification queue`).toBeTruthy();
    const res = await context.request.post(`/api/v1/operator/practitioners/${mine!.id}/verify`, {
      headers: { Origin: new URL(baseURL).origin, 'X-Requested-With': 'cabinet' },
    });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await context.close();
  }
}

test('a practitioner invites an assistant, who signs up from the emailed link', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  test.skip(!cookies.operator, 'an operator must verify the practitioner first');
  await verifyPractitioner(browser, practitionerEmail);
  const email = uniqueEmail('alice');
  const seen = await mailIds(page.request, email);
  await show(page, {
    name: 'practitioner-home',
    role: 'practitioner',
    path: () => '/praticien',
    heading: fr.practitioner.title,
  });
  await page.getByLabel(fr.assistants.emailLabel).fill(email);
  await page.getByRole('button', { name: fr.assistants.invite }).click();
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible();
  await expect(page.locator('.list-row', { hasText: email })).toContainText(
    fr.assistants.status.invited,
  );

  // The assistant, on their own device, follows the link of the invitation.
  await page.context().clearCookies();
  const mail = await nextMail(page.request, email, seen);
  await openMail(page, mail);
  const href =
    (await page
      .locator('.mail-text a.mail-url', { hasText: '/inscription/assistant?token=' })
      .first()
      .getAttribute('href')) ?? '';
  await page.goto(appPath(href));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.signupAssistant.title);
  expect(await blockingViolations(page)).toEqual([]);
  await page.getByLabel(fr.fields.firstName, { exact: true }).fill('Alice');
  await page.getByLabel(fr.fields.lastName, { exact: true }).fill('Petit');
  await page.getByLabel(fr.fields.mobile).fill('06 11 22 33 44');
  await page.getByLabel(fr.fields.password, { exact: true }).fill('Agenda-Bleu-2026!');
  await page.screenshot({
    path: path.join(SHOTS, 'accounts-signup-assistant-desktop.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: fr.signupAssistant.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.signupAssistant.doneTitle);

  await loginUi(page, email, 'Agenda-Bleu-2026!');
  await expect(page).toHaveURL(/\/praticien$/);
  await expect(page.locator('#assisting-title')).toHaveText(fr.practitionerHome.assistingTitle);
  await expect(page.getByRole('main')).toContainText('Jean Dupont');
  await expect(page.locator('#assistants-title')).toHaveCount(0);
});

// Last: it signs the practitioner's session out.
test('a practitioner turns on the authenticator app, then signs in with it', async ({ page }) => {
  test.setTimeout(60_000);
  await show(page, {
    name: 'security',
    role: 'practitioner',
    path: () => '/compte/securite',
    heading: fr.security.title,
  });
  await page.getByRole('button', { name: fr.totp.start }).click();
  const qr = page.locator('img.totp-qr');
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  const secret = ((await page.locator('.secret').textContent()) ?? '').replace(/\s/g, '');
  const enrolCode = await totpCode(secret);
  await page.getByLabel(fr.totp.codeLabel).fill(enrolCode);
  await page.getByRole('button', { name: fr.totp.confirm, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fr.totp.enabled })).toBeVisible();
  await expect(page.locator('.badge', { hasText: fr.totp.on })).toBeVisible();
  await logoutUi(page);

  await page.goto('/connexion');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(practitionerEmail);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.login.totpTitle);
  await expect(page.getByRole('button', { name: fr.login.resend })).toHaveCount(0);
  // A code is good once: the one just used to turn the app on is spent. The app's next code is
  // accepted (one step of clock drift), so no need to wait 30 seconds.
  await page.getByLabel(fr.login.totpLabel).fill(enrolCode);
  await page.getByRole('button', { name: fr.login.verify }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel(fr.login.totpLabel).fill(await totpCode(secret, now() + 30_000));
  await page.getByRole('button', { name: fr.login.verify }).click();
  await expect(page).toHaveURL(/\/praticien$/);
});
