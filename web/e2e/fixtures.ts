// Shared test fixtures: the base URL from global setup, and a `page` that fails the test on
// any console error, uncaught exception or Content-Security-Policy violation.
import { test as base, expect, type Page } from '@playwright/test';
import { exec } from 'preact-iso/router';
import { LANG_STORAGE_KEY, type Lang } from '../src/lib/lang';
import { ROUTES } from '../src/lib/routes';
import { shiftClock, shiftEveryContext } from './clock';

export { expect };

export const test = base.extend<{ problems: string[] }, object>({
  // The suite's simulated instant (e2e/clock.ts) reaches every browser context.
  browser: [
    async ({ browser }, use) => {
      shiftEveryContext(browser);
      await use(browser);
    },
    { scope: 'worker' },
  ],

  context: async ({ context }, use) => {
    await shiftClock(context);
    await use(context);
  },

  baseURL: async ({}, use) => {
    const url = process.env.CABINET_BASE_URL;
    if (!url) throw new Error('CABINET_BASE_URL is not set: global setup did not start the server');
    await use(url);
  },

  problems: async ({}, use) => {
    await use([]);
  },

  page: async ({ page, problems }, use) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || isHandledApiAnswer(msg.text(), msg.location().url)) return;
      problems.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    // CSP violations also reach the console, but the event is the reliable signal and names
    // the directive. Init scripts run through the DevTools protocol, so the CSP allows them.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    await use(page);
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
  },
});

/**
 * Chromium logs every 4xx response as "Failed to load resource". For the JSON API that is not
 * an error of the page: 401 from GET /me is how a visitor is known to be signed out, and 400,
 * 403, 404 or 429 are answers the app shows to the user. Anything else still fails the test:
 * 5xx, a missing asset, or a script error.
 */
export function isHandledApiAnswer(text: string, url: string): boolean {
  if (!/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(text))
    return false;
  const path = new URL(url, 'http://x').pathname;
  // The 404 of an address the app does not route: the server sends the app, which shows its
  // "Page introuvable" (src/http/static_files.cpp).
  return path.startsWith('/api/v1/') || !isAppPath(path);
}

/** Whether the web app's router has a page at this path (the server's routes.json says the same). */
export function isAppPath(path: string): boolean {
  return Object.values(ROUTES).some((pattern) => exec(path, pattern) !== undefined);
}

/** Chooses the language before any page script runs, as a returning visitor would have it. */
export async function useLanguage(page: Page, lang: Lang): Promise<void> {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    LANG_STORAGE_KEY,
    lang,
  ] as const);
}

/** Navigates and waits until the app has rendered the page's heading. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
}
