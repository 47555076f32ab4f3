// Shared pieces of the network generator: deterministic pseudo-randomness and identifiers in SQL, fictional
// names from syllables, and a timed step that counts what it wrote.
import type { Engine } from '../../src/server/platform/db/engine';

/** Every work table of the generator lives here and is dropped at the end. */
export const W = 'bench_net';

/** FNV-1a of a tag, so each use of the hash draws an unrelated sequence. */
function tagHash(tag: string) {
  let h = 2166136261;
  for (const c of tag) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * An integer in [0, 2^28) from (seed, tag, i), the same for the same seed: PostgreSQL's own 64-bit hash
 * with the seed and tag as its salt (about three times cheaper than md5 of a text, which mattered here).
 */
export const rnd = (seed: number, tag: string, i: string) =>
  `((hashint8extended((${i})::bigint, ${((BigInt(seed) << 32n) + BigInt(tagHash(tag))).toString()}) & 268435455)::int)`;

/** A stable uuid per (seed, tag, i), so later steps compute foreign keys instead of joining. */
export const uid = (seed: number, tag: string, i: string) => `md5('${seed}:${tag}:' || (${i}))::uuid`;

const SYLLABLES = [
  'ba',
  'de',
  'li',
  'mo',
  'nu',
  'ra',
  'se',
  'ti',
  'vo',
  'za',
  'ker',
  'lan',
  'mer',
  'dor',
  'vin',
  'gal',
];
const SYL = `(array[${SYLLABLES.map((s) => `'${s}'`).join(',')}])`;

/** An invented name of two or three syllables from the bits of `r` (an int expression). */
export const name = (r: string, three = false) =>
  `initcap(${SYL}[1 + (${r}) % 16] || ${SYL}[1 + ((${r}) >> 4) % 16]${three ? ` || ${SYL}[1 + ((${r}) >> 8) % 16]` : ''})`;

/** A SQL text array literal. */
export const arr = (xs: readonly string[]) =>
  `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;

/** Pick from a list by an int expression. */
export const pick = (xs: readonly string[], r: string) => `(${arr(xs)})[1 + (${r}) % ${xs.length}]`;

/** Bulk inserts as the owner with triggers off: audit hashing millions of rows would measure the generator. */
export const bulk = (sql: string) =>
  `set session_replication_role = replica;\n${sql}\nset session_replication_role = origin;`;

export interface StepLog {
  counts: Record<string, number>;
  steps: Record<string, number>;
  log: (line: string) => void;
}

/** Runs one step, then counts the given tables; logs rows and rows/s. */
export async function step(
  engine: Engine,
  s: StepLog,
  label: string,
  tables: string[],
  run: () => Promise<void>,
) {
  const before = await countRows(engine, tables);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const after = await countRows(engine, tables);
  let rows = 0;
  for (const t of tables) {
    const n = (after[t] ?? 0) - (before[t] ?? 0);
    s.counts[t] = (s.counts[t] ?? 0) + n;
    rows += n;
  }
  s.steps[label] = Math.round(ms);
  const detail = tables.map((t) => `${t} ${(after[t]! - before[t]!).toLocaleString('en')}`).join(', ');
  s.log(
    `${label.padEnd(14)} ${String(Math.round(ms)).padStart(7)} ms  ${Math.round(
      rows / Math.max(ms / 1000, 0.001),
    )
      .toLocaleString('en')
      .padStart(9)} rows/s  (${detail})`,
  );
}

export async function countRows(engine: Engine, tables: string[]) {
  if (!tables.length) return {};
  const rows = (await engine.rawQuery(
    `select ${tables.map((t) => `(select count(*) from ${t})::int as "${t}"`).join(', ')}`,
    [],
  )) as Array<Record<string, number>>;
  return rows[0]!;
}

export const scaled = (base: number, scale: number, min = 1) => Math.max(min, Math.round(base * scale));

/**
 * Runs `fn` with the tables' plain (non-unique) indexes dropped and rebuilds them after: one bulk build is
 * much cheaper than maintaining a trigram GIN index row by row (persons' folded names above all).
 */
export async function withoutIndexes(engine: Engine, tables: string[], fn: () => Promise<void>) {
  const indexes = (await engine.rawQuery(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and i.tablename = any ($1) and not x.indisunique
      order by i.indexname`,
    [tables],
  )) as Array<{ name: string; def: string }>;
  await engine.execScript(indexes.map((i) => `drop index public.${i.name};`).join('\n'));
  try {
    await fn();
  } finally {
    await engine.execScript(indexes.map((i) => `${i.def};`).join('\n'));
  }
}
