import { FormattedMessage } from 'react-intl';
import type { BoardTile } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { Card } from '../../../app/ui/layout';
import { IndicatorMaps } from '../map/IndicatorMaps';
import { useObsWords, W } from '../words';
import { CompareBody, RankingBody, SeriesBody } from './charts/ChartTiles';

/** What a tile shows: its kind, the map view at the board's period, and a chart's data. */
export type TileData = Pick<BoardTile, 'kind' | 'map' | 'ranking' | 'series' | 'compare'>;

/**
 * One tile of a board: an indicator's map (its scales side by side for a class-C one) with the compact
 * table that is its accessible alternative, or the table alone, or a chart (ranking, series over the
 * periods, two municipalities compared) with its data table and downloads; with its sources and caveat.
 */
export function Tile({ tile }: { tile: TileData }) {
  const w = useObsWords();
  const { kind, map: v } = tile;
  const i = v.indicator;
  const periods = tile.series?.periods ?? tile.compare?.periods;
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
        ) : tile.ranking ? (
          <RankingBody view={v} ranking={tile.ranking} />
        ) : tile.series ? (
          <SeriesBody view={v} series={tile.series} />
        ) : tile.compare ? (
          <CompareBody view={v} compare={tile.compare} />
        ) : (
          <>
            {kind === 'map' && <IndicatorMaps view={v} heading="h3" />}
            <CompactTable view={v} />
          </>
        )}
        <p className="description">
          {w.msg('boards.tile_facts', {
            period: periods?.join(', ') || (v.period ?? '—'),
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
