import type { IndicatorMapView, MapScale } from '../../../../common/observatory/map-schemas';
import { disaggregationLabel } from '../indicator/DisaggregationNav';
import { useObsWords } from '../words';
import { ChoroplethMap } from './ChoroplethMap';

/** A scale's title: both sides on one scale, or one country's, with its national reference for class C. */
export function scaleTitle(w: ReturnType<typeof useObsWords>, s: MapScale) {
  if (s.country === 'all') return w.msg('scale.all');
  const side = w.msg(`country.${s.country}`);
  return s.relative && s.reference !== null
    ? w.msg('scale.relative', { country: side, reference: w.number(s.reference, 0) })
    : side;
}

/**
 * An indicator's map(s): one for a scale shared across the border, side by side for a class-C indicator
 * (each under a heading naming its country and reference, at the level the page needs).
 */
export function IndicatorMaps({ view: v, heading: H }: { view: IndicatorMapView; heading: 'h2' | 'h3' }) {
  const w = useObsWords();
  const two = v.scales.length > 1;
  // 'sex:F' → '-sex-F' in a file name.
  const suffix =
    v.disaggregation && v.disaggregation !== 'total'
      ? `-${v.disaggregation.replace(/[^A-Za-z0-9-]+/g, '-')}`
      : '';
  // What every export carries: the indicator, its period, sources, vintages and caveat.
  const lines = (s: MapScale) => [
    `${v.indicator.label} – ${scaleTitle(w, s)}`,
    // Each side's own period (the sources lag differently).
    w.msg('export_line', {
      label: w.msg('column.period'),
      value:
        [
          ...new Set(
            v.cells
              .filter((c) => s.country === 'all' || c.country === s.country)
              .map((c) => c.period)
              .filter((p): p is string => !!p),
          ),
        ].join(', ') ||
        v.period ||
        '—',
    }),
    ...(v.disaggregation && v.disaggregation !== 'total'
      ? [
          w.msg('export_line', {
            label: w.msg('disaggregation.label'),
            value: disaggregationLabel(w, v.disaggregation),
          }),
        ]
      : []),
    w.msg('export_line', { label: w.msg('column.sources'), value: v.sources.join(' ; ') || '—' }),
    w.msg('export_line', { label: w.msg('column.vintages'), value: v.vintages.join(' ; ') || '—' }),
    ...(v.indicator.caveats ? [`${w.msg('caveat')} ${v.indicator.caveats}`] : []),
  ];
  return (
    <div className={two ? 'obs-maps' : undefined}>
      {v.scales.map((s) => (
        <section key={s.country} aria-label={scaleTitle(w, s)}>
          {two && <H>{scaleTitle(w, s)}</H>}
          <ChoroplethMap
            view={v}
            scale={s}
            label={`${v.indicator.label} – ${scaleTitle(w, s)}`}
            format={(c) => w.cell(c)}
            exportAs={{
              filename: `${v.indicator.code}-${v.period ?? ''}${suffix}${two ? `-${s.country}` : ''}.svg`,
              lines: lines(s),
            }}
          />
        </section>
      ))}
    </div>
  );
}
