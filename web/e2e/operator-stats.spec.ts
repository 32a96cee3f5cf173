// Issue 19's statistics end to end (docs/operator.md "Statistics"): a patient books six video
// consultations with a fresh practitioner and cancels one; the operator opens
// /operateur/statistiques and finds today's bookings drawn in the appointments chart and written
// in its table (never fewer than six: other specs may book too), switches to weeks, downloads the
// CSV for French Excel; the page is axe-clean and shot at 1280 and 360 px. The fixtures fail
// the test on any CSP violation: the charts are SVG drawn by the page with no inline style.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { OPERATOR, PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import {
  type Appointment,
  type Doctor,
  type Slot,
  nextAddress,
  send,
  videoDoctor,
} from './consultation';
import { apiGet } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);

let doctor: Doctor;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  test.skip(!OPERATOR.email, 'no operator credentials: nobody can verify the practitioner');
  doctor = await videoDoctor(browser, process.env.CABINET_BASE_URL!, {
    first_name: 'Lucie',
    last_name: 'Garnier',
  });
});

async function shots(page: Page, name: string): Promise<void> {
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-stats-${name}-fr-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  // The chart redraws at the new width.
  await expect(page.locator('svg[data-chart="stats-activity"]')).toHaveAttribute(
    'width',
    /^[23]\d\d$/,
  );
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-stats-${name}-fr-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The number in the last row of a table (today's period), column `col` (0: first value). */
async function lastRowValue(page: Page, chart: string, col: number): Promise<string> {
  const row = page.locator(`#${chart}-caption`).locator('..').locator('tbody tr').last();
  return (await row.locator('td').nth(col).textContent())?.trim() ?? '';
}

test('the operator reads the platform statistics drawn from real bookings', async ({
  page,
  baseURL: configured,
}) => {
  test.setTimeout(120_000);
  const baseURL = configured ?? '';
  const email = uniqueEmail('nina');
  const clientIp = nextAddress();
  await createAccount(
    page.request,
    baseURL,
    {
      email,
      password: PASSWORD,
      first_name: 'Nina',
      last_name: 'Perrin',
      birth_date: '1985-06-02',
    },
    { clientIp },
  );
  await loginApi(page.request, baseURL, email, PASSWORD, { clientIp });
  const me = await apiGet<{ current_profile: string }>(page.request, '/me');
  const { slots } = await apiGet<{ slots: Slot[] }>(
    page.request,
    `/practitioners/${doctor.practitionerId}/slots?days=1&mode=video&motif_id=${doctor.motifId}`,
  );
  // Today's slots, so that all six fall in today's period (at 23:55 the suite books fewer days).
  const today = slots.slice(0, 6);
  expect(today.length, 'six video slots today').toBe(6);
  const ids: string[] = [];
  for (const [i, slot] of today.entries()) {
    const booked = (await send(
      page.request,
      baseURL,
      'post',
      '/appointments',
      {
        practitioner_id: doctor.practitionerId,
        motif_id: doctor.motifId,
        start: slot.start,
        profile_id: me.current_profile,
        mode: 'video',
      },
      { 'Idempotency-Key': `e2e-stats-${Date.now()}-${i}` },
    )) as Appointment;
    await send(page.request, baseURL, 'post', `/appointments/${booked.id}/confirm`, {
      payment_method: 'tok_visa',
    });
    ids.push(booked.id);
  }
  await send(page.request, baseURL, 'post', `/appointments/${ids[5]}/cancel`, {});
  await page.context().clearCookies();

  await loginApi(page.request, baseURL, OPERATOR.email, OPERATOR.password, {
    clientIp: nextAddress(),
  });
  await page.goto('/operateur/statistiques');
  const s = fr.operatorStats;
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: fr.operatorNav.label })).toBeVisible();
  // The appointments chart draws bars, and its table says today's count.
  const bars = page.locator('svg[data-chart="stats-activity"] rect.stats-bar.tone-1');
  await expect(bars.last()).toBeVisible();
  const table = page.getByRole('table', { name: `Données du graphique « ${s.activity.title} »` });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: s.activity.bookings })).toBeVisible();
  const booked = Number(await lastRowValue(page, 'stats-activity', 0));
  expect(booked).toBeGreaterThanOrEqual(6);
  await expect(
    page.getByRole('table', { name: `Données du graphique « ${s.queue.title} »` }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: `Données du graphique « ${s.calls.title} »` }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: s.specialties.title })).toBeVisible();
  // Nobody has called a queue patient today in a fresh run: suppressed or empty, never a number
  // computed on one person.
  const wait = await lastRowValue(page, 'stats-queue', 0);
  expect(wait === s.none || wait === 'moins de 5' || Number(wait) >= 0).toBe(true);
  await shots(page, 'day');

  // By week: one bar per ISO week, the current one holding today's bookings.
  await page.getByLabel(s.by).selectOption('week');
  await page.getByRole('button', { name: s.show }).click();
  await expect(table.locator('tbody tr').last().locator('th')).toContainText(`${s.weekShort}`);
  expect(Number(await lastRowValue(page, 'stats-activity', 0))).toBeGreaterThanOrEqual(booked);

  // The CSV for French Excel.
  const link = page.getByRole('link', { name: s.csv });
  const href = await link.getAttribute('href');
  expect(href).toContain('/api/v1/operator/stats.csv?');
  expect(href).toContain('by=week');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\uFEFFPériode;Début;Fin;Rendez-vous;')).toBe(true);
  await shots(page, 'week');
});
