import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { dimensionOf } from '../../../../common/observatory/disaggregation';
import type { IndicatorMapView, MapCell } from '../../../../common/observatory/map-schemas';
import { useObsWords, W } from '../words';

type Words = ReturnType<typeof useObsWords>;

/** 'sex:F' → "Femmes", 'age:15-24' → "15 à 24 ans", 'age:65+' → "65 ans et plus"; another one as stored. */
export function disaggregationLabel(w: Words, d: string): string {
  if (d === 'total') return w.msg('disaggregation.total');
  if (d === 'sex:F' || d === 'sex:M') return w.msg(`disaggregation.${d.replace(':', '_')}`);
  const band = /^age:(\d+)-(\d+)$/.exec(d);
  if (band) return w.msg('disaggregation.age_band', { from: band[1]!, to: band[2]! });
  const open = /^age:(\d+)\+$/.exec(d);
  if (open) return w.msg('disaggregation.age_open', { from: open[1]! });
  const one = /^age:(\d+)$/.exec(d);
  if (one) return w.msg('disaggregation.age_one', { age: one[1]! });
  return d;
}

/**
 * The breakdowns the indicator's numerator has (total, by sex, by age band), as links keeping the other
 * filters; says when the denominator stays at its total because it has no such breakdown.
 */
export function DisaggregationNav({
  view: v,
  href,
}: {
  view: IndicatorMapView;
  href: (disaggregation: string) => string;
}) {
  const w = useObsWords();
  const all = v.disaggregations ?? [];
  if (all.length <= 1) return null;
  const current = v.disaggregation ?? 'total';
  const dimensions = ['total', ...new Set(all.map(dimensionOf).filter((d): d is string => d !== null))];
  return (
    <>
      {dimensions.map((dim) => {
        const members = all.filter((d) => (dim === 'total' ? d === 'total' : dimensionOf(d) === dim));
        const label =
          dim === 'total'
            ? w.msg('disaggregation.label')
            : w.msg(dim === 'sex' || dim === 'age' ? `disaggregation.by_${dim}` : 'disaggregation.other');
        return (
          <nav key={dim} aria-label={label}>
            <span>{label}:</span>
            {members.map((d) => (
              <Link key={d} to={href(d)} aria-current={d === current ? 'page' : undefined}>
                {disaggregationLabel(w, d)}
              </Link>
            ))}
          </nav>
        );
      })}
      {current !== 'total' && v.denominatorDisaggregation === 'total' && v.indicator.denominator && (
        <p className="description" role="note">
          <FormattedMessage
            id={W('disaggregation.denominator_total')}
            values={{ category: disaggregationLabel(w, current), denominator: v.indicator.denominator.label }}
          />
        </p>
      )}
    </>
  );
}

/** Says once under the map that values of old codes were carried onto today's municipalities, and how. */
export function RemapNote({ view: v }: { view: IndicatorMapView }) {
  const remapped = v.cells.some((c) => c.remappedFrom?.length);
  const refused = v.cells.some((c) => c.status === 'not_comparable');
  if (!remapped && !refused) return null;
  return (
    <p className="description" role="note">
      <FormattedMessage id={W('map.remapped_note')} />
    </p>
  );
}

/** A table cell's code history: the old codes it was made of, or nothing. */
export function RemappedCell({ cell }: { cell: MapCell }) {
  const w = useObsWords();
  if (!cell.remappedFrom?.length) return null;
  return <>{w.msg('map.remapped', { codes: cell.remappedFrom.join(', ') })}</>;
}
