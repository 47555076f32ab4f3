import { sql } from 'kysely';
import type {
  TerritoryCodeChange,
  TerritoryCodeChangeKind,
  TerritoryCodeResolution,
} from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';

/**
 * Code history (migration 0035): which current code(s) an old code stands for, so that data keyed on a
 * code of an earlier vintage (Mouscron 54007, Meulebeke 37007) maps onto today's territories. Counts are
 * re-aggregated by `share` (1 through renames, renumberings and merges); rates are recomputed from the
 * re-aggregated counts; medians are never re-aggregated (take them at a level that did not change).
 */

export interface ResolvedCode {
  code: string;
  /** The part of the old code's area this code holds; null when a split's share is unknown. */
  share: number | null;
}

const toNumber = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * The code(s) `code` stands for on `asOf` (ISO date; the request's day when absent): itself when no change
 * touched it, else the end of each chain of changes in force by then.
 */
export async function resolveTerritoryCode(trx: Tx, code: string, asOf?: string): Promise<ResolvedCode[]> {
  const r = await sql<{ code: string; share: string | null }>`
    select r.code, r.share from resolve_territory_code(${code}, coalesce(${asOf ?? null}::date, app.today())) r
    order by r.code`.execute(trx);
  return r.rows.map((row) => ({ code: row.code, share: toNumber(row.share) }));
}

/** The same for many codes at once (an import's codes): old code → current code(s). */
export async function resolveTerritoryCodes(
  trx: Tx,
  codes: readonly string[],
  asOf?: string,
): Promise<Map<string, ResolvedCode[]>> {
  const out = new Map<string, ResolvedCode[]>();
  const unique = [...new Set(codes)];
  if (unique.length === 0) return out;
  // A JSON array rather than a driver array parameter: the same on PGlite and on PostgreSQL.
  const r = await sql<{ old: string; code: string; share: string | null }>`
    select o.old, r.code, r.share
    from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb) as o (old)
      cross join lateral resolve_territory_code(o.old, coalesce(${asOf ?? null}::date, app.today())) r
    order by o.old, r.code`.execute(trx);
  for (const row of r.rows) {
    const list = out.get(row.old) ?? [];
    list.push({ code: row.code, share: toNumber(row.share) });
    out.set(row.old, list);
  }
  return out;
}

/**
 * The changes from `code` to the codes it stands for on `asOf`, and every change that led to `code`
 * (its predecessors, whatever their date), oldest first.
 */
export async function codeChangesAround(
  trx: Tx,
  code: string,
  asOf?: string,
): Promise<TerritoryCodeChange[]> {
  const r = await sql<{
    old_code: string;
    new_code: string;
    effective_on: string;
    kind: string;
    share: string | null;
    source: string | null;
  }>`
    with recursive
      day (d) as (select coalesce(${asOf ?? null}::date, app.today())),
      fwd (id, new_code, effective_on, steps) as (
        select c.id, c.new_code, c.effective_on, 1 from territory_code_changes c, day
        where c.old_code = ${code} and c.effective_on <= day.d
        union all
        select c.id, c.new_code, c.effective_on, f.steps + 1
        from fwd f join territory_code_changes c on c.old_code = f.new_code, day
        where c.effective_on >= f.effective_on and c.effective_on <= day.d and f.steps < 20
      ),
      back (id, old_code, steps) as (
        select c.id, c.old_code, 1 from territory_code_changes c where c.new_code = ${code}
        union all
        select c.id, c.old_code, b.steps + 1
        from back b join territory_code_changes c on c.new_code = b.old_code where b.steps < 20
      )
    select c.old_code, c.new_code, to_char(c.effective_on, 'YYYY-MM-DD') as effective_on, c.kind, c.share, c.source
    from territory_code_changes c
    where c.id in (select id from fwd union select id from back)
    order by c.effective_on, c.old_code, c.new_code`.execute(trx);
  return r.rows.map((c) => ({
    oldCode: c.old_code,
    newCode: c.new_code,
    effectiveOn: c.effective_on,
    kind: c.kind,
    share: toNumber(c.share),
    source: c.source,
  }));
}

/** The answer of GET /api/territory-codes/:code: current code(s) with their names, and the changes between. */
export async function describeCode(trx: Tx, code: string, asOf?: string): Promise<TerritoryCodeResolution> {
  const day =
    asOf ??
    (await sql<{ d: string }>`select to_char(app.today(), 'YYYY-MM-DD') as d`.execute(trx)).rows[0]!.d;
  const current = await resolveTerritoryCode(trx, code, day);
  const names = new Map(
    (
      await trx
        .selectFrom('territories')
        .select(['code', 'name_fr', 'name_nl'])
        .where(
          'code',
          'in',
          current.map((c) => c.code),
        )
        .execute()
    ).map((t) => [t.code, t] as const),
  );
  return {
    code,
    asOf: day,
    current: current.map((c) => ({
      ...c,
      nameFr: names.get(c.code)?.name_fr ?? null,
      nameNl: names.get(c.code)?.name_nl ?? null,
    })),
    changes: await codeChangesAround(trx, code, day),
  };
}

export interface CodeChangeInput {
  oldCode: string;
  newCode: string;
  effectiveOn: string;
  kind: TerritoryCodeChangeKind;
  share?: number | null;
  source?: string | null;
}

/**
 * Records code changes (platform admins: the seeds and imports); one already recorded (same old code, new
 * code and day) is left as it is. Returns how many were new.
 */
export async function addCodeChanges(trx: Tx, changes: readonly CodeChangeInput[]): Promise<number> {
  if (changes.length === 0) return 0;
  const rows = await trx
    .insertInto('territory_code_changes')
    .values(
      changes.map((c) => ({
        old_code: c.oldCode,
        new_code: c.newCode,
        effective_on: c.effectiveOn,
        kind: c.kind,
        share: c.share ?? null,
        source: c.source ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['old_code', 'new_code', 'effective_on']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}
