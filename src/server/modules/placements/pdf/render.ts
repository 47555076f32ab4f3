import PDFDocument from 'pdfkit';
import type {
  AgreementDocument,
  DocumentBlock,
  DocumentItem,
  Pair,
} from '../../../../common/placements/agreement-document';
import { toWinAnsi } from './win-ansi';

/**
 * Renders the agreement document to an A4 PDF with PDFKit's built-in Helvetica. A bilingual document is
 * set in two columns, the agreement's language on the left and the host's on the right, each paragraph
 * starting level with its translation; free text (names, tasks, references) spans both columns once.
 */
export interface RenderOptions {
  /** Written in the Info dictionary; fixed by tests so that the output is reproducible. */
  creationDate: Date;
  /** Uncompressed streams let a test read the text in the file. */
  compress?: boolean;
}

const MARGIN = 56;
const BOTTOM = 64;
const GUTTER = 18;
const LABEL_WIDTH = 150;
/** Free text up to this length is printed in both columns; longer text once across the page. */
const NEUTRAL_IN_BOTH_COLUMNS = 300;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

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

export async function renderAgreementPdf(model: AgreementDocument, opts: RenderOptions): Promise<Buffer> {
  const title = pairText(model.title, ' / ');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: model.locales.primary,
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${title} – ${model.reference}`),
      Author: 'samen',
      Creator: 'samen',
      Subject: toWinAnsi(model.reference),
      CreationDate: opts.creationDate,
      ModDate: opts.creationDate,
    },
  });
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

const styleOf = (item: Extract<DocumentItem, { kind: 'paragraph' }>): Style =>
  item.tone === 'notice' ? S.note : S.body;

const pairText = (p: Pair, sep: string) => (p.host ? `${p.primary}${sep}${p.host}` : p.primary);

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
      this.title(b);
      return;
    }
    if (b.heading) {
      // Keep a heading with at least the start of what follows it.
      this.space(10);
      this.row(b.heading, S.heading, 90);
      this.rule();
    }
    for (const item of b.items) this.item(item, b.id === 'footer');
  }

  private title(b: DocumentBlock): void {
    if (b.heading) this.row(b.heading, S.title);
    this.space(4);
    for (const item of b.items) if (item.kind === 'paragraph') this.row(item.text, styleOf(item));
    this.space(6);
  }

  private item(item: DocumentItem, footer: boolean): void {
    switch (item.kind) {
      case 'subheading':
        this.space(4);
        this.row(item.text, S.subheading, 60);
        return;
      case 'paragraph':
        if (footer) this.space(10);
        this.row(item.text, footer ? S.small : styleOf(item));
        this.space(3);
        return;
      case 'field':
        this.field(item.label, item.value);
        return;
      case 'signature':
        this.signature(item);
        return;
    }
  }

  private field(label: Pair, value: Pair | string): void {
    if (!this.bilingual) {
      this.labelled(label.primary, typeof value === 'string' ? value : value.primary);
      return;
    }
    if (typeof value !== 'string') {
      this.row(label, S.label, 24);
      this.row(value, S.body);
    } else if (value.length <= NEUTRAL_IN_BOTH_COLUMNS) {
      // Each column reads as a whole in its language: short free text is repeated on both sides.
      this.row(label, S.label, 24);
      this.row({ primary: value, host: value }, S.body);
    } else {
      this.full(`${label.primary} / ${label.host ?? ''}`, S.label, 24);
      this.full(value, S.body);
    }
    this.space(3);
  }

  /** A label beside its value (single-language documents). */
  private labelled(label: string, value: string): void {
    const doc = this.doc;
    const valueWidth = this.width - LABEL_WIDTH - 8;
    const h = Math.max(this.height(label, S.label, LABEL_WIDTH - 8), this.height(value, S.body, valueWidth));
    if (h > this.room() && h <= this.pageRoom()) doc.addPage();
    if (h > this.pageRoom()) {
      this.full(label, S.label);
      this.full(value, S.body);
      this.space(3);
      return;
    }
    const y = doc.y;
    this.text(label, S.label, MARGIN, y, LABEL_WIDTH - 8);
    this.text(value, S.body, MARGIN + LABEL_WIDTH, y, valueWidth);
    doc.y = y + h + 3;
  }

  private signature(item: Extract<DocumentItem, { kind: 'signature' }>): void {
    const needed = 70;
    if (needed > this.room()) this.doc.addPage();
    this.space(6);
    this.row(item.label, S.subheading);
    if (item.signer) this.row({ primary: item.signer, host: item.signer }, S.body);
    this.row(item.status, item.state === 'signed' ? S.body : S.note);
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

  /** One text per language side by side (or alone), starting on the same line; minimum: keep-with-next. */
  private row(p: Pair, style: Style, minimum = 0): void {
    const doc = this.doc;
    if (!this.bilingual || p.host === null) {
      this.full(p.primary, style, minimum);
      return;
    }
    const h = Math.max(this.height(p.primary, style, this.col), this.height(p.host, style, this.col));
    if (h > this.pageRoom()) {
      // Longer than a page: the two languages one after the other, flowing across pages.
      this.full(p.primary, style);
      this.space(2);
      this.full(p.host, style);
      return;
    }
    if (Math.max(h, minimum) > this.room()) doc.addPage();
    const y = doc.y;
    this.text(p.primary, style, MARGIN, y, this.col);
    this.text(p.host, style, MARGIN + this.col + GUTTER, y, this.col);
    doc.y = y + h;
  }

  /** A text across the whole width, flowing onto the next pages when long. */
  private full(text: string, style: Style, minimum = 0): void {
    const h = this.height(text, style, this.width);
    if (Math.max(Math.min(h, this.pageRoom()), minimum) > this.room()) this.doc.addPage();
    this.text(text, style, MARGIN, this.doc.y, this.width);
  }

  private text(text: string, style: Style, x: number, y: number, width: number): void {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color ?? INK)
      .text(toWinAnsi(text), x, y, { width, lineGap: 1.5 });
  }

  private height(text: string, style: Style, width: number): number {
    return this.doc
      .font(style.font)
      .fontSize(style.size)
      .heightOfString(toWinAnsi(text), { width, lineGap: 1.5 });
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

/** "Title – reference" and "Page n of N" under every page, written once the page count is known. */
function pageFooters(doc: PDFKit.PDFDocument, model: AgreementDocument): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - 2 * MARGIN;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - BOTTOM + 24;
    doc.font(S.small.font).fontSize(S.small.size).fillColor(MUTED);
    doc.text(toWinAnsi(`${model.title.primary} – ${model.reference}`), MARGIN, y, {
      width: width - 90,
      lineBreak: false,
    });
    doc.text(toWinAnsi(model.pageLabel(i - range.start + 1, range.count)), MARGIN + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
