import type { AgreementDocument } from '../../../../common/placements/agreement-document';
import { FONT, printable } from '../../../platform/pdf-fonts';

/** The agreement PDF's page geometry and type styles, and the footer under every page. */

export const MARGIN = 56;
export const BOTTOM = 64;
export const GUTTER = 18;
export const LABEL_WIDTH = 150;
/** Free text up to this length is printed in both columns; longer text once across the page. */
export const NEUTRAL_IN_BOTH_COLUMNS = 300;
/** Long text that flows across pages starts on a page only with room for this many of its lines. */
export const MIN_LINES = 3;
export const LINE_GAP = 1.5;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const RULE = '#b0b0b0';

export type Style = { font: string; size: number; color?: string };
export const S = {
  title: { font: FONT.bold, size: 15 },
  heading: { font: FONT.bold, size: 11 },
  subheading: { font: FONT.bold, size: 10 },
  body: { font: FONT.regular, size: 9.5 },
  label: { font: FONT.bold, size: 9 },
  note: { font: FONT.italic, size: 9, color: MUTED },
  small: { font: FONT.regular, size: 8, color: MUTED },
} satisfies Record<string, Style>;

/** "Title – reference" and "Page n of N" under every page, written once the page count is known. */
export function pageFooters(doc: PDFKit.PDFDocument, model: AgreementDocument): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - 2 * MARGIN;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - BOTTOM + 24;
    doc.font(S.small.font).fontSize(S.small.size).fillColor(MUTED);
    doc.text(printable(`${model.title.primary} – ${model.reference}`), MARGIN, y, {
      width: width - 90,
      lineBreak: false,
    });
    doc.text(model.pageLabel(i - range.start + 1, range.count), MARGIN + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
