import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../../common/export/cells';
import { sheetName, toXlsx } from './xlsx';

const columns: ExportColumn<'code' | 'site' | 'start' | 'n' | 'rate'>[] = [
  { key: 'code', header: 'Code', type: 'text' },
  { key: 'site', header: '@Site', type: 'text' },
  { key: 'start', header: 'Start', type: 'date' },
  { key: 'n', header: 'Version', type: 'number' },
  { key: 'rate', header: 'Attendance', type: 'percent' },
];

async function read(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('toXlsx', () => {
  it('neutralises text cells and headers, keeps dates and numbers typed', async () => {
    const ws = await read(
      await toXlsx('Stages', columns, [
        { code: '=1+1', site: '-cmd|x', start: '2026-02-28', n: -2, rate: 0.5 },
        { code: 'AB12', site: null, start: null, n: null, rate: null },
      ]),
    );
    expect(ws.name).toBe('Stages');
    expect(ws.getRow(1).values).toEqual([undefined, 'Code', "'@Site", 'Start', 'Version', 'Attendance']);
    const r = ws.getRow(2);
    expect(r.getCell(1).value).toBe("'=1+1");
    expect(r.getCell(2).value).toBe("'-cmd|x");
    expect(r.getCell(3).value).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(r.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(r.getCell(4).value).toBe(-2);
    expect(r.getCell(5).value).toBe(0.5);
    expect(r.getCell(5).numFmt).toBe('0.0%');
    // No cell is ever a formula.
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(ws.getRow(3).getCell(2).value).toBeNull();
  });

  it('neutralises formulas hidden behind spaces, invisible characters or compatibility forms (issue 16)', async () => {
    const hostile = [' =1+1', '\u200B=HYPERLINK("x")', '\uFE66cmd', '\u3000@SUM(A1)', '\n-2'];
    const ws = await read(
      await toXlsx(
        'x',
        columns,
        hostile.map((code) => ({ code, site: code, start: null, n: null, rate: null })),
      ),
    );
    hostile.forEach((h, i) => {
      expect(ws.getRow(i + 2).getCell(1).value).toBe(`'${h}`);
      expect(ws.getRow(i + 2).getCell(2).value).toBe(`'${h}`);
    });
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('Stages [2026]: a/b?')).toBe('Stages  2026   a b ');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});
