import type { Engine } from '../../src/server/platform/db/engine';

/**
 * The row count of every table of the application's schemas, read as the owner (RLS does not hide rows):
 * a refused write must leave every count as it was. Counting works the same on PGlite and PostgreSQL,
 * unlike the statistics views (PGlite does not keep `n_tup_ins` up to date). Updates do not change a
 * count; the audit log does (every tenant table's trigger appends to it), so it covers them.
 */
export interface Fingerprint {
  counts: Map<string, number>;
}

export async function fingerprinter(engine: Engine, volatile: readonly string[] = []) {
  // Tables a request writes whatever its answer (the shared rate-limit counters), named by the caller.
  const skip = new Set(volatile);
  const tables = (
    await engine.rawQuery(
      `select schemaname || '.' || tablename as name from pg_tables
        where schemaname in ('public', 'app', 'audit') order by 1`,
      [],
    )
  )
    .map((r) => String((r as { name: string }).name))
    .filter((t) => !skip.has(t));
  const text = tables
    .map(
      (t, i) =>
        `select ${i} as i, count(*)::int as n from ${t
          .split('.')
          .map((p) => `"${p}"`)
          .join('.')}`,
    )
    .join(' union all ');
  return {
    tables,
    async take(): Promise<Fingerprint> {
      const rows = (await engine.rawQuery(text, [])) as Array<{ i: number; n: number }>;
      return { counts: new Map(rows.map((r) => [tables[Number(r.i)]!, Number(r.n)])) };
    },
  };
}

/**
 * Audit entries a refusal writes on purpose: a failed or throttled sign-in is recorded (docs/security.md).
 * A refused request may add these to the audit log and nothing else.
 */
const REFUSAL_RECORDS = new Set(['login_failed']);

/** The changes of a refused request that are not records of the refusal itself. */
export async function unexpectedWrites(engine: Engine, a: Fingerprint, b: Fingerprint): Promise<string[]> {
  const diff = changed(a, b);
  const grown = (b.counts.get('audit.log') ?? 0) - (a.counts.get('audit.log') ?? 0);
  if (grown <= 0 || diff.some((d) => !d.startsWith('audit.log:') && !d.startsWith('audit.chain_head:')))
    return diff;
  const actions = (
    await engine.rawQuery(`select action from audit.log order by id desc limit ${grown}`, [])
  ).map((r) => String((r as { action: string }).action));
  return actions.every((x) => REFUSAL_RECORDS.has(x)) ? [] : [...diff, `audit actions ${actions.join(', ')}`];
}

/** The tables whose count differs, as `table: before → after`. */
export function changed(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = [];
  for (const [t, n] of a.counts) if (b.counts.get(t) !== n) out.push(`${t}: ${n} → ${b.counts.get(t)}`);
  return out;
}
