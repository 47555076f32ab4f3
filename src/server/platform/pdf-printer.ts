import PDFDocument from 'pdfkit';
import { FONT, printable, registerFonts } from './pdf-fonts';

/**
 * The A4 documents samen prints from figures and texts (progress reports, boards, local analyses): one
 * document setup and one printer that writes top to bottom, opening a page when the next block would not
 * fit, with tables of fractional column widths and a footer on every page.
 */

export const MARGIN = 48;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
const RULE = '#bbbbbb';

export interface PdfSetup {
  language: string;
  title: string;
  author?: string;
  creationDate: Date;
  compress?: boolean;
}

/** A new document with samen's fonts, and the promise of its bytes once `doc.end()` is called. */
export function openPdf(s: PdfSetup): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 18 },
    bufferPages: true,
    compress: s.compress ?? true,
    lang: s.language,
    displayTitle: true,
    info: {
      Title: s.title,
      Author: s.author ?? 'samen',
      Creator: 'samen',
      CreationDate: s.creationDate,
      ModDate: s.creationDate,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export interface Cell {
  text: string;
  /** A fraction of the text width. */
  width: number;
  right?: boolean;
}

export interface PrinterStyle {
  /** Font size of a table's body rows. */
  rowSize?: number;
  /** Space after a paragraph, in lines. */
  paragraphGap?: number;
}

export class Printer {
  readonly width: number;
  private readonly rowSize: number;
  private readonly paragraphGap: number;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    style: PrinterStyle = {},
  ) {
    this.width = doc.page.width - 2 * MARGIN;
    this.rowSize = style.rowSize ?? 9;
    this.paragraphGap = style.paragraphGap ?? 0.4;
    doc.fillColor(INK);
  }

  /** Opens a page unless `h` points still fit on this one. */
  room(h: number) {
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

  subheading(text: string) {
    this.room(40);
    this.doc.font(FONT.bold).fontSize(10).fillColor(INK);
    this.doc.text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  line(text: string, color = INK, size = 9.5, font: string = FONT.regular) {
    this.doc.font(font).fontSize(size);
    // A block taller than a page flows over it instead of opening an empty page first.
    this.room(Math.min(this.doc.heightOfString(printable(text), { width: this.width }), 200));
    this.doc.fillColor(color).text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(INK);
  }

  paragraph(text: string, size = 9.5) {
    // Paragraph by paragraph, so that a long text flows over pages.
    for (const para of printable(text)
      .split(/\n{2,}/)
      .filter((p) => p.trim())) {
      this.line(para, INK, size);
      this.doc.moveDown(this.paragraphGap);
    }
  }

  note(text: string) {
    this.line(text, MUTED, 8);
    this.doc.moveDown(0.2);
  }

  row(cells: Cell[], header = false, ruled = true) {
    const d = this.doc;
    d.font(header ? FONT.bold : FONT.regular).fontSize(header ? 7.5 : this.rowSize);
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
    if (ruled) this.rule(header ? 0.8 : 0.4);
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

  /** On every page: the title (with a mark such as "DRAFT" when given) and "page n of N". */
  footers(title: string, pageLabel: (n: number, of: number) => string, mark: string | null = null) {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      const bottom = d.page.margins.bottom;
      d.page.margins.bottom = 0;
      const y = d.page.height - MARGIN + 4;
      d.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
      const left = mark ? `${title} – ${mark.toUpperCase()}` : title;
      d.text(printable(left), MARGIN, y, { width: this.width - 90, lineBreak: false });
      d.text(pageLabel(i - range.start + 1, range.count), MARGIN + this.width - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      d.page.margins.bottom = bottom;
    }
  }
}
