import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFile } from './detect';
import { detectTextHeader, recogniseHeader } from './header';
import { inferInseeColumn, suggestMapping } from './mapping';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

async function xlsx(
  rows: unknown[][],
  sheets: Array<{ name: string; rows: unknown[][] }> = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) wb.addWorksheet(s.name).addRows(s.rows);
  wb.addWorksheet('Data').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('recogniseHeader', () => {
  it('recognises an INSEE file by its first column CODGEO', () => {
    expect(recogniseHeader(['CODGEO', 'LIBGEO', 'MED21', 'TP6021'])).toEqual({
      format: 'insee',
      layout: 'wide',
      geoColumn: 'CODGEO',
    });
  });

  it('recognises CAF files by their commune-code column, old and new names', () => {
    expect(recogniseHeader(['Communes', 'Codes_Insee', 'NB_allocataires'])).toMatchObject({
      format: 'caf',
      geoColumn: 'Codes_Insee',
    });
    expect(recogniseHeader(['NUMCOM', 'NOMCOM', 'ANNEE', 'NB_ALLOC'])).toMatchObject({
      format: 'caf',
      geoColumn: 'NUMCOM',
      periodColumn: 'ANNEE',
    });
    expect(recogniseHeader(['Commune', 'Foyers RSA'])).toMatchObject({ format: 'caf', geoColumn: 'Commune' });
  });

  it('recognises Statbel by CD_MUNTY_REFNIS and MS_ columns, with CD_YEAR as period', () => {
    expect(recogniseHeader(['CD_YEAR', 'CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_NL', 'MS_TOT_RESIDENTS'])).toEqual({
      format: 'statbel',
      layout: 'wide',
      geoColumn: 'CD_MUNTY_REFNIS',
      periodColumn: 'CD_YEAR',
    });
    // Without any MS_ column it is not Statbel's statistical table.
    expect(recogniseHeader(['CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_NL'])).toBeNull();
  });

  it('recognises IWEPS WalStat tables, one column per period or a period and a value column', () => {
    expect(recogniseHeader(['Code INS', 'Entité', '2019', '2020', '2017-2019'])).toEqual({
      format: 'iweps',
      layout: 'wide',
      geoColumn: 'Code INS',
      periodColumns: ['2019', '2020', '2017-2019'],
    });
    expect(recogniseHeader(['NIS', 'Commune', 'Année', 'Valeur'])).toMatchObject({
      format: 'iweps',
      layout: 'wide',
      geoColumn: 'NIS',
      periodColumn: 'Année',
      valueColumn: 'Valeur',
    });
  });

  it('recognises the long format in French, Dutch and English headings', () => {
    expect(recogniseHeader(['geo_code', 'period', 'element', 'value'])).toEqual({
      format: 'long',
      layout: 'long',
      geoColumn: 'geo_code',
      periodColumn: 'period',
      elementColumn: 'element',
      valueColumn: 'value',
    });
    expect(recogniseHeader(['Territoire', 'Période', 'Indicateur', 'Valeur'])).toMatchObject({
      format: 'long',
    });
    expect(recogniseHeader(['NIS', 'Jaar', 'Variable', 'Waarde'])).toMatchObject({ format: 'long' });
  });

  it('recognises nothing in other headers', () => {
    expect(recogniseHeader(['name', 'email'])).toBeNull();
    expect(recogniseHeader([''])).toBeNull();
  });
});

describe('detectTextHeader', () => {
  it('names the separator an INSEE header uses when it is not ";"', () => {
    expect(detectTextHeader('CODGEO,LIBGEO,MED21')).toMatchObject({
      recognition: { format: 'insee' },
      wrongDelimiter: ',',
    });
    expect(detectTextHeader('CD_YEAR;CD_MUNTY_REFNIS;MS_TOT_RESIDENTS')).toMatchObject({
      recognition: { format: 'statbel' },
      wrongDelimiter: ';',
    });
  });

  it('accepts any of ",", ";" and tab for the long format, and quoted headers', () => {
    for (const d of [',', ';', '\t']) {
      expect(detectTextHeader(['geo', 'period', 'element', 'value'].join(d))).toMatchObject({
        recognition: { format: 'long' },
        delimiter: d,
      });
    }
    expect(detectTextHeader('"geo";"period";"element";"value"').columns).toEqual([
      'geo',
      'period',
      'element',
      'value',
    ]);
  });
});

describe('inferInseeColumn', () => {
  it.each([
    ['MED21', 'MED', '2021'],
    ['TP6021', 'TP60', '2021'],
    ['TP60AGE121', 'TP60AGE1', '2021'],
    ['Q221', 'Q2', '2021'],
    ['D121', 'D1', '2021'],
    ['NBMENFISC21', 'NBMENFISC', '2021'],
    ['DISP_MED21', 'DISP_MED', '2021'],
    ['P21_POP', 'P_POP', '2019-2023'],
    ['P15_POP', 'P_POP', '2013-2017'],
    ['C22_FAMMONO', 'C_FAMMONO', '2020-2024'],
    ['P22_POP80P_PSEUL', 'P_POP80P_PSEUL', '2020-2024'],
    ['NAIS1521', 'NAIS', '2015-2021'],
    ['D99_POP', 'D_POP', '1999'],
  ])('%s → %s for %s', (column, element, period) => {
    expect(inferInseeColumn(column)).toEqual({ element, period });
  });

  it.each(['CODGEO', 'LIBGEO', 'REG', 'DEP', 'EPCI', 'LIBEPCI'])('proposes nothing for %s', (column) => {
    expect(inferInseeColumn(column)).toBeNull();
  });
});

describe('suggestMapping', () => {
  it('maps every dated INSEE column, census columns to their five-year window', () => {
    expect(suggestMapping('insee', ['CODGEO', 'LIBGEO', 'P21_POP', 'P15_POP', 'MED21'])).toEqual({
      format: 'insee',
      geoColumn: 'CODGEO',
      columns: [
        { source: 'P21_POP', element: 'P_POP', period: '2019-2023' },
        { source: 'P15_POP', element: 'P_POP', period: '2013-2017' },
        { source: 'MED21', element: 'MED', period: '2021' },
      ],
    });
  });

  it('dates a yearly CAF file from its name and leaves names out', () => {
    expect(
      suggestMapping('caf', ['Communes', 'Codes_Insee', 'NB_allocataires', 'NB_allocataire_RSA'], {
        fileName: 'RSACom2014.csv',
      }),
    ).toEqual({
      format: 'caf',
      geoColumn: 'Codes_Insee',
      period: '2014',
      columns: [
        { source: 'NB_allocataires', element: 'NB_ALLOCATAIRES' },
        { source: 'NB_allocataire_RSA', element: 'NB_ALLOCATAIRE_RSA' },
      ],
    });
    expect(suggestMapping('caf', ['Codes_Insee', 'ALL_bas_revenu_2013']).columns).toEqual([
      { source: 'ALL_bas_revenu_2013', element: 'ALL_BAS_REVENU', period: '2013' },
    ]);
  });

  it('maps Statbel MS_ columns with CD_YEAR as period', () => {
    expect(
      suggestMapping('statbel', ['CD_YEAR', 'CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_FR', 'MS_TOT_RESIDENTS']),
    ).toEqual({
      format: 'statbel',
      geoColumn: 'CD_MUNTY_REFNIS',
      periodColumn: 'CD_YEAR',
      columns: [{ source: 'MS_TOT_RESIDENTS', element: 'MS_TOT_RESIDENTS' }],
    });
  });

  it('names the IWEPS indicator after the sheet title, one period per column', () => {
    expect(
      suggestMapping('iweps', ['Code INS', 'Entité', '2019', '2020'], {
        title: 'Taux de chômage administratif',
      }),
    ).toEqual({
      format: 'iweps',
      geoColumn: 'Code INS',
      columns: [
        { source: '2019', element: 'TAUX_DE_CHOMAGE_ADMINISTRATIF', period: '2019' },
        { source: '2020', element: 'TAUX_DE_CHOMAGE_ADMINISTRATIF', period: '2020' },
      ],
    });
  });

  it('takes the long format’s columns and every element as it is named', () => {
    expect(suggestMapping('long', ['geo_code', 'period', 'element', 'value'])).toEqual({
      format: 'long',
      geoColumn: 'geo_code',
      periodColumn: 'period',
      elementColumn: 'element',
      valueColumn: 'value',
      columns: [],
    });
  });
});

describe('detectFile', () => {
  it('reads the Latin-1 INSEE file’s header and proposes its mapping', async () => {
    const d = await detectFile(fixture('insee-filosofi-2021-latin1.csv'));
    expect(d).toMatchObject({
      format: 'insee',
      container: 'text',
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      headerLine: 1,
      geoColumn: 'CODGEO',
      errors: [],
    });
    expect(d.columns).toEqual([
      'CODGEO',
      'LIBGEO',
      'NBMENFISC21',
      'MED21',
      'TP6021',
      'D121',
      'D921',
      'PIMP21',
    ]);
    expect(d.suggestedMapping?.columns.map((c) => c.element)).toEqual([
      'NBMENFISC',
      'MED',
      'TP60',
      'D1',
      'D9',
      'PIMP',
    ]);
  });

  it('reports the UTF-8 BOM of the census file', async () => {
    expect(await detectFile(fixture('insee-rp-2021-utf8-bom.csv'))).toMatchObject({
      format: 'insee',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('recognises the CAF, Statbel and long fixtures', async () => {
    const caf = await detectFile(fixture('caf-RSACom2014.csv'), { fileName: 'caf-RSACom2014.csv' });
    expect(caf).toMatchObject({ format: 'caf', delimiter: ';', geoColumn: 'Codes_Insee' });
    expect(caf.suggestedMapping?.period).toBe('2014');
    expect(await detectFile(fixture('statbel-TF_PSNL_INC_TAX_MUNTY.txt'))).toMatchObject({
      format: 'statbel',
      delimiter: '|',
      periodColumn: 'CD_YEAR',
    });
    expect(await detectFile(fixture('long.csv'))).toMatchObject({
      format: 'long',
      layout: 'long',
      delimiter: ',',
    });
  });

  it('refuses the INSEE file saved with "," separators, naming the separator', async () => {
    const d = await detectFile(fixture('insee-wrong-separator.csv'));
    expect(d.format).toBe('insee');
    expect(d.suggestedMapping).toBeNull();
    expect(d.errors).toEqual([{ line: 1, code: 'wrong_separator', value: ',' }]);
  });

  it('finds a workbook’s header below its title rows, on a later sheet if need be', async () => {
    const book = await xlsx(
      [
        ['Taux d’emploi (%)'],
        ['Source : IWEPS'],
        [],
        ['Code INS', 'Entité', 2019, 2020],
        ['57096', 'Mouscron', 55.1, 55.8],
      ],
      [{ name: 'Notes', rows: [['Lisez-moi'], ['Données fictives']] }],
    );
    expect(await detectFile(book, { fileName: 'walstat.xlsx' })).toMatchObject({
      format: 'iweps',
      container: 'xlsx',
      sheet: 'Data',
      headerLine: 4,
      title: 'Taux d’emploi (%) — Source : IWEPS',
      columns: ['Code INS', 'Entité', '2019', '2020'],
      periodColumns: ['2019', '2020'],
      errors: [],
    });
  });

  it('refuses empty files, unknown headers, old XLS, ODS and broken workbooks', async () => {
    expect((await detectFile(new Uint8Array(0))).errors).toEqual([{ line: 1, code: 'empty_file' }]);
    expect((await detectFile(Buffer.from('\n\n  \n'))).errors).toEqual([{ line: 1, code: 'empty_file' }]);
    expect((await detectFile(Buffer.from('name;email\nA;b\n'))).errors).toEqual([
      { line: 1, code: 'unknown_format' },
    ]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await detectFile(xls)).errors).toEqual([
      { line: 1, code: 'unsupported_spreadsheet', value: 'XLS' },
    ]);
    const ods = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
    ]);
    expect((await detectFile(ods)).errors).toEqual([
      { line: 1, code: 'unsupported_spreadsheet', value: 'ODS' },
    ]);
    const book = await xlsx([['Code INS', 2019]]);
    const truncated = book.subarray(0, Math.floor(book.length / 2));
    expect((await detectFile(truncated)).errors).toEqual([{ line: 1, code: 'invalid_spreadsheet' }]);
    const noHeader = await xlsx([['rien'], ['à lire']]);
    expect((await detectFile(noHeader)).errors).toEqual([{ line: 1, code: 'unknown_format' }]);
  });
});
