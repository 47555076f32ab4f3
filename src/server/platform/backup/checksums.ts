// Per-table row counts and checksums of a whole database, computed as the owner (ADR 0034). The same
// function runs when a backup is taken and after it is restored; the two lists must be equal.

/** One statement through a connection that stays the same for the whole computation. */
export type OwnerQuery = (text: string) => Promise<Array<Record<string, unknown>>>;

export interface TableSum {
  /** schema.table */
  table: string;
  rows: number;
  /** md5 over the md5 of each row's text, the row hashes sorted: independent of physical order. */
  md5: string;
  /** Unlogged tables (request contexts, rate-limit counters) may come back empty: counted, not compared. */
  unlogged: boolean;
}

/**
 * Settings that fix how a row prints as text (time zone, date and interval styles, floats, bytea), and
 * row security off: a role that policies would filter gets an error instead of a checksum of a subset.
 */
export const CHECKSUM_SETTINGS = [
  `set timezone to 'UTC'`,
  `set datestyle to 'ISO, YMD'`,
  `set intervalstyle to 'postgres'`,
  'set extra_float_digits to 3',
  `set bytea_output to 'hex'`,
  'set row_security to off',
];

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function tableChecksums(query: OwnerQuery): Promise<TableSum[]> {
  const tables = (await query(
    `select n.nspname as schema, c.relname as name, c.relpersistence = 'u' as unlogged
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  )) as Array<{ schema: string; name: string; unlogged: boolean }>;
  const out: TableSum[] = [];
  for (const t of tables) {
    const [r] = (await query(
      `select count(*)::int8 as n, coalesce(md5(string_agg(h, '' order by h)), '') as sum
         from (select md5(x::text) collate "C" as h from ${ident(t.schema)}.${ident(t.name)} x) rows`,
    )) as Array<{ n: number | string; sum: string }>;
    out.push({
      table: `${t.schema}.${t.name}`,
      rows: Number(r?.n ?? 0),
      md5: r?.sum ?? '',
      unlogged: t.unlogged,
    });
  }
  return out;
}

/** What differs between the backup's list and the restored database's, one line per table. */
export function compareChecksums(expected: TableSum[], actual: TableSum[]): string[] {
  const problems: string[] = [];
  const got = new Map(actual.map((t) => [t.table, t]));
  for (const e of expected) {
    const a = got.get(e.table);
    got.delete(e.table);
    if (!a) problems.push(`${e.table}: missing after restore`);
    else if (e.unlogged) continue;
    else if (a.rows !== e.rows) problems.push(`${e.table}: ${a.rows} rows, the backup has ${e.rows}`);
    else if (a.md5 !== e.md5) problems.push(`${e.table}: checksum ${a.md5}, the backup has ${e.md5}`);
  }
  for (const extra of got.keys()) problems.push(`${extra}: not in the backup`);
  return problems;
}
