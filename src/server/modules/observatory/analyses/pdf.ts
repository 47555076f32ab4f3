import type { Language } from '../../../../common/i18n/locales';
import type { AnalysisSection, VersionSummary } from '../../../../common/observatory/analysis-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { t } from '../../../platform/i18n';
import { FONT } from '../../../platform/pdf-fonts';
import { INK, MUTED, openPdf, Printer } from '../../../platform/pdf-printer';

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
  const { doc, done } = openPdf({
    language: l,
    title: input.title,
    author: input.organisation,
    creationDate: input.creationDate,
    compress: input.compress ?? true,
  });
  const p = new Printer(doc);

  p.line(input.title, INK, 17, FONT.bold);
  p.line(input.organisation, INK, 11);
  const status =
    v.status === 'published' && v.publishedAt
      ? w(l, 'published_on', { date: day(l, v.publishedAt) })
      : w(l, 'draft');
  p.line(
    `${w(l, 'version', { n: v.number })} · ${status} · ${w(l, 'territory', { name: input.territory })}`,
    MUTED,
  );
  if (v.note) p.line(v.note, MUTED, 9, FONT.italic);
  doc.moveDown(0.8);

  for (const s of input.sections) {
    p.room(60);
    p.line(s.heading, INK, 13, FONT.bold);
    p.line(o(l, s.theme === 'general' ? 'analyses.theme_general' : `theme.${s.theme}`), MUTED, 8);
    doc.moveDown(0.3);
    p.paragraph(s.body, 10);
    if (s.tile) tileTable(p, l, s.tile.map);
    doc.moveDown(0.8);
  }

  // Footers: the title (and the draft mark), the page number.
  p.footers(
    `${input.title} – ${w(l, 'version', { n: v.number })}`,
    (n, of) => w(l, 'page', { n, of }),
    v.status === 'draft' ? w(l, 'draft') : null,
  );
  doc.end();
  return done;
}

function tileTable(p: Printer, l: Language, m: IndicatorMapView) {
  p.room(80);
  p.line(m.indicator.label, INK, 10, FONT.bold);
  const cols = [0.5, 0.2, 0.3];
  const row = (texts: [string, string, string], header = false) =>
    p.row(
      [
        { text: texts[0], width: cols[0]! },
        { text: texts[1], width: cols[1]!, right: true },
        { text: texts[2], width: cols[2]! },
      ],
      header,
    );
  // A hidden value prints as a dash: its figure never leaves the server, nor this file.
  const figure = (status: string, value: number | null) =>
    status === 'shown' && value !== null ? num(l, value) : '–';
  row([w(l, 'col.territory'), w(l, 'col.value'), w(l, 'col.status')], true);
  const cells = [...m.cells].sort(
    (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name),
  );
  for (const c of cells)
    row([
      `${c.name} (${o(l, `country.${c.country}`)})`,
      figure(c.status, c.value),
      o(l, `status.${c.status}`),
    ]);
  for (const x of m.totals)
    row([o(l, `total.${x.code}`), figure(x.status, x.value), o(l, `status.${x.status}`)]);
  if (m.cells.length === 0) p.line(w(l, 'no_values'), MUTED, 9);
  const note = (s: string) => p.line(s, MUTED, 8);
  note(`${w(l, 'period')} ${m.period ?? '–'} · ${o(l, `comparability.${m.indicator.comparability}`)}`);
  note(`${w(l, 'sources')} ${m.sources.join(' ; ') || '–'}`);
  note(`${w(l, 'vintages')} ${m.vintages.join(' ; ') || '–'}`);
  if (m.indicator.caveats) note(`${w(l, 'caveat')} ${m.indicator.caveats}`);
}
