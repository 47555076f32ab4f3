import ExcelJS from 'exceljs';
import { type ExportColumn, type ExportRow, neutraliseCell } from '../../common/export/cells';
import { parseIsoDate } from '../../common/placements/dates';

const NUMBER_FORMATS = { date: 'yyyy-mm-dd', number: '0', percent: '0.0%', text: '@' } as const;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/**
 * An XLSX workbook of one sheet. Dates and numbers are written typed (a spreadsheet sorts and sums them);
 * every text cell, headers included, is neutralised like the CSV's, so that copying it or saving the
 * sheet as CSV never turns it into a formula.
 */
export async function toXlsx<K extends string>(
  title: string,
  columns: readonly ExportColumn<K>[],
  rows: readonly ExportRow<K>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'samen';
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: neutraliseCell(c.header),
    width: c.type === 'text' ? 28 : 14,
    style: { numFmt: NUMBER_FORMATS[c.type] },
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const values: Record<string, string | number | Date | null> = {};
    for (const c of columns) {
      const v = r[c.key] ?? null;
      if (v === null) values[c.key] = null;
      else if (c.type === 'date' && typeof v === 'string') values[c.key] = new Date(parseIsoDate(v));
      else if (typeof v === 'number') values[c.key] = v;
      else values[c.key] = neutraliseCell(String(v));
    }
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
