import { useRef } from 'react';
import type {
  CompareView,
  RankingView,
  SeriesView,
} from '../../../../../common/observatory/board-chart-schemas';
import type { CellStatus, IndicatorMapView } from '../../../../../common/observatory/map-schemas';
import { useObsWords } from '../../words';
import { ChartExport } from './ChartExport';
import { LINE_COLOURS, LineChart } from './LineChart';
import { RankingChart } from './RankingChart';

/** The chart tiles' bodies: the chart, its downloads, and its data table (the accessible alternative). */

type Words = ReturnType<typeof useObsWords>;

/** What every export carries under the chart. */
function exportLines(w: Words, v: IndicatorMapView, periods: string) {
  const i = v.indicator;
  return [
    i.label,
    w.msg('boards.tile_facts', {
      period: periods,
      comparability: w.comparability(i.comparability),
      sources: v.sources.join(' ; ') || '—',
      vintages: v.vintages.join(' ; ') || '—',
    }),
    ...(i.caveats ? [`${w.msg('caveat')} ${i.caveats}`] : []),
  ];
}

const figure = (w: Words, value: number | null, status: CellStatus) =>
  status === 'shown' && value !== null ? w.number(value) : w.status(status);

export function RankingBody({ view: v, ranking }: { view: IndicatorMapView; ranking: RankingView }) {
  const w = useObsWords();
  if (ranking.sections.every((s) => s.entries.length === 0))
    return <p className="description">{w.msg('no_values')}</p>;
  // Class C: one ranking per country, each with its own bars and download (never one scale across).
  return (
    <div className="stack">
      {ranking.sections.map((s) => (
        <RankingSection key={s.country} view={v} period={ranking.period} section={s} />
      ))}
    </div>
  );
}

function RankingSection({
  view: v,
  period,
  section: s,
}: {
  view: IndicatorMapView;
  period: string | null;
  section: RankingView['sections'][number];
}) {
  const w = useObsWords();
  const svg = useRef<SVGSVGElement>(null);
  const base = w.msg('boards.chart.ranking_label', { indicator: v.indicator.label, period: period ?? '—' });
  const label = s.country === 'all' ? base : `${base} – ${w.msg(`country.${s.country}`)}`;
  return (
    <section className="stack" aria-label={s.country === 'all' ? undefined : w.msg(`country.${s.country}`)}>
      {s.country !== 'all' && <h4>{w.msg(`country.${s.country}`)}</h4>}
      <RankingChart
        entries={s.entries}
        label={label}
        format={(x) => w.number(x)}
        hiddenMark={w.msg('boards.chart.hidden_mark')}
        svgRef={svg}
      />
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{w.msg('boards.chart.rank')}</th>
              <th scope="col">{w.msg('column.territory')}</th>
              <th scope="col">{w.msg('column.value')}</th>
            </tr>
          </thead>
          <tbody>
            {s.entries.map((e) => (
              <tr key={e.code}>
                <td>{e.rank ?? '–'}</td>
                <th scope="row">
                  {e.name} <span className="description">({w.msg(`country.${e.country}`)})</span>
                </th>
                <td>{figure(w, e.value, e.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartExport
        svg={svg}
        filename={`${v.indicator.code}-ranking${s.country === 'all' ? '' : `-${s.country}`}-${period ?? ''}`}
        legend={[
          { colour: '#1f5fa8', text: w.msg('country.FR') },
          { colour: '#c2571a', text: w.msg('country.BE') },
        ]}
        lines={exportLines(w, v, period ?? '—')}
      />
    </section>
  );
}

export function SeriesBody({ view: v, series }: { view: IndicatorMapView; series: SeriesView }) {
  const w = useObsWords();
  const svg = useRef<SVGSVGElement>(null);
  const periods = series.periods.join(', ');
  const names = series.lines.map((l) => w.msg(`total.${l.key}`));
  const label = w.msg('boards.chart.series_label', { indicator: v.indicator.label, periods });
  return (
    <div className="stack">
      <LineChart
        periods={series.periods}
        lines={series.lines.map((l, k) => ({ label: names[k]!, values: l.points.map((p) => p.value) }))}
        label={label}
        format={(x) => w.number(x)}
        svgRef={svg}
      />
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{w.msg('column.period')}</th>
              {names.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.periods.map((p, k) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {series.lines.map((l) => {
                  const pt = l.points[k]!;
                  // Each side at its own period within a year: say which, when it is not the row's.
                  const from = pt.status === 'shown' && pt.sourcePeriods && pt.sourcePeriods !== p;
                  return (
                    <td key={l.key}>
                      {figure(w, pt.value, pt.status)}
                      {from && <span className="description"> ({pt.sourcePeriods})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartExport
        svg={svg}
        filename={`${v.indicator.code}-series`}
        legend={names.map((text, k) => ({ colour: LINE_COLOURS[k % LINE_COLOURS.length]!, text }))}
        lines={exportLines(w, v, periods)}
      />
    </div>
  );
}

export function CompareBody({ view: v, compare: c }: { view: IndicatorMapView; compare: CompareView }) {
  const w = useObsWords();
  const svg = useRef<SVGSVGElement>(null);
  const periods = c.periods.join(', ');
  const name = (s: CompareView['a']) => (s.country ? `${s.name} (${w.msg(`country.${s.country}`)})` : s.name);
  const label = w.msg('boards.chart.compare_label', {
    a: c.a.name,
    b: c.b.name,
    indicator: v.indicator.label,
  });
  // Class C across the border: each against its own country's reference (= 100), never raw side by side.
  const plotted = (s: CompareView['a']) => s.points.map((p) => (c.relative ? p.relative : p.value));
  const cell = (p: CompareView['a']['points'][number]) =>
    p.status !== 'shown'
      ? w.status(p.status)
      : `${figure(w, p.value, p.status)}${c.relative && p.relative !== null ? ` (${w.msg('boards.chart.index', { index: w.number(p.relative) })})` : ''}`;
  return (
    <div className="stack">
      {c.relative && (
        <p className="obs-caveat" role="note">
          {w.msg('boards.chart.relative_note')}
        </p>
      )}
      <LineChart
        periods={c.periods}
        lines={[
          { label: name(c.a), values: plotted(c.a) },
          { label: name(c.b), values: plotted(c.b) },
        ]}
        label={label}
        format={(x) => w.number(x)}
        svgRef={svg}
      />
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{w.msg('column.period')}</th>
              <th scope="col">{name(c.a)}</th>
              <th scope="col">{name(c.b)}</th>
            </tr>
          </thead>
          <tbody>
            {c.periods.map((p, k) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                <td>{cell(c.a.points[k]!)}</td>
                <td>{cell(c.b.points[k]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartExport
        svg={svg}
        filename={`${v.indicator.code}-${c.a.code}-${c.b.code}`}
        legend={[
          { colour: LINE_COLOURS[0]!, text: name(c.a) },
          { colour: LINE_COLOURS[1]!, text: name(c.b) },
        ]}
        lines={[...exportLines(w, v, periods), ...(c.relative ? [w.msg('boards.chart.relative_note')] : [])]}
      />
    </div>
  );
}
