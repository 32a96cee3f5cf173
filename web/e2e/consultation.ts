// What the teleconsultation e2e specs share: a practitioner taking video consultations now, a
// patient with an appointment whose room is open, the practitioner's browser, the call's stats
// read from window.__cabinetCall, and a socket cut that looks like a network drop.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, BrowserContext, Cookie, Page } from '@playwright/test';
import { PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { now } from './clock';
import { apiGet, unsafe, verifiedPractitioner } from './directory';
import { expect } from './fixtures';

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');

export interface Slot {
  start: string;
  end: string;
  mode: string;
}
export interface Appointment {
  id: string;
  status: string;
  start: string;
  payment: { state: string; captured_cents?: number };
}
export interface PeerReport {
  id: string;
  framesDecoded: number;
  audioBytesReceived: number;
  connectionState: string;
  setupMs: number | null;
  route: string | null;
  signalingState: string;
  iceConnectionState: string;
  iceGatheringState: string;
}
export interface Doctor {
  cookies: Cookie[];
  practitionerId: string;
  motifId: string;
}

export async function send(
  request: APIRequestContext,
  baseURL: string,
  method: 'post' | 'put',
  p: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const res = await request[method](`/api/v1${p}`, {
    data,
    headers: { ...unsafe(baseURL), ...headers },
  });
  expect(res.status(), `${method} ${p}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** A verified practitioner taking video consultations at any hour, with a 10-minute motif. */
export async function videoDoctor(
  browser: Browser,
  baseURL: string,
  who: { first_name: string; last_name: string },
): Promise<Doctor> {
  const doctor = await verifiedPractitioner(browser, baseURL, who);
  const context = await browser.newContext({ baseURL });
  try {
    await loginApi(context.request, baseURL, doctor.email, doctor.password, {
      clientIp: nextAddress(),
    });
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      mode: 'video',
      start: '00:00',
      end: '24:00',
    }));
    await send(context.request, baseURL, 'put', '/practitioner/agenda/hours', { hours });
    const profile = (await send(context.request, baseURL, 'put', '/practitioner/profile', {
      commune_code: '75056',
      postcode: '75011',
      video: true,
      in_person: false,
      languages: ['fr'],
      closed_on_public_holidays: false,
      min_notice_minutes: 0,
    })) as { id: string };
    // 10 minutes: slots every 10 minutes from midnight, so the next one starts within 10 minutes.
    const motif = (await send(context.request, baseURL, 'post', '/practitioner/motifs', {
      label: 'Téléconsultation courte',
      duration_min: 10,
      mode: 'video',
      price_cents: 2500,
    })) as { id: string };
    return {
      cookies: (await context.storageState()).cookies,
      practitionerId: profile.id,
      motifId: motif.id,
    };
  } finally {
    await context.close();
  }
}

/** Keeps a call's set-up time for `make bench` (bench/run "call set-up"). */
export function recordSetup(path_: 'direct' | 'relay', ms: number | null): void {
  if (ms === null) return;
  mkdirSync(RESULTS, { recursive: true });
  appendFileSync(`${RESULTS}/call-setup.jsonl`, `${JSON.stringify({ path: path_, ms })}\n`);
}

/** A signed-in patient in `page`'s context, with a confirmed video appointment starting within 10 minutes. */
/** Each signed-up person of these specs comes from their own address (the per-address limits). */
let people = 0;
export function nextAddress(): string {
  people += 1;
  return `203.0.113.${100 + (people % 150)}`;
}

export async function patientWithAppointment(
  page: Page,
  baseURL: string,
  doctor: Doctor,
  phone?: string,
): Promise<Appointment> {
  const email = uniqueEmail('hugo');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL,
    {
      email,
      password: PASSWORD,
      first_name: 'Hugo',
      last_name: 'Lambert',
      birth_date: '1988-03-12',
      ...(phone ? { phone } : {}),
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL, email, PASSWORD, { clientIp });
  const me = await apiGet<{ current_profile: string }>(page.request, '/me');
  // Two days: at 23:55 the next slot is tomorrow's first.
  const { slots } = await apiGet<{ slots: Slot[] }>(
    page.request,
    `/practitioners/${doctor.practitionerId}/slots?days=2&mode=video&motif_id=${doctor.motifId}`,
  );
  const slot = slots[0];
  expect(slot, 'a video slot today').toBeTruthy();
  expect(
    Date.parse(slot!.start) - now(),
    'the next slot starts within 10 minutes',
  ).toBeLessThanOrEqual(10 * 60_000);
  const booked = (await send(
    page.request,
    baseURL,
    'post',
    '/appointments',
    {
      practitioner_id: doctor.practitionerId,
      motif_id: doctor.motifId,
      start: slot!.start,
      profile_id: me.current_profile,
      mode: 'video',
    },
    { 'Idempotency-Key': `e2e-consultation-${Date.now()}` },
  )) as Appointment;
  const confirmed = (await send(
    page.request,
    baseURL,
    'post',
    `/appointments/${booked.id}/confirm`,
    { payment_method: 'tok_visa' },
  )) as Appointment;
  expect(confirmed.status).toBe('confirmed');
  return confirmed;
}

export async function doctorPage(
  browser: Browser,
  baseURL: string,
  doctor: Doctor,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
  await context.addCookies(doctor.cookies);
  return { context, page: await context.newPage() };
}

/**
 * Lets the test cut the page's realtime socket as a network drop would, and read what it
 * received: every WebSocket the page opens is kept in window.__sockets and its messages in
 * window.__received (test instrumentation only, the app is unchanged).
 */
export async function trackSockets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    const received: string[] = [];
    Object.assign(window, { __sockets: sockets, __received: received });
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
        this.addEventListener('message', (e: MessageEvent) => received.push(String(e.data)));
      }
    };
  });
}

/** The network goes away: offline, and the open socket dies without a closing handshake. */
export async function cutNetwork(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.evaluate(() =>
    (window as unknown as { __sockets: WebSocket[] }).__sockets.forEach((s) =>
      s.close(4000, 'network cut (test)'),
    ),
  );
}

/** The call's stats of the page's single peer, once it receives picture and sound. */
export async function expectMediaFlowing(page: Page, who: string): Promise<PeerReport> {
  let report: PeerReport | undefined;
  let peers: PeerReport[] = [];
  try {
    await expect
      .poll(
        async () => {
          peers = await page.evaluate(
            () =>
              (
                window as unknown as { __cabinetCall?: { peers: () => Promise<PeerReport[]> } }
              ).__cabinetCall?.peers() ?? [],
          );
          report = peers.find((p) => p.connectionState === 'connected');
          return !!report && report.framesDecoded > 10 && report.audioBytesReceived > 1000;
        },
        {
          message: `${who} decodes the other's video and receives their audio`,
          timeout: 30_000,
          intervals: [500],
        },
      )
      .toBe(true);
  } catch (e) {
    // What the connections were doing, so that a call that did not come up says why.
    const states = peers.map((p) => ({
      id: p.id,
      connection: p.connectionState,
      signaling: p.signalingState,
      ice: p.iceConnectionState,
      gathering: p.iceGatheringState,
      frames: p.framesDecoded,
      audio: p.audioBytesReceived,
    }));
    throw new Error(`${String(e)}\n${who}'s peers: ${JSON.stringify(states)}`, { cause: e });
  }
  return report!;
}
