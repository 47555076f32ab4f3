import { localized } from '../../../../common/i18n/locales';
import type {
  CompareSide,
  CompareView,
  SeriesView,
} from '../../../../common/observatory/board-chart-schemas';
import {
  combinedTotal,
  comparePoint,
  countryTotal,
  rankingOf,
} from '../../../../common/observatory/board-charts';
import type { TileKind } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import { comparePeriods } from '../../../../common/observatory/periods';
import { suppressionRules } from '../../../../common/observatory/suppression';
import type { Tx } from '../../../platform/db/context';
import type { Reader } from '../catalogue';
import { indicatorMapView } from '../map';
import * as store from './store';

/**
 * A board's tiles computed under its filters. Every figure comes from an indicator's map view (map.ts),
 * so the small-number rules and the ratio of sums are the map's own: a ranking orders a period's cells,
 * a series puts each period's totals side by side, a comparison two municipalities' cells. Views are
 * computed once per indicator, period and group, however many tiles share them.
 */

/** A series or a comparison shows at most this many periods (the latest), each one a map computed. */
export const MAX_PERIODS = 12;

export async function tileViews(
  trx: Tx,
  reader: Reader,
  b: store.BoardRow,
  filters: { period: string | null; group: string | null },
) {
  // A vanished saved group falls back to every municipality.
  const group = filters.group && (await store.groupExists(trx, filters.group)) ? filters.group : null;
  const tiles = await store.tilesOf(trx, b.id);
  const cache = new Map<string, IndicatorMapView>();
  const viewOf = async (indicator: string, period: string | null, g: string | null) => {
    const key = `${indicator}|${period ?? ''}|${g ?? ''}`;
    let v = cache.get(key);
    if (!v) {
      v = await indicatorMapView(trx, reader, indicator, {
        ...(period ? { period } : {}),
        ...(g ? { group: g } : {}),
      });
      cache.set(key, v);
      // "The latest" is that period: a series or comparison asking for it by name reuses the view.
      if (!period && v.period) cache.set(`${indicator}|${v.period}|${g ?? ''}`, v);
    }
    return v;
  };
  const out = [];
  for (const t of tiles) {
    const kind = t.kind as TileKind;
    const map = await viewOf(t.indicator, filters.period, group);
    const periods = [...map.indicator.periods].sort(comparePeriods).slice(-MAX_PERIODS);
    let series: SeriesView | null = null;
    let compare: CompareView | null = null;
    if (kind === 'series') {
      const views: Array<{ p: string; v: IndicatorMapView }> = [];
      for (const p of periods) views.push({ p, v: await viewOf(t.indicator, p, group) });
      const rules = suppressionRules(map.indicator.theme);
      series = {
        periods,
        // Class C: never one figure across the border, each side its own line.
        lines:
          map.indicator.comparability === 'C'
            ? (['FR', 'BE'] as const).map((key) => ({
                key,
                points: views.map(({ p, v }) => countryTotal(v, p, key)),
              }))
            : [{ key: 'all' as const, points: views.map(({ p, v }) => combinedTotal(v, p, rules)) }],
      };
    }
    if (kind === 'compare' && t.geo_a && t.geo_b) {
      // The two municipalities named on the tile, whatever the board's group.
      const views: Array<{ p: string; v: IndicatorMapView }> = [];
      for (const p of periods) views.push({ p, v: await viewOf(t.indicator, p, null) });
      const names = new Map((await store.municipalities(trx, [t.geo_a, t.geo_b])).map((m) => [m.code, m]));
      const side = (code: string): CompareSide => {
        const m = names.get(code);
        return {
          code,
          name: m ? localized(reader.language === 'nl' ? 'nl' : 'fr', m.name_fr, m.name_nl) || code : code,
          country: m?.country === 'FR' || m?.country === 'BE' ? m.country : null,
          points: views.map(({ p, v }) => comparePoint(v, p, code)),
        };
      };
      const a = side(t.geo_a);
      const bSide = side(t.geo_b);
      compare = {
        periods,
        a,
        b: bSide,
        relative: map.indicator.comparability === 'C' && a.country !== bSide.country,
      };
    }
    out.push({
      id: t.id,
      kind,
      indicator: t.indicator,
      geoA: t.geo_a,
      geoB: t.geo_b,
      // Only a map draws the boundaries: the others leave them out of the answer.
      map: kind === 'map' ? map : withoutShapes(map),
      ranking: kind === 'ranking' ? rankingOf(map) : null,
      series,
      compare,
    });
  }
  return { group, tiles: out };
}

/** A chart draws no map: neither its shapes nor their key. */
function withoutShapes(map: IndicatorMapView): IndicatorMapView {
  const { shapesKey: _, ...rest } = map;
  return { ...rest, shapes: [] };
}
