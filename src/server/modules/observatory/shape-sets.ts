import { sql } from 'kysely';
import { databaseIdentity, type Tx } from '../../platform/db/context';
import { forgetShapeSets, registerShapes, SHAPES_KEY, shapesJson } from './map-shapes';
import { placesFor, shapeOf } from './map-values';

/**
 * What a shapes key stands for, kept in the database (migration 0063): a key is a digest, so a process that
 * did not compute the map could not rebuild its boundaries. With the codes (and the old codes a current one
 * is drawn from) any process behind the load balancer answers any key a map named.
 */
let rememberedBy = new WeakMap<object, Set<string>>();
const MAX_REMEMBERED = 2_000;

export async function rememberShapeSet(
  trx: Tx,
  key: string,
  codes: readonly string[],
  sources: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<void> {
  const db = databaseIdentity(trx);
  let remembered = rememberedBy.get(db);
  if (!remembered) {
    remembered = new Set();
    rememberedBy.set(db, remembered);
  }
  if (remembered.has(key)) return;
  const drawnFrom: Record<string, string[]> = {};
  for (const c of codes) {
    const olds = sources.get(c);
    if (olds?.size) drawnFrom[c] = [...olds].sort();
  }
  await sql`insert into obs_shape_sets (key, codes, sources)
    values (${key}, ${[...codes]}::text[], ${JSON.stringify(drawnFrom)}::jsonb)
    on conflict (key) do nothing`.execute(trx);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.add(key);
}

/** This process forgets every set (tests: a second process that never computed the map). */
export function forgetInProcess(): void {
  forgetShapeSets();
  rememberedBy = new WeakMap();
}

/**
 * The boundaries under a key as JSON: from this process's memory, else rebuilt from the set's codes. A key
 * whose boundaries changed since (a new import) rebuilds to another key and is not answered: the content
 * under a key never changes.
 */
export async function shapeSetJson(trx: Tx, key: string): Promise<string | null> {
  if (!SHAPES_KEY.test(key)) return null;
  const local = shapesJson(key);
  if (local) return local;
  const row = (
    await sql<{ codes: string[]; sources: Record<string, string[]> }>`
      select codes, sources from obs_shape_sets where key = ${key}`.execute(trx)
  ).rows[0];
  if (!row) return null;
  const sources = new Map(Object.entries(row.sources).map(([c, olds]) => [c, new Set(olds)]));
  const places = await placesFor(trx, row.codes, sources);
  const rebuilt = registerShapes(row.codes.map((c) => shapeOf(c, places.get(c))));
  return rebuilt === key ? shapesJson(key) : null;
}
