import PDFDocument from 'pdfkit';
import { formattingLocale } from '../../../../common/i18n/locales';
import { FONT, printable, registerFonts } from '../../../platform/pdf-fonts';
import type { AgreementDocument, Block, Item } from './document';

/**
 * Sets the immersion agreement on A4 pages in the embedded DejaVu Sans: each label beside its value, a
 * heading kept with what follows it, an approval never split from its label, the approvals block moved
 * whole to the next page when it does not fit, and under every page the title, reference, the "working
 * document" mark while not agreed, and the page number.
 */

const MARGIN = 56;
const BOTTOM = 64;
const LABEL_WIDTH = 160;
const LINE_GAP = 1.5;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';

type Style = { font: string; size: number; color?: string };
const S = {
  title: { font: FONT.bold, size: 15 },
  heading: { font: FONT.bold, size: 11 },
  subheading: { font: FONT.bold, size: 10 },
  body: { font: FONT.regular, size: 9.5 },
  label: { font: FONT.bold, size: 9 },
  note: { font: FONT.italic, size: 9, color: MUTED },
  small: { font: FONT.regular, size: 8, color: MUTED },
} satisfies Record<string, Style>;

export interface RenderOptions {
  /** Written in the Info dictionary; fixed by tests so that the output is reproducible. */
  creationDate: Date;
  /** Uncompressed streams let a test read the text in the file. */
  compress?: boolean;
  country?: 'FR' | 'BE' | null;
}

export async function renderAgreementPdf(model: AgreementDocument, opts: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: formattingLocale(model.language, opts.country ?? null),
    displayTitle: true,
    info: {
      Title: `${model.title} – ${model.reference}`,
      Author: 'samen',
      Creator: 'samen',
      Subject: model.reference,
      CreationDate: opts.creationDate,
      ModDate: opts.creationDate,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc);
  for (const block of model.blocks) w.block(block);
  w.footers(model);
  doc.end();
  return done;
}

class Writer {
  private readonly width: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - 2 * MARGIN;
  }

  block(b: Block): void {
    if (b.id === 'title') {
      if (b.heading) this.full(b.heading, S.title);
      this.space(4);
      for (const item of b.items) if (item.kind === 'paragraph') this.paragraph(item);
      this.space(6);
      return;
    }
    const first = b.items[0];
    const start = b.keepTogether
      ? b.items.reduce((h, i) => h + this.itemHeight(i), 0)
      : first
        ? Math.min(this.itemHeight(first), this.lines(3))
        : 0;
    if (b.heading) {
      // A heading stays with the start of what follows it (the whole block when it must be kept together).
      this.keep(10 + this.height(b.heading, S.heading, this.width) + 7 + start);
      this.space(10);
      this.full(b.heading, S.heading);
      this.rule();
    }
    for (const item of b.items) this.item(item, b.id === 'footer');
  }

  private item(item: Item, footer: boolean): void {
    switch (item.kind) {
      case 'subheading': {
        this.keep(this.itemHeight(item) + this.lines(3));
        this.space(4);
        this.full(item.text, S.subheading);
        return;
      }
      case 'paragraph':
        if (footer) this.space(10);
        this.paragraph(item, footer);
        return;
      case 'field':
        this.field(item.label, item.value);
        return;
      case 'approval':
        this.approval(item);
        return;
    }
  }

  private paragraph(item: Extract<Item, { kind: 'paragraph' }>, small = false): void {
    this.full(item.text, small ? S.small : item.tone === 'note' ? S.note : S.body, true);
    this.space(3);
  }

  /** A label beside its value; a value longer than a page goes below its label and flows on. */
  private field(label: string, value: string): void {
    const valueWidth = this.width - LABEL_WIDTH;
    const h = Math.max(this.height(label, S.label, LABEL_WIDTH - 8), this.height(value, S.body, valueWidth));
    if (h > this.pageRoom()) {
      this.full(label, S.label);
      this.full(value, S.body, true);
    } else {
      this.keep(h);
      const y = this.doc.y;
      this.text(label, S.label, MARGIN, y, LABEL_WIDTH - 8);
      this.text(value, S.body, MARGIN + LABEL_WIDTH, y, valueWidth);
      this.doc.y = y + h;
    }
    this.space(3);
  }

  /** An approval or signature with its label, name, state (and a line to sign on paper): never split. */
  private approval(item: Extract<Item, { kind: 'approval' }>): void {
    this.keep(this.itemHeight(item));
    this.space(6);
    this.full(item.label, S.subheading);
    if (item.name) this.full(item.name, S.body);
    this.full(item.state, S.body);
    if (!item.line) return;
    this.space(22);
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + 200, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.space(4);
  }

  private itemHeight(item: Item): number {
    switch (item.kind) {
      case 'subheading':
        return 4 + this.height(item.text, S.subheading, this.width);
      case 'paragraph':
        return this.height(item.text, item.tone === 'note' ? S.note : S.body, this.width) + 3;
      case 'field':
        return (
          Math.max(
            this.height(item.label, S.label, LABEL_WIDTH - 8),
            this.height(item.value, S.body, this.width - LABEL_WIDTH),
          ) + 3
        );
      case 'approval':
        return (
          6 +
          this.height(item.label, S.subheading, this.width) +
          (item.name ? this.height(item.name, S.body, this.width) : 0) +
          this.height(item.state, S.body, this.width) +
          (item.line ? 26 : 0)
        );
    }
  }

  /** "Title – reference (– WORKING DOCUMENT)" and "Page n of N" under every page, once they are all known. */
  footers(model: AgreementDocument): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const left = `${model.title} – ${model.reference}`;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin must not open a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - BOTTOM + 24;
      doc.font(S.small.font).fontSize(S.small.size).fillColor(MUTED);
      doc.text(printable(left), MARGIN, y, { width: this.width - 90, lineBreak: false });
      doc.text(model.pageLabel(i - range.start + 1, range.count), MARGIN + this.width - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      });
      if (model.working)
        doc.text(printable(model.state), MARGIN, y + 11, { width: this.width, lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }

  // Drawing.

  /** Starts a new page unless `h` fits in what is left of this one (or would not fit on any page). */
  private keep(h: number): void {
    if (h > this.room() && h <= this.pageRoom()) this.doc.addPage();
  }

  /** A text across the whole width; a long (or flowing) one starts where a few of its lines fit. */
  private full(text: string, style: Style, flow = false): void {
    const h = this.height(text, style, this.width);
    this.keep(h <= this.pageRoom() && !flow ? h : Math.min(h, this.lines(3, style)));
    this.text(text, style, MARGIN, this.doc.y, this.width);
  }

  private text(text: string, style: Style, x: number, y: number, width: number): void {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK)
      .text(printable(text), x, y, { width, lineGap: LINE_GAP });
  }

  private height(text: string, style: Style, width: number): number {
    return this.doc
      .font(style.font)
      .fontSize(style.size)
      .heightOfString(printable(text), { width, lineGap: LINE_GAP });
  }

  private lines(n: number, style: Style = S.body): number {
    return this.height(Array(n).fill('x').join('\n'), style, this.width);
  }

  private rule(): void {
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + this.width, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 5;
  }

  private space(points: number): void {
    this.doc.y += points;
  }

  private room(): number {
    return this.doc.page.height - BOTTOM - this.doc.y;
  }

  private pageRoom(): number {
    return this.doc.page.height - BOTTOM - MARGIN;
  }
}
