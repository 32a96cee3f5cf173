// Issue 19's accounts part (docs/operator.md "Accounts"): the operator finds a practitioner who
// has a patient booked, suspends them with a reason in the dialog, and the page says how many
// appointments were cancelled. The patient's appointment is cancelled, its card hold voided, and
// the patient is told by email (the development mailbox); the practitioner is told why, their
// session ends at once and signing in again says the account is suspended. The operations log
// shows the suspension; the verification queue shows the RPPS checks. Axe on each screen,
// screenshots at 1280 and 360 px.
//
// Needs the operator credentials global setup creates and a development server (the mailbox).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import {
  OPERATOR,
  PASSWORD,
  createAccount,
  loginUi,
  mailIds,
  newRpps,
  nextMail,
  uniqueEmail,
} from './accounts';
import { blockingViolations } from './axe';
import {
  type Appointment,
  type Doctor,
  doctorPage,
  nextAddress,
  patientWithAppointment,
  videoDoctor,
} from './consultation';
import { apiGet } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

// A name nobody else in the suite has, so that the search finds this practitioner alone.
const DOCTOR = { first_name: 'Bérénice', last_name: 'Quintal' };
let doctor: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(!OPERATOR.email, 'no operator credentials: nobody can verify the practitioner');
  doctor = await videoDoctor(browser, process.env.CABINET_BASE_URL!, DOCTOR);
});

/** Both widths, full page, after the accessibility check. */
async function shots(page: Page, name: string): Promise<void> {
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-${name}-fr-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-${name}-fr-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the operator suspends a practitioner: the booking is cancelled, the patient told, the hold voided', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000);
  // A patient with a confirmed video appointment (card held) with the practitioner.
  const patientContext = await browser.newContext({ baseURL });
  const patient = await patientContext.newPage();
  const appointment: Appointment = await patientWithAppointment(patient, baseURL!, doctor);
  const before = await apiGet<{ payment: { state: string } }>(
    patient.request,
    `/appointments/${appointment.id}`,
  );
  expect(before.payment.state).toBe('held');
  const patientEmail = (await apiGet<{ account: { email: string } }>(patient.request, '/me'))
    .account.email;
  const patientSeen = await mailIds(page.request, patientEmail);
  const doc = await doctorPage(browser, baseURL!, doctor);
  const doctorEmail = (await apiGet<{ account: { email: string } }>(doc.page.request, '/me'))
    .account.email;
  const doctorSeen = await mailIds(page.request, doctorEmail);

  // A practitioner awaiting verification: the queue shows their RPPS checks.
  await createAccount(
    page.request,
    baseURL!,
    {
      email: uniqueEmail('armand'),
      password: PASSWORD,
      first_name: 'Armand',
      last_name: 'Vidal',
      rpps: newRpps(),
      specialty: 'general_medicine',
    },
    { clientIp: nextAddress() },
  );
  await loginUi(page, OPERATOR.email, OPERATOR.password);
  await page.goto('/operateur');
  await expect(page.getByRole('heading', { name: fr.rppsChecks.extractTitle })).toBeVisible();
  const pending = page.locator('.queue-item').filter({ hasText: 'Armand Vidal' });
  await expect(pending.getByTestId('rpps-checks')).toContainText(fr.rppsChecks.luhn);
  await expect(pending.getByTestId('rpps-checks').locator('[data-check="ok"]')).toHaveCount(1);
  await shots(page, 'verification');

  // "Comptes": search the practitioner by name.
  await page
    .getByRole('navigation', { name: fr.operatorNav.label })
    .getByRole('link', { name: fr.operatorNav.accounts })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.operatorAccounts.title);
  await page.getByLabel(fr.operatorAccounts.q).fill(DOCTOR.last_name);
  await page.getByTestId('accounts-search').click();
  const result = page.getByTestId('account-result').filter({ hasText: DOCTOR.last_name });
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(fr.operatorAccounts.statuses.active);
  await shots(page, 'accounts');

  // Suspend, with the reason asked in the dialog (an empty reason is refused first).
  await result.getByTestId('account-suspend').click();
  const dialog = page.getByTestId('account-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ses rendez-vous à venir sont annulés');
  await dialog.getByTestId('account-dialog-confirm').click();
  await expect(dialog).toContainText(fr.operatorAccounts.dialog.reasonRequired);
  const reason = 'Inscription à l’Ordre non confirmée';
  await dialog.getByLabel(fr.operatorAccounts.dialog.reason).fill(reason);
  await shots(page, 'suspend-dialog');
  await dialog.getByTestId('account-dialog-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '1 rendez-vous annulé,' })).toBeVisible();
  await expect(result).toContainText(fr.operatorAccounts.statuses.suspended);
  await expect(result).toContainText(reason);
  await shots(page, 'accounts-suspended');

  // The appointment is cancelled and its card hold voided.
  const after = await apiGet<{ status: string; cancelled_by: string; payment: { state: string } }>(
    patient.request,
    `/appointments/${appointment.id}`,
  );
  expect(after.status).toBe('cancelled');
  expect(after.cancelled_by).toBe('operator');
  expect(after.payment.state).toBe('voided');
  // The patient is told, without the operator's reason.
  const told = await nextMail(page.request, patientEmail, patientSeen);
  expect(told.subject).toMatch(/^Rendez-vous annulé/);
  const toldText = (
    (await (await page.request.get(`/api/v1/dev/mailbox/${told.id}`)).json()) as { text: string }
  ).text;
  expect(toldText).toContain('ne consulte plus sur Cabinet');
  expect(toldText).not.toContain(reason);
  // Their page says so.
  await patient.goto('/patient/rendez-vous');
  await expect(patient.getByText('ne consulte plus sur Cabinet').first()).toBeVisible();

  // The practitioner is told why; their session has ended; signing in says the account is
  // suspended.
  const letter = await nextMail(page.request, doctorEmail, doctorSeen);
  expect(letter.subject).toBe('Votre compte Cabinet est suspendu');
  const me = await doc.page.request.get('/api/v1/me', { headers: { Accept: 'application/json' } });
  expect(me.status()).toBe(401);
  await doc.page.goto('/connexion');
  await doc.page.getByLabel(fr.fields.email, { exact: true }).fill(doctorEmail);
  await doc.page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await doc.page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(doc.page.getByText('Ce compte est suspendu').first()).toBeVisible();
  await shots(doc.page, 'login-suspended');

  // The operations log shows the suspension and the cancellation.
  await page
    .getByRole('navigation', { name: fr.operatorNav.label })
    .getByRole('link', { name: fr.operatorNav.log })
    .click();
  const log = page.getByTestId('operations-log');
  await expect(log).toContainText(fr.operatorLog.actions['account.suspend']!);
  await expect(log).toContainText(fr.operatorLog.actions['appointment.cancel']!);
  await expect(log).toContainText(reason);
  await shots(page, 'log');

  // Reactivated: the practitioner may sign in again.
  await page.goto('/operateur/comptes');
  await page.getByLabel(fr.operatorAccounts.q).fill(DOCTOR.last_name);
  await page.getByTestId('accounts-search').click();
  await result.getByTestId('account-reactivate').click();
  await dialog.getByLabel(fr.operatorAccounts.dialog.reason).fill('Inscription confirmée');
  await dialog.getByTestId('account-dialog-confirm').click();
  await expect(result).toContainText(fr.operatorAccounts.statuses.active);
  await patientContext.close();
  await doc.context.close();
});
