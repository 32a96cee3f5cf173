// Issue 15's end-to-end test: the patient's health space and "Contacter mon praticien". The
// patient adds a PDF and a photo to their child's documents, hides the PDF, previews both in the
// page, declares the child's penicillin allergy in the medical profile and attaches the photo
// to the child's appointment. In the consultation, the practitioner's "Dossier du patient"
// shows the photo and not the PDF, and the allergy; the prescription warns when amoxicillin is
// added. After the consultation the patient writes to the practitioner (who opted in), the
// practitioner answers, and the patient sees the answer arrive without a reload. A patient who
// never consulted that practitioner is refused. Axe on each screen, screenshots at 1280 and
// 360 px.
//
// Needs what documents.spec.ts needs (operator credentials, a development server for the
// mailbox), and the server side of docs/health-space.md and docs/messaging.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import { now } from './clock';
import {
  type Appointment,
  type Doctor,
  type Slot,
  doctorPage,
  nextAddress,
  send,
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

/** Both widths, full page, after the accessibility check. */
async function shots(page: Page, name: string): Promise<void> {
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/health-${name}-fr-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/health-${name}-fr-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

interface Family {
  childId: string;
  appointment: Appointment;
}

/** A signed-in parent in `page`'s context, with a child and the child's video appointment. */
async function parentWithChildAppointment(page: Page, baseURL: string): Promise<Family> {
  const email = uniqueEmail('ines');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL,
    {
      email,
      password: PASSWORD,
      first_name: 'Inès',
      last_name: 'Moreau',
      birth_date: '1990-05-04',
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL, email, PASSWORD, { clientIp });
  const child = (await send(page.request, baseURL, 'post', '/me/profiles', {
    first_name: 'Léo',
    last_name: 'Moreau',
    birth_date: '2019-09-01',
    sex: null,
    relationship: 'child',
  })) as { id: string };
  const { slots } = await apiGet<{ slots: Slot[] }>(
    page.request,
    `/practitioners/${main.practitionerId}/slots?days=2&mode=video&motif_id=${main.motifId}`,
  );
  const slot = slots[0];
  expect(slot, 'a video slot today').toBeTruthy();
  expect(Date.parse(slot!.start) - now()).toBeLessThanOrEqual(10 * 60_000);
  const booked = (await send(
    page.request,
    baseURL,
    'post',
    '/appointments',
    {
      practitioner_id: main.practitionerId,
      motif_id: main.motifId,
      start: slot!.start,
      profile_id: child.id,
      mode: 'video',
    },
    { 'Idempotency-Key': `e2e-health-${Date.now()}` },
  )) as Appointment;
  const appointment = (await send(
    page.request,
    baseURL,
    'post',
    `/appointments/${booked.id}/confirm`,
    { payment_method: 'tok_visa' },
  )) as Appointment;
  expect(appointment.status).toBe('confirmed');
  return { childId: child.id, appointment };
}

/** Adds one document through the page's form (file input, title, kind). */
async function addDocument(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  title: string,
  kind: string,
): Promise<void> {
  await page.getByTestId('add-document-open').click();
  const form = page.getByTestId('add-document');
  await expect(form).toBeVisible();
  // Said before choosing: the accepted types and the size.
  await expect(form).toContainText(fr.addDoc.fileHint);
  await form.getByTestId('add-document-file').setInputFiles(file);
  await expect(form.getByTestId('add-document-chosen')).toContainText(file.name);
  await form.getByTestId('add-document-title').fill(title);
  await form.getByTestId('add-document-kind').selectOption(kind);
  await form.getByTestId('add-document-submit').click();
  await expect(page.getByRole('status').filter({ hasText: title })).toBeVisible({
    timeout: 15_000,
  });
}

const card = (page: Page, title: string) =>
  page.locator('[data-testid="document"]').filter({ hasText: title });

test('the parent files the child’s documents and allergy; the practitioner sees the visible ones and is warned; they message after the consultation', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await page.context().grantPermissions(['camera', 'microphone']);
  const { childId, appointment } = await parentWithChildAppointment(page, baseURL!);

  // The practitioner opts in to messaging, with the plain explanation on screen.
  const doctor = await doctorPage(browser, baseURL!, main);
  const d = doctor.page;
  await d.goto('/praticien/messages');
  const settings = d.getByTestId('messaging-settings');
  await expect(settings).toContainText(fr.staffMessages.enabledHint);
  await settings.getByLabel(fr.staffMessages.enabled).check();
  await d.getByTestId('messaging-save').click();
  await expect(d.getByRole('status').filter({ hasText: fr.staffMessages.saved })).toBeVisible();
  await shots(d, 'practitioner-messages');

  // "Mes documents", the child's: a PDF (made by the browser) and a photo.
  await page.goto('/patient/documents');
  await page
    .getByRole('group', { name: fr.myDocs.profiles })
    .getByRole('button', { name: 'Léo Moreau', exact: true })
    .click();
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  const pdf = await page.pdf({ width: '210mm', height: '297mm' });
  const photo = await page.screenshot({ type: 'jpeg', quality: 80 });
  await addDocument(
    page,
    { name: 'bilan.pdf', mimeType: 'application/pdf', buffer: pdf },
    'Bilan sanguin',
    'lab_result',
  );
  await addDocument(
    page,
    { name: 'eruption.jpg', mimeType: 'image/jpeg', buffer: photo },
    'Photo de l’éruption',
    'imaging',
  );
  await expect(card(page, 'Bilan sanguin').getByTestId('document-author')).toHaveText(
    fr.health.addedByYou,
  );

  // Previews in the page: the photo, then the PDF drawn by pdf.js.
  await card(page, 'Photo de l’éruption').getByTestId('document-preview').click();
  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog.getByTestId('preview-image')).toBeVisible();
  await dialog.getByRole('button', { name: fr.health.close }).last().click();
  await expect(dialog).toHaveCount(0);
  await expect(card(page, 'Photo de l’éruption').getByTestId('document-preview')).toBeFocused();
  await card(page, 'Bilan sanguin').getByTestId('document-preview').click();
  await expect(dialog.getByTestId('preview-pdf')).toBeVisible();
  await expect
    .poll(() => dialog.getByTestId('preview-pdf').evaluate((c: HTMLCanvasElement) => c.width))
    .toBeGreaterThan(100);
  await page.keyboard.press('Escape');

  // Hide the PDF from professionals: said on the card.
  await expect(page.locator('#hide-explain')).toHaveText(fr.health.hideExplain);
  await card(page, 'Bilan sanguin').getByTestId('document-hide').click();
  await expect(card(page, 'Bilan sanguin').getByTestId('document-hidden')).toBeVisible();
  await shots(page, 'documents');

  // The child's medical profile: a penicillin allergy.
  await page.goto(`/patient/profil-medical/${childId}`);
  await page.getByTestId('medical-add-allergy').click();
  const allergy = page.getByTestId('medical-allergy').getByTestId('medical-item').first();
  await expect(allergy.getByTestId('medical-label')).toBeFocused();
  await page.keyboard.type('Pénicilline');
  await allergy.getByLabel(fr.medical.detail).fill('Urticaire');
  await allergy.getByLabel(fr.medical.date).fill('2024');
  await page.getByLabel(fr.medical.weight).fill('21,5');
  await page.getByTestId('medical-save').click();
  await expect(page.getByRole('status').filter({ hasText: fr.medical.saved })).toBeVisible();
  await shots(page, 'medical-profile');

  // Shared before the consultation: the photo; the hidden PDF cannot be attached.
  await page.goto('/patient/rendez-vous');
  await page.getByTestId('attach-documents').first().click();
  await expect(page).toHaveURL(new RegExp(`/patient/rendez-vous/${appointment.id}/documents$`));
  await expect(page.getByLabel(/Bilan sanguin/)).toBeDisabled();
  await page.getByLabel(/Photo de l’éruption/).check();
  await page.getByTestId('attach-save').click();
  await expect(page.getByRole('status').filter({ hasText: fr.attach.savedOne })).toBeVisible();
  await shots(page, 'attach');

  // The consultation: the child waits, the practitioner admits.
  await page.goto(`/consultation/${appointment.id}`);
  await expect(page.getByTestId('room-status')).toHaveAttribute('data-status', 'waiting', {
    timeout: 15_000,
  });
  await d.goto('/praticien/consultations');
  const item = d.locator(`[data-testid="dashboard-item"][data-id="${appointment.id}"]`);
  await expect(item).toHaveAttribute('data-waiting', 'true', { timeout: 15_000 });
  await item.getByTestId('dashboard-admit').click();
  await expect(d.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call', {
    timeout: 15_000,
  });

  // "Dossier du patient": the allergy first, the photo attached, never the hidden PDF.
  const record = d.getByTestId('side-panel').getByTestId('health-record');
  await expect(record.getByTestId('record-allergies')).toContainText('Pénicilline');
  await expect(record.getByTestId('record-attached')).toContainText('Photo de l’éruption');
  await expect(record).not.toContainText('Bilan sanguin');
  expect(await blockingViolations(d)).toEqual([]);
  await d.screenshot({ path: `${SHOTS}/health-record-fr-1280.png`, fullPage: true });

  // The prescription warns (without blocking) when amoxicillin is added.
  await d.getByTestId('close-consultation').click();
  await d.getByRole('checkbox', { name: fr.closing.prescription.label, exact: true }).check();
  const names = d.getByTestId('drug-name');
  await expect(names.first()).toBeFocused();
  await d.keyboard.type('Amoxicilline');
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
  const warning = d.getByTestId('allergy-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(warning).toContainText('Pénicilline');
  const line = d.getByTestId('drug-line').first();
  await line.getByTestId('drug-posology').fill('1 sachet matin et soir');
  await line.getByTestId('drug-duration').fill('6 jours');
  // A child's doses need the weight: the one the parent declared is offered.
  await d.getByTestId('use-declared-weight').click();
  await expect(d.getByTestId('prescription-weight')).toHaveValue('21,5');
  expect(await blockingViolations(d)).toEqual([]);
  await d.screenshot({ path: `${SHOTS}/health-allergy-warning-fr-1280.png` });
  await d.setViewportSize({ width: 360, height: 740 });
  await d.screenshot({ path: `${SHOTS}/health-allergy-warning-fr-360.png`, fullPage: true });
  await d.setViewportSize({ width: 1280, height: 800 });
  await d.getByTestId('close-confirm').click();
  await expect(d.getByTestId('consultation-ended')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('consultation-ended')).toBeVisible({ timeout: 10_000 });

  // After the consultation, the parent writes for the child; the page says it is not for
  // emergencies.
  await page.goto('/messages');
  await expect(page.getByTestId('emergency-notice')).toContainText(fr.messages.emergency);
  await page.getByTestId('new-message').click();
  const form = page.getByTestId('new-conversation');
  await form.getByTestId('nc-practitioner').selectOption(main.practitionerId);
  await form.getByTestId('nc-profile').selectOption(childId);
  await form.getByTestId('nc-reason').selectOption('treatment');
  await form
    .getByTestId('nc-message')
    .fill('Bonjour, l’éruption a disparu. Faut-il finir le traitement ?');
  await shots(page, 'new-message');
  await form.getByTestId('nc-send').click();
  await expect(page).toHaveURL(/\/messages\/[^/]+$/, { timeout: 10_000 });
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('thread-message')).toHaveCount(1);

  // The practitioner sees it unread, opens it and answers.
  await d.goto('/praticien/messages');
  await expect(d.getByTestId('nav-messages').getByTestId('unread-badge')).toHaveText('1', {
    timeout: 10_000,
  });
  const conv = d.getByTestId('conversation').first();
  await expect(conv.getByTestId('conversation-unread')).toBeVisible();
  await conv.getByRole('link').click();
  await expect(d.getByTestId('thread-message')).toContainText('Faut-il finir le traitement');
  await d.getByTestId('reply-text').fill('Oui, jusqu’au bout des 6 jours.');
  await d.getByTestId('reply-send').click();
  await expect(d.getByTestId('thread-message')).toHaveCount(2);
  await shots(d, 'practitioner-thread');

  // The parent's open thread shows the answer without a reload.
  await expect(thread.getByTestId('thread-message')).toHaveCount(2, { timeout: 10_000 });
  await expect(thread.getByTestId('thread-message').last()).toContainText('jusqu’au bout');
  await shots(page, 'thread');
  await doctor.context.close();
});

test('a patient who never consulted the practitioner cannot write to them', async ({
  page,
  baseURL,
}) => {
  const email = uniqueEmail('nadia');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL!,
    { email, password: PASSWORD, first_name: 'Nadia', last_name: 'Roux', birth_date: '1985-02-02' },
    { clientIp },
  );
  await loginApi(page.request, baseURL!, email, PASSWORD, { clientIp });
  const me = await apiGet<{ current_profile: string }>(page.request, '/me');

  // The page offers nobody to write to, and says why.
  await page.goto('/messages');
  await expect(page.getByTestId('emergency-notice')).toBeVisible();
  await page.getByTestId('new-message').click();
  await expect(page.getByTestId('no-practitioners')).toHaveText(fr.messages.noPractitioners);
  await shots(page, 'messages-never-consulted');

  // And the API refuses the conversation.
  const res = await page.request.post('/api/v1/conversations', {
    data: {
      practitioner_id: main.practitionerId,
      profile_id: me.current_profile,
      reason: 'renewal',
      message: 'Bonjour',
    },
    headers: unsafe(baseURL!),
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
    'no_prior_consultation',
  );
});
