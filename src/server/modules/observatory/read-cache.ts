import type { Tx } from '../../platform/db/context';

/**
 * What several map views of one request read alike (a board computes one per tile and per period): the code
 * history, the territory groups, an element's stored periods, the territories drawn. Kept for the
 * transaction only, so a later request always reads afresh; the map paths never write, so nothing inside
 * the transaction can make an entry stale.
 */
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

export function cached<T>(trx: Tx, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(trx);
  if (!cache) {
    cache = new Map();
    caches.set(trx, cache);
  }
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    // A failed read is not kept: the caller sees the error, a retry reads again.
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
