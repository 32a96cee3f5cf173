// Accounts end to end, against the real server in development mode: a patient's first
// evening (sign-up, confirmation link, security code, a child in "proches", the profile
// switch, sign-out), a practitioner verified by the operator, and the two errors people meet
// most (a wrong code, a weak password).
import { fr } from '../src/i18n/fr';
import {
  OPERATOR,
  PASSWORD,
  createAccount,
  confirmThroughMailbox,
  loginApi,
  loginUi,
  logoutUi,
  mailIds,
  newRpps,
  readCode,
  uniqueEmail,
} from './accounts';
import { expect, test } from './fixtures';

const h1 = (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1 });

test('a patient signs up, confirms, signs in with the code, adds a child and acts for them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('zoe');
  const seen = await mailIds(page.request, email);

  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: fr.header.signup }).click();
  await expect(h1(page)).toHaveText(fr.signup.title);
  await page.getByLabel(fr.fields.firstName, { exact: true }).fill('Zoé');
  await page.getByLabel(fr.fields.lastName, { exact: true }).fill('Martin');
  await page.getByLabel(fr.fields.birthDate).fill('1990-04-02');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.mobile).fill('06 12 34 56 78');
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await expect(page.locator('.rule-ok')).toHaveCount(5);
  await page.getByRole('button', { name: fr.signup.submit }).click();
  await expect(h1(page)).toHaveText(fr.checkMail.title);
  await expect(h1(page)).toBeFocused();
  await expect(page.getByRole('main')).toContainText(email);

  await confirmThroughMailbox(page, email, seen);
  await page.getByRole('main').getByRole('link', { name: fr.login.submit }).click();
  await expect(h1(page)).toHaveText(fr.login.title);

  // Step 1, then step 2 with the code read from the newest email in /dev/mailbox.
  const before = await mailIds(page.request, email);
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(h1(page)).toHaveText(fr.login.codeTitle);
  await expect(h1(page)).toBeFocused();
  const codeInput = page.getByLabel(fr.login.codeLabel);
  await expect(codeInput).toHaveAttribute('inputmode', 'numeric');
  await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
  await codeInput.fill(await readCode(page.context(), email, before));
  await page.getByRole('button', { name: fr.login.verify }).click();

  await expect(page).toHaveURL(/\/patient$/);
  await expect(h1(page)).toHaveText(fr.patient.title);
  const accountButton = page.getByRole('banner').locator('.account-button');
  await expect(accountButton).toContainText('Zoé Martin');

  // A child in "proches".
  await page.getByRole('main').getByRole('link', { name: fr.accountNav.relatives }).first().click();
  await expect(h1(page)).toHaveText(fr.relatives.title);
  const add = page.locator('section', {
    has: page.getByRole('heading', { name: fr.relatives.addTitle }),
  });
  await add.getByLabel(fr.fields.firstName, { exact: true }).fill('Léa');
  await expect(add.getByLabel(fr.fields.lastName, { exact: true })).toHaveValue('Martin');
  await add.getByLabel(fr.fields.birthDate).fill('2018-06-01');
  await add.getByLabel(fr.fields.relationship).selectOption('child');
  await add.getByRole('button', { name: fr.relatives.add }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Léa Martin' })).toBeVisible();
  await expect(page.locator('.profile-card h3')).toHaveText(['Zoé Martin', 'Léa Martin']);

  // The profile switch in the header: the header then shows the child's name.
  await accountButton.click();
  await expect(accountButton).toHaveAttribute('aria-expanded', 'true');
  const lea = page
    .getByRole('group', { name: fr.menu.forWhom })
    .getByRole('button', { name: /Léa Martin/ });
  await lea.click();
  await expect(lea).toHaveAttribute('aria-pressed', 'true');
  await expect(accountButton).toContainText('Léa Martin');
  await page.keyboard.press('Escape');
  await expect(accountButton).toBeFocused();
  await page.reload();
  await expect(page.getByRole('banner').locator('.account-button')).toContainText('Léa Martin');

  await logoutUi(page);
  await expect(
    page.getByRole('banner').getByRole('link', { name: fr.header.signup }),
  ).toBeVisible();
  await expect(page.getByRole('banner').locator('.account-button')).toHaveCount(0);
});

test('a practitioner waits for verification, the operator verifies them, they see "Vérifié"', async ({
  page,
}) => {
  test.skip(!OPERATOR.email, 'CABINET_OPERATOR_EMAIL / CABINET_OPERATOR_PASSWORD are not set');
  test.setTimeout(120_000);
  const email = uniqueEmail('camille');
  const rpps = newRpps();
  const seen = await mailIds(page.request, email);

  await page.goto('/inscription/praticien');
  await expect(h1(page)).toHaveText(fr.signupPractitioner.title);
  await page.getByLabel(fr.fields.firstName, { exact: true }).fill('Camille');
  await page.getByLabel(fr.fields.lastName, { exact: true }).fill('Durand');
  await page.getByLabel(fr.fields.rpps).fill(rpps);
  const specialty = page.getByLabel(fr.fields.specialty);
  await expect(specialty.locator('option')).not.toHaveCount(1);
  await specialty.selectOption({ index: 1 });
  await page.getByLabel(fr.fields.emailPro).fill(email);
  await page.getByLabel(fr.fields.mobile).fill('07 12 34 56 78');
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.signupPractitioner.submit }).click();
  await expect(h1(page)).toHaveText(fr.checkMail.title);
  await confirmThroughMailbox(page, email, seen);

  await loginUi(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/praticien$/);
  const status = page.locator('#verification-title');
  await expect(status).toHaveText(fr.practitionerHome.status.pending);
  await expect(page.getByRole('main')).toContainText(rpps);
  await logoutUi(page);

  await loginUi(page, OPERATOR.email, OPERATOR.password);
  await expect(page).toHaveURL(/\/operateur$/);
  const card = page.locator('.queue-item', { hasText: email });
  await expect(card).toContainText('Camille Durand');
  await expect(card).toContainText(rpps);
  await card.getByRole('button', { name: new RegExp(`^${fr.operatorHome.verify}`) }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: fr.operatorHome.verified.replace('{name}', 'Camille Durand') }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  await logoutUi(page);

  await loginUi(page, email, PASSWORD);
  await expect(status).toHaveText(fr.practitionerHome.status.verified);
});

/** A new patient at the code step: the code emailed, and a wrong one. */
async function atCodeStep(
  page: import('@playwright/test').Page,
  baseURL: string,
  person: { name: string; first_name: string; last_name: string; birth_date: string },
) {
  const email = uniqueEmail(person.name);
  await createAccount(page.request, baseURL, {
    email,
    password: PASSWORD,
    first_name: person.first_name,
    last_name: person.last_name,
    birth_date: person.birth_date,
  });
  const before = await mailIds(page.request, email);
  await page.goto('/connexion');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(h1(page)).toHaveText(fr.login.codeTitle);
  const real = await readCode(page.context(), email, before);
  return { real, wrong: String((Number(real) + 1) % 1_000_000).padStart(6, '0') };
}

test('a wrong code says how many tries remain', async ({ page, baseURL }) => {
  const { real, wrong } = await atCodeStep(page, baseURL!, {
    name: 'hugo',
    first_name: 'Hugo',
    last_name: 'Petit',
    birth_date: '1985-01-15',
  });
  await page.getByLabel(fr.login.codeLabel).fill(wrong);
  await page.getByRole('button', { name: fr.login.verify }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  const fieldError = page.locator('#code-error');
  await expect(fieldError).toContainText(/4|quatre/i);
  await expect(page.getByLabel(fr.login.codeLabel)).toHaveAttribute('aria-invalid', 'true');

  // The right code still works afterwards.
  await page.getByLabel(fr.login.codeLabel).fill(real);
  await page.getByRole('button', { name: fr.login.verify }).click();
  await expect(page).toHaveURL(/\/patient$/);
});

test('five wrong codes spend the code: "Renvoyer le code" leads back to the password', async ({
  page,
  baseURL,
}) => {
  const { wrong } = await atCodeStep(page, baseURL!, {
    name: 'ines',
    first_name: 'Inès',
    last_name: 'Roux',
    birth_date: '1979-03-08',
  });
  for (let i = 0; i < 5; i++) {
    await page.getByLabel(fr.login.codeLabel).fill(wrong);
    await page.getByRole('button', { name: fr.login.verify }).click();
    await expect(page.getByRole('alert')).toBeFocused();
  }
  // A spent code is never revived (issue 17): a new one needs the password again.
  await page.getByRole('button', { name: fr.login.resend }).click();
  await expect(h1(page)).toHaveText(fr.login.title);
  await expect(page.getByRole('alert')).toContainText('Reconnectez-vous');
});

test('too many wrong passwords: the login page says to wait (429 + Retry-After)', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('paul');
  await createAccount(page.request, baseURL!, {
    email,
    password: PASSWORD,
    first_name: 'Paul',
    last_name: 'Lefèvre',
    birth_date: '1960-07-14',
  });
  await page.goto('/connexion');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  const password = page.getByLabel(fr.fields.password, { exact: true });
  const alert = page.getByRole('alert');
  const limited = [
    fr.errors.rateLimitedSeconds,
    fr.errors.rateLimitedOne,
    fr.errors.rateLimitedSoon,
  ];
  // docs/accounts.md: growing delays after 5 failures for an account.
  for (let i = 0; i < 8; i++) {
    await password.fill(`Pas-le-bon-${i}`);
    await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
    await expect(alert).toBeFocused();
    const text = (await alert.textContent()) ?? '';
    if (
      limited.some((m) => text.includes(m.replace(/ ([?!:;»])/g, '\u00a0$1'))) ||
      /Réessayez dans \d+ minutes/.test(text)
    )
      return;
  }
  throw new Error('no rate limit after 8 wrong passwords');
});

test('a weak password at sign-up names the rule that fails', async ({ page }) => {
  await page.goto('/inscription');
  await page.getByLabel(fr.fields.firstName, { exact: true }).fill('Inès');
  await page.getByLabel(fr.fields.lastName, { exact: true }).fill('Robert');
  await page.getByLabel(fr.fields.birthDate).fill('1992-09-09');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(uniqueEmail('ines'));
  await page.getByLabel(fr.fields.mobile).fill('0611223344');
  const password = page.getByLabel(fr.fields.password, { exact: true });

  // Too short: the checklist shows it, and so does the error after sending.
  await password.fill('Court1!');
  await expect(page.locator('.rule-todo')).toContainText([fr.password.rules.length]);
  await page.getByRole('button', { name: fr.signup.submit }).click();
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.locator('#password-error')).toContainText(fr.checks.passwordErrors.length);

  // Passes every rule the browser can check, but the server knows it is a common password:
  // its message, which names the rule, is shown on the field.
  await password.fill('Motdepasse2026');
  await expect(page.locator('.rule-todo')).toHaveCount(0);
  await page.getByRole('button', { name: fr.signup.submit }).click();
  await expect(page.locator('#password-error')).toBeVisible();
  await expect(page.locator('#password-error')).not.toContainText(fr.checks.passwordErrors.length);
  await expect(h1(page)).toHaveText(fr.signup.title);
});

test('signed-in pages send signed-out visitors to the login page', async ({ page }) => {
  await page.goto('/compte/proches');
  await expect(page).toHaveURL(/\/connexion\?retour=%2Fcompte%2Fproches$/);
  await expect(h1(page)).toHaveText(fr.login.title);
});

test('a session closed from another device leads to the login page with the reason', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const email = uniqueEmail('nina');
  await createAccount(page.request, baseURL!, {
    email,
    password: PASSWORD,
    first_name: 'Nina',
    last_name: 'Garcia',
    birth_date: '1979-12-01',
  });
  await loginUi(page, email, PASSWORD);
  await page.goto('/compte');
  await expect(h1(page)).toHaveText(fr.account.title);

  // From another device: sign in and close the first session.
  const other = await browser.newContext({ baseURL: baseURL! });
  await loginApi(other.request, baseURL!, email, PASSWORD);
  const list = (await (
    await other.request.get('/api/v1/me/sessions', { headers: { Accept: 'application/json' } })
  ).json()) as Array<{ id: string; current: boolean }>;
  const first = list.find((s) => !s.current);
  expect(first, 'the first device in GET /me/sessions').toBeTruthy();
  const res = await other.request.delete(`/api/v1/me/sessions/${first!.id}`, {
    headers: { Origin: new URL(baseURL!).origin, 'X-Requested-With': 'cabinet' },
  });
  expect(res.status()).toBe(204);
  await other.close();

  // The next call of the first device answers 401: off to the login page, with the reason.
  // docs/accounts.md says `unauthorized` ("no session") here, which the app words as "you have
  // been signed out"; the server answers `session_expired` for any cookie whose session is gone
  // (reported as a deviation), which the app words as "your session has ended". Either way the
  // user is told why and comes back to the page afterwards.
  await page
    .getByRole('navigation', { name: fr.accountNav.label })
    .getByRole('link', { name: fr.accountNav.access })
    .click();
  await expect(page).toHaveURL(
    /\/connexion\?retour=%2Fcompte%2Facces&raison=(deconnecte|session)$/,
  );
  const notice = page.getByRole('main').locator('.notice-info .notice-title');
  await expect(notice).toHaveText(
    page.url().endsWith('deconnecte') ? fr.login.revoked.title : fr.login.expired.title,
  );
  await expect(page.getByRole('banner').getByRole('link', { name: fr.header.login })).toBeVisible();

  // Signing in again comes back to the page that was asked for.
  const before = await mailIds(page.request, email);
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await page.getByLabel(fr.login.codeLabel).fill(await readCode(page.context(), email, before));
  await page.getByRole('button', { name: fr.login.verify }).click();
  await expect(page).toHaveURL(/\/compte\/acces$/);
  await expect(h1(page)).toHaveText(fr.accessLog.title);
});
