import type { Tx } from '../../platform/db/context';
import { simplifyForMap } from './geometry';
import * as store from './store';

/**
 * Boundaries as the map draws them, simplified once per process: the database names each boundary's
 * fingerprint (md5 of its text), and only a boundary never seen, or changed since (a new import), is read
 * in full and simplified again. A board of 1,200 municipalities then reads a few kilobytes of fingerprints
 * instead of megabytes of coordinates. Boundaries are public reference data, the same for every reader.
 */
const drawn = new Map<string, { hash: string; geometry: unknown }>();
/** Enough for every municipality of both countries and their groupings, with room to spare. */
const MAX_ENTRIES = 20_000;

export async function territoriesWithShapes(trx: Tx, codes: string[]) {
  const rows = await store.territoriesOf(trx, codes);
  const missing = rows.filter((r) => r.geometry_hash && drawn.get(r.code)?.hash !== r.geometry_hash);
  if (missing.length) {
    if (drawn.size + missing.length > MAX_ENTRIES) drawn.clear();
    for (const g of await store.geometriesOf(
      trx,
      missing.map((r) => r.code),
    ))
      drawn.set(g.code, { hash: g.hash, geometry: simplifyForMap(g.geometry) });
  }
  return rows.map(({ geometry_hash, ...r }) => {
    const hit = geometry_hash ? drawn.get(r.code) : undefined;
    // A boundary replaced between the two reads is drawn as read now; the next request caches it.
    return { ...r, geometry: hit && hit.hash === geometry_hash ? hit.geometry : null };
  });
}
