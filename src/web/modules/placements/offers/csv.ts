import { saveBlob } from '../../../app/download';
/**
 * CSV for spreadsheets: semicolon-separated (what French and Belgian spreadsheet settings expect), quoted,
 * and cells that a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return `"${safe.replaceAll('"', '""')}"`;
  };
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n');
}

export function downloadCsv(filename: string, header: string[], rows: string[][]): void {
  // A byte-order mark lets spreadsheet software read the accents as UTF-8.
  saveBlob(new Blob([`\uFEFF${toCsv(header, rows)}`], { type: 'text/csv;charset=utf-8' }), filename);
}
