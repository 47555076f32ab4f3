import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launch, login, newContext, openNav, screenshots } from './support';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'samen-obs-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Picks an option of a select (app/ui/fields.tsx) whose button is named after its label. */
async function choose(scope: Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Uploads a file on the import page, names its vintage, previews, then imports it. */
async function importFile(
  page: Page,
  file: string,
  content: string,
  labels: Record<string, string | RegExp>,
) {
  const path = join(dir, file);
  writeFileSync(path, content);
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByLabel(labels.vintage!).fill(String(labels.vintageValue));
  await page.getByRole('button', { name: labels.preview! }).click();
  await expect.poll(() => mainText(page)).toMatch(labels.ready!);
}

describe('the observatory of social needs (Action 3)', () => {
  it('the West-Vlaanderen analyst imports a Statbel file in Dutch and sees it on the map of Belgian municipalities', async () => {
    const ctx = await newContext(browser, 'nl-BE');
    const page = await ctx.newPage();
    await login(page, 'analist@west-vlaanderen.example');
    await openNav(page, 'Observatorium');
    await expect.poll(() => mainText(page)).toContain('Observatorium van de sociale noden');
    await expectAccessible(page, 'observatory home in Dutch');
    await page.getByRole('link', { name: 'Een officieel bestand importeren' }).click();
    await importFile(
      page,
      'TF_PSNL_INC_TAX_MUNTY.txt',
      [
        'CD_YEAR|CD_MUNTY_REFNIS|TX_MUNTY_DESCR_NL|TX_MUNTY_DESCR_FR|MS_NBR_NON_ZERO_INC|MS_TOT_NET_TAXABLE_INC|MS_TOT_RESIDENTS',
        '2022|34022|Kortrijk|Courtrai|40210|1302450000|77109',
        '2022|34027|Menen|Menin|16020|421300000|33540',
        '2022|57096|Moeskroen|Mouscron|C|C|58767',
      ].join('\n'),
      {
        vintage: /^Jaargang/,
        vintageValue: 'Statbel 2022',
        preview: 'Bekijken wat geïmporteerd wordt',
        ready: /9 waarden klaar om geïmporteerd te worden/,
      },
    );
    expect(await mainText(page)).toContain('Statbel');
    await expectAccessible(page, 'import preview in Dutch');
    await screenshots(page, 'observatory-import-nl');
    await page.getByRole('button', { name: 'De 9 waarden importeren' }).click();
    await expect.poll(() => mainText(page)).toContain('9 waarden geïmporteerd');
    await page.getByRole('link', { name: 'Terug naar het observatorium' }).first().click();
    await page.getByRole('link', { name: 'Gemiddeld netto belastbaar inkomen per aangifte' }).click();
    // A Belgian-only measure (class C): its caveat, the Belgian municipalities on their own scale.
    await expect.poll(() => mainText(page)).toContain('De eenheid is de belastingaangifte');
    const row = page.getByRole('row', { name: /Kortrijk/ });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('32.391');
    expect(await page.getByRole('row', { name: /Moeskroen/ }).textContent()).toContain('Geheim van de bron');
    await expectAccessible(page, 'indicator map in Dutch');
    await screenshots(page, 'observatory-map-nl');
    await ctx.close();
  });

  it('a CCAS analyst imports an INSEE census file in French; a wrong line is named and nothing is written until it is right', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await login(page, 'analyse@ccas-tourcoing.example');
    await page.goto('/app/observatory/import');
    await page.locator('h1').waitFor();
    const header = 'CODGEO;LIBGEO;P21_POP;C21_FAM;C21_FAMMONO';
    await importFile(page, 'base-cc-2021.csv', `${header}\n59599;Tourcoing;98656;25010;beaucoup\n`, {
      vintage: /^Millésime/,
      vintageValue: 'RP 2021',
      preview: 'Voir ce qui sera importé',
      ready: /Un problème dans le fichier/,
    });
    expect(await mainText(page)).toMatch(/Ligne 2.*C21_FAMMONO/s);
    await importFile(
      page,
      'base-cc-2021.csv',
      `${header}\n59599;Tourcoing;98656;25010;6120\n59512;Roubaix;98089;24530;7012\n59279;Halluin;20890;5610;1320\n`,
      {
        vintage: /^Millésime/,
        vintageValue: 'RP 2021',
        preview: 'Voir ce qui sera importé',
        ready: /9 valeurs prêtes à être importées/,
      },
    );
    await page.getByRole('button', { name: 'Importer les 9 valeurs' }).click();
    await expect.poll(() => mainText(page)).toContain('9 valeurs importées');
    await page.goto('/app/observatory/indicators/SINGLE_PARENT_SHARE');
    await expect.poll(() => mainText(page)).toContain('Part des familles monoparentales');
    await expect
      .poll(async () => (await page.getByRole('row', { name: /Roubaix/ }).textContent()) ?? '')
      .toContain('28,6');
    await expectAccessible(page, 'indicator map in French');
    await screenshots(page, 'observatory-map-fr');
    await ctx.close();
  });

  it('a coordinator builds a cross-border board, publishes it, and the public page shows it without login in French and Dutch', async () => {
    const ctx = await newContext(browser, 'fr-FR');
    const page = await ctx.newPage();
    await login(page, 'analyse@ccas-tourcoing.example');
    await page.goto('/app/observatory');
    await page.getByRole('link', { name: 'Tableaux de bord thématiques' }).click();
    await page.getByRole('button', { name: 'Nouveau tableau de bord' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titre en français').fill('Familles des deux côtés');
    await dialog.getByLabel('Titre en néerlandais').fill('Gezinnen aan beide kanten');
    await dialog.getByLabel(/^Adresse/).fill('familles-frontiere');
    await choose(dialog, /Thématique/, 'Familles');
    await dialog.getByRole('button', { name: 'Créer le tableau de bord' }).click();
    await expect.poll(() => mainText(page)).toContain('Modifier « Familles des deux côtés »');
    await choose(page.locator('main'), /Indicateur à ajouter/, 'Part des familles monoparentales (démo)');
    await page.getByRole('button', { name: 'Ajouter la tuile' }).click();
    await expect.poll(() => mainText(page)).toContain('Retirer');
    // A board is first shown to the network; publishing is the owner's explicit act, with its warning.
    expect(await mainText(page)).toContain('Visible sans connexion');
    await page.getByRole('button', { name: 'Publier sans connexion' }).click();
    await expect.poll(() => mainText(page)).toContain('Ce tableau de bord est publié.');
    await screenshots(page, 'observatory-board-editor-fr');
    await ctx.close();

    // Anyone, without an account, in both languages.
    const anon = await newContext(browser, 'nl-BE');
    const pub = await anon.newPage();
    await pub.goto(`${baseUrl()}/observatory/familles-frontiere`);
    await expect.poll(() => mainText(pub)).toContain('Gezinnen aan beide kanten');
    expect(await mainText(pub)).toContain('Aandeel eenoudergezinnen');
    await expect.poll(() => pub.getByRole('row', { name: /Kortrijk/ }).count()).toBeGreaterThan(0);
    await expectAccessible(pub, 'public board in Dutch');
    await screenshots(pub, 'observatory-public-board-nl');
    await pub.getByRole('link', { name: 'Français' }).click();
    await expect.poll(() => mainText(pub)).toContain('Familles des deux côtés');
    expect(await mainText(pub)).toContain('Part des familles monoparentales');
    await expect.poll(() => pub.getByRole('row', { name: /Roubaix/ }).count()).toBeGreaterThan(0);
    await screenshots(pub, 'observatory-public-board-fr');
    await anon.close();
  });
});
