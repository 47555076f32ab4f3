import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/server/demo/accounts';
import { expectAccessible, launch, login, logout, newContext } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

// Each account in its own browser context, three at a time: the longest file of the browser suite alone.
describe('every demo role signs in and lands on its dashboard', () => {
  it.concurrent.for(DEMO_ACCOUNTS.map((a) => [a.key, a.email, a.language] as const))(
    '%s (%s)',
    async ([_key, email, language], { expect }) => {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await login(page, email);
      // The user's preferred language applies after sign-in.
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('main h1').textContent()).toMatch(/Bonjour|Goedendag|Hello/);
      await expectAccessible(page, `dashboard of ${email}`);
      await logout(page);
      await ctx.close();
    },
  );
});

describe('languages', () => {
  it('switches the public pages between French and Dutch and remembers the choice', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('ensemble');
    await expectAccessible(page, 'home (fr)');
    await page.locator('header select').selectOption('nl');
    await expect.poll(() => page.locator('h1').textContent()).toContain('samen over de grens');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await page.goto('/login');
    expect(await page.locator('main label').first().textContent()).toContain('E-mailadres');
    await expectAccessible(page, 'login (nl)');
    await ctx.close();
  });

  it('stores a signed-in user’s switch to Dutch on their account', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, 'referent@ccas-roubaix.example');
    // Either label: a failed earlier try may have left the account in Dutch.
    await page
      .locator('header select[aria-label="Langue"], header select[aria-label="Taal"]')
      .selectOption('nl');
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Goedendag');
    await logout(page);
    await login(page, 'referent@ccas-roubaix.example');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    // Put it back for other tests.
    await page.locator('header select[aria-label="Taal"]').selectOption('fr');
    await ctx.close();
  });

  it('translates a failed sign-in', async () => {
    const ctx = await newContext(browser, 'nl-BE');
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.locator('input[type="email"]').fill('trajectbegeleider@ocmw-kortrijk.example');
    await page.locator('input[type="password"]').fill('verkeerd wachtwoord');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('niet correct');
    await ctx.close();
  });
});
