import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fillDate, launch, login, newContext } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('persons and pathways across the border', () => {
  it('a Mouscron referent creates a person and a pathway; a Kortrijk referent cannot see that person', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'referent@cpas-mouscron.example');
    await page.goto('/app/people');
    await expectAccessible(page, 'caseload');
    await page.getByRole('link', { name: 'Nouvelle personne' }).click();
    await page.waitForURL(/\/app\/people\/new$/);

    await page.getByLabel('Prénom').fill('Noémie');
    await page.getByRole('textbox', { name: /^Nom\b/ }).fill('Fictive-Frontière');
    await fillDate(page, 'Date de naissance', '1991-04-12');
    await page.getByRole('combobox', { name: /Commune/ }).fill('Mousc');
    await page.getByRole('option', { name: /Mouscron/ }).click();
    await expectAccessible(page, 'new person form');
    await page.getByRole('button', { name: 'Enregistrer la personne' }).click();
    await page.waitForURL(/\/app\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Fictive-Frontière/i);
    const personUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'person page');

    await page
      .getByRole('link', { name: /parcours/i })
      .first()
      .click();
    await page.waitForURL(/\/pathway$/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Aucun parcours pour cette personne');
    // Keyboard, as react-aria keeps the native checkbox visually hidden.
    await page
      .getByRole('checkbox', { name: /insertion sociale/i })
      .first()
      .focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Démarrer le parcours' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .not.toContain('Aucun parcours pour cette personne');
    await expectAccessible(page, 'pathway page');

    // Offers ranked for this person: a Roubaix site across the border is among the feasible ones, reached
    // by the cross-border bus, and each row says why it stands where it does.
    await page.goto(`${personUrl}/offers`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Offres réalisables');
    const feasible = page.locator('main table').first();
    const roubaix = feasible.locator('tbody tr', { hasText: 'Roubaix' }).first();
    await expect.poll(() => roubaix.textContent()).toContain('MWR');
    await expectAccessible(page, 'ranked offers');
    await ctx.close();

    // OCMW Kortrijk, in Dutch: the person does not exist for them, by address or by search.
    const nl = await newContext(browser, 'nl-BE');
    const other = await nl.newPage();
    await login(other, 'trajectbegeleider@ocmw-kortrijk.example');
    await other.goto(personUrl);
    await expect.poll(() => other.locator('main').textContent()).toContain('Deze persoon bestaat niet');
    expect(await other.locator('main').textContent()).not.toMatch(/Fictive-Frontière/i);
    await other.goto('/app/people');
    await other.getByRole('searchbox').fill('Fictive-Frontière');
    await other.getByRole('searchbox').press('Enter');
    await expect.poll(() => other.locator('main').textContent()).toContain('Niemand komt overeen');
    await nl.close();
  });

  it('CCAS Roubaix sees only what Mouscron shared with it through a referral', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await login(page, 'referent@ccas-roubaix.example');
    await page.goto('/app/shared');
    await expectAccessible(page, 'shared persons');
    const row = page.locator('main tr', { hasText: 'Benhallou' });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/app\/shared\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('Benhallou');
    const text = (await page.locator('main').textContent()) ?? '';
    // Identity and languages are shared; the birth date and the benefit are not.
    expect(text).not.toMatch(/Date de naissance|Revenu minimum/);
    await expectAccessible(page, 'shared person');
    await ctx.close();
  });

  // Issue 9, item 10: at 1366 px the phone, e-mail and benefit ran out of their cards and, in Dutch,
  // "Rijksregisternummer" overlapped its value. Every fact must fit its card at each common width.
  it.each([
    ['referent@cpas-mouscron.example', 'fr-BE', 'Lemairon'],
    ['trajectbegeleider@ocmw-kortrijk.example', 'nl-BE', null],
  ] as const)(
    'the person page shows every fact whole at 1366, 1024 and 390 px (%s)',
    async (email, locale, name) => {
      const ctx = await newContext(browser, locale);
      const page = await ctx.newPage();
      await login(page, email);
      await page.goto('/app/people');
      const row = name ? page.locator('main tbody tr', { hasText: name }) : page.locator('main tbody tr');
      await row.first().getByRole('link').first().click();
      await page.waitForURL(/\/app\/people\/[0-9a-f-]{36}$/);
      await page.locator('main dl.facts').first().waitFor();
      for (const width of [1366, 1024, 390]) {
        await page.setViewportSize({ width, height: 900 });
        const overflowing = await page.evaluate(() => {
          const out: string[] = [];
          if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('page scrolls sideways');
          for (const el of document.querySelectorAll<HTMLElement>('main .card, main dl.facts > *'))
            if (el.scrollWidth > el.clientWidth + 1)
              out.push(`${el.tagName}: ${el.textContent?.slice(0, 40)}`);
          for (const dt of document.querySelectorAll<HTMLElement>('main dl.facts dt')) {
            const dd = dt.nextElementSibling as HTMLElement | null;
            if (
              dd &&
              dt.getBoundingClientRect().right > dd.getBoundingClientRect().left + 1 &&
              dt.getBoundingClientRect().top === dd.getBoundingClientRect().top
            )
              out.push(`label overlaps value: ${dt.textContent}`);
            // A label's word breaks at a soft hyphen or not at all ("Deelnemerscod / e" did at 1366 px).
            const text = dt.firstChild;
            if (text?.nodeType !== Node.TEXT_NODE) continue;
            const value = text.textContent ?? '';
            // First and last letter of each word (between spaces and soft hyphens) on the same line. A
            // letter that starts a line also reports the end of the line before: its last box is its own.
            const lineOf = (at: number) => {
              const range = document.createRange();
              range.setStart(text, at);
              range.setEnd(text, at + 1);
              const boxes = [...range.getClientRects()];
              return Math.round(boxes[boxes.length - 1]?.top ?? 0);
            };
            for (const m of value.matchAll(/[^\s\u00ad]+/g)) {
              const lines = new Set([lineOf(m.index), lineOf(m.index + m[0].length - 1)]);
              if (lines.size > 1) out.push(`label word broken: ${m[0]}`);
            }
          }
          return out;
        });
        expect(overflowing, `${locale} at ${width} px`).toEqual([]);
      }
      await ctx.close();
    },
  );

  // Issue 9, item 19: native date inputs followed the browser's locale (mm/dd/yyyy on an English browser).
  it('writes dates day first in the UI language on an en-US browser, typed or picked, at 390 px', async () => {
    const ctx = await newContext(browser, 'en-US');
    const page = await ctx.newPage();
    await login(page, 'referent@cpas-mouscron.example');
    await page.goto('/app/people/new');
    await page.setViewportSize({ width: 390, height: 844 });
    const birth = page.getByRole('group', { name: 'Date de naissance', exact: true });
    const shown = async () =>
      (await birth.locator('[data-type]').allTextContents()).join('').replace(/[\u200e\u2066-\u2069]/g, '');
    await expect.poll(shown).toBe('jj/mm/aaaa');
    await fillDate(page, 'Date de naissance', '1991-04-12');
    expect(await shown()).toBe('12/04/1991');
    await birth.getByRole('button', { name: /^Calendrier/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toMatch(/avril 1991/);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, `calendar at ${JSON.stringify(box)}`).toBe(true);
    await dialog.getByRole('button', { name: /19 avril 1991/ }).click();
    await expect.poll(shown).toBe('19/04/1991');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(sideways, 'page scrolls sideways').toBe(false);
    await ctx.close();
  });

  // Issue 9, item 19: a select's label (a span) was lighter than the other fields' labels.
  it('styles a select’s label like every other field’s label', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'referent@cpas-mouscron.example');
    await page.goto('/app/people');
    await page.locator('main .select-button').first().waitFor();
    const weights = await page.evaluate(() => {
      const weight = (el: Element | null | undefined) => (el ? getComputedStyle(el).fontWeight : null);
      const select = document.querySelector('main .select-button')?.closest('.field');
      const text = document.querySelector('main input')?.closest('.field, .react-aria-SearchField, form');
      return {
        select: weight(select?.querySelector('.react-aria-Label, label, .label')),
        text: weight(text?.querySelector('label')),
      };
    });
    expect(weights.select).not.toBeNull();
    expect(weights.select).toBe(weights.text);
    await ctx.close();
  });
});
