import PDFDocument from 'pdfkit';
import type { Language } from '../../../../common/i18n/locales';
import type { AnalysisSection, VersionSummary } from '../../../../common/observatory/analysis-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { t } from '../../../platform/i18n';
import { FONT, printable, registerFonts } from '../../../platform/pdf-fonts';

/**
 * One version of a local analysis as an A4 PDF in one language, in the embedded DejaVu Sans: the title,
 * organisation, version and date, then each section's heading and text and its tile as a data table
 * (territory, value, status: a hidden value prints as hidden, never its figure), with the indicator's
 * sources, period, vintages and caveat. A draft says so on every page.
 */

export interface AnalysisPdfInput {
  language: Language;
  title: string;
  organisation: string;
  territory: string;
  version: VersionSummary;
  sections: AnalysisSection[];
  /** Fixed by tests so that the output is reproducible. */
  creationDate: Date;
  compress?: boolean;
}

const MARGIN = 48;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#bbbbbb';

const locale = (l: Language) => (l === 'nl' ? 'nl-BE' : l === 'en' ? 'en-GB' : 'fr-FR');
const w = (l: Language, key: string, params?: Record<string, string | number>) =>
  t(l, `observatory.analyses.pdf.${key}`, params);
const o = (l: Language, key: string) => t(l, `observatory.${key}`);
const day = (l: Language, iso: string) =>
  new Intl.DateTimeFormat(locale(l), { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));
const num = (l: Language, v: number) =>
  new Intl.NumberFormat(locale(l), { maximumFractionDigits: 1 }).format(v);

export async function renderAnalysisPdf(input: AnalysisPdfInput): Promise<Buffer> {
  const { language: l, version: v } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 18 },
    bufferPages: true,
    compress: input.compress ?? true,
    lang: l,
    displayTitle: true,
    info: {
      Title: input.title,
      Author: input.organisation,
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
  const width = doc.page.width - 2 * MARGIN;
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const text = (s: string, font: string, size: number, color = INK) => {
    doc.font(font).fontSize(size);
    room(Math.min(doc.heightOfString(printable(s), { width }), 200));
    doc.fillColor(color).text(printable(s), MARGIN, doc.y, { width });
    doc.fillColor(INK);
  };

  text(input.title, FONT.bold, 17);
  text(input.organisation, FONT.regular, 11);
  const status =
    v.status === 'published' && v.publishedAt
      ? w(l, 'published_on', { date: day(l, v.publishedAt) })
      : w(l, 'draft');
  text(
    `${w(l, 'version', { n: v.number })} · ${status} · ${w(l, 'territory', { name: input.territory })}`,
    FONT.regular,
    9.5,
    MUTED,
  );
  if (v.note) text(v.note, FONT.italic, 9, MUTED);
  doc.moveDown(0.8);

  for (const s of input.sections) {
    room(60);
    text(`${s.heading}`, FONT.bold, 13);
    text(o(l, s.theme === 'general' ? 'analyses.theme_general' : `theme.${s.theme}`), FONT.regular, 8, MUTED);
    doc.moveDown(0.3);
    for (const para of printable(s.body)
      .split(/\n{2,}/)
      .filter((p) => p.trim())) {
      text(para, FONT.regular, 10);
      doc.moveDown(0.4);
    }
    if (s.tile) tileTable(s.tile.map);
    doc.moveDown(0.8);
  }

  function row(cells: Array<{ text: string; width: number; right?: boolean }>, header = false) {
    doc.font(header ? FONT.bold : FONT.regular).fontSize(header ? 8 : 9);
    const widths = cells.map((c) => c.width * width - 6);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(printable(c.text), { width: widths[i] })));
    room(h + 6);
    const y = doc.y + 3;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(printable(c.text), x + 3, y, { width: widths[i], align: c.right ? 'right' : 'left' });
      x += c.width * width;
    });
    doc.y = y + h + 3;
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(header ? 0.8 : 0.4)
      .strokeColor(RULE)
      .stroke();
    doc.y += 2;
    doc.x = MARGIN;
  }

  function tileTable(m: IndicatorMapView) {
    room(80);
    text(m.indicator.label, FONT.bold, 10);
    const cols = [0.5, 0.2, 0.3];
    row(
      [
        { text: w(l, 'col.territory'), width: cols[0]! },
        { text: w(l, 'col.value'), width: cols[1]!, right: true },
        { text: w(l, 'col.status'), width: cols[2]! },
      ],
      true,
    );
    const cells = [...m.cells].sort(
      (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name),
    );
    for (const c of cells)
      row([
        { text: `${c.name} (${o(l, `country.${c.country}`)})`, width: cols[0]! },
        // A hidden value prints as a dash: its figure never leaves the server, nor this file.
        {
          text: c.status === 'shown' && c.value !== null ? num(l, c.value) : '–',
          width: cols[1]!,
          right: true,
        },
        { text: o(l, `status.${c.status}`), width: cols[2]! },
      ]);
    for (const x of m.totals)
      row([
        { text: o(l, `total.${x.code}`), width: cols[0]! },
        {
          text: x.status === 'shown' && x.value !== null ? num(l, x.value) : '–',
          width: cols[1]!,
          right: true,
        },
        { text: o(l, `status.${x.status}`), width: cols[2]! },
      ]);
    if (m.cells.length === 0) text(w(l, 'no_values'), FONT.regular, 9, MUTED);
    const note = (s: string) => text(s, FONT.regular, 8, MUTED);
    note(`${w(l, 'period')} ${m.period ?? '–'} · ${o(l, `comparability.${m.indicator.comparability}`)}`);
    note(`${w(l, 'sources')} ${m.sources.join(' ; ') || '–'}`);
    note(`${w(l, 'vintages')} ${m.vintages.join(' ; ') || '–'}`);
    if (m.indicator.caveats) note(`${w(l, 'caveat')} ${m.indicator.caveats}`);
  }

  // Footers: the title (and the draft mark), the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 4;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    const left = `${input.title} – ${w(l, 'version', { n: v.number })}${v.status === 'draft' ? ` – ${w(l, 'draft').toUpperCase()}` : ''}`;
    doc.text(printable(left), MARGIN, y, { width: width - 90, lineBreak: false });
    doc.text(w(l, 'page', { n: i - range.start + 1, of: range.count }), MARGIN + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
