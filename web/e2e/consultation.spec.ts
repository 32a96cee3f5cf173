// Issue 6's end-to-end tests: a teleconsultation between two browsers (Chromium's fake camera and
// micro). The patient books a video slot starting within 10 minutes, joins from "Mes
// rendez-vous", runs the pre-call test and enters the waiting room; the practitioner sees them
// waiting on "Consultations du jour" and admits them in one click; both see and hear each other
// (frames decoded, audio bytes received, read from window.__cabinetCall), chat; the patient's
// network drops and the call comes back by itself; the practitioner ends the consultation with
// the amount to charge: both get the end screen and the hold is captured. Then the same call
// forced through the TURN relay (coturn, started by scripts/test). Axe and screenshots of each
// screen on the way. Each call's set-up time (first offer → connected) is appended to
// test-results/call-setup.jsonl for `make bench`.
//
// What it needs from the server: a practitioner verified by the operator (operator credentials,
// as booking.spec.ts), `min_notice_minutes: 0` and a 10-minute video motif so that the next
// slot starts within 10 minutes (the room opens 10 minutes before the start), and video hours
// covering now: global-setup.ts opens the platform's video window around the clock.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fr } from '../src/i18n/fr';
import { PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import {
  type Appointment,
  type Doctor,
  cutNetwork,
  doctorPage,
  expectMediaFlowing,
  nextAddress,
  patientWithAppointment,
  recordSetup,
  trackSockets,
  videoDoctor,
} from './consultation';
import { apiGet } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const TURN = !!process.env.CABINET_TEST_TURN_URL;
/** Calls set up again in the relay test, for the bench's set-up times (bench/call_setup asks 20). */
const SAMPLES = Number(process.env.CABINET_E2E_SETUP_SAMPLES ?? 3);

let main: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  main = await videoDoctor(browser, process.env.CABINET_BASE_URL!, {
    first_name: 'Camille',
    last_name: 'Durand',
  });
});

test('a patient is admitted from the waiting room, both talk and chat, the practitioner ends the consultation', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(['camera', 'microphone']);
  await trackSockets(page);
  const appt = await patientWithAppointment(page, baseURL!, main);

  // "Mes rendez-vous": the room is open, the button leads to the pre-call test.
  await page.goto('/patient/rendez-vous');
  const card = page.locator(`[data-testid="appointment"][data-id="${appt.id}"]`);
  const join = card.getByTestId('join-consultation');
  await expect(join).toBeEnabled();
  await join.click();
  await expect(page).toHaveURL(new RegExp(`/consultation/${appt.id}/test`));

  // The pre-call test: fake devices work; the network may warn (no STUN answer offline).
  await page.getByTestId('speaker-play').click();
  await page.getByTestId('speaker-yes').click();
  const verdict = page.getByTestId('precall-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', /^(ok|warning)$/, { timeout: 30_000 });
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/consultation-precall-fr-1280.png`, fullPage: true });
  await page.getByTestId('precall-enter').click();
  await expect(page).toHaveURL(new RegExp(`/consultation/${appt.id}$`));

  // The waiting room.
  const status = page.getByTestId('room-status');
  await expect(status).toHaveAttribute('data-status', 'waiting', { timeout: 15_000 });
  await expect(page.getByTestId('local-video')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/consultation-waiting-fr-1280.png`, fullPage: true });

  // The practitioner's dashboard shows the patient waiting; one click admits them.
  const doctor = await doctorPage(browser, baseURL!, main);
  const d = doctor.page;
  await d.goto('/praticien/consultations');
  const item = d.locator(`[data-testid="dashboard-item"][data-id="${appt.id}"]`);
  await expect(item).toHaveAttribute('data-waiting', 'true', { timeout: 15_000 });
  expect(await blockingViolations(d)).toEqual([]);
  await d.screenshot({ path: `${SHOTS}/consultation-dashboard-fr-1280.png`, fullPage: true });
  await item.getByTestId('dashboard-admit').click();
  await expect(d).toHaveURL(new RegExp(`/consultation/${appt.id}`));

  // Both in the call: video large, self view small, picture and sound flowing both ways.
  await expect(status).toHaveAttribute('data-status', 'in_call', { timeout: 15_000 });
  await expect(d.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call');
  await expect(page.getByTestId('remote-video')).toBeVisible({ timeout: 20_000 });
  await expect(d.getByTestId('remote-video')).toBeVisible();
  const patientSide = await expectMediaFlowing(page, 'the patient');
  const doctorSide = await expectMediaFlowing(d, 'the practitioner');
  for (const r of [patientSide, doctorSide]) {
    expect(r.setupMs, 'call set up').not.toBeNull();
    expect(r.setupMs!, 'call set up in under 10 s').toBeLessThan(10_000);
    recordSetup('direct', r.setupMs);
  }
  await expect(page.getByTestId('call-quality')).toHaveAttribute(
    'data-level',
    /^(bonne|moyenne|faible)$/,
    { timeout: 10_000 },
  );
  await expect(d.getByTestId('call-quality')).toHaveAttribute(
    'data-level',
    /^(bonne|moyenne|faible)$/,
  );

  // Chat, both ways: Enter sends, and so does the button.
  await page.getByTestId('chat-input').fill('Bonjour docteur, je vous entends bien.');
  await page.getByTestId('chat-input').press('Enter');
  await expect(
    d.getByTestId('chat-message').filter({ hasText: 'je vous entends bien' }),
  ).toBeVisible();
  await d.getByTestId('chat-input').fill('Parfait. Montrez-moi votre gorge.');
  await d.getByTestId('chat-send').click();
  await expect(
    page.getByTestId('chat-message').filter({ hasText: 'Montrez-moi votre gorge' }),
  ).toBeVisible();
  await expect(page.getByTestId('chat-message')).toHaveCount(2);

  // Another patient, signed in, with the link: the room does not exist for them, and nothing of
  // it reaches their socket (their page's socket is open: the app opened it for the room).
  const strangerContext = await browser.newContext({
    baseURL: baseURL!,
    permissions: ['camera', 'microphone'],
  });
  const stranger = await strangerContext.newPage();
  await trackSockets(stranger);
  const strangerEmail = uniqueEmail('curieuse');
  const strangerIp = nextAddress();
  await createAccount(
    stranger.request,
    baseURL!,
    {
      email: strangerEmail,
      password: PASSWORD,
      first_name: 'Inès',
      last_name: 'Curieuse',
      birth_date: '1979-05-02',
    },
    { clientIp: strangerIp },
  );
  await loginApi(stranger.request, baseURL!, strangerEmail, PASSWORD, { clientIp: strangerIp });
  await stranger.goto(`/consultation/${appt.id}`);
  await expect(stranger.getByTestId('room-status')).toHaveAttribute('data-status', 'not_found');
  const strangerSocket = await stranger.evaluate(async (id) => {
    const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/v1/ws`);
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    ws.send(JSON.stringify({ type: 'join', consultation: id }));
    ws.send(JSON.stringify({ type: 'chat', consultation: id, text: 'Je suis là aussi' }));
    return true;
  }, appt.id);
  expect(strangerSocket).toBe(true);
  await page.getByTestId('chat-input').fill('Un message pour le docteur seulement.');
  await page.getByTestId('chat-input').press('Enter');
  await expect(
    d.getByTestId('chat-message').filter({ hasText: 'pour le docteur seulement' }),
  ).toBeVisible();
  await expect(d.getByTestId('chat-message').filter({ hasText: 'Je suis là aussi' })).toHaveCount(
    0,
  );
  const heard = await stranger.evaluate(() =>
    (window as unknown as { __received: string[] }).__received.map(
      (m) => JSON.parse(m) as { type: string; code?: string },
    ),
  );
  expect(heard.filter((m) => m.type === 'error').map((m) => m.code)).toEqual([
    'not_found',
    'not_found',
  ]);
  expect(
    // "unread" is the stranger's own messages count (every signed-in page watches it).
    heard.filter((m) => !['error', 'hello', 'pong', 'unread'].includes(m.type)),
    'nothing of the room reached the stranger',
  ).toEqual([]);
  await strangerContext.close();

  // The patient's network drops: the page says so, and once the network is back the socket
  // reconnects and the call resumes by itself (ICE restart), without a reload.
  const framesBefore = patientSide.framesDecoded;
  await cutNetwork(page);
  await expect(page.getByText(fr.room.connectionLost)).toBeVisible({ timeout: 10_000 });
  await page.context().setOffline(false);
  await expect(page.getByText(fr.room.connectionLost)).toBeHidden({ timeout: 20_000 });
  await expect(status).toHaveAttribute('data-status', 'in_call');
  await expect
    .poll(
      async () => (await expectMediaFlowing(page, 'the patient, after the cut')).framesDecoded,
      { message: 'new frames after the cut', timeout: 20_000 },
    )
    .toBeGreaterThan(framesBefore);
  await expectMediaFlowing(d, 'the practitioner, after the cut');
  await page.getByTestId('chat-input').fill('Je suis de retour.');
  await page.getByTestId('chat-input').press('Enter');
  await expect(
    d.getByTestId('chat-message').filter({ hasText: 'Je suis de retour' }),
  ).toBeVisible();
  await expect(page.getByTestId('chat-message')).toHaveCount(4);

  // Micro and camera buttons say what they do and show their state.
  await page.getByTestId('toggle-mic').click();
  await expect(page.getByTestId('toggle-mic')).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('toggle-mic')).toHaveText(fr.call.micOn);
  await page.getByTestId('toggle-mic').click();
  await expect(page.getByTestId('toggle-mic')).toHaveAttribute('data-state', 'on');
  await d.getByTestId('toggle-camera').click();
  await expect(d.getByTestId('toggle-camera')).toHaveAttribute('data-state', 'off');
  await d.getByTestId('toggle-camera').click();

  expect(await blockingViolations(page)).toEqual([]);
  expect(await blockingViolations(d)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/consultation-call-patient-fr-1280.png`, fullPage: true });
  await d.screenshot({
    path: `${SHOTS}/consultation-call-practitioner-fr-1280.png`,
    fullPage: true,
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/consultation-call-patient-fr-360.png`, fullPage: true });

  // The practitioner ends it: the amount defaults to the price and may be lower.
  await d.getByTestId('close-consultation').click();
  await expect(d.getByTestId('close-amount')).toHaveValue('25,00');
  await d.getByTestId('close-amount').fill('20,00');
  await d.getByTestId('close-confirm').click();
  await expect(d.getByTestId('consultation-ended')).toBeVisible();
  await expect(d.getByTestId('consultation-ended')).toContainText('20,00');
  await expect(page.getByTestId('consultation-ended')).toBeVisible({ timeout: 10_000 });
  await expect(status).toHaveAttribute('data-status', 'completed');
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/consultation-ended-fr-360.png`, fullPage: true });

  const after = await apiGet<Appointment>(page.request, `/appointments/${appt.id}`);
  expect(after.payment.state).toBe('captured');
  await doctor.context.close();
});

test('the same call goes through the TURN relay when nothing else is allowed', async ({
  page,
  browser,
  baseURL,
}) => {
  test.skip(!TURN, 'no coturn (scripts/services start coturn; scripts/test starts one)');
  test.setTimeout(120_000 + SAMPLES * 2 * 15_000);
  const doctor = await videoDoctor(browser, baseURL!, {
    first_name: 'Louise',
    last_name: 'Relais',
  });
  await page.context().grantPermissions(['camera', 'microphone']);
  const appt = await patientWithAppointment(page, baseURL!, doctor);
  const ice = await apiGet<{ ice_servers: Array<{ urls: string[]; username?: string }> }>(
    page.request,
    '/ice-servers',
  );
  expect(
    ice.ice_servers.some((s) => s.urls.some((u) => u.startsWith('turn:')) && !!s.username),
    'a TURN server with a credential',
  ).toBe(true);

  // ?relais=1 sets iceTransportPolicy "relay": host and reflexive candidates are not even tried.
  await page.goto(`/consultation/${appt.id}?relais=1`);
  await expect(page.getByTestId('room-status')).toHaveAttribute('data-status', 'waiting', {
    timeout: 15_000,
  });
  const dr = await doctorPage(browser, baseURL!, doctor);
  const d = dr.page;
  await d.goto(`/consultation/${appt.id}?relais=1`);
  await d.getByTestId('admit').click();
  await expect(page.getByTestId('room-status')).toHaveAttribute('data-status', 'in_call', {
    timeout: 15_000,
  });
  for (const [p, who] of [
    [page, 'the patient'],
    [d, 'the practitioner'],
  ] as const) {
    const r = await expectMediaFlowing(p, `${who}, relayed`);
    expect(r.route, `${who} goes through TURN`).toBe('relay');
    recordSetup('relay', r.setupMs);
  }

  // Set-up samples for `make bench` (which asks for more): each reload of the patient's page is
  // a new connection, relayed, then direct once both pages leave relay-only mode.
  for (let i = 0; i < SAMPLES; i += 1) {
    await page.reload();
    const r = await expectMediaFlowing(page, `the patient, relayed, reload ${i + 1}`);
    expect(r.route).toBe('relay');
    recordSetup('relay', r.setupMs);
  }
  await d.goto(`/consultation/${appt.id}`);
  for (let i = 0; i < SAMPLES; i += 1) {
    await page.goto(`/consultation/${appt.id}?essai=${i}`);
    const r = await expectMediaFlowing(page, `the patient, direct, reload ${i + 1}`);
    expect(r.route).not.toBe('relay');
    recordSetup('direct', r.setupMs);
  }

  await d.getByTestId('close-consultation').click();
  await d.getByTestId('close-confirm').click();
  await expect(page.getByTestId('consultation-ended')).toBeVisible({ timeout: 10_000 });
  const after = await apiGet<Appointment>(page.request, `/appointments/${appt.id}`);
  expect(after.payment.state).toBe('captured');
  await dr.context.close();
});

test('a stranger cannot see the room', async ({ page, baseURL }) => {
  const email = uniqueEmail('curieux');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL!,
    {
      email,
      password: PASSWORD,
      first_name: 'Paul',
      last_name: 'Curieux',
      birth_date: '1970-01-01',
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL!, email, PASSWORD, { clientIp });
  await page.goto('/consultation/a-nope');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.room.notFoundTitle);
  await expect(page.getByTestId('room-status')).toHaveAttribute('data-status', 'not_found');
});
