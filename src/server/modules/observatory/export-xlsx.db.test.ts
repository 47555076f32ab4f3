import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';

const available = await engineAvailable();

/**
 * An indicator's table as XLSX (issue 12, exports): typed figures, hidden cells without their figures, each
 * side's total, and the sources, vintages, comparability and caveat in the reader's language.
 */
describe.skipIf(!available)('observatory XLSX export', () => {
  let t: TestApp;
  let wvl: Client;
  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login('analist@west-vlaanderen.example');
  });
  afterAll(async () => t?.close());

  const workbook = async (path: string) => {
    const r = await wvl.get(path);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    return wb;
  };

  it('writes the figures typed, never a hidden cell’s, with sources and caveat in Dutch', async () => {
    const wb = await workbook('/api/observatory/indicators/DEMO_MIN_INCOME_RATE/table.xlsx?period=2022');
    const [data, about] = wb.worksheets;
    const rows = data!.getSheetValues().slice(2) as unknown[][];
    expect(data!.getRow(1).getCell(2).value).toBe('Gemeente');
    const kortrijk = rows.find((r) => r[1] === 'BE-34022')!;
    expect(typeof kortrijk[7]).toBe('number');
    expect(kortrijk[8]).toBe('Getoond');
    // Baisieux: the source's secret; its figures are not in the file.
    const baisieux = rows.find((r) => r[1] === 'FR-59044')!;
    expect([baisieux[5], baisieux[6], baisieux[7]]).toEqual([undefined, undefined, undefined]);
    expect(baisieux[8]).toBe('Geheim van de bron');
    // Every hidden cell is empty, and each side's total is there.
    for (const r of rows.filter((x) => x[8] !== 'Getoond')) expect(r[7]).toBeUndefined();
    expect(rows.some((r) => r[1] === 'BE' && typeof r[7] === 'number')).toBe(true);
    const text = (about!.getSheetValues() as unknown[][]).map((r) => (r ?? []).join(' ')).join('\n');
    expect(text).toMatch(/Indicator/);
    expect(text).toMatch(/fictieve waarden/);
    expect(text).toMatch(/2022/);
  });

  it('refuses an unknown indicator, group or period as the map does', async () => {
    expect((await wvl.get('/api/observatory/indicators/NOPE/table.xlsx')).statusCode).toBe(404);
    expect(
      (await wvl.get('/api/observatory/indicators/DEMO_POPULATION/table.xlsx?period=soon')).statusCode,
    ).toBe(400);
    const anon = await t.app.inject({
      method: 'GET',
      url: '/api/observatory/indicators/DEMO_POPULATION/table.xlsx',
    });
    expect(anon.statusCode).toBe(401);
  });
});
