import { FormattedMessage } from 'react-intl';
import type { TileKind } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { Card } from '../../../app/ui/layout';
import { IndicatorMaps } from '../map/IndicatorMaps';
import { useObsWords, W } from '../words';

/**
 * One tile of a board: an indicator's map (its scales side by side for a class-C one) with the compact
 * table that is its accessible alternative, or the table alone; with its period, sources and caveat.
 */
export function Tile({ kind, map: v }: { kind: TileKind; map: IndicatorMapView }) {
  const w = useObsWords();
  const i = v.indicator;
  return (
    <Card title={i.label}>
      <div className="stack">
        {i.caveats && (
          <div className="obs-caveat" role="note">
            <strong>
              <FormattedMessage id={W('caveat')} />
            </strong>{' '}
            {i.caveats}
          </div>
        )}
        {v.period === null ? (
          <p className="description">{w.msg('no_values')}</p>
        ) : (
          <>
            {kind === 'map' && <IndicatorMaps view={v} heading="h3" />}
            <CompactTable view={v} />
          </>
        )}
        <p className="description">
          {w.msg('boards.tile_facts', {
            period: v.period ?? '—',
            comparability: w.comparability(i.comparability),
            sources: v.sources.join(' ; ') || '—',
            vintages: v.vintages.join(' ; ') || '—',
          })}
        </p>
      </div>
    </Card>
  );
}

/** Each territory's value (or why it is hidden), and each side's total. */
function CompactTable({ view: v }: { view: IndicatorMapView }) {
  const w = useObsWords();
  const rows = [...v.cells].sort(
    (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name),
  );
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{v.indicator.label}</caption>
        <thead>
          <tr>
            <th scope="col">{w.msg('column.territory')}</th>
            <th scope="col">{w.msg('column.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.code}>
              <th scope="row">
                {c.name} <span className="description">({w.msg(`country.${c.country}`)})</span>
              </th>
              <td>{w.cell(c)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {v.totals.map((t) => (
            <tr key={t.code}>
              <th scope="row">{w.msg(`total.${t.code}`)}</th>
              <td>{t.status === 'shown' && t.value !== null ? w.number(t.value) : w.status(t.status)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
