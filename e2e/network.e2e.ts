import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fillDate, launch, login, newContext } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Picks an option of a react-aria select, found by its label, as a keyboard or mouse user would. */
async function pick(page: Page, label: RegExp, option: RegExp) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function searchDirectory(page: Page, words: string) {
  await page.getByRole('searchbox').fill(words);
  await page.getByRole('searchbox').press('Enter');
}

describe('the public services directory', () => {
  it('finds services without signing in, in French and then in Dutch', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await page.goto('/');
    await page
      .getByRole('link', { name: /annuaire/i })
      .first()
      .click();
    await page.waitForURL(/\/directory/);
    await expectAccessible(page, 'directory (fr)');

    // Accent-insensitive French full text.
    await searchDirectory(page, 'depannage');
    await expect
      .poll(() => page.locator('main h2').allTextContents())
      .toContain('Épicerie sociale et colis de dépannage');
    await searchDirectory(page, 'logement');
    await expect
      .poll(() => page.locator('main h2').allTextContents())
      .toContain('Guichet logement pour frontaliers et nouveaux habitants');

    // The same page in Dutch searches the Dutch texts.
    await page.locator('header select').selectOption('nl');
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toContain('Gids van grensoverschrijdende diensten');
    await searchDirectory(page, 'schuldbemiddeling');
    await expect
      .poll(() => page.locator('main h2').allTextContents())
      .toEqual(['Grensoverschrijdende permanentie schuldbemiddeling']);
    await page.getByRole('link', { name: 'Grensoverschrijdende permanentie schuldbemiddeling' }).click();
    await page.waitForURL(/\/directory\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(/maandag|dinsdag|woensdag|donderdag|vrijdag/i);
    await expectAccessible(page, 'service detail (nl)');
    await ctx.close();
  });
});

describe('organisations', () => {
  it('a platform admin creates and edits an organisation, and the change is audited', async () => {
    const ctx = await newContext(browser, 'en-GB');
    const page = await ctx.newPage();
    await login(page, 'admin@samen.example');
    await page.goto('/app/organisations');
    await expectAccessible(page, 'organisations list');
    await page.getByRole('link', { name: /new organisation/i }).click();
    await page.waitForURL(/\/app\/organisations\/new$/);

    // A first try without names is refused with the reasons, and nothing is created.
    await page
      .getByRole('button', { name: /^(create|save)/i })
      .last()
      .click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/\/new$/);

    await pick(page, /Kind of organisation/, /^Association/);
    await pick(page, /Country/, /^Belgium/);
    await pick(page, /Region/, /^Wallonia/);
    await page.getByLabel('Name in French').fill('Maison de la Solidarité Frontalière (fictive)');
    await page.getByLabel('Name in Dutch').fill('Huis van de Grenssolidariteit (fictief)');
    await page.getByRole('combobox', { name: /Municipality/ }).fill('Comines');
    await page.getByRole('option', { name: /Comines-Warneton/ }).click();
    await page.getByLabel('E-mail address').fill('contact@solidarite-frontaliere.example');
    await expectAccessible(page, 'organisation form');
    await page
      .getByRole('button', { name: /^(create|save)/i })
      .last()
      .click();
    await page.waitForURL(/\/app\/organisations\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toBe('Maison de la Solidarité Frontalière (fictive)');
    const orgUrl = page.url();

    await page.getByRole('link', { name: /^Edit/ }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('Website').fill('https://solidarite-frontaliere.example');
    await page.getByRole('button', { name: /^save/i }).last().click();
    await page.waitForURL(orgUrl);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('https://solidarite-frontaliere.example');
    await expectAccessible(page, 'organisation record');

    // The platform admin reads the whole audit log: the change is there, with the field before and after.
    await page.goto('/app/admin/audit');
    const changed = page
      .locator('main tr', { hasText: 'Changed' })
      .filter({ hasText: 'Maison de la Solidarité Frontalière' })
      .first();
    await changed.waitFor();
    await changed.getByRole('button', { name: /Show 1 field/ }).click();
    await expect
      .poll(() => page.locator('main table').first().textContent())
      .toContain('https://solidarite-frontaliere.example');
    await expectAccessible(page, 'audit log');
    await ctx.close();
  });

  it('an organisation admin in Mouscron edits their own record in French and sees it in their audit log', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'admin@cpas-mouscron.example');
    await page.goto('/app/organisations');
    await page.getByRole('link', { name: "Centre Public d'Action Sociale de Mouscron" }).click();
    await page.getByRole('link', { name: /^Modifier/ }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('Téléphone').fill('+32 56 00 00 01');
    await page
      .getByRole('button', { name: /^enregistrer/i })
      .last()
      .click();
    await page.waitForURL(/\/app\/organisations\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('+3256000001');

    await page.goto('/app/admin/audit');
    const changed = page
      .locator('main tr', { hasText: 'Modification' })
      .filter({ hasText: "Centre Public d'Action Sociale de Mouscron" })
      .first();
    await changed.waitFor();
    await changed.getByRole('button', { name: /Voir 1 champ/ }).click();
    await expect.poll(() => page.locator('main table').first().textContent()).toContain('+3256000001');
    await expectAccessible(page, 'journal d’audit');
    await ctx.close();
  });

  it('a coordinator creates a programme after a refused first try, then sees its partners page', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await login(page, 'coordination@udccas-nord.example');
    await page.goto('/app/programmes/new');
    const submit = page.locator('main form button[type="submit"]').last();
    // Empty: every missing field is named, nothing is created.
    await submit.click();
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThanOrEqual(4);
    // Corrected: the same form now goes through (a field once invalid must not keep blocking it).
    await page
      .getByRole('textbox', { name: /^Nom en français/ })
      .fill('Passerelles transfrontalières (fictif)');
    await page
      .getByRole('textbox', { name: /^Nom en néerlandais/ })
      .fill('Grensoverschrijdende bruggen (fictief)');
    await page.getByRole('checkbox', { name: /FEDER/ }).focus();
    await page.keyboard.press('Space');
    await fillDate(page, /Date de début/, '2027-01-01');
    await fillDate(page, /Date de fin/, '2028-12-31');
    await expectAccessible(page, 'programme form');
    await submit.click();
    await page.waitForURL(/\/app\/programmes\/[0-9a-f-]{36}\/partners$/);
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toContain('Passerelles transfrontalières (fictif)');
    await expectAccessible(page, 'programme partners');
    await ctx.close();
  });
});

describe('services', () => {
  it('an organisation admin publishes and edits a service; visitors find it and the change is audited', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'admin@cpas-mouscron.example');
    await page.goto('/app/services');
    await expectAccessible(page, 'our services');
    await page.getByRole('link', { name: 'Ajouter un service' }).click();
    await page.waitForURL(/\/app\/services\/new$/);
    await page
      .getByRole('textbox', { name: /^Intitulé en français/ })
      .fill('Atelier CV transfrontalier (fictif)');
    await page
      .getByRole('textbox', { name: /^Intitulé en néerlandais/ })
      .fill('Grensoverschrijdend cv-atelier (fictief)');
    await pick(page, /Thème/, /^Emploi$/);
    await pick(page, /Accès transfrontalier/, /^Ouvert à tous/);
    await page.getByRole('checkbox', { name: /^Français$/i }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('combobox', { name: /Commune/ }).fill('Mousc');
    await page.getByRole('option', { name: /Mouscron/ }).click();
    await page.getByRole('checkbox', { name: /Publier dans l'annuaire public/ }).focus();
    await page.keyboard.press('Space');
    await expectAccessible(page, 'service form');
    await page.locator('main form button[type="submit"]').last().click();
    await page.waitForURL(/\/app\/services$/);
    const row = page.locator('main tr', { hasText: 'Atelier CV transfrontalier (fictif)' });
    await row.waitFor();
    await row
      .getByRole('link', { name: /Modifier|Atelier CV/ })
      .first()
      .click();
    await page.waitForURL(/\/app\/services\/[0-9a-f-]{36}\/edit$/);
    await page
      .getByRole('textbox', { name: /^Intitulé en français/ })
      .fill('Atelier CV transfrontalier du mardi (fictif)');
    await page.locator('main form button[type="submit"]').last().click();
    await page.waitForURL(/\/app\/services$/);

    await page.goto('/app/admin/audit');
    const changed = page
      .locator('main tr', { hasText: 'Modification' })
      .filter({ hasText: 'Atelier CV transfrontalier' })
      .first();
    await changed.waitFor();
    await changed.getByRole('button', { name: /Voir 1 champ/ }).click();
    await expect.poll(() => page.locator('main table').first().textContent()).toContain('du mardi');
    await ctx.close();

    const visitor = await newContext(browser, 'nl-BE');
    const anonymous = await visitor.newPage();
    await anonymous.goto('/directory');
    await searchDirectory(anonymous, 'cv-atelier');
    await expect
      .poll(() => anonymous.locator('main h2').allTextContents())
      .toContain('Grensoverschrijdend cv-atelier (fictief)');
    await visitor.close();
  });
});
