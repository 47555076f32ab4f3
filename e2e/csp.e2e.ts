import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newContext } from './support';

/**
 * Issue 7, item 17: the Content-Security-Policy allows no inline style (style-src 'self'). The web app
 * must render every main page without a violation: styles come from the stylesheet, and the `style`
 * props React and react-aria set go through the CSSOM, which the policy does not restrict.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  return violations;
}

describe('Content-Security-Policy without inline styles', () => {
  it('serves style-src self only, and the main pages render without a violation', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);
    const first = await page.goto('/login');
    const csp = first?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');

    await login(page, 'referent@cpas-mouscron.example');
    const visit = async (path: string) => {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    };
    for (const path of [
      '/app',
      '/app/people',
      '/app/people/new',
      '/app/placements',
      '/app/offers',
      '/app/organisations',
      '/app/programmes',
      '/app/territories',
      '/app/referrals',
      '/app/account',
      '/directory',
    ])
      await visit(path);
    // A person's record and pathway, and a popover positioned by react-aria.
    await visit('/app/people');
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const person = hrefs.find((h) => /^\/app\/people\/[0-9a-f-]{36}$/.test(h ?? ''));
    expect(person).toBeTruthy();
    await visit(person!);
    await visit(`${person}/pathway`);
    await visit('/app/people/new');
    await page.locator('main [aria-haspopup="listbox"]').first().click();
    await page.getByRole('listbox').first().waitFor();
    await page.keyboard.press('Escape');

    expect(violations).toEqual([]);
    await ctx.close();
  });
});
