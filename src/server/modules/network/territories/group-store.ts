import { sql } from 'kysely';
import type { TerritoryRef } from '../../../../common/network/territory-schemas';
import type { Tx } from '../../../platform/db/context';

/** Groups of territories (migration 0035): SQL only; who may do what is decided in groups.ts and by RLS. */

export interface GroupRow {
  id: string;
  code: string;
  kind: string;
  nameFr: string;
  nameNl: string;
  orgId: string | null;
  orgNameFr: string | null;
  orgNameNl: string | null;
  memberCount: number;
  updatedAt: string;
}

const groupSelect = (trx: Tx) =>
  trx
    .selectFrom('territory_groups as g')
    .leftJoin('organisations as o', 'o.id', 'g.org_id')
    .select([
      'g.id',
      'g.code',
      'g.kind',
      'g.name_fr',
      'g.name_nl',
      'g.org_id',
      'o.name_fr as org_name_fr',
      'o.name_nl as org_name_nl',
      'g.updated_at',
      sql<number>`(select count(*)::int from territory_group_members m where m.group_id = g.id)`.as(
        'member_count',
      ),
    ]);

type Selected = Awaited<ReturnType<ReturnType<typeof groupSelect>['execute']>>[number];

const toRow = (r: Selected): GroupRow => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
  orgId: r.org_id,
  orgNameFr: r.org_name_fr ?? null,
  orgNameNl: r.org_name_nl ?? null,
  memberCount: Number(r.member_count),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The groups the caller reads (RLS), platform-wide first, then by name. */
export async function listGroups(
  trx: Tx,
  filter: { kind?: string; owner?: 'platform' | { orgId: string } },
  sortByDutch: boolean,
): Promise<GroupRow[]> {
  let select = groupSelect(trx);
  if (filter.kind) select = select.where('g.kind', '=', filter.kind);
  if (filter.owner === 'platform') select = select.where('g.org_id', 'is', null);
  else if (filter.owner) select = select.where('g.org_id', '=', filter.owner.orgId);
  const rows = await select
    .orderBy(sql`g.org_id is not null`)
    .orderBy(sql`app.fold(${sql.ref(sortByDutch ? 'g.name_nl' : 'g.name_fr')})`)
    .orderBy('g.code')
    .execute();
  return rows.map(toRow);
}

export async function findGroup(trx: Tx, code: string, opts: { forUpdate?: boolean } = {}) {
  let select = groupSelect(trx).where('g.code', '=', code);
  // Only the group row is locked (the organisation is read, not changed).
  if (opts.forUpdate) select = select.forUpdate('g');
  const r = await select.executeTakeFirst();
  return r ? toRow(r) : null;
}

/** The members as stored, by level from the top, then by name. */
export async function groupMembers(trx: Tx, groupId: string): Promise<TerritoryRef[]> {
  const rows = await trx
    .selectFrom('territory_group_members as m')
    .innerJoin('territories as t', 't.code', 'm.territory_code')
    .innerJoin('territory_levels as l', 'l.level', 't.level')
    .select(['t.code', 't.level', 't.name_fr', 't.name_nl'])
    .where('m.group_id', '=', groupId)
    .orderBy('l.depth')
    .orderBy(sql`app.fold(t.name_fr)`)
    .orderBy('t.code')
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level, nameFr: r.name_fr, nameNl: r.name_nl }));
}

/** How many municipalities the group covers: its municipal members and those under its other members. */
export async function municipalityCount(trx: Tx, groupId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    with recursive d (code) as (
      select m.territory_code from territory_group_members m where m.group_id = ${groupId}
      union
      select c.code from territories c join d on c.parent_code = d.code
    )
    select count(*)::int as n from d join territories t on t.code = d.code where t.level = 'municipality'`.execute(
    trx,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** Which of these codes are territories. */
export async function existingTerritories(trx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await trx
    .selectFrom('territories')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** Which of these group codes are taken (whoever owns the group: every signed-in user reads them all). */
export async function takenCodes(trx: Tx, prefix: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('territory_groups')
    .select('code')
    .where(sql<boolean>`code = ${prefix} or code like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`}`)
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertGroup(
  trx: Tx,
  g: { code: string; kind: string; nameFr: string; nameNl: string; orgId: string | null },
): Promise<string> {
  const r = await trx
    .insertInto('territory_groups')
    .values({ code: g.code, kind: g.kind, name_fr: g.nameFr, name_nl: g.nameNl, org_id: g.orgId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateGroup(
  trx: Tx,
  id: string,
  patch: { kind?: string; nameFr?: string; nameNl?: string },
): Promise<void> {
  const set = {
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.nameFr !== undefined ? { name_fr: patch.nameFr } : {}),
    ...(patch.nameNl !== undefined ? { name_nl: patch.nameNl } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await trx
    .updateTable('territory_groups')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Replaces the members: removes those no longer listed, adds the new ones (the others stay untouched). */
export async function replaceMembers(
  trx: Tx,
  groupId: string,
  orgId: string | null,
  codes: readonly string[],
): Promise<void> {
  let remove = trx.deleteFrom('territory_group_members').where('group_id', '=', groupId);
  if (codes.length) remove = remove.where('territory_code', 'not in', [...codes]);
  await remove.execute();
  if (codes.length === 0) return;
  await trx
    .insertInto('territory_group_members')
    .values(codes.map((code) => ({ group_id: groupId, territory_code: code, org_id: orgId })))
    .onConflict((oc) => oc.columns(['group_id', 'territory_code']).doNothing())
    .execute();
}

export async function deleteGroup(trx: Tx, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('territory_groups').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
