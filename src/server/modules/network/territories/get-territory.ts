import type { TerritoryDetail } from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as store from './store';

const point = (lon: number | null, lat: number | null) =>
  lon === null || lat === null ? null : { lon, lat };

/**
 * One territory with its place in the tree (ancestors, how many children of each level) and the groups it
 * belongs to; its boundary only when asked for (it can weigh tens of kB).
 */
export async function getTerritory(trx: Tx, code: string, withGeometry: boolean): Promise<TerritoryDetail> {
  const t = await store.getTerritory(trx, code);
  if (!t) throw notFound('network.territories.errors.not_found');
  const detail: TerritoryDetail = {
    code: t.code,
    level: t.level,
    country: t.country,
    localCode: t.local_code,
    nameFr: t.name_fr,
    nameNl: t.name_nl,
    parentCode: t.parent_code,
    parentNameFr: t.parent_name_fr ?? null,
    parentNameNl: t.parent_name_nl ?? null,
    region: t.region,
    population: t.population,
    ancestors: await store.territoryAncestors(trx, code),
    children: await store.childCounts(trx, code),
    groups: await store.groupsOfTerritory(trx, code),
    centroid: point(t.centroid_lon, t.centroid_lat),
    labelPoint: point(t.label_lon, t.label_lat),
    source: t.source,
    updatedAt: new Date(t.updated_at).toISOString(),
  };
  if (withGeometry) {
    const g = await store.getGeometry(trx, code);
    detail.geometry = g?.geometry ?? null;
    detail.bbox = g?.bbox ?? null;
  }
  return detail;
}
