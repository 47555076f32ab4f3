import { t } from '../../../platform/i18n';
import { FONT, printable } from '../../../platform/pdf-fonts';
import { INK, MARGIN, MUTED, openPdf, Printer } from '../../../platform/pdf-printer';

/**
 * The printable attendance sheet of an event, French and Dutch on the same sheet (a bilingual desk): the
 * event's titles, day, place and organisers, then one row per confirmed registration (name, organisation,
 * a box to sign) and blank rows for those who come without registering. A4, the shared printer's fonts.
 */

export interface SheetEvent {
  titleFr: string;
  titleNl: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  organisers: string[];
}
export interface SheetRow {
  name: string;
  organisation: string | null;
}

const both = (key: string, params?: Record<string, string | number>) =>
  `${t('fr', `forums.sheet.${key}`, params)} / ${t('nl', `forums.sheet.${key}`, params)}`;

const day = (locale: string, d: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'Europe/Brussels' }).format(d);
const time = (d: Date) =>
  new Intl.DateTimeFormat('fr-BE', { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(d);

const ROW_HEIGHT = 26;
const WIDTHS = [0.06, 0.34, 0.3, 0.3];

export async function renderAttendanceSheet(
  e: SheetEvent,
  rows: readonly SheetRow[],
  blank: number,
  creationDate: Date,
  compress = true,
): Promise<Buffer> {
  const title = `${e.titleFr} / ${e.titleNl}`;
  const { doc, done } = openPdf({ language: 'fr', title, creationDate, compress });
  const p = new Printer(doc);
  p.heading(both('title'), 15);
  p.line(e.titleFr, INK, 11, FONT.bold);
  p.line(e.titleNl, INK, 11, FONT.bold);
  p.gap(4);
  const hours = `${time(e.startsAt)}–${time(e.endsAt)}`;
  p.line(`${day('fr-FR', e.startsAt)} / ${day('nl-BE', e.startsAt)}, ${hours}`);
  p.line(`${both('place')} : ${e.place}`);
  p.line(`${both('organisers')} : ${e.organisers.join(', ')}`);
  p.note(both('note'));
  p.gap(6);

  const header = ['#', both('name'), both('organisation'), both('signature')];
  const drawRow = (cells: string[], head: boolean) => {
    const h = head ? 22 : ROW_HEIGHT;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(header, true);
    }
    const y = doc.y;
    let x = MARGIN;
    doc.font(head ? FONT.bold : FONT.regular).fontSize(head ? 7.5 : 9);
    cells.forEach((c, i) => {
      const w = WIDTHS[i]! * p.width;
      doc.lineWidth(0.5).strokeColor(MUTED).rect(x, y, w, h).stroke();
      doc.fillColor(INK).text(printable(c), x + 3, y + 4, { width: w - 6, height: h - 6, ellipsis: true });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  drawRow(header, true);
  rows.forEach((r, i) => {
    drawRow([String(i + 1), r.name, r.organisation ?? '', ''], false);
  });
  for (let i = 0; i < blank; i++) drawRow([String(rows.length + i + 1), '', '', ''], false);

  p.footers(title, (n, of) => both('page', { n, of }));
  doc.end();
  return done;
}
