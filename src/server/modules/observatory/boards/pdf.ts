import type { PublicBoardView } from '../../../../common/observatory/board-schemas';
import type { CellStatus, IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { t } from '../../../platform/i18n';
import { MUTED, openPdf, Printer } from '../../../platform/pdf-printer';

/**
 * A board as an A4 PDF in French or Dutch, set in DejaVu Sans: its header, then every tile as a table
 * (a map becomes its data table with each territory's class; a chart its figures), each with its
 * periods, sources, vintages, comparability and caveat; then the partners' follow-up. A hidden figure
 * prints as the reason it is hidden, never as a number: the tiles come from the map views, which carry
 * none, and the status is what is printed whenever it is not 'shown'.
 */

export type BoardDocument = Omit<PublicBoardView, 'publishedAt'> & { publishedAt: string | null };
type Lang = 'fr' | 'nl';
type DocTile = BoardDocument['tiles'][number];

const w = (l: Lang, key: string, params?: Record<string, string | number>) =>
  t(l, `observatory.${key}`, params);
const locale = (l: Lang) => (l === 'nl' ? 'nl-BE' : 'fr-BE');
const num = (l: Lang, v: number) => new Intl.NumberFormat(locale(l), { maximumFractionDigits: 1 }).format(v);
const day = (l: Lang, iso: string) =>
  new Intl.DateTimeFormat(locale(l), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
/** A figure, or why there is none. */
const fig = (l: Lang, value: number | null, status: CellStatus) =>
  status === 'shown' && value !== null
    ? num(l, value)
    : w(l, `status.${status === 'shown' ? 'no_data' : status}`);

export async function renderBoardPdf(
  board: BoardDocument,
  creationDate: Date,
  compress = true,
): Promise<Buffer> {
  const l = board.language;
  const { doc, done } = openPdf({ language: l, title: board.title, creationDate, compress });
  const p = new Printer(doc, { rowSize: 8.5, paragraphGap: 0.3 });

  p.heading(board.title, 16);
  const theme = board.theme === 'custom' ? w(l, 'boards.theme_custom') : w(l, `theme.${board.theme}`);
  p.line(
    [
      theme,
      board.organisation,
      board.group?.name ?? w(l, 'all_territories'),
      w(l, 'boards.pdf.period', { period: board.period ?? w(l, 'boards.latest') }),
      board.publishedAt
        ? w(l, 'boards.pdf.published_on', { date: day(l, board.publishedAt) })
        : w(l, 'boards.draft'),
    ].join(' · '),
    MUTED,
  );
  if (board.description) p.paragraph(board.description);
  p.note(w(l, 'boards.public_note'));
  p.gap(6);

  for (const tile of board.tiles) {
    tileSection(p, l, tile);
    p.gap(8);
  }

  p.heading(w(l, 'boards.followup.title'), 13);
  if (board.followups.length === 0) p.line(w(l, 'boards.followup.none'), MUTED);
  for (const f of board.followups) {
    p.row([
      { text: day(l, f.decidedOn), width: 0.2 },
      { text: f.organisation, width: 0.3 },
      { text: w(l, `boards.followup.status.${f.status}`), width: 0.2 },
      { text: f.indicator?.label ?? '', width: 0.3 },
    ]);
    p.line(f.title);
    if (f.language !== l) p.note(w(l, `boards.followup.written_in.${f.language}`));
    if (f.decision) p.paragraph(f.decision);
    p.gap(4);
  }

  p.footers(board.title, (n, of) => w(l, 'boards.pdf.page', { n, of }));
  doc.end();
  return done;
}

function tileSection(p: Printer, l: Lang, tile: DocTile) {
  const v = tile.map;
  const i = v.indicator;
  p.heading(`${i.label} – ${w(l, `boards.kind.${tile.kind}`)}`, 11.5);
  if (tile.kind === 'ranking' && tile.ranking) {
    for (const s of tile.ranking.sections) {
      if (s.country !== 'all') p.line(w(l, `country.${s.country}`), MUTED, 9);
      p.table(
        [w(l, 'boards.pdf.rank'), w(l, 'column.territory'), w(l, 'column.period'), w(l, 'column.value')],
        [0.1, 0.5, 0.15, 0.25],
        s.entries.map((e) => [
          e.rank === null ? '–' : String(e.rank),
          `${e.name} (${w(l, `country.${e.country}`)})`,
          e.period ?? '–',
          fig(l, e.value, e.status),
        ]),
        (c) => c === 0 || c === 3,
      );
    }
  } else if (tile.kind === 'series' && tile.series) {
    const lines = tile.series.lines;
    const width = 0.75 / Math.max(1, lines.length);
    p.table(
      [w(l, 'column.period'), ...lines.map((x) => w(l, `total.${x.key}`))],
      [0.25, ...lines.map(() => width)],
      tile.series.periods.map((period, k) => [
        period,
        ...lines.map((x) => {
          const pt = x.points[k]!;
          const f = fig(l, pt.value, pt.status);
          return pt.status === 'shown' && pt.sourcePeriods && pt.sourcePeriods !== period
            ? `${f} (${pt.sourcePeriods})`
            : f;
        }),
      ]),
      (c) => c > 0,
    );
  } else if (tile.kind === 'compare' && tile.compare) {
    const c = tile.compare;
    const side = (pt: (typeof c.a.points)[number]) =>
      pt.status !== 'shown'
        ? fig(l, null, pt.status)
        : `${fig(l, pt.value, pt.status)}${c.relative && pt.relative !== null ? ` (${w(l, 'boards.pdf.index', { index: num(l, pt.relative) })})` : ''}`;
    p.table(
      [
        w(l, 'column.period'),
        `${c.a.name}${c.a.country ? ` (${w(l, `country.${c.a.country}`)})` : ''}`,
        `${c.b.name}${c.b.country ? ` (${w(l, `country.${c.b.country}`)})` : ''}`,
      ],
      [0.2, 0.4, 0.4],
      c.periods.map((period, k) => [period, side(c.a.points[k]!), side(c.b.points[k]!)]),
      (k) => k > 0,
    );
  } else mapTable(p, l, v);
  p.note(
    w(l, 'boards.tile_facts', {
      period: tile.series?.periods.join(', ') || tile.compare?.periods.join(', ') || (v.period ?? '—'),
      comparability: w(l, `comparability.${i.comparability}`),
      sources: v.sources.join(' ; ') || '—',
      vintages: v.vintages.join(' ; ') || '—',
    }),
  );
  if (i.caveats) p.note(`${w(l, 'caveat')} ${i.caveats}`);
}

/** A map's data table: each territory's period, value (or status) and class on its scale. */
function mapTable(p: Printer, l: Lang, v: IndicatorMapView) {
  if (v.period === null) {
    p.line(w(l, 'no_values'), MUTED);
    return;
  }
  // The scale a cell is classed on: its country's for a class-C indicator, else the common one.
  const scaleOf = (country: string) =>
    v.scales.find((x) => x.country === country) ?? v.scales.find((x) => x.country === 'all');
  const klass = (country: string, k: number) => {
    const b = scaleOf(country)?.breaks ?? [];
    if (b.length < 2 || k + 1 >= b.length) return '–';
    return w(l, 'boards.pdf.class', {
      k: k + 1,
      n: b.length - 1,
      from: num(l, b[k]!),
      to: num(l, b[k + 1]!),
    });
  };
  const rows = [...v.cells]
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name))
    .map((c) => {
      const shown = c.status === 'shown';
      return [
        `${c.name} (${w(l, `country.${c.country}`)})`,
        c.period ?? '–',
        fig(l, shown ? c.value : null, c.status),
        shown && c.klass !== null ? klass(c.country, c.klass) : '–',
        shown && c.relative !== null ? num(l, c.relative) : '–',
      ];
    });
  for (const x of v.totals)
    rows.push([w(l, `total.${x.code}`), x.period ?? '–', fig(l, x.value, x.status), '', '']);
  // The column relative to each country's reference exists only for a class-C indicator's two scales.
  const relative = v.scales.some((x) => x.relative);
  p.table(
    [
      w(l, 'column.territory'),
      w(l, 'column.period'),
      w(l, 'column.value'),
      w(l, 'boards.pdf.class_column'),
      ...(relative ? [w(l, 'column.relative')] : []),
    ],
    relative ? [0.34, 0.12, 0.16, 0.24, 0.14] : [0.4, 0.14, 0.18, 0.28],
    relative ? rows : rows.map((r) => r.slice(0, 4)),
    (k) => k >= 2,
  );
}
