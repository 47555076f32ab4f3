import { describe, expect, it } from 'vitest';
import { suggestMapping } from './mapping';
import { parseAll } from './parse';

const KNOWN = new Set(['FR-59350', 'FR-59599', 'BE-34022', 'BE-57096']);
const text = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
const rowsOf = (
  rows: { geoCode: string; element: string; disaggregation?: string; value: number | null }[],
) => rows.map((r) => [r.geoCode, r.element, r.disaggregation ?? 'total', r.value]);

/** Values broken down by sex or age band (issue 12): read from columns or from an INSEE column's name. */
describe('disaggregated values', () => {
  it('maps INSEE census population columns by sex and age band onto P_POP with their category', async () => {
    const columns = ['CODGEO', 'P21_POP', 'P21_POPH', 'P21_POPF', 'P21_POP1529', 'P21_POP90P', 'P21_H1529'];
    const mapping = suggestMapping('insee', columns);
    expect(mapping.columns).toEqual([
      { source: 'P21_POP', element: 'P_POP', period: '2019-2023' },
      { source: 'P21_POPH', element: 'P_POP', period: '2019-2023', disaggregation: 'sex:M' },
      { source: 'P21_POPF', element: 'P_POP', period: '2019-2023', disaggregation: 'sex:F' },
      { source: 'P21_POP1529', element: 'P_POP', period: '2019-2023', disaggregation: 'age:15-29' },
      { source: 'P21_POP90P', element: 'P_POP', period: '2019-2023', disaggregation: 'age:90+' },
      // Men of 15 to 29 cross two breakdowns: left as an element of its own.
      { source: 'P21_H1529', element: 'P_H1529', period: '2019-2023' },
    ]);
    const r = await parseAll(text([columns.join(';'), '59350;236234;112000;124234;70000;3100;34000']), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(r.errors).toEqual([]);
    expect(rowsOf(r.rows)).toEqual([
      ['FR-59350', 'P_POP', 'total', 236234],
      ['FR-59350', 'P_POP', 'sex:M', 112000],
      ['FR-59350', 'P_POP', 'sex:F', 124234],
      ['FR-59350', 'P_POP', 'age:15-29', 70000],
      ['FR-59350', 'P_POP', 'age:90+', 3100],
      ['FR-59350', 'P_H1529', 'total', 34000],
    ]);
  });

  it('reads a long file’s sex and age columns, in any of the three languages', async () => {
    const header = 'geo;period;element;value;geslacht;leeftijd';
    const mapping = suggestMapping('long', header.split(';'));
    expect(mapping).toMatchObject({ sexColumn: 'geslacht', ageColumn: 'leeftijd' });
    const r = await parseAll(
      text([
        header,
        'BE-34022;2022;POP;77000;;',
        'BE-34022;2022;POP;39000;vrouwen;',
        'BE-34022;2022;POP;38000;M;',
        'BE-34022;2022;POP;9000;;15-24',
        'BE-34022;2022;POP;15000;totaal;65 en meer',
        'FR-59350;2022;POP;2000;Femmes;',
      ]),
      { mapping, knownCodes: KNOWN },
    );
    expect(r.errors).toEqual([]);
    expect(rowsOf(r.rows).map((x) => x[2])).toEqual([
      'total',
      'sex:F',
      'sex:M',
      'age:15-24',
      'age:65+',
      'sex:F',
    ]);
  });

  it('keeps a category in the key: the same one twice is a duplicate, two categories are not', async () => {
    const r = await parseAll(
      text([
        'geo;period;element;value;disaggregation',
        'BE-34022;2022;POP;39000;sex:F',
        'BE-34022;2022;POP;38000;sex:M',
        'BE-34022;2022;POP;1;F',
      ]),
      { mapping: { format: 'long', columns: [] }, knownCodes: KNOWN },
    );
    expect(r.rows).toHaveLength(2);
    expect(r.errors).toEqual([
      {
        line: 4,
        column: 'value',
        code: 'duplicate_key',
        value: 'BE-34022 × 2022 × POP × sex:F',
        firstLine: 2,
      },
    ]);
  });

  it('names the line and column of an unreadable category, or of two categories on one value', async () => {
    const r = await parseAll(
      text([
        'geo;period;element;value;sex;age',
        'BE-34022;2022;POP;1;X;',
        'BE-34022;2022;POP;2;F;15-24',
        'BE-34022;2022;POP;3;;24-15',
      ]),
      { mapping: { format: 'long', columns: [] }, knownCodes: KNOWN },
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [2, 'sex', 'invalid_disaggregation', 'X'],
      [3, 'age', 'invalid_disaggregation', '15-24'],
      [4, 'age', 'invalid_disaggregation', '24-15'],
    ]);
  });

  it('reads Statbel’s CD_SEX beside its MS_ columns', async () => {
    const header = 'CD_YEAR|CD_MUNTY_REFNIS|CD_SEX|MS_POPULATION';
    const mapping = suggestMapping('statbel', header.split('|'));
    expect(mapping).toMatchObject({ sexColumn: 'CD_SEX', columns: [{ source: 'MS_POPULATION' }] });
    const r = await parseAll(text([header, '2022|57096|F|29800', '2022|57096|M|28967']), {
      mapping,
      knownCodes: KNOWN,
    });
    expect(r.errors).toEqual([]);
    expect(rowsOf(r.rows)).toEqual([
      ['BE-57096', 'MS_POPULATION', 'sex:F', 29800],
      ['BE-57096', 'MS_POPULATION', 'sex:M', 28967],
    ]);
  });
});
