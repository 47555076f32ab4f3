import { type Language, localized } from '../../../../common/i18n/locales';
import type { AnalysisTile } from '../../../../common/observatory/analysis-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';
import type { Tx } from '../../../platform/db/context';
import { t } from '../../../platform/i18n';
import type { Reader } from '../catalogue';
import { indicatorMapView } from '../map';
import * as store from './store';

/**
 * A version's tiles over its territory: a territory group (the map restricted to its municipalities), or
 * the organisation's own municipality. A group since deleted falls back on the municipality.
 */

export interface Territory {
  /** The group shown, or null for the municipality. */
  group: string | null;
  municipality: string | null;
  name: string;
}

const lang = (l: Language): 'fr' | 'nl' => (l === 'nl' ? 'nl' : 'fr');

export async function territoryOf(
  trx: Tx,
  language: Language,
  version: { group_code: string | null },
  analysis: store.AnalysisRow,
): Promise<Territory> {
  if (version.group_code) {
    const g = await trx
      .selectFrom('territory_groups')
      .select(['name_fr', 'name_nl'])
      .where('code', '=', version.group_code)
      .executeTakeFirst();
    if (g)
      return {
        group: version.group_code,
        municipality: null,
        name: localized(lang(language), g.name_fr, g.name_nl),
      };
  }
  const m = analysis.org_municipality;
  const place = m ? await store.territoryName(trx, m) : undefined;
  return {
    group: null,
    municipality: m,
    name: place
      ? localized(lang(language), place.name_fr, place.name_nl)
      : t(language, 'observatory.all_territories'),
  };
}

/**
 * The view restricted to one municipality. Its status comes from the whole computation (the small-number
 * rules applied across the border), and its country's total stays as the reference it is on the map page
 * (the same figure, never a new total that could be subtracted from).
 */
export function onlyTerritory(v: IndicatorMapView, code: string): IndicatorMapView {
  const shapes = v.shapes.filter((s) => s.code === code);
  const cells = v.cells.filter((c) => c.code === code);
  const countries = new Set(cells.map((c) => c.country));
  return {
    ...v,
    cells,
    totals: v.totals.filter((t) => countries.has(t.code as 'FR' | 'BE')),
    shapes,
    missingBoundaries: shapes.filter((s) => !s.boundary && !s.geometry).length,
  };
}

export async function tileOf(
  trx: Tx,
  reader: Reader,
  territory: Territory,
  s: store.SectionRow,
): Promise<AnalysisTile | null> {
  if (!s.indicator || !s.tile_kind) return null;
  const view = await indicatorMapView(trx, reader, s.indicator, {
    ...(s.tile_period ? { period: s.tile_period } : {}),
    ...(territory.group ? { group: territory.group } : {}),
  });
  return {
    indicator: s.indicator,
    kind: s.tile_kind as AnalysisTile['kind'],
    period: s.tile_period,
    map: !territory.group && territory.municipality ? onlyTerritory(view, territory.municipality) : view,
  };
}
