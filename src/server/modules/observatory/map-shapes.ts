import { createHash } from 'node:crypto';
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
    const ok = !!hit && hit.hash === geometry_hash;
    return { ...r, geometry: ok ? hit.geometry : null, geometry_hash: ok ? geometry_hash : null };
  });
}

/**
 * The boundaries of one map, served apart from its values (GET /api/observatory/shapes/:key) so a browser
 * keeps them for good: the key is a digest of the codes and their boundaries' fingerprints, so a changed
 * boundary gives a new key (a new address), never new content under an old one. Only boundaries are
 * registered (public reference data); a key is known only once a map with those territories was computed.
 */
interface ShapeSet {
  shapes: { code: string; geometry: unknown }[];
  /** Serialized on first read, then sent as is. */
  json?: string;
}
const sets = new Map<string, ShapeSet>();
/** Maps share their boundary objects with `drawn`: a set costs little until it is serialized. */
const MAX_SETS = 200;

export const SHAPES_KEY = /^[a-f0-9]{32}$/;

/** Registers the boundaries of a map's shapes; the key, or null when none has a boundary. */
export function registerShapes(shapes: { code: string; geometry: unknown; hash: string | null }[]) {
  const bounded = shapes.filter((s) => s.geometry && s.hash).sort((a, b) => a.code.localeCompare(b.code));
  if (!bounded.length) return null;
  const digest = createHash('sha256');
  for (const s of bounded) digest.update(`${s.code}:${s.hash}\n`);
  const key = digest.digest('hex').slice(0, 32);
  const known = sets.get(key);
  sets.delete(key);
  // Re-inserted last: the least recently computed set is the one dropped.
  sets.set(key, known ?? { shapes: bounded.map((s) => ({ code: s.code, geometry: s.geometry })) });
  if (sets.size > MAX_SETS) sets.delete(sets.keys().next().value!);
  return key;
}

/** Forgets every set this process registered: what another process behind the load balancer knows. */
export function forgetShapeSets(): void {
  sets.clear();
}

/** The registered boundaries under a key as JSON ({ shapes: [{ code, geometry }] }), or null. */
export function shapesJson(key: string): string | null {
  const set = SHAPES_KEY.test(key) ? sets.get(key) : undefined;
  if (!set) return null;
  set.json ??= JSON.stringify({ key, shapes: set.shapes });
  return set.json;
}

/** A map's shapes as answered: codes and centroids, their boundaries registered under `shapesKey`. */
export function servedApart(
  drawn: { code: string; geometry: unknown; hash: string | null; centroid: [number, number] | null }[],
) {
  const shapesKey = registerShapes(drawn);
  const shapes = drawn.map((s) => ({
    code: s.code,
    centroid: s.centroid,
    boundary: !!(s.geometry && s.hash && shapesKey),
  }));
  return {
    shapes,
    ...(shapesKey ? { shapesKey } : {}),
    missingBoundaries: shapes.filter((s) => !s.boundary).length,
  };
}
