// Issue 19 item 2 in Chromium (docs/operator.md "Settings"): the operator opens
// /operateur/parametres, types a queue hour that does not exist and sees the error at the field
// with nothing saved, then changes the immediate consultation's fee; a patient's queue page shows
// the new fee at once, without a restart. The history lists the change and the tariffs are shown
// read-only with their sources. Axe on each screen, screenshots at 1280 and 360 px. The fee is
// put back to its default at the end: the other specs share this server.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { OPERATOR, PASSWORD, createAccount, loginApi, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import { nextAddress } from './consultation';
import { unsafe } from './directory';
import { expect, test } from './fixtures';

const SHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test-results/screenshots',
);
const s = fr.operatorSettings;

/** Both widths, full page, after the accessibility check. */
async function shots(page: Page, name: string): Promise<void> {
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-settings-${name}-fr-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await blockingViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operator-settings-${name}-fr-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function resetFee(page: Page, baseURL: string): Promise<void> {
  const res = await page.request.patch('/api/v1/operator/settings', {
    data: { 'queue.fee_cents': null },
    headers: unsafe(baseURL),
  });
  expect(res.status(), await res.text()).toBe(200);
}

test.beforeEach(() => {
  test.skip(!OPERATOR.email, 'CABINET_OPERATOR_EMAIL / CABINET_OPERATOR_PASSWORD are not set');
});

test('the operator changes the immediate fee and a patient sees it at once', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  await loginApi(page.request, base, OPERATOR.email, OPERATOR.password, {
    clientIp: nextAddress(),
  });
  try {
    await page.goto('/operateur/parametres');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.title);
    const queue = page.getByTestId('settings-queue');
    const fee = queue.getByLabel(s.keys['queue.fee_cents']!.label, { exact: true });
    await expect(fee).toBeVisible();
    await expect(page.getByRole('navigation', { name: fr.operatorNav.label })).toBeVisible();
    await expect(page.getByTestId('settings-tariffs').first()).toContainText('2024');
    await shots(page, 'page');

    // An hour that does not exist: refused at the field, nothing saved.
    const opens = queue.getByLabel(s.from, { exact: true });
    await opens.fill('25:00');
    await fee.fill('9');
    await queue.getByRole('button', { name: s.save }).click();
    await expect(queue.getByRole('alert')).toContainText(s.refused);
    await expect(opens).toHaveAttribute('aria-invalid', 'true');
    await expect(queue.locator('.field-error')).toContainText('HH:MM');
    await shots(page, 'error');

    // The fee alone, as a patient would read it: 7,50 €.
    await page.reload();
    await expect(fee).toHaveValue('5');
    await fee.fill('7,50');
    await queue.getByRole('button', { name: s.save }).click();
    await expect(queue.getByRole('status')).toHaveText(s.saved);
    await expect(fee).toHaveValue('7,5');
    await expect(queue.getByRole('button', { name: new RegExp(s.reset) })).toBeVisible();
    const history = page.getByTestId('settings-history');
    await expect(history).toContainText(s.keys['queue.fee_cents']!.label);
    await expect(history.locator('tbody tr').first()).toContainText(/7,50/);
    await expect(history.locator('tbody tr').first()).toContainText(OPERATOR.email);

    // A patient opens the queues: the new fee, with no restart.
    const patient = await browser.newContext({ baseURL: base });
    const email = uniqueEmail('noe');
    const clientIp = nextAddress();
    await createAccount(
      patient.request,
      base,
      {
        email,
        password: PASSWORD,
        first_name: 'Noé',
        last_name: 'Girard',
        birth_date: '1991-02-03',
      },
      { clientIp },
    );
    await loginApi(patient.request, base, email, PASSWORD, { clientIp });
    const seen = await patient.newPage();
    await seen.goto('/maintenant');
    await expect(seen.getByTestId('queue-fee').first()).toContainText(/7,50\s€/);
    await patient.close();

    await page.getByRole('heading', { name: s.history.title }).scrollIntoViewIfNeeded();
    await shots(page, 'saved');
  } finally {
    await resetFee(page, base);
  }
});
