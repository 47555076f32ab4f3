import { sql } from 'kysely';
import type { UnitInput, UnitMember, UnitView } from '../../../../common/network/unit-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of organisations' units; runs under RLS (members are read by their own organisation only). */

interface UnitRow {
  id: string;
  org_id: string;
  kind: string;
  name_fr: string | null;
  name_nl: string | null;
  short_name: string | null;
  email: string | null;
  phone: string | null;
  archived_at: Date | string | null;
  updated_at: Date | string;
  member_count?: number | null;
}

const toView = (r: UnitRow): UnitView => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind,
  nameFr: r.name_fr,
  nameNl: r.name_nl,
  shortName: r.short_name,
  email: r.email,
  phone: r.phone,
  archived: r.archived_at !== null,
  memberCount: r.member_count ?? null,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const COLUMNS = sql`u.id, u.org_id, u.kind, u.name_fr, u.name_nl, u.short_name, u.email, u.phone,
  u.archived_at, u.updated_at`;

/**
 * An organisation's units, by name. Members are counted only when asked (the caller's own organisation):
 * RLS would count none for another one, and a zero would be a false statement.
 */
export async function listUnits(
  trx: Tx,
  orgId: string,
  opts: { archived: boolean; counts: boolean },
): Promise<UnitView[]> {
  const r = await sql<UnitRow>`
    select ${COLUMNS},
      ${opts.counts ? sql`(select count(*)::int from org_unit_members m where m.unit_id = u.id)` : sql`null`}
        as member_count
    from org_units u
    where u.org_id = ${orgId} and ${opts.archived ? sql`u.archived_at is not null` : sql`u.archived_at is null`}
    order by app.fold(coalesce(u.name_fr, u.name_nl)), u.id`.execute(trx);
  return r.rows.map(toView);
}

export async function findUnit(
  trx: Tx,
  id: string,
  opts: { forUpdate?: boolean; counts?: boolean } = {},
): Promise<UnitView | undefined> {
  const r = await sql<UnitRow>`
    select ${COLUMNS},
      ${opts.counts ? sql`(select count(*)::int from org_unit_members m where m.unit_id = u.id)` : sql`null`}
        as member_count
    from org_units u where u.id = ${id}
    ${opts.forUpdate ? sql`for update of u` : sql``}`.execute(trx);
  return r.rows[0] ? toView(r.rows[0]) : undefined;
}

const columns = (input: UnitInput) => ({
  kind: input.kind,
  name_fr: input.nameFr?.trim() || null,
  name_nl: input.nameNl?.trim() || null,
  short_name: input.shortName?.trim() || null,
  email: input.email?.trim() || null,
  phone: input.phone?.trim() || null,
});

export async function insertUnit(trx: Tx, orgId: string, input: UnitInput): Promise<string> {
  const row = await trx
    .insertInto('org_units')
    .values({ ...columns(input), org_id: orgId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(trx: Tx, id: string, input: UnitInput): Promise<boolean> {
  const r = await trx
    .updateTable('org_units')
    .set({ ...columns(input), updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setArchived(trx: Tx, id: string, archived: boolean): Promise<boolean> {
  const r = await trx
    .updateTable('org_units')
    .set({ archived_at: archived ? sql`coalesce(archived_at, now())` : null, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Another active unit of the organisation already bears one of these names (any case). */
export async function nameTaken(
  trx: Tx,
  orgId: string,
  nameFr: string | null,
  nameNl: string | null,
  exceptId: string | null,
): Promise<'nameFr' | 'nameNl' | null> {
  const r = await sql<{ fr: boolean; nl: boolean }>`
    select bool_or(lower(name_fr) = lower(${nameFr}::text)) as fr, bool_or(lower(name_nl) = lower(${nameNl}::text)) as nl
    from org_units
    where org_id = ${orgId} and archived_at is null
      ${exceptId ? sql`and id <> ${exceptId}` : sql``}`.execute(trx);
  const row = r.rows[0];
  return row?.fr ? 'nameFr' : row?.nl ? 'nameNl' : null;
}

export async function listMembers(trx: Tx, unitId: string): Promise<UnitMember[]> {
  const r = await sql<{ user_id: string; display_name: string; role: 'lead' | 'member' }>`
    select m.user_id, u.display_name, m.role
    from org_unit_members m join users u on u.id = m.user_id
    where m.unit_id = ${unitId}
    order by m.role = 'lead' desc, app.fold(u.display_name), m.user_id`.execute(trx);
  return r.rows.map((x) => ({ userId: x.user_id, displayName: x.display_name, role: x.role }));
}

/** Replaces the unit's members (the audit trigger records each row added or removed). */
export async function replaceMembers(
  trx: Tx,
  unitId: string,
  orgId: string,
  members: ReadonlyArray<{ userId: string; role: 'lead' | 'member' }>,
): Promise<void> {
  const keep = members.map((m) => m.userId);
  await trx
    .deleteFrom('org_unit_members')
    .where('unit_id', '=', unitId)
    .$if(keep.length > 0, (q) => q.where('user_id', 'not in', keep))
    .execute();
  for (const m of members)
    await trx
      .insertInto('org_unit_members')
      .values({ unit_id: unitId, org_id: orgId, user_id: m.userId, role: m.role })
      .onConflict((oc) =>
        oc
          .columns(['unit_id', 'user_id'])
          .doUpdateSet({ role: m.role })
          .where('org_unit_members.role', '<>', m.role),
      )
      .execute();
}

/** The organisation's active, accepted members (whom a unit may contain). */
export async function activeStaff(
  trx: Tx,
  orgId: string,
): Promise<Array<{ userId: string; displayName: string }>> {
  const r = await sql<{ user_id: string; display_name: string }>`
    select m.user_id, u.display_name
    from memberships m join users u on u.id = m.user_id
    where m.org_id = ${orgId} and m.active and m.accepted_at is not null and u.status = 'active'
    order by app.fold(u.display_name), m.user_id`.execute(trx);
  return r.rows.map((x) => ({ userId: x.user_id, displayName: x.display_name }));
}

export async function organisationExists(trx: Tx, orgId: string): Promise<boolean> {
  const r = await trx.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
  return !!r;
}

/** A unit's names for display by other modules (immersion offers, accompaniment's teams). */
export async function unitNames(
  trx: Tx,
  ids: readonly string[],
): Promise<Map<string, { orgId: string; nameFr: string | null; nameNl: string | null; kind: string }>> {
  if (!ids.length) return new Map();
  const rows = await trx
    .selectFrom('org_units')
    .select(['id', 'org_id', 'name_fr', 'name_nl', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { orgId: r.org_id, nameFr: r.name_fr, nameNl: r.name_nl, kind: r.kind }]),
  );
}
