// Issue 12, item 1: the practitioner books a patient by phone for an hour from now. The patient's
// email asks for a card before the start (never a deadline already past) and carries the event;
// nothing cancels the appointment while the booking jobs run; "Mes rendez-vous" offers to add
// the card, which places the hold.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext } from '@playwright/test';
import { PASSWORD, createAccount, loginApi, mailIds, nextMail, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import { now } from './clock';
import { nextAddress, send, videoDoctor } from './consultation';
import { apiGet } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

interface Slot {
  start: string;
}
interface Appointment {
  id: string;
  status: string;
  start: string;
  payment: { state: string };
}
interface Mail {
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: string }>;
}

/** The server's French "lundi 7 décembre à 21 h 30" for an instant, in Paris. */
function frenchWhen(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const day = parts.day === '1' ? '1er' : parts.day;
  return `${parts.weekday} ${day} ${parts.month} à ${Number(parts.hour)} h ${parts.minute}`;
}

/** Passes of the server's booking jobs so far (GET /metrics). */
async function jobPasses(request: APIRequestContext): Promise<number> {
  const text = await (await request.get('/metrics')).text();
  return Number(/^cabinet_booking_job_passes_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

test('a practitioner books a patient an hour from now: card asked before the start, nothing cancelled', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  test.skip(
    !process.env.CABINET_OPERATOR_EMAIL,
    'no operator credentials: nobody can verify the practitioner',
  );
  const doctor = await videoDoctor(browser, baseURL!, { first_name: 'Marc', last_name: 'Delorme' });
  const email = uniqueEmail('nadia');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL!,
    {
      email,
      password: PASSWORD,
      first_name: 'Nadia',
      last_name: 'Benali',
      birth_date: '1979-10-21',
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL!, email, PASSWORD, { clientIp });

  // The practitioner, on the phone, books the first slot an hour or more from now.
  const { slots } = await apiGet<{ slots: Slot[] }>(
    page.request,
    `/practitioners/${doctor.practitionerId}/slots?days=2&mode=video&motif_id=${doctor.motifId}`,
  );
  const slot = slots.find((s) => Date.parse(s.start) - now() >= 60 * 60_000);
  expect(slot, 'a video slot an hour from now').toBeTruthy();
  const seen = await mailIds(page.request, email);
  const doc = await browser.newContext({ baseURL });
  await doc.addCookies(doctor.cookies);
  const booked = (await send(doc.request, baseURL!, 'post', '/practitioner/appointments', {
    patient_email: email,
    motif_id: doctor.motifId,
    start: slot!.start,
    mode: 'video',
  })) as Appointment;
  expect(booked.status).toBe('confirmed');
  expect(booked.payment.state).toBe('card_required');
  const passes = await jobPasses(doc.request);
  expect(passes, 'the booking jobs metric').not.toBeNaN();

  // The email: a card before the start itself, not two hours before it (already past).
  const mail = await nextMail(page.request, email, seen);
  const full = (await (await page.request.get(`/api/v1/dev/mailbox/${mail.id}`)).json()) as Mail;
  expect(full.subject).toContain('a pris rendez-vous pour vous');
  expect(full.text).toContain(`avant le ${frenchWhen(slot!.start)}`);
  expect(full.text).not.toContain(
    `avant le ${frenchWhen(new Date(Date.parse(slot!.start) - 2 * 3600_000).toISOString())}`,
  );
  expect(full.text).toContain('Sans carte, le rendez-vous est maintenu');
  expect(full.attachments?.map((a) => a.filename)).toEqual(['rendez-vous.ics']);
  expect(full.attachments![0]!.content).toContain('STATUS:CONFIRMED');

  // Two passes of the booking jobs later, the appointment still stands.
  await expect
    .poll(() => jobPasses(doc.request), {
      message: 'two passes of the booking jobs',
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(passes + 2);
  expect((await apiGet<Appointment>(page.request, `/appointments/${booked.id}`)).status).toBe(
    'confirmed',
  );

  // "Mes rendez-vous": the card is asked, and leaving it places the hold.
  await page.goto('/patient/rendez-vous');
  const card = page.locator(`[data-testid="appointment"][data-id="${booked.id}"]`);
  await expect(card).toHaveAttribute('data-status', 'confirmed');
  await expect(card.locator('[data-payment]')).toHaveAttribute('data-payment', 'card_required');
  // Under "Carte à renseigner": by when, and that the appointment stands without one.
  await expect(card.getByTestId('payment-due')).toContainText(
    'Sans carte, le rendez-vous est maintenu',
  );
  expect(await blockingViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/booked-for-you-card-fr-360.png`, fullPage: true });
  await card.getByTestId('add-card').click();
  await card.getByTestId('card-tok_visa').check();
  await card.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect(card.locator('[data-payment]')).toHaveAttribute('data-payment', 'held');
  await doc.close();
});
