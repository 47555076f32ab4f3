import PDFDocument from 'pdfkit';
import type {
  AgreementDocument,
  DocumentBlock,
  DocumentItem,
} from '../../../../common/placements/agreement-document';
import { printable, registerFonts } from '../../../platform/pdf-fonts';
import {
  BOTTOM,
  GUTTER,
  INK,
  LABEL_WIDTH,
  LINE_GAP,
  MARGIN,
  MIN_LINES,
  pageFooters,
  RULE,
  S,
  type Style,
} from './page-style';
import { type Cells, cells, type Field, fieldRows, paragraphStyle, type Signature } from './rows';

/**
 * Renders the agreement document to an A4 PDF in an embedded DejaVu Sans. A bilingual document is set in
 * two columns, the agreement's language on the left and the host's on the right, each paragraph starting
 * level with its translation; names and references are repeated in both columns. Nothing is stranded at
 * a page's foot: a heading keeps the start of what follows it, a label its value, and the signature block
 * is never split (issue 9, item 7).
 */
export interface RenderOptions {
  /** Written in the Info dictionary; fixed by tests so that the output is reproducible. */
  creationDate: Date;
  /** Uncompressed streams let a test read the text in the file. */
  compress?: boolean;
}

export async function renderAgreementPdf(model: AgreementDocument, opts: RenderOptions): Promise<Buffer> {
  const title = model.title.host ? `${model.title.primary} / ${model.title.host}` : model.title.primary;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: model.locales.primary,
    displayTitle: true,
    info: {
      Title: `${title} – ${model.reference}`,
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

  const w = new Writer(doc, model.languages.host !== null);
  for (const block of model.blocks) w.block(block);
  pageFooters(doc, model);
  doc.end();
  return done;
}

class Writer {
  private readonly width: number;
  private readonly col: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly bilingual: boolean,
  ) {
    this.width = doc.page.width - 2 * MARGIN;
    this.col = (this.width - GUTTER) / 2;
  }

  block(b: DocumentBlock): void {
    if (b.id === 'title') {
      if (b.heading) this.row(cells(b.heading, S.title));
      this.space(4);
      for (const item of b.items)
        if (item.kind === 'paragraph') this.row(cells(item.text, paragraphStyle(item)));
      this.space(6);
      return;
    }
    if (b.id === 'signatures') {
      // The signature block is one whole: moved to the next page when it does not fit at the foot of this one.
      this.keep(this.headingHeight(b) + b.items.reduce((h, item) => h + this.itemHeight(item), 0));
    } else if (b.heading) {
      this.keep(this.headingHeight(b) + this.startHeight(b.items, 0));
    }
    if (b.heading) {
      this.space(10);
      this.row(cells(b.heading, S.heading));
      this.rule();
    }
    b.items.forEach((item, i) => {
      if (item.kind === 'subheading') this.keep(this.itemHeight(item) + this.startHeight(b.items, i + 1));
      this.item(item, b.id === 'footer');
    });
  }

  private item(item: DocumentItem, footer: boolean): void {
    switch (item.kind) {
      case 'subheading':
        this.space(4);
        this.row(cells(item.text, S.subheading));
        return;
      case 'paragraph':
        if (footer) this.space(10);
        this.row(cells(item.text, footer ? S.small : paragraphStyle(item)));
        this.space(3);
        return;
      case 'field':
        this.field(item);
        return;
      case 'signature':
        this.signature(item);
        return;
    }
  }

  private field(f: Field): void {
    const rows = fieldRows(this.bilingual, f);
    this.keep(this.fieldStart(f));
    if (typeof rows.label === 'string') {
      this.labelled(rows.label, rows.value as string);
    } else {
      this.row(rows.label);
      // A field taller than a page starts below its label and flows on, whatever its value's own height.
      this.row(rows.value as Cells, this.itemHeight(f) > this.pageRoom());
    }
    this.space(3);
  }

  /** A label beside its value (single-language documents); a value longer than a page goes below it. */
  private labelled(label: string, value: string): void {
    const doc = this.doc;
    const valueWidth = this.width - LABEL_WIDTH - 8;
    const h = Math.max(this.height(label, S.label, LABEL_WIDTH - 8), this.height(value, S.body, valueWidth));
    if (h > this.pageRoom()) {
      this.full(label, S.label);
      this.full(value, S.body, true);
      return;
    }
    const y = doc.y;
    this.text(label, S.label, MARGIN, y, LABEL_WIDTH - 8);
    this.text(value, S.body, MARGIN + LABEL_WIDTH, y, valueWidth);
    doc.y = y + h;
  }

  private signature(item: Signature): void {
    this.space(6);
    this.row(cells(item.label, S.subheading));
    if (item.signer) this.row(cells({ primary: item.signer, host: item.signer }, S.body));
    this.row(cells(item.status, item.state === 'signed' ? S.body : S.note));
    if (item.state !== 'signed') {
      // Room for a handwritten signature when the agreement is signed on paper.
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
  }

  // Heights, measured as the drawing methods above lay the items out.

  private headingHeight(b: DocumentBlock): number {
    return b.heading ? 10 + this.rowHeight(cells(b.heading, S.heading)) + 7 : 0;
  }

  private itemHeight(item: DocumentItem): number {
    switch (item.kind) {
      case 'subheading':
        return 4 + this.rowHeight(cells(item.text, S.subheading));
      case 'paragraph':
        return this.rowHeight(cells(item.text, paragraphStyle(item))) + 3;
      case 'field': {
        const rows = fieldRows(this.bilingual, item);
        if (typeof rows.label === 'string') {
          const value = rows.value as string;
          return (
            Math.max(
              this.height(rows.label, S.label, LABEL_WIDTH - 8),
              this.height(value, S.body, this.width - LABEL_WIDTH - 8),
            ) + 3
          );
        }
        return this.rowHeight(rows.label) + this.rowHeight(rows.value as Cells) + 3;
      }
      case 'signature':
        return (
          6 +
          this.rowHeight(cells(item.label, S.subheading)) +
          (item.signer ? this.rowHeight(cells({ primary: item.signer, host: item.signer }, S.body)) : 0) +
          this.rowHeight(cells(item.status, item.state === 'signed' ? S.body : S.note)) +
          (item.state === 'signed' ? 0 : 26)
        );
    }
  }

  /** What must share a page with what comes before it: a whole field, or its label and first lines. */
  private fieldStart(f: Field): number {
    const whole = this.itemHeight(f);
    if (whole <= this.pageRoom()) return whole;
    const rows = fieldRows(this.bilingual, f);
    const label =
      typeof rows.label === 'string'
        ? this.height(rows.label, S.label, this.width)
        : this.rowHeight(rows.label);
    return label + this.lines(S.body);
  }

  /** The start of items[i] that a heading or subheading before it must not be separated from. */
  private startHeight(items: readonly DocumentItem[], i: number): number {
    const item = items[i];
    if (!item) return 0;
    if (item.kind === 'subheading') return this.itemHeight(item) + this.startHeight(items, i + 1);
    if (item.kind === 'field') return this.fieldStart(item);
    const h = this.itemHeight(item);
    return h <= this.pageRoom() ? h : this.lines(S.body);
  }

  private rowHeight(c: Cells): number {
    if (!this.bilingual || c.host === null) return this.height(c.primary, c.primaryStyle, this.width);
    const h = Math.max(
      this.height(c.primary, c.primaryStyle, this.col),
      this.height(c.host, c.hostStyle, this.col),
    );
    if (h <= this.pageRoom()) return h;
    return (
      this.height(c.primary, c.primaryStyle, this.width) + 2 + this.height(c.host, c.hostStyle, this.width)
    );
  }

  private lines(style: Style): number {
    return this.height(Array(MIN_LINES).fill('x').join('\n'), style, this.width);
  }

  // Drawing.

  /** Starts a new page unless `h` fits in what is left of this one (or would not fit on any page). */
  private keep(h: number): void {
    if (h > this.room() && h <= this.pageRoom()) this.doc.addPage();
  }

  /**
   * One text per language side by side (or alone), starting on the same line; flow: it may start at the
   * foot of this page and go on to the next rather than move whole to it.
   */
  private row(c: Cells, flow = false): void {
    const doc = this.doc;
    if (!this.bilingual || c.host === null) {
      this.full(c.primary, c.primaryStyle, flow);
      return;
    }
    const h = Math.max(
      this.height(c.primary, c.primaryStyle, this.col),
      this.height(c.host, c.hostStyle, this.col),
    );
    if (h > this.pageRoom() || (flow && h > this.room())) {
      // Longer than what is left: the two languages one after the other, flowing across pages.
      this.full(c.primary, c.primaryStyle, true);
      this.space(2);
      this.full(c.host, c.hostStyle, true);
      return;
    }
    this.keep(h);
    const y = doc.y;
    this.text(c.primary, c.primaryStyle, MARGIN, y, this.col);
    this.text(c.host, c.hostStyle, MARGIN + this.col + GUTTER, y, this.col);
    doc.y = y + h;
  }

  /** A text across the whole width; a long (or flowing) one starts where a few of its lines fit. */
  private full(text: string, style: Style, flow = false): void {
    const h = this.height(text, style, this.width);
    this.keep(h <= this.pageRoom() && !flow ? h : Math.min(h, this.lines(style)));
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
