import { FONT, printable } from '../../../platform/pdf-fonts';

/** Writes a board's PDF top to bottom, opening a page when the next block would not fit. */

export const MARGIN = 48;
const INK = '#1a1a1a';
export const MUTED = '#555555';
const RULE = '#bbbbbb';

export interface Cell {
  text: string;
  width: number;
  right?: boolean;
}

export class Printer {
  readonly width: number;
  constructor(readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - 2 * MARGIN;
    doc.fillColor(INK);
  }

  private room(h: number) {
    if (this.doc.y + h > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  gap(h: number) {
    this.doc.y += h;
  }

  heading(text: string, size: number) {
    this.room(size * 3);
    this.doc.font(FONT.bold).fontSize(size).fillColor(INK);
    this.doc.text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  line(text: string, color = INK, size = 9.5) {
    this.doc.font(FONT.regular).fontSize(size);
    this.room(this.doc.heightOfString(printable(text), { width: this.width }));
    this.doc.fillColor(color).text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(INK);
  }

  paragraph(text: string) {
    // Paragraph by paragraph, so that a long text flows over pages.
    for (const para of printable(text).split(/\n{2,}/)) {
      this.line(para);
      this.doc.moveDown(0.3);
    }
  }

  note(text: string) {
    this.line(text, MUTED, 8);
    this.doc.moveDown(0.2);
  }

  row(cells: Cell[], header = false) {
    const d = this.doc;
    d.font(header ? FONT.bold : FONT.regular).fontSize(header ? 7.5 : 8.5);
    const widths = cells.map((c) => c.width * this.width - 6);
    const h = Math.max(...cells.map((c, i) => d.heightOfString(printable(c.text), { width: widths[i] })));
    this.room(h + 6);
    const y = d.y + 3;
    let x = MARGIN;
    cells.forEach((c, i) => {
      d.text(printable(c.text), x + 3, y, { width: widths[i], align: c.right ? 'right' : 'left' });
      x += c.width * this.width;
    });
    d.y = y + h + 3;
    this.rule(header ? 0.8 : 0.3);
    d.x = MARGIN;
  }

  /** A table: its header, then its rows (widths are fractions of the text width). */
  table(header: string[], widths: number[], rows: string[][], right: (i: number) => boolean) {
    const cells = (texts: string[]) => texts.map((text, i) => ({ text, width: widths[i]!, right: right(i) }));
    this.row(cells(header), true);
    for (const r of rows) this.row(cells(r));
  }

  rule(width = 0.4) {
    const d = this.doc;
    d.moveTo(MARGIN, d.y)
      .lineTo(MARGIN + this.width, d.y)
      .lineWidth(width)
      .strokeColor(RULE)
      .stroke();
    d.y += 2;
  }

  footers(title: string, pageLabel: (n: number, of: number) => string) {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = d.page.height - MARGIN + 4;
      d.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
      d.text(printable(title), MARGIN, y, { width: this.width - 90, lineBreak: false });
      d.text(pageLabel(i - range.start + 1, range.count), MARGIN + this.width - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      d.page.margins.bottom = bottom;
    }
  }
}
