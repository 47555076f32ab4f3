import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fillDate, launch, login, newContext, screenshots } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function mainText(page: Page) {
  return (await page.locator('main').textContent()) ?? '';
}

/** Euro cents of an amount as the page shows it, in French or Dutch ("1 052,80 €", "€ 1.052,80"). */
function cents(text: string): number {
  const digits = text.replace(/[^\d,]/g, '');
  const [units = '0', decimals = '00'] = digits.split(',');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2));
}

/** The accepted amount of a row of the absorption table "by partner" (or its total), in cents. */
async function accepted(page: Page, row: RegExp): Promise<number> {
  const cells = page
    .getByRole('table', { name: 'Par partenaire' })
    .getByRole('row', { name: row })
    .getByRole('cell');
  // Budget, declared, accepted, absorption rate.
  return cents((await cells.nth(2).textContent()) ?? '');
}

/** Picks an option of a select (app/ui/fields.tsx) whose button is named after its value and its label. */
async function choose(scope: Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

type Item = {
  category: string;
  action: string;
  description: string;
  supplier: string;
  invoiceNumber: string;
  invoiceDate: string;
  paidOn: string;
  amount: string;
};

/** Adds an item to the draft through the Dutch dialog, as the finance officer types it. */
async function addItem(page: Page, item: Item) {
  await page.getByRole('button', { name: 'Uitgave toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, /Categorie/, item.category);
  await choose(dialog, /Actie$/, item.action);
  await dialog.getByLabel('Omschrijving').fill(item.description);
  await dialog.getByLabel('Leverancier').fill(item.supplier);
  await dialog.getByLabel('Factuurnummer').fill(item.invoiceNumber);
  await fillDate(dialog, 'Factuurdatum', item.invoiceDate);
  await fillDate(dialog, 'Betaaldatum', item.paidOn);
  await dialog.getByLabel('Bedrag (€)').fill(item.amount);
  await dialog.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await expect.poll(() => mainText(page)).toContain(item.description);
}

// Fixed days in the past of the programme (2025–2027): the server refuses invoices and payments in the future.
const TRAIN: Item = {
  category: 'Reis- en verblijfkosten',
  action: 'A2 · Inleefstages van medewerkers bij partnerorganisaties',
  description: 'Treinreizen Kortrijk–Rijsel voor de inleefstage van oktober',
  supplier: 'NMBS (fictief)',
  invoiceNumber: 'NB-2026-1107',
  invoiceDate: '2026-10-14',
  paidOn: '2026-11-03',
  amount: '412,80',
};
const INTERPRETER: Item = {
  category: 'Externe expertise',
  action: 'A1 · Grensoverschrijdende integratieprojecten',
  description: 'Tolk Nederlands–Frans voor twee stagegesprekken',
  supplier: 'Tolkbureau Leie (fictief)',
  invoiceNumber: 'TL-2026-142',
  invoiceDate: '2026-09-22',
  paidOn: '2026-10-15',
  amount: '980,00',
};
const REASON = 'Un seul des deux entretiens relève du programme (exemple fictif).';

describe('expenditure of a Flemish partner reviewed by the lead', () => {
  it('is declared in Dutch by OCMW Kortrijk, and the lead accepts one item and corrects another', async () => {
    // 1. The finance officer of OCMW Kortrijk reaches the programme's declarations from its budget.
    const partnerCtx = await newContext(browser, 'nl-BE');
    const finance = await partnerCtx.newPage();
    await login(finance, 'financien@ocmw-kortrijk.example');
    await finance.goto('/app/programmes');
    await finance.getByRole('link', { name: /SAM Eurometropool — vervolg/ }).click();
    await finance.getByRole('link', { name: 'Begroting van het programma' }).click();
    await finance.getByRole('link', { name: 'Uitgavenaangiften' }).click();
    await finance.waitForURL(/\/app\/programmes\/[0-9a-f-]{36}\/expenditure$/);
    const overviewPath = new URL(finance.url()).pathname;
    await expect.poll(() => mainText(finance)).toContain('De aangiften van uw organisatie');

    // A period of its own on every try: a retry in the same server cannot meet the previous try's declaration.
    const period = `2026 S2 ${Math.random().toString(36).slice(2, 6)}`;
    await finance.getByRole('button', { name: 'Nieuwe aangifte' }).click();
    const create = finance.getByRole('dialog');
    await create.getByLabel('Periode (bv. 2025)').fill(period);
    await create.getByRole('button', { name: 'Aangifte aanmaken' }).click();
    await finance.waitForURL(/\/app\/expenditure\/[0-9a-f-]{36}$/);
    const declarationPath = new URL(finance.url()).pathname;
    // The overview lists the new declaration too: wait for the declaration's own page (its add button).
    await finance.getByRole('button', { name: 'Uitgave toevoegen' }).waitFor();
    await expect.poll(() => mainText(finance)).toContain(`Aangifte ${period}`);
    expect(await mainText(finance)).toContain('Ontwerp');

    // 2. Two items, then submitted to the lead.
    await addItem(finance, TRAIN);
    await addItem(finance, INTERPRETER);
    expect(await mainText(finance)).toContain('Na te kijken');
    await expectAccessible(finance, 'draft declaration, partner');
    await screenshots(finance, 'expenditure-partner-draft');
    await finance.getByRole('button', { name: 'Indienen bij de hoofdpartner' }).click();
    // Who acts next is said: the lead reviews now.
    await expect
      .poll(() => mainText(finance))
      .toContain('Ingediend bij de hoofdpartner, die nu elke uitgave nakijkt');
    expect(await mainText(finance)).toContain('Ingediend');
    // Read-only once submitted: no more adding, editing or submitting.
    expect(await finance.getByRole('button', { name: 'Uitgave toevoegen' }).count()).toBe(0);
    expect(await finance.getByRole('button', { name: /^Wijzigen: / }).count()).toBe(0);
    await screenshots(finance, 'expenditure-partner-submitted');

    // 3. The lead (UDCCAS du Nord) is mailed and sees it on its home page (db tests); here it finds the
    // declaration among those to review on the programme's expenditure page.
    const leadCtx = await newContext(browser, 'fr-FR');
    const lead = await leadCtx.newPage();
    await login(lead, 'coordination@udccas-nord.example');
    await lead.goto(overviewPath);
    await expect.poll(() => mainText(lead)).toContain('Déclarations des partenaires à examiner');
    const kortrijk = /^CPAS de Courtrai/;
    const acceptedBefore = await accepted(lead, kortrijk);
    const totalBefore = await accepted(lead, /^Total/);
    const toReview = lead.getByRole('table', { name: 'Déclarations des partenaires à examiner' });
    const row = toReview.getByRole('row', { name: new RegExp(`déclaration ${period}`) });
    expect(await row.textContent()).toContain('Soumise');
    await row.getByRole('link', { name: `Ouvrir la déclaration ${period}` }).click();
    await lead.waitForURL((url) => url.pathname === declarationPath);
    await expect.poll(() => mainText(lead)).toContain(`Déclaration ${period} — OCMW Kortrijk`);
    expect(await mainText(lead)).toContain('À vous d’examiner chaque dépense');

    // 4. Item 1 accepted as declared, item 2 corrected to a lower amount with a reason.
    await lead.getByRole('button', { name: /^Examiner : Treinreizen/ }).click();
    let dialog = lead.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Enregistrer l’examen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => mainText(lead)).toContain('Acceptée');
    // The focus back on the button must not scroll the items sideways: the table fits the page.
    const frame = lead.locator('section.table-wrap');
    expect(await frame.evaluate((el) => [el.scrollLeft, el.scrollWidth <= el.clientWidth])).toEqual([
      0,
      true,
    ]);

    await lead.getByRole('button', { name: /^Examiner : Tolk/ }).click();
    dialog = lead.getByRole('dialog');
    await choose(dialog, /Décision/, 'Corriger');
    await dialog.getByLabel('Montant corrigé (€)').fill('490,00');
    await dialog.getByLabel('Raison').fill(REASON);
    await dialog.getByRole('button', { name: 'Enregistrer l’examen' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => mainText(lead)).toMatch(/Corrigée à 490,00\s€/);
    expect(await mainText(lead)).toContain(REASON);
    await expectAccessible(lead, 'declaration under review, lead');
    await screenshots(lead, 'expenditure-lead-review');
    await lead.getByRole('button', { name: 'Clôturer l’examen' }).click();
    await expect.poll(() => mainText(lead)).toContain('Le chef de file a clôturé l’examen');
    expect(await mainText(lead)).toContain('Examinée');
    await screenshots(lead, 'expenditure-lead-reviewed');

    // 5. The absorption counts what the lead accepted: 412,80 + 490,00 (not the 980,00 declared).
    await lead.getByRole('link', { name: 'Retour aux déclarations' }).click();
    await lead.waitForURL((url) => url.pathname === overviewPath);
    await expect.poll(() => accepted(lead, kortrijk)).toBe(acceptedBefore + 41_280 + 49_000);
    expect(await accepted(lead, /^Total/)).toBe(totalBefore + 41_280 + 49_000);
    await leadCtx.close();

    // 6. The finance officer sees the review in Dutch: accepted, corrected with the reason.
    await finance.goto(declarationPath);
    await expect.poll(() => mainText(finance)).toContain('De hoofdpartner heeft het nazicht afgesloten');
    expect(await mainText(finance)).toContain('Nagekeken');
    const items = finance.getByRole('table', { name: 'Aangegeven uitgaven' });
    const train = items.getByRole('row', { name: new RegExp(TRAIN.description) });
    const interpreter = items.getByRole('row', { name: new RegExp(INTERPRETER.description) });
    expect(await train.textContent()).toContain('Aanvaard');
    expect(await interpreter.textContent()).toMatch(/Gecorrigeerd tot (€\s490,00|490,00\s€)/);
    expect(await interpreter.textContent()).toContain(REASON);
    await expectAccessible(finance, 'reviewed declaration, partner');
    await screenshots(finance, 'expenditure-partner-reviewed');
    await partnerCtx.close();
  });
});
