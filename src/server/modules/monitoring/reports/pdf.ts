import PDFDocument from 'pdfkit';
import type { Language } from '../../../../common/i18n/locales';
import {
  GENERAL_NARRATIVE,
  type Narrative,
  type ReportFigures,
  type ReportVersionView,
} from '../../../../common/monitoring/report-schemas';
import { FONT, printable, registerFonts } from '../../../platform/pdf-fonts';
import {
  categoryWord,
  day,
  explanation,
  money,
  narrativeText,
  orgName,
  pair,
  percentBp,
  pick,
  shown,
  unitWord,
  w,
} from './words';

/**
 * A progress report as an A4 PDF in one language, set in the embedded DejaVu Sans so that every name
 * prints: the version's header, the indicators table with how each figure is counted, the narratives per
 * action, then the expenditure per partner and category. A version not submitted says so on every page.
 */

export interface ReportPdfInput {
  language: Language;
  figures: ReportFigures;
  narratives: Record<string, Narrative>;
  version: ReportVersionView;
  /** The lead's exact figures, or the published ones (suppressed). */
  exact: boolean;
  /** Fixed by tests so that the output is reproducible. */
  creationDate: Date;
  compress?: boolean;
}

const MARGIN = 48;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';

export async function renderReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { language: l, figures: f } = input;
  const title = `${w(l, 'pdf.title')} – ${f.programme.acronym} – ${f.period.label}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 18 },
    bufferPages: true,
    compress: input.compress ?? true,
    lang: l,
    displayTitle: true,
    info: {
      Title: title,
      Author: 'samen',
      Creator: 'samen',
      CreationDate: input.creationDate,
      ModDate: input.creationDate,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const p = new Printer(doc);

  // ------------------------------------------------------------------------------------------- header
  p.heading(title, 16);
  p.line(pick(l, f.programme.nameFr, f.programme.nameNl));
  p.line(
    w(l, 'pdf.period', { from: day(l, f.period.from), to: day(l, f.period.to) }) +
      ` · ${w(l, 'pdf.programme_period', { from: day(l, f.programme.startsOn), to: day(l, f.programme.endsOn) })}`,
  );
  const v = input.version;
  p.line(
    [
      w(l, 'pdf.version', { n: v.number }),
      w(l, `version_status.${v.status}`),
      w(l, 'pdf.figures_taken', { date: day(l, v.figuresTakenAt) }),
      v.submittedAt ? w(l, 'pdf.submitted', { date: day(l, v.submittedAt), by: v.submittedBy ?? '' }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
    MUTED,
  );
  p.line(w(l, input.exact ? 'pdf.exact_note' : 'pdf.suppression_note'), MUTED, 8);
  p.gap(8);

  // --------------------------------------------------------------------------------------- indicators
  p.heading(w(l, 'pdf.indicators'), 13);
  const N = 0.128;
  const cols = [
    { key: 'indicator', width: 1 - 5 * N },
    { key: 'previous', width: N, right: true },
    { key: 'this_period', width: N, right: true },
    { key: 'cumulative', width: N, right: true },
    { key: 'target', width: N, right: true },
    { key: 'percent', width: N, right: true },
  ];
  p.row(
    cols.map((c) => ({ text: w(l, `col.${c.key}`), width: c.width, right: c.right })),
    true,
  );
  for (const i of f.indicators) {
    const label = `${i.code}${i.euCode ? ` (${i.euCode})` : ''} – ${pick(l, i.labelFr, i.labelNl, i.labelEn)} [${unitWord(l, i.unit)}]`;
    p.row(
      [
        { text: label, width: 1 - 5 * N },
        { text: shown(l, i.previous, i.ruleCode === null), width: N, right: true },
        { text: shown(l, i.thisPeriod, i.ruleCode === null), width: N, right: true },
        { text: shown(l, i.cumulative, i.ruleCode === null), width: N, right: true },
        { text: String(i.target), width: N, right: true },
        { text: i.percent === null ? '–' : `${i.percent} %`, width: N, right: true },
      ],
      false,
      false,
    );
    p.note(`${w(l, 'pdf.how_counted')} ${explanation(l, i)}`);
    const parts = i.byPartner.filter((x) => x.n !== 0);
    if (parts.length)
      p.note(
        `${w(l, 'pdf.by_partner')} ${parts.map((x) => pair(l, orgName(f, l, x.orgId), shown(l, x.n))).join(w(l, 'list_separator'))}`,
      );
    // The rule closes the indicator with its explanation, so that a note never reads as the next one's.
    p.rule();
  }
  p.gap(10);

  // ------------------------------------------------------------------------------------- narratives
  p.heading(w(l, 'pdf.narratives'), 13);
  const keys = [
    { key: GENERAL_NARRATIVE, title: w(l, 'general') },
    ...f.actions.map((a) => ({
      key: a.id,
      title: `${a.code} – ${pick(l, a.titleFr, a.titleNl, a.titleEn)}`,
    })),
  ];
  for (const k of keys) {
    p.subheading(k.title);
    const n = narrativeText(l, input.narratives[k.key]);
    if (!n) p.line(w(l, 'pdf.no_narrative'), MUTED);
    else {
      if (n.language !== l) p.line(w(l, `pdf.written_in.${n.language}`), MUTED, 8);
      p.paragraph(n.text);
    }
    p.gap(6);
  }
  p.gap(10);

  // ------------------------------------------------------------------------------------ expenditure
  p.heading(w(l, 'pdf.expenditure'), 13);
  const a = f.expenditure.absorption;
  p.line(
    a.versionNumber === null
      ? w(l, 'pdf.no_budget')
      : w(l, 'pdf.absorption_total', {
          version: a.versionNumber,
          budget: money(l, a.total.budget),
          accepted: money(l, a.total.accepted),
          rate: percentBp(l, a.total.absorptionBp),
        }),
  );
  const ecols = [
    { key: 'partner_category', width: 0.3 },
    { key: 'budget', width: 0.14, right: true },
    { key: 'declared_period', width: 0.14, right: true },
    { key: 'accepted_period', width: 0.14, right: true },
    { key: 'accepted_cumulative', width: 0.16, right: true },
    { key: 'absorption', width: 0.12, right: true },
  ];
  p.row(
    ecols.map((c) => ({ text: w(l, `col.${c.key}`), width: c.width, right: c.right })),
    true,
  );
  for (const r of f.expenditure.byPartnerCategory)
    p.row([
      { text: `${orgName(f, l, r.orgId)} – ${categoryWord(l, r.category)}`, width: 0.3 },
      { text: money(l, r.budget), width: 0.14, right: true },
      { text: money(l, r.declaredPeriod), width: 0.14, right: true },
      { text: money(l, r.acceptedPeriod), width: 0.14, right: true },
      { text: money(l, r.acceptedCumulative), width: 0.16, right: true },
      { text: percentBp(l, r.absorptionBp), width: 0.12, right: true },
    ]);
  if (f.expenditure.missingDeclarations.length)
    p.note(
      w(l, 'pdf.missing_declarations', {
        partners: f.expenditure.missingDeclarations.map((id) => orgName(f, l, id)).join(', '),
      }),
    );

  p.footers(title, v.status === 'submitted' ? null : w(l, `version_status.${v.status}`), (n, of) =>
    w(l, 'pdf.page', { n, of }),
  );
  doc.end();
  return done;
}

interface Cell {
  text: string;
  width: number;
  right?: boolean;
}

/** Writes top to bottom, opening a page when the next block would not fit. */
class Printer {
  private readonly width: number;
  constructor(private readonly doc: PDFKit.PDFDocument) {
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

  subheading(text: string) {
    this.room(40);
    this.doc.font(FONT.bold).fontSize(10).fillColor(INK);
    this.doc.text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  line(text: string, color = INK, size = 9.5) {
    this.doc.font(FONT.regular).fontSize(size);
    this.room(this.doc.heightOfString(printable(text), { width: this.width }));
    this.doc.fillColor(color).text(printable(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(INK);
  }

  paragraph(text: string) {
    // Paragraph by paragraph, so that a long narrative flows over pages.
    for (const para of printable(text).split(/\n{2,}/)) {
      this.line(para);
      this.doc.moveDown(0.4);
    }
  }

  note(text: string) {
    this.line(text, MUTED, 8);
    this.doc.moveDown(0.2);
  }

  row(cells: Cell[], header = false, ruled = true) {
    const d = this.doc;
    d.font(header ? FONT.bold : FONT.regular).fontSize(header ? 7.5 : 9);
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

  rule(width = 0.4) {
    const d = this.doc;
    d.moveTo(MARGIN, d.y)
      .lineTo(MARGIN + this.width, d.y)
      .lineWidth(width)
      .strokeColor(RULE)
      .stroke();
    d.y += 2;
  }

  footers(title: string, mark: string | null, pageLabel: (n: number, of: number) => string) {
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
