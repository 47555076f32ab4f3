import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, fillDate, launch, login, newContext, openNav, screenshots } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('programme monitoring', () => {
  it('the SAM coordinator reads the dashboard in French, drills into the placements indicator, then creates, submits and downloads a report in Dutch', async () => {
    const ctx = await newContext(browser, 'fr-BE');
    const page = await ctx.newPage();
    await login(page, 'coordination@udccas-nord.example');

    // The programme, then its dashboard.
    await openNav(page, 'Programmes');
    await page.getByRole('link', { name: /SAM Eurométropole — suite/ }).click();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tableau de bord du programme');
    await page.getByText(/Indicateurs : réalisé par rapport à la cible/).waitFor();
    await expectAccessible(page, 'programme dashboard (fr)');
    await screenshots(page, 'monitoring-dashboard-fr');

    // The placements indicator, and the records it counts (pseudonymous: codes, never names).
    await page
      .getByRole('link', { name: /I1 usagers des CCAS\/CPAS/ })
      .first()
      .click();
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Indicateurs/);
    await page.getByRole('link', { name: 'Voir les enregistrements comptés' }).first().click();
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Enregistrements comptés/);
    await page.getByText(/Chaque consultation est inscrite au journal d’audit/).waitFor();
    const records = (await page.locator('main table').first().textContent()) ?? '';
    expect(records).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await page.getByRole('link', { name: 'Retour aux indicateurs' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/Indicateurs/);

    // The reports, and a new one. A period of its own per try: a retry finds its earlier one in place.
    // Back to the dashboard (indicators, records, indicators), as the browser's button does.
    for (let i = 0; i < 3; i++) await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tableau de bord du programme');
    await page.getByRole('link', { name: 'Tous les rapports' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Rapports d’avancement');
    const period = `E2E-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    await page.getByRole('button', { name: 'Nouveau rapport' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Période \(nom\)/).fill(period);
    await fillDate(dialog, 'Début de la période', '2026-07-01');
    await fillDate(dialog, 'Fin de la période', '2026-09-30');
    // A deadline before the period's end is refused, in French, before anything is created.
    await fillDate(dialog, 'À remettre le', '2026-09-01');
    await dialog.getByRole('button', { name: 'Créer le rapport' }).click();
    await dialog
      .getByText(/ne peut être dû avant la fin de sa période/)
      .first()
      .waitFor();
    await fillDate(dialog, 'À remettre le', '2026-10-31');
    await dialog.getByRole('button', { name: 'Créer le rapport' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe(`Rapport d’avancement ${period}`);
    await page.getByText(/À vous : relisez les chiffres/).waitFor();

    // A narrative for the whole report, then submission with its confirmation.
    const general = page.getByRole('region', { name: 'Vue d’ensemble' });
    await general.getByLabel('Texte en français').fill('Trimestre de test : les chantiers se poursuivent.');
    await general.getByRole('button', { name: /Enregistrer le récit/ }).click();
    await general.getByText('Récit enregistré.').waitFor();
    await page.getByRole('button', { name: 'Soumettre le rapport' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Soumettre le rapport' }).click();
    await page.getByText(/Soumis : rien à faire/).waitFor();
    expect(await page.getByLabel('Texte en français').count()).toBe(0);
    await expectAccessible(page, 'submitted report (fr)');
    await screenshots(page, 'monitoring-report-fr');

    // Its PDF in Dutch.
    await page.getByRole('button', { name: /Langue de l’export/ }).click();
    await page.getByRole('option', { name: 'Néerlandais' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`SAM-E_suite_${period}_v1_nl.pdf`);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/Lang \(nl\)/);
    expect(pdf).toMatch(/DejaVuSans/);
    await ctx.close();
  });
});
