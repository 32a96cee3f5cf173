// Issue 6's room around the call, in three browsers (Chromium's fake camera and micro): the
// patient invites an interpreter from the waiting room; the practitioner admits the patient
// and sees the side panel (identity and age, coverage, private notes saved as typed and kept
// after a reload); the patient sends a photo in the chat, which both see with a thumbnail,
// and the copy the practitioner downloads has lost its metadata (a file over 5 MB is refused
// before sending); the interpreter opens the link in a third browser without an account,
// gives a name, passes the pre-call test and waits until the practitioner lets them in: then
// a mesh of three; the link cannot be used again elsewhere. The practitioner switches to the
// phone (the patient's number as a tel: link, the patient's notice) and ends the
// consultation: everyone gets the end screen. Axe on each new screen.
//
// Needs the same as consultation.spec.ts: operator credentials (global-setup.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { Browser, BrowserContext, Cookie, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { blockingViolations } from './axe';
import {
  type Doctor,
  expectMediaFlowing,
  patientWithAppointment,
  videoDoctor,
} from './consultation';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

let practitioner: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  practitioner = await videoDoctor(browser, process.env.CABINET_BASE_URL!, {
    first_name: 'Camille',
    last_name: 'Durand',
  });
});

async function freshContext(
  browser: Browser,
  baseURL: string,
  cookies: Cookie[] = [],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
  if (cookies.length) await context.addCookies(cookies);
  return { context, page: await context.newPage() };
}

/** A PNG carrying a text chunk, as phones write (place, device): what must not travel on. */
function withTextChunk(png: Buffer, text: string): Buffer {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const ihdrEnd = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

test('files, notes, an invited interpreter let in, the switch to the phone', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await page.context().grantPermissions(['camera', 'microphone']);
  const appt = await patientWithAppointment(page, baseURL!, practitioner, '+33612345678');
  const room = `/consultation/${appt.id}`;

  // The patient waits, and invites an interpreter.
  await page.goto(room);
  const status = page.getByTestId('room-status');
  await expect(status).toHaveAttribute('data-status', 'waiting', { timeout: 15_000 });
  await page.getByTestId('invite-open').click();
  await page.getByTestId('invite-kind').selectOption('interpreter');
  await page.getByTestId('invite-name').fill('Ana Silva');
  await page.getByTestId('invite-create').click();
  const link = (await page.getByTestId('invite-link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${baseURL}/invitation/[^/]+$`));
  await expect(page.getByTestId('invite-item')).toHaveCount(1);
  expect(await blockingViolations(page)).toEqual([]);

  // The practitioner opens the room: the side panel, then admits the patient.
  const doctor = await freshContext(browser, baseURL!, practitioner.cookies);
  const d = doctor.page;
  await d.goto(room);
  const panel = d.getByTestId('side-panel');
  await expect(panel).toBeVisible();
  await expect(d.getByTestId('panel-identity')).toHaveText(/^Hugo Lambert, \d+ ans$/);
  await d.getByTestId('admit').click();
  await expect(status).toHaveAttribute('data-status', 'in_call', { timeout: 15_000 });
  await expect(d.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call');

  // Private notes, saved as typed, still there after a reload.
  await d.getByTestId('private-notes').fill('Toux sèche depuis 3 jours. Pas de fièvre.');
  await expect(d.getByTestId('notes-status')).toHaveAttribute('data-state', 'saved', {
    timeout: 5_000,
  });
  await expect(d.getByTestId('notes-status')).toContainText('Enregistré à');
  await d.reload();
  await expect(d.getByTestId('private-notes')).toHaveValue(
    'Toux sèche depuis 3 jours. Pas de fièvre.',
  );
  expect(await blockingViolations(d)).toEqual([]);

  // A photo from the patient: refused over 5 MB before sending; shown to both with a thumbnail.
  await page.getByTestId('chat-file-input').setInputFiles({
    name: 'grande.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1),
  });
  await expect(page.getByTestId('chat-file-error')).toContainText('5 Mo');
  const secret = 'GPS 48.8566 2.3522, iPhone de Hugo';
  const png = withTextChunk(
    await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 64, height: 64 } }),
    secret,
  );
  expect(png.includes(Buffer.from(secret, 'latin1'))).toBe(true);
  await page
    .getByTestId('chat-file-input')
    .setInputFiles({ name: 'gorge.png', mimeType: 'image/png', buffer: png });
  for (const p of [page, d]) {
    const line = p.getByTestId('chat-file').filter({ hasText: 'gorge.png' });
    await expect(line).toHaveAttribute('data-mime', 'image/png', { timeout: 10_000 });
    await expect(line.getByTestId('chat-file-image')).toBeVisible();
    await expect(line.getByTestId('chat-file-download')).toHaveAttribute(
      'href',
      /\/api\/v1\/consultations\/.+\/files\//,
    );
  }
  const href = await d
    .getByTestId('chat-file')
    .filter({ hasText: 'gorge.png' })
    .getByTestId('chat-file-download')
    .getAttribute('href');
  const received = await d.request.get(href!);
  expect(received.status()).toBe(200);
  const copy = await received.body();
  expect(copy.subarray(0, 8).toString('latin1'), 'still a PNG').toBe('\x89PNG\r\n\x1a\n');
  expect(copy.includes(Buffer.from(secret, 'latin1')), 'the metadata is gone').toBe(false);
  expect(copy.includes(Buffer.from('tEXt', 'latin1')), 'no text chunk at all').toBe(false);
  await expect(panel.getByTestId('panel-file').filter({ hasText: 'gorge.png' })).toBeVisible();
  await d.screenshot({ path: `${SHOTS}/consultation-panel-fr-1280.png`, fullPage: true });

  // The interpreter, in a third browser without an account.
  const guest = await freshContext(browser, baseURL!);
  const g = guest.page;
  await g.goto(link);
  await expect(g.getByRole('heading', { level: 1 })).toHaveText(fr.guest.title);
  await expect(g.locator('.lead')).toContainText('Dr Camille Durand');
  await expect(g.locator('.lead'), 'the day and time of the consultation').toContainText(
    /\sà\s\d{1,2}\sh/,
  );
  expect(await blockingViolations(g)).toEqual([]);
  await g.getByTestId('guest-name').fill('Ana Silva');
  await g.getByTestId('guest-join').click();
  await g.getByTestId('speaker-play').click();
  await g.getByTestId('speaker-yes').click();
  await g.getByTestId('precall-enter').click();
  await expect(g.getByTestId('room-status')).toHaveAttribute('data-status', 'guest_waiting', {
    timeout: 15_000,
  });
  await g.setViewportSize({ width: 360, height: 740 });
  await g.screenshot({ path: `${SHOTS}/consultation-guest-waiting-fr-360.png`, fullPage: true });
  expect(await blockingViolations(g)).toEqual([]);

  // The patient's list of invitations says at once that the link was used, and by whom.
  await expect(page.getByTestId('invite-item')).toHaveAttribute('data-state', 'claimed', {
    timeout: 10_000,
  });
  await expect(page.getByTestId('invite-item')).toContainText('Ana Silva');

  // The link is now this browser's: another one is told so.
  const other = await freshContext(browser, baseURL!);
  await other.page.goto(link);
  await expect(other.page.getByTestId('guest-used')).toBeVisible();
  await other.context.close();

  // The practitioner lets the interpreter in: three people, each sees the other two.
  const admit = d.getByTestId('admit-guest');
  await expect(admit).toHaveCount(1, { timeout: 10_000 });
  await admit.click();
  await expect(d.getByTestId('admit-guest')).toHaveCount(0);
  await expect(g.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call', {
    timeout: 15_000,
  });
  for (const p of [page, d, g])
    await expect(p.getByTestId('remote-video')).toHaveCount(2, { timeout: 20_000 });
  await expectMediaFlowing(g, 'the interpreter');
  await expect(d.locator('[data-testid="remote-video"][data-participant]')).toHaveCount(2);
  await expect(g.getByTestId('close-consultation')).toHaveCount(0);
  await expect(g.getByTestId('side-panel')).toHaveCount(0);

  // The video fails: the practitioner switches to the phone; the patient is told.
  await d.getByTestId('phone-fallback').click();
  await d.getByTestId('phone-cause').selectOption('camera');
  await d.getByTestId('phone-confirm').click();
  await expect(d.getByTestId('patient-phone')).toHaveAttribute('href', 'tel:+33612345678');
  await expect(page.getByTestId('phone-notice')).toHaveText(fr.phone.patientNotice);
  // The micro is turned off on the switch: said once, on each side.
  await expect(page.getByText(fr.call.muted)).toHaveCount(1);
  await expect(page.getByText(fr.call.muted)).toBeVisible();
  await expect(d.getByText(fr.call.muted)).toHaveCount(1);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/consultation-phone-patient-fr-360.png`, fullPage: true });
  await d.screenshot({
    path: `${SHOTS}/consultation-phone-practitioner-fr-1280.png`,
    fullPage: true,
  });
  await expect(page).toHaveURL(new RegExp(`${room}$`));
  expect(await blockingViolations(d)).toEqual([]);

  // The end, for everyone.
  await d.getByTestId('close-consultation').click();
  await d.getByTestId('close-confirm').click();
  for (const p of [d, page, g])
    await expect(p.getByTestId('consultation-ended')).toBeVisible({ timeout: 10_000 });
  await guest.context.close();
  await doctor.context.close();
});

test('a link that is not valid says so, without asking to sign in', async ({ page }) => {
  await page.goto('/invitation/not-a-token');
  await expect(page.getByTestId('guest-invalid')).toHaveText(fr.guest.invalid);
  await expect(page).toHaveURL(/\/invitation\/not-a-token$/);
});
