// Helpers for the accounts tests: unique people, the development mailbox (read through the
// app's own /dev/mailbox page, as a developer would), signing up and in through the UI, and
// the same through the API when a test only needs a signed-in account to start from.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { luhnCheckDigit } from '../src/lib/validate';
import { now as clockNow } from './clock';
import { expect } from './fixtures';

export const PASSWORD = 'Cabinet-Vert-2026!';
export const OPERATOR = {
  email: process.env.CABINET_OPERATOR_EMAIL ?? '',
  password: process.env.CABINET_OPERATOR_PASSWORD ?? '',
};

let counter = 0;
/** A fresh address for each person: the server keeps accounts for the whole run. */
export function uniqueEmail(who: string): string {
  counter += 1;
  return `${who}.${Date.now().toString(36)}${counter}@exemple.test`;
}

/** An 11-digit RPPS number with a valid Luhn key, different at each call. */
export function newRpps(): string {
  const body = `1${String(Date.now() % 1e9).padStart(9, '0')}`;
  return body + luhnCheckDigit(body);
}

interface MailSummary {
  id: string;
  to: string;
  subject: string;
}

/** Ids of the mails already in the mailbox for `to`, so that a test can wait for the next one. */
export async function mailIds(request: APIRequestContext, to: string): Promise<Set<string>> {
  const res = await request.get('/api/v1/dev/mailbox', { headers: { Accept: 'application/json' } });
  expect(res.status(), 'GET /api/v1/dev/mailbox (is the server in development mode?)').toBe(200);
  return new Set(
    ((await res.json()) as MailSummary[]).filter((m) => m.to.includes(to)).map((m) => m.id),
  );
}

/** Waits for a mail to `to` that is not in `seen`, and returns it (newest first). */
export async function nextMail(
  request: APIRequestContext,
  to: string,
  seen: Set<string>,
): Promise<MailSummary> {
  let found: MailSummary | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/v1/dev/mailbox', {
          headers: { Accept: 'application/json' },
        });
        const list = (await res.json()) as MailSummary[];
        found = list.find((m) => m.to.includes(to) && !seen.has(m.id));
        return found !== undefined;
      },
      { message: `a new email to ${to}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** Opens a mail in /dev/mailbox by clicking it in the list, and returns its text part. */
export async function openMail(page: Page, mail: MailSummary): Promise<string> {
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.mailbox.title);
  await page.locator(`a.mail-link[href$="${encodeURIComponent(mail.id)}"]`).click();
  const text = page.locator('.mail-text');
  await expect(text).toBeVisible();
  return (await text.textContent()) ?? '';
}

/** The app path of a link found in an email (the server writes http.public_url into links). */
export function appPath(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

/** Follows the confirmation link of the newest confirmation email, through /dev/mailbox. */
export async function confirmThroughMailbox(
  page: Page,
  email: string,
  seen: Set<string>,
): Promise<void> {
  const mail = await nextMail(page.request, email, seen);
  await openMail(page, mail);
  const link = page
    .locator('.mail-text a.mail-url', { hasText: '/confirmer-email?token=' })
    .first();
  const href = (await link.getAttribute('href')) ?? '';
  if (new URL(href).origin === new URL(page.url()).origin) await link.click();
  else await page.goto(appPath(href));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.confirmEmail.doneTitle);
}

/** Reads the 6-digit code of the newest mail to `email`, in /dev/mailbox opened in another tab. */
export async function readCode(
  context: BrowserContext,
  email: string,
  seen: Set<string>,
): Promise<string> {
  const page = await context.newPage();
  try {
    const mail = await nextMail(page.request, email, seen);
    const text = await openMail(page, mail);
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    expect(code, `a 6-digit code in: ${text}`).toBeTruthy();
    return code!;
  } finally {
    await page.close();
  }
}

/** Signs in through /connexion, with the code from the mailbox; ends on the role's area. */
export async function loginUi(page: Page, email: string, password: string): Promise<void> {
  const seen = await mailIds(page.request, email);
  await page.goto('/connexion');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.login.codeTitle);
  const code = await readCode(page.context(), email, seen);
  await page.getByLabel(fr.login.codeLabel).fill(code);
  await page.getByRole('button', { name: fr.login.verify }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}

/** Opens the account menu in the header and signs out; back to the signed-out header. */
export async function logoutUi(page: Page): Promise<void> {
  await page.getByRole('banner').locator('.account-button').click();
  await page.getByRole('button', { name: fr.menu.logout }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: fr.header.login })).toBeVisible();
}

// --- Through the API, for tests that start from a signed-in account ------------------------

function unsafeHeaders(baseURL: string): Record<string, string> {
  return {
    Origin: new URL(baseURL).origin,
    'X-Requested-With': 'cabinet',
    Accept: 'application/json',
    'Accept-Language': 'fr',
  };
}

async function post(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  data: unknown,
  expected: number,
  extra: Record<string, string> = {},
) {
  const res = await request.post(`/api/v1${path}`, {
    data,
    headers: { ...unsafeHeaders(baseURL), ...extra },
  });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(expected);
  return res;
}

export interface Person {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
}

/**
 * Creates and confirms an account through the API (patient, or practitioner with `rpps`).
 * `clientIp`: the sign-up comes "from" that address (X-Forwarded-For, trusted by the test
 * server), so that suites creating many accounts stay under the per-address sign-up limit.
 */
export async function createAccount(
  request: APIRequestContext,
  baseURL: string,
  person: Person & { birth_date?: string; rpps?: string; specialty?: string; phone?: string },
  opts: { clientIp?: string } = {},
): Promise<void> {
  const seen = await mailIds(request, person.email);
  const practitioner = person.rpps !== undefined;
  const body = { phone: '+33612345678', ...person };
  await post(
    request,
    baseURL,
    practitioner ? '/auth/signup/practitioner' : '/auth/signup',
    body,
    201,
    opts.clientIp ? { 'X-Forwarded-For': opts.clientIp } : {},
  );
  const mail = await nextMail(request, person.email, seen);
  const full = (await (await request.get(`/api/v1/dev/mailbox/${mail.id}`)).json()) as {
    text: string;
  };
  const token = /[?&]token=([^\s&"'<>]+)/.exec(full.text)?.[1];
  expect(token, `a confirmation token in: ${full.text}`).toBeTruthy();
  await post(request, baseURL, '/auth/email/confirm', { token: decodeURIComponent(token!) }, 200);
}

/** Signs in through the API; the session cookie lands in the request context (a page's own). */
/**
 * Signs in through the API. `clientIp` (X-Forwarded-For, trusted by the e2e server) keeps tests
 * that sign many people in under the per-address login limit (30 per 10 minutes), which the
 * whole suite would otherwise share from 127.0.0.1.
 */
export async function loginApi(
  request: APIRequestContext,
  baseURL: string,
  email: string,
  password: string,
  opts: { clientIp?: string } = {},
): Promise<void> {
  const seen = await mailIds(request, email);
  const from: Record<string, string> = opts.clientIp ? { 'X-Forwarded-For': opts.clientIp } : {};
  const res = await post(request, baseURL, '/auth/login', { email, password }, 200, from);
  const { challenge } = (await res.json()) as { challenge: string };
  const mail = await nextMail(request, email, seen);
  const full = (await (await request.get(`/api/v1/dev/mailbox/${mail.id}`)).json()) as {
    text: string;
  };
  const code = /\b(\d{6})\b/.exec(full.text)?.[1];
  await post(request, baseURL, '/auth/login/verify', { challenge, code }, 200, from);
}

export async function firstSpecialty(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/v1/specialties', { headers: { Accept: 'application/json' } });
  const list = ((await res.json()) as { items: Array<{ id: string }> }).items;
  expect(list.length, 'GET /specialties is not empty').toBeGreaterThan(0);
  return list[0]!.id;
}

/** The current code of an authenticator app (RFC 6238: HMAC-SHA1, 30 s, 6 digits). */
export async function totpCode(secretBase32: string, now = clockNow()): Promise<string> {
  const { createHmac } = await import('node:crypto');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/[\s=]/g, '').toUpperCase())
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const offset = h[h.length - 1]! & 0xf;
  const n = (h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}
