// Issue 14's end-to-end test: what comes out of a teleconsultation. A real consultation between
// two browsers: the practitioner closes it with the closing form — a compte-rendu, an ordonnance
// of two medicines (the first from the medicine search when the server has it, the second typed
// freely, added with Enter) and an arrêt de travail. A 5-day arrêt by a practitioner who is not
// the patient's médecin traitant is refused at its field (nothing issued, nothing captured); 2
// days go through. The patient, on "Mes documents" in another tab, sees the documents arrive
// without a reload, downloads the prescription's PDF and sends it to a pharmacy. The pharmacist
// opens the verification link (the PDF's QR code) without an account:
// "Ordonnance authentique", dispensed once (the second time: already_dispensed), and the
// patient sees "Délivrée". A sport certificate is refused (requires_examination). Axe on each
// screen, screenshots at 1280 and 360 px.
//
// Needs what consultation.spec.ts needs (operator credentials, a development server for the
// mailbox), and the documents' server side (src/documents/).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { blockingViolations } from './axe';
import {
  type Appointment,
  type Doctor,
  doctorPage,
  patientWithAppointment,
  videoDoctor,
} from './consultation';
import { apiGet, unsafe } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

let main: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  main = await videoDoctor(browser, process.env.CABINET_BASE_URL!, {
    first_name: 'Claire',
    last_name: 'Martin',
  });
});

/** "2026-12-07" + n days, as a date input takes it. */
function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The verification link the pharmacist scans: the QR code of the prescription's PDF, read with
 * poppler's pdftoppm and zbar's zbarimg (as the server's PDF tests do).
 */
async function qrLink(pdf: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cabinet-qr-'));
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', pdf, `${dir}/page`]);
  const png = execFileSync('sh', ['-c', `ls ${dir}/page*.png`])
    .toString()
    .trim();
  const text = execFileSync('zbarimg', ['-q', '--raw', png]).toString().trim();
  const url = new URL(text.split('\n')[0]!);
  expect(url.pathname).toMatch(/^\/verifier\//);
  return `${url.pathname}${url.search}`;
}

/** The practitioner admits the patient waiting in the room, from "Consultations du jour". */
async function admit(d: Page, appt: Appointment): Promise<void> {
  await d.goto('/praticien/consultations');
  const item = d.locator(`[data-testid="dashboard-item"][data-id="${appt.id}"]`);
  await expect(item).toHaveAttribute('data-waiting', 'true', { timeout: 15_000 });
  await item.getByTestId('dashboard-admit').click();
  await expect(d.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call', {
    timeout: 15_000,
  });
}

test('a consultation closes with a report, a prescription and a sick note; the patient gets them live; the pharmacist checks and dispenses', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['camera', 'microphone']);
  const appt = await patientWithAppointment(page, baseURL!, main);

  // The patient's "Mes documents", open in another tab: nothing yet.
  const docs = await page.context().newPage();
  await docs.goto('/patient/documents');
  await expect(docs.getByTestId('documents-empty')).toBeVisible();
  expect(await blockingViolations(docs)).toEqual([]);

  // The patient waits in the room; the practitioner lets them in.
  await page.goto(`/consultation/${appt.id}`);
  await expect(page.getByTestId('room-status')).toHaveAttribute('data-status', 'waiting', {
    timeout: 15_000,
  });
  const doctor = await doctorPage(browser, baseURL!, main);
  const d = doctor.page;
  await admit(d, appt);

  // "Clôturer la consultation": the form opens beside the video, focus on its title.
  await d.getByTestId('close-consultation').click();
  const form = d.getByTestId('closing-form');
  await expect(form).toBeVisible();
  await expect(d.locator('#closing-title')).toBeFocused();

  // Compte-rendu: ticking the box goes to its first field.
  await d.getByRole('checkbox', { name: fr.closing.report.label, exact: true }).check();
  await expect(d.getByTestId('report-history')).toBeFocused();
  await d.keyboard.type('Fièvre à 38,5 °C depuis hier, toux sèche.');
  await d.getByTestId('report-conclusion').fill('Syndrome grippal.');
  await expect(d.getByTestId('draft-status')).toHaveText(fr.closing.draft.saved, {
    timeout: 5_000,
  });

  // Ordonnance: the first medicine from the search when there is one, else as typed.
  await d.getByRole('checkbox', { name: fr.closing.prescription.label, exact: true }).check();
  const names = d.getByTestId('drug-name');
  await expect(names.first()).toBeFocused();
  await d.keyboard.type('Doliprane');
  const suggested = await d
    .getByTestId('drug-option')
    .first()
    .waitFor({ timeout: 3_000 })
    .then(
      () => true,
      () => false,
    );
  if (suggested) {
    await d.keyboard.press('ArrowDown');
    await d.keyboard.press('Enter');
  }
  const lines = d.getByTestId('drug-line');
  await lines.nth(0).getByTestId('drug-posology').fill('1 comprimé 3 fois par jour si fièvre');
  await lines.nth(0).getByTestId('drug-duration').fill('3 jours');
  // Enter in a line adds the next one and goes to it.
  await lines.nth(0).getByTestId('drug-duration').press('Enter');
  await expect(names.nth(1)).toBeFocused();
  await d.keyboard.type('Toplexil sirop');
  await lines.nth(1).getByTestId('drug-posology').fill('1 cuillère à café le soir');
  await lines.nth(1).getByTestId('drug-duration').fill('5 jours');

  // Arrêt de travail: 5 days, over the limit for a practitioner who is not the médecin traitant.
  await d.getByRole('checkbox', { name: fr.closing.sickLeave.label, exact: true }).check();
  const from = await d.getByTestId('leave-from').inputValue();
  await d.getByTestId('leave-to').fill(plusDays(from, 4));
  await expect(d.getByTestId('leave-over-cap')).toBeVisible();
  await d.getByTestId('leave-reason').fill('Syndrome grippal fébrile.');

  // A certificate that needs an examination cannot be ticked.
  await d.getByRole('checkbox', { name: fr.closing.certificates.label, exact: true }).check();
  await expect(d.locator('input[data-type="sport_licence"]')).toBeDisabled();
  await d.getByRole('checkbox', { name: fr.closing.certificates.label, exact: true }).uncheck();

  await expect(d.getByTestId('close-amount')).toHaveValue('25,00');
  expect(await blockingViolations(d)).toEqual([]);
  // Beside the video on a desktop (the form scrolls on its own); under it on a phone.
  await d.screenshot({ path: `${SHOTS}/documents-closing-form-fr-1280.png` });
  await d.setViewportSize({ width: 360, height: 740 });
  await d.screenshot({ path: `${SHOTS}/documents-closing-form-fr-360.png`, fullPage: true });
  await d.setViewportSize({ width: 1280, height: 800 });

  // Refused at its field; nothing issued, nothing captured.
  await d.getByTestId('close-confirm').click();
  await expect(d.locator('.error-summary')).toBeFocused();
  await expect(d.locator('[id="cl-sick_leave.to-error"]')).toBeVisible();
  expect(await blockingViolations(d)).toEqual([]);
  const held = await apiGet<Appointment>(page.request, `/appointments/${appt.id}`);
  expect(held.payment.state).not.toBe('captured');
  await expect(docs.getByTestId('documents-empty')).toBeVisible();

  // Two days go through.
  await d.getByTestId('leave-to').fill(plusDays(from, 1));
  await expect(d.getByTestId('leave-days')).toHaveText(
    fr.closing.sickLeave.days.replace('{n}', '2'),
  );
  await d.getByTestId('close-confirm').click();
  const ended = d.getByTestId('consultation-ended');
  await expect(ended).toBeVisible({ timeout: 15_000 });
  const issued = ended.getByTestId('issued-document');
  for (const kind of ['report', 'prescription', 'sick_leave'])
    await expect(issued.and(d.locator(`[data-kind="${kind}"]`))).toHaveCount(1);
  expect(await blockingViolations(d)).toEqual([]);
  await d.screenshot({
    path: `${SHOTS}/documents-closed-practitioner-fr-1280.png`,
    fullPage: true,
  });
  await expect(page.getByTestId('end-documents')).toBeVisible({ timeout: 10_000 });

  // The patient's tab shows them at once, without a reload.
  for (const kind of ['report', 'prescription', 'sick_leave'])
    await expect(docs.locator(`[data-testid="document"][data-kind="${kind}"]`)).toHaveCount(1, {
      timeout: 10_000,
    });
  // The stand-in numbers say so (the compte-rendu goes through no teleservice).
  await expect(
    docs.locator('[data-testid="document"][data-kind="prescription"]').getByTestId('standin'),
  ).toBeVisible();
  expect(await blockingViolations(docs)).toEqual([]);
  await docs.screenshot({ path: `${SHOTS}/documents-mine-fr-1280.png`, fullPage: true });
  await docs.setViewportSize({ width: 360, height: 740 });
  await docs.screenshot({ path: `${SHOTS}/documents-mine-fr-360.png`, fullPage: true });
  await docs.setViewportSize({ width: 1280, height: 800 });

  // The prescription's PDF.
  const prescription = docs.locator('[data-testid="document"][data-kind="prescription"]');
  const [download] = await Promise.all([
    docs.waitForEvent('download'),
    prescription.getByTestId('document-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = (await download.path())!;
  const bytes = await readFile(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // What a pharmacy reads on it (CSP R.5132-3): the prescriber's RPPS, the patient's name and
  // birth date, each posology, "téléconsultation" and the number.
  type Me = {
    account: { practitioner?: { rpps: string } };
    profiles: { is_holder: boolean; first_name: string; last_name: string; birth_date: string }[];
  };
  const patientMe = await apiGet<Me>(page.request, '/me');
  const holder = patientMe.profiles.find((p) => p.is_holder)!;
  const doctorMe = await apiGet<Me>(d.request, '/me');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const [year = 0, month = 1, day = 1] = holder.birth_date.split('-').map(Number);
  const months = [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ];
  for (const needle of [
    `RPPS ${doctorMe.account.practitioner!.rpps}`,
    holder.first_name,
    holder.last_name,
    `${day === 1 ? '1er' : day} ${months[month - 1]} ${year}`,
    '1 comprimé 3 fois par jour si fièvre',
    '1 cuillère à café le soir',
    'téléconsultation',
  ])
    expect(text).toContain(needle);
  const link = await qrLink(pdf);
  const number = ((await prescription.getByTestId('prescription-number').textContent()) ?? '')
    .replace(/\D/g, '')
    .trim();
  expect(number).not.toBe('');
  expect(text).toContain(number);

  // Sent to a pharmacy.
  await prescription.getByTestId('send-pharmacy').click();
  const dialog = docs.getByTestId('pharmacy-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(fr.pharmacyDialog.q).fill('Paris');
  await dialog.getByTestId('pharmacy-search').click();
  await dialog.getByTestId('pharmacy-result').first().getByRole('button').click();
  expect(await blockingViolations(docs)).toEqual([]);
  await dialog.getByTestId('pharmacy-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(prescription.getByTestId('pharmacy-status')).toBeVisible();

  // The pharmacist, without an account, from the QR code.
  const pharmacist = await browser.newContext({ baseURL });
  const ph = await pharmacist.newPage();
  await ph.goto(link);
  await expect(ph.getByTestId('verdict')).toHaveAttribute('data-verdict', 'authentic');
  await expect(ph.getByTestId('verify-standin')).toBeVisible();
  await expect(ph.getByTestId('verify-items')).toContainText('Toplexil');
  expect(await blockingViolations(ph)).toEqual([]);
  await ph.screenshot({ path: `${SHOTS}/documents-verify-fr-1280.png`, fullPage: true });
  await ph.getByTestId('verify-dispense').click();
  await expect(ph.getByTestId('verify-dispensed')).toBeVisible();
  const key = new URL(link, baseURL).searchParams.get('cle')!;
  const again = await ph.request.post(`/api/v1/prescriptions/${number}/dispense`, {
    data: { key },
    headers: unsafe(baseURL!),
  });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
    'already_dispensed',
  );
  await ph.setViewportSize({ width: 360, height: 740 });
  await ph.reload();
  await expect(ph.getByTestId('verify-dispensed')).toBeVisible();
  await ph.screenshot({ path: `${SHOTS}/documents-verify-fr-360.png`, fullPage: true });
  // Without the key: only that it exists and was dispensed.
  await ph.goto(`/verifier/${number}`);
  await expect(ph.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(ph.getByTestId('verify-items')).toHaveCount(0);
  await pharmacist.close();

  // The patient sees it dispensed, live.
  await expect(prescription.getByTestId('pharmacy-status')).toContainText(fr.myDocs.dispensed, {
    timeout: 10_000,
  });

  // A certificate that needs an examination is refused by the server too.
  const sport = await d.request.post(`/api/v1/consultations/${appt.id}/documents`, {
    data: { kind: 'certificate', type: 'sport_licence', text: '' },
    headers: unsafe(baseURL!),
  });
  expect(sport.status()).toBe(422);
  expect(((await sport.json()) as { error: { code: string } }).error.code).toBe(
    'requires_examination',
  );

  // "Mes rendez-vous" shows the consultation's documents under it.
  await docs.goto('/patient/rendez-vous');
  await expect(
    docs
      .locator(`[data-testid="appointment"][data-id="${appt.id}"]`)
      .getByTestId('appointment-documents'),
  ).toBeVisible();
  // The day's list: "Documents" on the finished consultation, its documents on their page.
  await d.goto('/praticien/consultations');
  await d
    .locator(`[data-testid="dashboard-item"][data-id="${appt.id}"]`)
    .getByTestId('dashboard-close')
    .click();
  await expect(d).toHaveURL(new RegExp(`/praticien/consultations/${appt.id}/cloture$`));
  await expect(d.getByTestId('issued-document')).toHaveCount(4);
  expect(await blockingViolations(d)).toEqual([]);

  // A correction: the report's conclusion, issued as version 2; both versions are kept.
  const report = d.locator('[data-testid="issued-document"][data-kind="report"]');
  await report.getByTestId('correct-document').click();
  const editor = d.getByTestId('document-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('report-conclusion')).toHaveValue('Syndrome grippal.');
  await editor.getByTestId('report-conclusion').fill('Syndrome grippal, sans signe de gravité.');
  expect(await blockingViolations(d)).toEqual([]);
  await editor.getByTestId('correction-submit').click();
  await expect(
    d.locator('[data-testid="issued-document"][data-kind="report"][data-version="2"]'),
  ).toBeVisible({ timeout: 10_000 });
  await expect(
    d.locator('[data-testid="issued-document"][data-kind="report"][data-replaced="true"]'),
  ).toHaveCount(1);
  await d.screenshot({ path: `${SHOTS}/documents-correction-fr-1280.png`, fullPage: true });
  const mine = await apiGet<{
    items: { kind: string; version: number; replaced_by: string | null }[];
  }>(page.request, '/me/documents');
  const reports = mine.items.filter((x) => x.kind === 'report');
  expect(reports.map((x) => x.version).sort()).toEqual([1, 2]);
  expect(reports.filter((x) => x.replaced_by === null)).toHaveLength(1);
  await doctor.context.close();
});
