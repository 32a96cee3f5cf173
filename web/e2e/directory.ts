// Helpers for the directory and agenda tests: reading the API the way the app does, a new
// practitioner verified by the operator (through the API), and checks on times. The seeded
// practitioners (global-setup: `cabinet seed --practitioners 60 --seed 7`) have slots that
// depend on today's date: tests assert on structure, never on fixed dates.
import type { APIRequestContext, Browser } from '@playwright/test';
import type { OpeningRange, PublicProfile, SearchResult } from '../src/lib/directory/directory';
import { OPERATOR, PASSWORD, createAccount, loginApi, newRpps, uniqueEmail } from './accounts';
import { expect } from './fixtures';

export const JSON_HEADERS = { Accept: 'application/json', 'Accept-Language': 'fr' };

export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(`/api/v1${path}`, { headers: JSON_HEADERS });
  expect(res.status(), `GET ${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

export function unsafe(baseURL: string): Record<string, string> {
  return { ...JSON_HEADERS, Origin: new URL(baseURL).origin, 'X-Requested-With': 'cabinet' };
}

export async function search(
  request: APIRequestContext,
  params: Record<string, string>,
): Promise<SearchResult> {
  return apiGet<SearchResult>(request, `/practitioners?${new URLSearchParams(params)}`);
}

export async function profile(request: APIRequestContext, id: string): Promise<PublicProfile> {
  return apiGet<PublicProfile>(request, `/practitioners/${encodeURIComponent(id)}`);
}

/** "09:30" → 570. */
export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** ISO weekday of "YYYY-MM-DD" (Monday = 1). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** True when a slot starting at `hhmm` on `date` lies inside one of the opening ranges. */
export function insideHours(
  hours: OpeningRange[],
  date: string,
  hhmm: string,
  mode?: string,
): boolean {
  const t = minutes(hhmm);
  return hours.some(
    (r) =>
      r.weekday === isoWeekday(date) &&
      (!mode || r.mode === mode) &&
      minutes(r.start) <= t &&
      t < minutes(r.end === '24:00' ? '24:00' : r.end),
  );
}

/** Sign-ups are limited per client address (10 an hour): each new practitioner comes from its own. */
let clients = 0;

export interface NewPractitioner {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
}

/**
 * A practitioner who signed up (through the API), confirmed their email and was verified by
 * the operator (through the API, in a context of its own). Skips the test without operator
 * credentials.
 */
export async function verifiedPractitioner(
  browser: Browser,
  baseURL: string,
  who = { first_name: 'Claire', last_name: 'Vasseur' },
): Promise<NewPractitioner> {
  const person = {
    email: uniqueEmail(
      who.first_name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
    ),
    password: PASSWORD,
    ...who,
  };
  const context = await browser.newContext({ baseURL });
  try {
    clients += 1;
    await createAccount(
      context.request,
      baseURL,
      { ...person, rpps: newRpps(), specialty: 'general_medicine' },
      { clientIp: `198.51.100.${clients}` },
    );
    // The operator signs in once per practitioner verified: from that practitioner's address, so
    // that suites verifying many stay under the per-address login limit.
    await loginApi(context.request, baseURL, OPERATOR.email, OPERATOR.password, {
      clientIp: `198.51.100.${clients}`,
    });
    const pending = await apiGet<Array<{ id: string; email: string }>>(
      context.request,
      '/operator/practitioners?status=pending',
    );
    const mine = pending.find((p) => p.email === person.email);
    expect(mine, `${person.email} in the verification queue`).toBeTruthy();
    const res = await context.request.post(`/api/v1/operator/practitioners/${mine!.id}/verify`, {
      headers: unsafe(baseURL),
    });
    expect(res.status(), await res.text()).toBe(200);
  } finally {
    await context.close();
  }
  return person;
}
