// Passkeys (ACC9) in Chromium with the DevTools virtual authenticator (a platform authenticator
// with user verification, as a phone's or a laptop's): a patient adds one on "Sécurité", renames
// it, signs out and back in with the passkey alone, then removes it; a practitioner under
// security.strong_factor_roles is taken to "Sécurité" to enrol, and afterwards the emailed code
// no longer signs them in. The server is this file's own (e2e/passkey-server.ts): WebAuthn needs
// a host name, and the policy must not touch the other specs.
import type { APIRequestContext, Page } from '@playwright/test';
import { fr } from '../src/i18n/fr';
import { createAccount, loginUi, logoutUi, newRpps, PASSWORD, uniqueEmail } from './accounts';
import { blockingViolations } from './axe';
import { expect, test as base } from './fixtures';
import { startPasskeyServer, type PasskeyServer } from './passkey-server';

const test = base.extend<object, { passkeyServer: PasskeyServer }>({
  passkeyServer: [
    async ({}, use) => {
      const server = await startPasskeyServer(['security.strong_factor_roles=practitioner']);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ passkeyServer }, use) => {
    await use(passkeyServer.url);
  },
});

test.describe.configure({ mode: 'serial' });

const p = fr.passkeys;

/** A platform authenticator that verifies the user at once, for this page only. */
async function virtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function addPasskey(page: Page, name: string): Promise<void> {
  const section = page.locator('section', { has: page.getByRole('heading', { name: p.title }) });
  await section.getByLabel(p.nameLabel).fill(name);
  await section.getByRole('button', { name: p.add }).click();
  await expect(section.getByRole('status')).toContainText(name);
  await expect(section.locator('.session-device', { hasText: name })).toBeVisible();
}

/** A new, confirmed account (a practitioner with `rpps`), signed in with password and code. */
async function signedInAccount(
  page: Page,
  request: APIRequestContext,
  baseURL: string,
  details: { first_name: string; last_name: string; birth_date?: string; rpps?: string },
): Promise<string> {
  await virtualAuthenticator(page);
  const email = uniqueEmail(details.rpps ? 'dr-passkey' : 'passkey');
  const specialty = details.rpps ? { specialty: 'general_medicine' } : {};
  await createAccount(request, baseURL, { email, password: PASSWORD, ...details, ...specialty });
  await loginUi(page, email, PASSWORD);
  return email;
}

async function signInWithPasskey(page: Page): Promise<void> {
  await page.goto('/connexion');
  await page.getByRole('button', { name: p.signIn }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
}

test('a patient adds a passkey, signs in with it alone, renames and removes it', async ({
  page,
  request,
  baseURL,
}) => {
  await signedInAccount(page, request, baseURL!, {
    first_name: 'Zoé',
    last_name: 'Martin',
    birth_date: '1990-04-02',
  });
  await expect(page).toHaveURL(/\/patient/);

  await page.goto('/compte/securite');
  await expect(page.getByRole('heading', { name: p.title })).toBeVisible();
  await expect(page.getByText(p.none)).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await addPasskey(page, 'Ordinateur de test');
  expect(await blockingViolations(page)).toEqual([]);

  await logoutUi(page);
  await signInWithPasskey(page);
  await expect(page).toHaveURL(/\/patient/);

  await page.goto('/compte/securite');
  const item = page.locator('.session-item', { hasText: 'Ordinateur de test' });
  await expect(item).toContainText('dernière utilisation');
  await item.getByRole('button', { name: /Renommer/ }).click();
  await item.getByLabel(p.renameLabel).fill('Portable de Zoé');
  await item.getByRole('button', { name: p.save }).click();
  await expect(
    page.getByText('La clé d’accès s’appelle maintenant « Portable de Zoé ».'),
  ).toBeVisible();

  const renamed = page.locator('.session-item', { hasText: 'Portable de Zoé' });
  await renamed.getByRole('button', { name: /Supprimer/ }).click();
  expect(await blockingViolations(page)).toEqual([]);
  await renamed.getByRole('button', { name: p.revokeYes }).click();
  await expect(page.getByText(p.none)).toBeVisible();
});

test('a practitioner under the policy enrols a passkey, then the emailed code is refused', async ({
  page,
  request,
  baseURL,
}) => {
  // No strong factor yet: the code signs in once, straight to the enrolment.
  const email = await signedInAccount(page, request, baseURL!, {
    first_name: 'Camille',
    last_name: 'Durand',
    rpps: newRpps(),
  });
  await expect(page).toHaveURL(/\/compte\/securite/);
  await expect(page.getByRole('alert').filter({ hasText: p.required })).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
  await addPasskey(page, 'Poste du cabinet');
  await logoutUi(page);

  // Password and emailed code alone no longer do.
  await page.goto('/connexion');
  await page.getByLabel(fr.fields.email, { exact: true }).fill(email);
  await page.getByLabel(fr.fields.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: fr.login.submit, exact: true }).click();
  await expect(page.getByText(/exige une clé d’accès|exige une clé d'accès/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr.login.title);
  expect(await blockingViolations(page)).toEqual([]);

  await page.getByRole('button', { name: p.signIn }).click();
  await expect(page).toHaveURL(/\/praticien/);
});
