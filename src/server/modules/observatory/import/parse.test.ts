import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../platform/i18n';
import { suggestMapping } from './mapping';
import { type ImportProgress, type ParseOptions, parseAll, parseImport } from './parse';
import type { ImportStreamSource } from './table';
import { IMPORT_ERROR_CODES, IMPORT_ERROR_KEY_PREFIX, type ImportError, type ImportMapping } from './types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

const FR = ['59350', '59512', '59599', '59279', '59410', '59009', '59005', '59152', '59098', '2A004'];
const BE = ['34022', '34027', '57096', '57097', '57081', '57027', '57000'];
const KNOWN = new Set([...FR.map((c) => `FR-${c}`), ...BE.map((c) => `BE-${c}`)]);

/** A source read in small chunks, to exercise the streaming path. */
function chunked(bytes: Uint8Array, size: number): ImportStreamSource {
  return {
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    },
  };
}

async function workbook(rows: unknown[][], name = 'Données'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const errorsOf = (errors: ImportError[]) => errors.map((e) => ({ ...e }));

describe('INSEE files', () => {
  const mapping = suggestMapping('insee', [
    'CODGEO',
    'LIBGEO',
    'NBMENFISC21',
    'MED21',
    'TP6021',
    'D121',
    'D921',
    'PIMP21',
  ]);

  it('reads the Filosofi file in Latin-1: decimal commas, Corsica, secret and blank cells', async () => {
    const { rows, errors, stats, header } = await parseAll(fixture('insee-filosofi-2021-latin1.csv'), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(header?.encoding).toBe('windows-1252');
    expect(rows.filter((r) => r.geoCode === 'FR-59350')).toEqual([
      {
        line: 2,
        column: 'NBMENFISC21',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'NBMENFISC',
        value: 118432,
        secret: false,
      },
      {
        line: 2,
        column: 'MED21',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'MED',
        value: 20150,
        secret: false,
      },
      {
        line: 2,
        column: 'TP6021',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'TP60',
        value: 26.1,
        secret: false,
      },
      {
        line: 2,
        column: 'D121',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'D1',
        value: 10470,
        secret: false,
      },
      {
        line: 2,
        column: 'D921',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'D9',
        value: 40210,
        secret: false,
      },
      {
        line: 2,
        column: 'PIMP21',
        geoCode: 'FR-59350',
        period: '2021',
        element: 'PIMP',
        value: 48,
        secret: false,
      },
    ]);
    expect(rows.find((r) => r.geoCode === 'FR-2A004' && r.element === 'TP60')?.value).toBe(17);
    // 's' is INSEE's secret; 'nd' and empty cells are no figure, not a secret.
    expect(rows.filter((r) => r.geoCode === 'FR-59005').every((r) => r.value === null && r.secret)).toBe(
      true,
    );
    const deulemont = rows.filter((r) => r.geoCode === 'FR-59152');
    expect(deulemont.map((r) => [r.element, r.value, r.secret])).toEqual([
      ['NBMENFISC', null, false],
      ['MED', 24910.5, false],
      ['TP60', null, false],
      ['D1', null, false],
      ['D9', null, false],
      ['PIMP', null, false],
    ]);
    expect(stats).toMatchObject({ lines: 9, values: 54, secret: 6, blank: 5, errorCount: 0 });
  });

  it('reads the same file identically in UTF-8, with and without BOM', async () => {
    const latin = await parseAll(fixture('insee-filosofi-2021-latin1.csv'), { mapping });
    const text = new TextDecoder('windows-1252').decode(fixture('insee-filosofi-2021-latin1.csv'));
    const utf8 = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, withBom]) {
      const r = await parseAll(bytes, { mapping });
      expect(r.errors).toEqual([]);
      expect(r.header?.encoding).toBe('utf-8');
      expect(r.rows).toEqual(latin.rows);
    }
    expect((await parseAll(withBom, { mapping })).header?.bom).toBe(true);
  });

  it('dates census columns by their five-year window, two vintages side by side', async () => {
    const columns = ['CODGEO', 'LIBGEO', 'P21_POP', 'P15_POP', 'C21_FAM', 'C21_FAMMONO', 'P21_POP80P_PSEUL'];
    const { rows, errors } = await parseAll(fixture('insee-rp-2021-utf8-bom.csv'), {
      mapping: suggestMapping('insee', columns),
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(rows.filter((r) => r.geoCode === 'FR-59350' && r.element === 'P_POP')).toMatchObject([
      { period: '2019-2023', value: 236710 },
      { period: '2013-2017', value: 232787 },
    ]);
    expect(rows.find((r) => r.geoCode === 'FR-59512' && r.element === 'C_FAMMONO')?.value).toBe(7214.82);
    expect(rows.find((r) => r.geoCode === 'FR-59098' && r.element === 'P_POP80P_PSEUL')).toMatchObject({
      line: 4,
      value: null,
      secret: true,
    });
  });

  it('refuses a file saved with "," separators as a whole', async () => {
    const r = await parseAll(fixture('insee-wrong-separator.csv'), {
      mapping: { format: 'insee', columns: [{ source: 'MED21', element: 'MED', period: '2021' }] },
    });
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, code: 'wrong_separator', value: ',' }]);
  });

  it('refuses a file mixing encodings at the line of the first bad byte, read whole or streamed', async () => {
    const options: ParseOptions = {
      mapping: { format: 'insee', columns: [{ source: 'MED21', element: 'MED', period: '2021' }] },
    };
    const whole = await parseAll(fixture('insee-mixed-encoding.csv'), options);
    expect(whole.errors).toEqual([{ line: 4, code: 'invalid_encoding' }]);
    const streamed = await parseAll(chunked(fixture('insee-mixed-encoding.csv'), 20), options);
    expect(streamed.errors).toEqual([{ line: 4, code: 'invalid_encoding' }]);
    // Lines before the bad byte were read; nothing from it on.
    expect(streamed.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('names every bad cell by line and column', async () => {
    const { rows, errors, stats } = await parseAll(fixture('insee-malformed.csv'), {
      mapping: suggestMapping('insee', ['CODGEO', 'LIBGEO', 'MED21', 'TP6021']),
      knownCodes: KNOWN,
    });
    expect(errorsOf(errors)).toEqual([
      { line: 4, column: 'MED21', code: 'invalid_number', value: 'dix-huit mille' },
      { line: 5, column: 'MED21', code: 'duplicate_key', value: 'FR-59350 × 2021 × MED', firstLine: 2 },
      { line: 5, column: 'TP6021', code: 'duplicate_key', value: 'FR-59350 × 2021 × TP60', firstLine: 2 },
      { line: 6, column: 'CODGEO', code: 'unknown_code', value: 'FR-99001' },
      { line: 7, column: 'CODGEO', code: 'unknown_code', value: 'FR-05935' },
      { line: 8, column: 'CODGEO', code: 'invalid_code', value: 'ABCDE' },
      { line: 9, code: 'column_count', value: '3' },
    ]);
    expect(rows.find((r) => r.line === 3 && r.element === 'MED')?.value).toBe(15310);
    expect(rows.filter((r) => r.line === 10).map((r) => [r.value, r.secret])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(rows.filter((r) => r.line === 11).map((r) => [r.value, r.secret])).toEqual([
      [null, false],
      [null, false],
    ]);
    expect(stats.errorCount).toBe(7);
  });

  it('skips and counts unknown codes when asked to (national files)', async () => {
    const { errors, stats } = await parseAll(fixture('insee-malformed.csv'), {
      mapping: suggestMapping('insee', ['CODGEO', 'LIBGEO', 'MED21', 'TP6021']),
      knownCodes: (code) => KNOWN.has(code),
      unknownCodes: 'skip',
    });
    expect(errors.map((e) => e.code)).toEqual([
      'invalid_number',
      'duplicate_key',
      'duplicate_key',
      'invalid_code',
      'column_count',
    ]);
    expect(stats).toMatchObject({ skippedUnknown: 2, unknownCodes: ['FR-99001', 'FR-05935'] });
  });
});

describe('CAF files', () => {
  it('drops the 99999 and XXXXX lines and keeps blurred counts as secrets', async () => {
    const columns = [
      'Communes',
      'Codes_Insee',
      'NB_allocataires',
      'NB_allocataire_RSA',
      'Dont_RSA_jeune',
      'RSA_SOCLE_non_Majore',
      'RSA_SOCLE_Majore',
      'RSA_activite',
    ];
    const mapping = suggestMapping('caf', columns, { fileName: 'RSACom2014.csv' });
    const { rows, errors, stats } = await parseAll(fixture('caf-RSACom2014.csv'), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(stats).toMatchObject({ lines: 6, droppedLines: 2, values: 24, secret: 2 });
    expect(new Set(rows.map((r) => r.geoCode))).toEqual(
      new Set(['FR-59350', 'FR-59512', 'FR-59279', 'FR-59098']),
    );
    expect(rows.find((r) => r.geoCode === 'FR-59350' && r.element === 'NB_ALLOCATAIRES')).toEqual({
      line: 4,
      column: 'NB_allocataires',
      geoCode: 'FR-59350',
      period: '2014',
      element: 'NB_ALLOCATAIRES',
      value: 61234,
      secret: false,
    });
    expect(rows.find((r) => r.line === 6 && r.element === 'DONT_RSA_JEUNE')).toMatchObject({
      value: null,
      secret: true,
    });
    expect(rows.find((r) => r.line === 7 && r.element === 'RSA_SOCLE_MAJORE')).toMatchObject({
      value: null,
      secret: true,
    });
  });

  it('asks for a period when neither the file nor the mapping gives one', async () => {
    const { errors, rows } = await parseAll(fixture('caf-RSACom2014.csv'), {
      mapping: { format: 'caf', columns: [{ source: 'NB_allocataires', element: 'ALLOC' }] },
    });
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, column: 'NB_allocataires', code: 'missing_period' }]);
  });
});

describe('Statbel files', () => {
  const columns = [
    'CD_YEAR',
    'CD_MUNTY_REFNIS',
    'TX_MUNTY_DESCR_NL',
    'TX_MUNTY_DESCR_FR',
    'TX_MUNTY_DESCR_DE',
    'MS_NBR_NON_ZERO_INC',
    'MS_NBR_ZERO_INC',
    'MS_TOT_NET_TAXABLE_INC',
    'MS_TOT_RESIDENTS',
  ];
  const mapping = suggestMapping('statbel', columns);

  it('reads the "|" TXT: periods from CD_YEAR, decimal points, C for confidential', async () => {
    const { rows, errors } = await parseAll(fixture('statbel-TF_PSNL_INC_TAX_MUNTY.txt'), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(24);
    expect(
      rows.find(
        (r) => r.geoCode === 'BE-34022' && r.period === '2021' && r.element === 'MS_TOT_NET_TAXABLE_INC',
      )?.value,
    ).toBe(1234567890.12);
    expect(
      rows.find((r) => r.geoCode === 'BE-34022' && r.period === '2020' && r.element === 'MS_TOT_RESIDENTS'),
    ).toMatchObject({ line: 6, value: 78690 });
    expect(rows.filter((r) => r.secret).map((r) => [r.line, r.geoCode, r.period, r.element])).toEqual([
      [4, 'BE-57096', '2021', 'MS_TOT_NET_TAXABLE_INC'],
      [7, 'BE-57096', '2020', 'MS_TOT_NET_TAXABLE_INC'],
    ]);
  });

  it('reads the same table as XLSX, with numbers typed by the spreadsheet', async () => {
    const text = fixture('statbel-TF_PSNL_INC_TAX_MUNTY.txt').toString('utf8').trim().split(/\r?\n/);
    const table = text.map((l, i) =>
      l.split('|').map((v, j) => (i > 0 && (j === 0 || j >= 5) && v !== 'C' ? Number(v) : v)),
    );
    const { rows, errors, header } = await parseAll(await workbook(table, 'TF_PSNL_INC_TAX_MUNTY'), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(header).toMatchObject({ container: 'xlsx', sheet: 'TF_PSNL_INC_TAX_MUNTY', headerLine: 1 });
    const fromText = await parseAll(fixture('statbel-TF_PSNL_INC_TAX_MUNTY.txt'), { mapping });
    expect(rows).toEqual(fromText.rows);
  });

  it('refuses a Statbel table re-saved with ";"', async () => {
    const bytes = Buffer.from('CD_YEAR;CD_MUNTY_REFNIS;MS_TOT_RESIDENTS\n2021;34022;78940\n');
    expect((await parseAll(bytes, { mapping })).errors).toEqual([
      { line: 1, code: 'wrong_separator', value: ';' },
    ]);
  });
});

describe('IWEPS WalStat workbooks', () => {
  const sheet = [
    ['Taux de chômage administratif (%)'],
    ['Données fictives pour les tests'],
    [],
    ['Code INS', 'Entité', 2019, 2020, '2021'],
    ['57000', 'Arrondissement de Tournai-Mouscron', 13.2, 13.0, 12.6],
    [57096, 'Mouscron', 15.4, 15.1, 14.8],
    ['57097', 'Comines-Warneton', 10.2, { formula: '10+0.1', result: 10.1 }, 'n.d.'],
    ['57081', 'Tournai', '12,9', 12.7, null],
    ['57027', 'Estaimpuis', 'C', 9.4, 9.1],
    [],
    ['Source : IWEPS, WalStat ; Forem'],
  ];

  it('reads one column per year below the title rows and skips the source note', async () => {
    const book = await workbook(sheet);
    const mapping = suggestMapping('iweps', ['Code INS', 'Entité', '2019', '2020', '2021'], {
      title: 'Taux de chômage administratif (%)',
    });
    const { rows, errors, stats } = await parseAll(book, { mapping, knownCodes: KNOWN });
    expect(errors).toEqual([]);
    expect(stats).toMatchObject({ lines: 6, droppedLines: 1, values: 15, secret: 1 });
    expect(rows.filter((r) => r.geoCode === 'BE-57096')).toEqual(
      ['2019', '2020', '2021'].map((period, i) => ({
        line: 6,
        column: period,
        geoCode: 'BE-57096',
        period,
        element: 'TAUX_DE_CHOMAGE_ADMINISTRATIF',
        value: [15.4, 15.1, 14.8][i],
        secret: false,
      })),
    );
    expect(rows.find((r) => r.line === 7 && r.period === '2020')?.value).toBe(10.1);
    expect(rows.find((r) => r.line === 7 && r.period === '2021')).toMatchObject({
      value: null,
      secret: false,
    });
    expect(rows.find((r) => r.line === 8 && r.period === '2019')?.value).toBe(12.9);
    expect(rows.find((r) => r.line === 9 && r.period === '2019')).toMatchObject({
      value: null,
      secret: true,
    });
    expect(rows.find((r) => r.geoCode === 'BE-57000')?.value).toBe(13.2);
  });

  it('names a bad cell by its row and column header', async () => {
    const bad = sheet.map((r) => [...r]);
    bad[5]![3] = 'quinze';
    bad[7]![0] = '57999';
    const { errors } = await parseAll(await workbook(bad), {
      mapping: suggestMapping('iweps', ['Code INS', 'Entité', '2019', '2020', '2021']),
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([
      { line: 6, column: '2020', code: 'invalid_number', value: 'quinze' },
      { line: 8, column: 'Code INS', code: 'unknown_code', value: 'BE-57999' },
    ]);
  });

  it('reads the long layout (a period and a value column) with its dates reduced to years', async () => {
    const book = await workbook([
      ['NIS', 'Commune', 'Date', 'Valeur'],
      ['57096', 'Mouscron', new Date(Date.UTC(2021, 0, 1)), 59120],
      ['57096', 'Mouscron', new Date(Date.UTC(2022, 0, 1)), 59340],
    ]);
    const mapping: ImportMapping = {
      ...suggestMapping('iweps', ['NIS', 'Commune', 'Date', 'Valeur'], { fileName: 'population.xlsx' }),
      datePeriod: 'year',
    };
    expect(mapping.columns).toEqual([{ source: 'Valeur', element: 'POPULATION' }]);
    const { rows, errors } = await parseAll(book, { mapping, knownCodes: KNOWN });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.geoCode, r.period, r.element, r.value])).toEqual([
      ['BE-57096', '2021', 'POPULATION', 59120],
      ['BE-57096', '2022', 'POPULATION', 59340],
    ]);
  });
});

describe('long files', () => {
  const mapping = suggestMapping('long', ['geo_code', 'period', 'element', 'value']);

  it('reads both countries, every period form and quoted decimals', async () => {
    const { rows, errors } = await parseAll(fixture('long.csv'), { mapping, knownCodes: KNOWN });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.geoCode, r.period, r.element, r.value, r.secret])).toEqual([
      [2, 'FR-59350', '2021', 'RSA_FOYERS', 14876, false],
      [3, 'BE-57096', '2021', 'RIS_BENEF', 2104, false],
      [4, 'BE-34022', '2021Q1', 'RIS_BENEF', 1310, false],
      [5, 'FR-59512', '202103', 'RSA_FOYERS', 9981, false],
      [6, 'BE-57097', '2019-2021', 'KANSARMOEDE', 12.5, false],
      [7, 'FR-2A004', '2021', 'RSA_FOYERS', null, true],
    ]);
    expect(rows.every((r) => r.column === 'value')).toBe(true);
  });

  it('reads tab-separated text and renames or skips elements as the mapping lists them', async () => {
    const tsv = fixture('long.csv')
      .toString('utf8')
      .replace(/"1 310"/, '1310')
      .replace(/"12,5"/, '12.5')
      .replaceAll(',', '\t');
    const { rows, errors, stats } = await parseAll(Buffer.from(tsv), {
      mapping: { ...mapping, columns: [{ source: 'RIS_BENEF', element: 'RIS' }] },
      knownCodes: KNOWN,
    });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.geoCode, r.element, r.value])).toEqual([
      ['BE-57096', 'RIS', 2104],
      ['BE-34022', 'RIS', 1310],
    ]);
    expect(stats.skippedElements).toBe(4);
  });

  it('names unknown, ambiguous and duplicate codes, text in numbers and bad periods by line and column', async () => {
    const known = new Set(['FR-59350', 'BE-57096', 'BE-34022']);
    const { rows, errors } = await parseAll(fixture('long-malformed.csv'), {
      mapping: suggestMapping('long', ['geo', 'periode', 'indicateur', 'valeur']),
      knownCodes: known,
    });
    expect(errorsOf(errors)).toEqual([
      { line: 3, column: 'geo', code: 'unknown_code', value: 'BE-99999' },
      {
        line: 4,
        column: 'valeur',
        code: 'duplicate_key',
        value: 'FR-59350 × 2021 × RSA_FOYERS',
        firstLine: 2,
      },
      {
        line: 5,
        column: 'valeur',
        code: 'duplicate_key',
        value: 'FR-59350 × 2021 × RSA_FOYERS',
        firstLine: 2,
      },
      { line: 6, column: 'valeur', code: 'invalid_number', value: 'beaucoup' },
      { line: 8, column: 'periode', code: 'invalid_period', value: 'l’an dernier'.replace('’', "'") },
      { line: 9, column: 'periode', code: 'missing_period' },
      { line: 10, column: 'indicateur', code: 'missing_element' },
      { line: 11, column: 'geo', code: 'ambiguous_code', value: '57097' },
    ]);
    expect(rows.map((r) => [r.line, r.value, r.secret])).toEqual([
      [2, 14876, false],
      [7, null, true],
    ]);
  });

  it('refuses a mapping that does not fit the file, before reading any line', async () => {
    const file = fixture('long.csv');
    expect((await parseAll(file, { mapping: { ...mapping, format: 'insee' } })).errors).toEqual([
      { line: 1, code: 'format_mismatch', value: 'long' },
    ]);
    expect((await parseAll(file, { mapping: { ...mapping, valueColumn: 'valeur' } })).errors).toEqual([
      { line: 1, column: 'valeur', code: 'missing_column' },
    ]);
    const noPeriod = { format: 'long' as const, periodColumn: undefined, columns: [] };
    const noPeriodFile = Buffer.from('geo,element,value\nFR-59350,MED,1\n');
    expect((await parseAll(noPeriodFile, { mapping: noPeriod })).errors).toEqual([
      { line: 1, column: 'value', code: 'missing_period' },
    ]);
    expect((await parseAll(noPeriodFile, { mapping: { ...noPeriod, period: 'hier' } })).errors).toEqual([
      { line: 1, column: 'value', code: 'invalid_period', value: 'hier' },
    ]);
    expect((await parseAll(noPeriodFile, { mapping: { ...noPeriod, period: '2021' } })).rows).toMatchObject([
      { geoCode: 'FR-59350', period: '2021', element: 'MED', value: 1 },
    ]);
  });

  it('refuses two columns mapped to the same element and period', async () => {
    const { errors } = await parseAll(fixture('insee-rp-2021-utf8-bom.csv'), {
      mapping: {
        format: 'insee',
        period: '2021',
        columns: [
          { source: 'P21_POP', element: 'POP' },
          { source: 'P15_POP', element: 'POP' },
        ],
      },
    });
    expect(errors).toEqual([{ line: 1, column: 'P15_POP', code: 'duplicate_mapping', value: 'POP' }]);
  });

  it('reports an unclosed quote at its line and stops there', async () => {
    const bytes = Buffer.from(
      'geo,period,element,value\nFR-59350,2021,MED,1\nFR-59512,2021,"MED,2\nFR-59599,2021,MED,3\n',
    );
    const { errors } = await parseAll(bytes, { mapping: { ...mapping, geoColumn: 'geo' } });
    expect(errors).toEqual([{ line: 3, code: 'invalid_csv' }]);
    // Streamed in small chunks the quote is still found where it opens.
    const streamed = await parseAll(chunked(bytes, 7), { mapping: { ...mapping, geoColumn: 'geo' } });
    expect(streamed.errors).toEqual([{ line: 3, code: 'invalid_csv' }]);
  });

  it('refuses a file with a header and nothing else', async () => {
    expect((await parseAll(Buffer.from('geo_code,period,element,value\n\n'), { mapping })).errors).toEqual([
      { line: 1, code: 'empty_file' },
    ]);
  });
});

describe('streaming', () => {
  /** A long file of `n` distinct values over 5 territories, 20 years of months, several elements. */
  function bigFile(n: number): Buffer {
    const codes = ['FR-59350', 'FR-59512', 'BE-57096', 'BE-34022', 'FR-2A004'];
    const lines = ['geo;period;element;value'];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(i / codes.length);
      const period = `${2000 + Math.floor((k % 240) / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      lines.push(`${codes[i % codes.length]};${period};RIS${Math.floor(k / 240)};${i},5`);
    }
    return Buffer.from(`${lines.join('\n')}\n`);
  }

  it('yields batches of the requested size and reports progress up to the file size', async () => {
    const bytes = bigFile(12_000);
    const progress: ImportProgress[] = [];
    const parse = parseImport(
      { size: bytes.length, open: () => chunked(bytes, 4096).open() },
      {
        mapping: suggestMapping('long', ['geo', 'period', 'element', 'value']),
        batchSize: 5000,
        onProgress: (p) => progress.push(p),
      },
    );
    const sizes: number[] = [];
    let last = -1;
    for await (const batch of parse) {
      sizes.push(batch.length);
      // Line 1 is the header: values start on line 2 and no line is lost between batches.
      expect(batch[0]!.line).toBe(last === -1 ? 2 : last + 1);
      last = batch.at(-1)!.line;
    }
    expect(parse.errors).toEqual([]);
    expect(sizes).toEqual([5000, 5000, 2000]);
    expect(last).toBe(12_001);
    expect(progress.at(-1)).toEqual({ bytesRead: bytes.length, totalBytes: bytes.length, values: 12_000 });
    const reads = progress.map((p) => p.bytesRead);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(10);
  });

  it('keeps the first errors and counts the rest', async () => {
    const lines = [
      'geo;period;element;value',
      ...Array.from({ length: 30 }, (_, i) => `FR-59350;2021;E${i};x`),
    ];
    const { errors, stats } = await parseAll(Buffer.from(lines.join('\n')), {
      mapping: suggestMapping('long', ['geo', 'period', 'element', 'value']),
      maxErrors: 10,
    });
    expect(stats.errorCount).toBe(30);
    expect(errors).toHaveLength(11);
    expect(errors.slice(0, 10).every((e) => e.code === 'invalid_number')).toBe(true);
    expect(errors[10]).toEqual({ line: 31, code: 'too_many_errors', value: '30' });
  });

  it('stops reading the source when the caller stops iterating', async () => {
    const bytes = bigFile(20_000);
    let chunksRead = 0;
    const parse = parseImport(
      {
        async *open() {
          for (let i = 0; i < bytes.length; i += 4096) {
            chunksRead++;
            yield bytes.subarray(i, i + 4096);
          }
        },
      },
      { mapping: suggestMapping('long', ['geo', 'period', 'element', 'value']), batchSize: 1000 },
    );
    for await (const batch of parse) {
      expect(batch).toHaveLength(1000);
      break;
    }
    expect(chunksRead).toBeLessThan(Math.ceil(bytes.length / 4096));
  });
});

describe('error messages', () => {
  const catalogs = loadCatalogs();

  it('exist in French, Dutch and English for every error code', () => {
    for (const lang of ['fr', 'nl', 'en'] as const) {
      const missing = IMPORT_ERROR_CODES.filter((c) => !catalogs[lang][IMPORT_ERROR_KEY_PREFIX + c]);
      expect(missing, lang).toEqual([]);
    }
    expect(
      Object.keys(catalogs.fr)
        .filter((k) => k.startsWith(IMPORT_ERROR_KEY_PREFIX))
        .sort(),
    ).toEqual(IMPORT_ERROR_CODES.map((c) => IMPORT_ERROR_KEY_PREFIX + c).sort());
  });

  it('format every error the parser produced with only the fields it carries', async () => {
    const produced: ImportError[] = [];
    const run = async (source: Uint8Array, options: ParseOptions) =>
      produced.push(...(await parseAll(source, options)).errors);
    await run(fixture('insee-malformed.csv'), {
      mapping: suggestMapping('insee', ['CODGEO', 'LIBGEO', 'MED21', 'TP6021']),
      knownCodes: KNOWN,
    });
    await run(fixture('long-malformed.csv'), {
      mapping: suggestMapping('long', ['geo', 'periode', 'indicateur', 'valeur']),
      knownCodes: new Set(['FR-59350', 'BE-57096', 'BE-34022']),
    });
    await run(Buffer.from('geo,period,element,value\nFR-59350,2021,"MED,1\n'), {
      mapping: { format: 'long', columns: [] },
    });
    await run(fixture('caf-RSACom2014.csv'), {
      mapping: {
        format: 'caf',
        period: '2014',
        columns: [
          { source: 'NB_allocataires', element: 'A' },
          { source: 'NB_allocataire_RSA', element: 'A' },
        ],
      },
    });
    await run(fixture('caf-RSACom2014.csv'), {
      mapping: { format: 'caf', columns: [{ source: 'Absente', element: 'A', period: '2014' }] },
    });
    await run(Buffer.from('geo,period,element,value\n'), { mapping: { format: 'long', columns: [] } });
    await run(Buffer.from(`geo,period,element,value\n${'FR-59350,2021,E,x\n'.repeat(3)}`), {
      mapping: { format: 'long', columns: [] },
      maxErrors: 1,
    });
    await run(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), {
      mapping: { format: 'iweps', columns: [] },
    });
    await run(Buffer.from('geo,period,element,value\n,2021,E,1\n'), {
      mapping: { format: 'long', columns: [] },
    });
    await run(Buffer.from('name;email\nA;b\n'), { mapping: { format: 'long', columns: [] } });
    await run(fixture('insee-wrong-separator.csv'), { mapping: { format: 'insee', columns: [] } });
    await run(Buffer.from('CODGEO\tMED21\n59350\t1\n'), { mapping: { format: 'insee', columns: [] } });
    await run(fixture('insee-mixed-encoding.csv'), { mapping: { format: 'insee', columns: [] } });
    await run(fixture('long.csv'), { mapping: { format: 'caf', columns: [] } });
    await run(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), {
      mapping: { format: 'iweps', columns: [] },
    });
    await run(
      Buffer.from('geo,period,element,value,sex,age\nFR-59350,2021,E,1,X,\nFR-59350,2021,E,2,F,15-24\n'),
      {
        mapping: { format: 'long', columns: [] },
      },
    );
    // Every code the parser can produce is exercised here.
    expect(new Set(produced.map((e) => e.code))).toEqual(new Set(IMPORT_ERROR_CODES));
    for (const lang of ['fr', 'nl', 'en'] as const) {
      for (const e of produced) {
        const message = catalogs[lang][IMPORT_ERROR_KEY_PREFIX + e.code]!;
        const params: Record<string, string | number> = { line: e.line };
        if (e.column !== undefined) params.column = e.column;
        if (e.value !== undefined) params.value = e.value;
        if (e.firstLine !== undefined) params.firstLine = e.firstLine;
        // IntlMessageFormat throws when a placeholder has no value.
        const text = String(new IntlMessageFormat(message, lang).format(params));
        expect(text).not.toMatch(/[{}]/);
        if (e.code === 'wrong_separator' && e.value === 'tab')
          expect(text).toMatch(/tabulations|tab characters|tabtekens/);
      }
    }
  });
});

describe('damaged workbooks', () => {
  it('refuses a zip on which the streaming reader stops without an end or an error (found by fuzzing)', async () => {
    const t0 = Date.now();
    const { errors, rows } = await parseAll(fixture('damaged-stalls.xlsx'), {
      mapping: suggestMapping('long', ['geo_code', 'period', 'element', 'value']),
      stallMs: 1_000,
    });
    expect(errors.map((e) => e.code)).toContain('invalid_spreadsheet');
    expect(rows).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 20_000);
});
