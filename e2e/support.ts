import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/demo/accounts';
import { CHROMIUM } from './global-setup';

export const baseUrl = () => inject('baseUrl');

/**
 * The text of the newest mail to `to` whose body matches `pattern`, as the addressee receives it: the demo
 * has no SMTP, so the server writes mails to DATA_DIR/mail (the outbox shows them with links redacted).
 */
export async function receivedMail(to: string, pattern: RegExp): Promise<string> {
  const dir = join(inject('dataDir'), 'mail');
  let found = '';
  await expect
    .poll(() => {
      const files = existsSync(dir) ? readdirSync(dir).sort() : [];
      for (const f of files.reverse()) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (text.includes(`To: ${to}`) && pattern.test(text)) {
          found = text;
          return true;
        }
      }
      return false;
    })
    .toBe(true);
  return found;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these, Chromium keeps trying to reach Google services on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newContext(browser: Browser, locale = 'fr-BE'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 900 } });
}

/**
 * Types an ISO date into a date field (app/ui/DateField.tsx: day, month and year segments in the UI
 * language's order, no <input>) as a person does. Year, month, then day: the day typed last is checked
 * against the right month. A string label is matched exactly ("Fin" is not "Date de fin").
 */
export async function fillDate(scope: Page | Locator, label: string | RegExp, iso: string) {
  const group = scope.getByRole('group', { name: label, exact: typeof label === 'string' });
  const [year = '', month = '', day = ''] = iso.split('-');
  for (const [type, text] of [
    ['year', year],
    ['month', month],
    ['day', day],
  ] as const) {
    const segment = group.locator(`[data-type="${type}"]`);
    await segment.pressSequentially(text);
    await expect.poll(() => segment.textContent()).toBe(text);
  }
}

/** Fails the test on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(bad, `accessibility of ${label}`).toEqual([]);
}

/** Signs in through the login form, as a person would. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/app/);
  await page.locator('h1').first().waitFor();
}

/**
 * Opens an entry of the main menu by its name, as a person does: directly when it shows on the menu's row,
 * otherwise through the "More" button that holds the rest (app/NavBar.tsx).
 */
export async function openNav(page: Page, name: string) {
  const nav = page.locator('nav.shell-nav');
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: /^(Plus|Meer|More)/ }).click();
  await link.click();
}

export async function logout(page: Page) {
  await page.locator('header button.header-button').click();
  // The app leaves by a full navigation to /login: wait for that page, so that closing the context or the
  // next page.goto never races a navigation still in flight (both were seen to stall or abort in CI).
  await page.waitForURL(/\/login/, { waitUntil: 'load' });
  await page.locator('input[type="email"]').waitFor();
}

/**
 * Shows the page on a laptop and on a phone, full length, as a person checking it would; the images are
 * written to E2E_SHOTS when it names a folder (a walk-through), and not kept otherwise.
 */
export async function screenshots(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (dir) mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('h1').first().waitFor();
    await page.screenshot({ fullPage: true, ...(dir ? { path: `${dir}/${name}-${width}.png` } : {}) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
