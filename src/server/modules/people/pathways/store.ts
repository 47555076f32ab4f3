import { sql } from 'kysely';
import type { PathwayModule, ProgrammeRef, UserRef } from '../../../../common/people/pathway-schemas';
import type { Tx } from '../../../platform/db/context';

/** SQL of pathways themselves (objectives and actions: store-items.ts; notes and mobility: store-notes.ts). RLS limits every
 * query to the home organisation, so a row of another organisation is simply not found. */

export interface PathwayRow {
  id: string;
  orgId: string;
  personId: string;
  programmeId: string | null;
  modules: PathwayModule[];
  referentUserIds: string[];
  entryOn: string;
  exitOn: string | null;
  exitReason: string | null;
  updatedAt: Date;
}

const columns = [
  'id',
  'org_id',
  'person_id',
  'programme_id',
  'modules',
  'referent_user_ids',
  'entry_on',
  'exit_on',
  'exit_reason',
  'updated_at',
] as const;

const toRow = (r: {
  id: string;
  org_id: string;
  person_id: string;
  programme_id: string | null;
  modules: string[];
  referent_user_ids: string[];
  entry_on: string;
  exit_on: string | null;
  exit_reason: string | null;
  updated_at: Date;
}): PathwayRow => ({
  id: r.id,
  orgId: r.org_id,
  personId: r.person_id,
  programmeId: r.programme_id,
  modules: r.modules as PathwayModule[],
  referentUserIds: r.referent_user_ids,
  entryOn: r.entry_on,
  exitOn: r.exit_on,
  exitReason: r.exit_reason,
  updatedAt: r.updated_at,
});

export async function findPerson(trx: Tx, id: string) {
  const r = await trx
    .selectFrom('persons')
    .select(['id', 'org_id', 'first_name', 'last_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, orgId: r.org_id, firstName: r.first_name, lastName: r.last_name } : null;
}

/** Whether a pathway is one of this person's. */
export async function isPathwayOf(trx: Tx, pathwayId: string, personId: string): Promise<boolean> {
  const r = await trx
    .selectFrom('pathways')
    .select('id')
    .where('id', '=', pathwayId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return !!r;
}

/**
 * Whether the person is in the user's caseload: their referent, or a referent of one of their pathways
 * (the same rule as the persons module applies to referents without person.view_all_caseloads).
 */
export async function inCaseload(trx: Tx, personId: string, userId: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select exists (select 1 from persons p where p.id = ${personId}
    and (p.referent_user_id = ${userId} or exists (select 1 from pathways w where w.person_id = p.id
      and ${userId}::uuid = any (w.referent_user_ids)))) as ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

export async function findPathway(trx: Tx, id: string): Promise<PathwayRow | null> {
  const r = await trx.selectFrom('pathways').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function listPathwaysOf(trx: Tx, personId: string): Promise<PathwayRow[]> {
  const rows = await trx
    .selectFrom('pathways')
    .select(columns)
    .where('person_id', '=', personId)
    .orderBy('entry_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function hasOpenPathway(trx: Tx, personId: string, except?: string): Promise<boolean> {
  let q = trx
    .selectFrom('pathways')
    .select('id')
    .where('person_id', '=', personId)
    .where('exit_on', 'is', null);
  if (except) q = q.where('id', '<>', except);
  return !!(await q.executeTakeFirst());
}

export async function insertPathway(
  trx: Tx,
  v: {
    orgId: string;
    personId: string;
    programmeId: string | null;
    modules: string[];
    referentUserIds: string[];
    entryOn: string;
  },
): Promise<string> {
  const r = await trx
    .insertInto('pathways')
    .values({
      org_id: v.orgId,
      person_id: v.personId,
      programme_id: v.programmeId,
      modules: v.modules,
      referent_user_ids: v.referentUserIds,
      entry_on: v.entryOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePathway(
  trx: Tx,
  id: string,
  v: {
    programmeId: string | null;
    modules: string[];
    referentUserIds: string[];
    entryOn: string;
    exitOn: string | null;
    exitReason: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('pathways')
    .set({
      programme_id: v.programmeId,
      modules: v.modules,
      referent_user_ids: v.referentUserIds,
      entry_on: v.entryOn,
      exit_on: v.exitOn,
      exit_reason: v.exitReason,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Active members of the organisation who may follow a pathway (referent or coordinator role). */
export async function eligibleReferents(trx: Tx, orgId: string, ids?: readonly string[]): Promise<UserRef[]> {
  let q = trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`m.roles && array['referent', 'coordinator']::text[]`);
  if (ids) {
    if (!ids.length) return [];
    q = q.where('u.id', 'in', ids);
  }
  const rows = await q.orderBy('u.display_name').execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** Display names of users (those the organisation can still see; a departed one is left out). */
export async function userRefs(trx: Tx, ids: readonly string[]): Promise<Map<string, UserRef>> {
  if (!ids.length) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]));
}

/** The programme, if the organisation leads it or is one of its partners. */
export async function programmeOfPartner(trx: Tx, programmeId: string, orgId: string) {
  const r = await trx
    .selectFrom('programmes as p')
    .select(['p.id', 'p.acronym', 'p.name_fr', 'p.name_nl'])
    .where('p.id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb('p.org_id', '=', orgId),
        eb.exists(
          eb
            .selectFrom('programme_partners as pp')
            .select('pp.programme_id')
            .whereRef('pp.programme_id', '=', 'p.id')
            .where('pp.partner_org_id', '=', orgId),
        ),
      ]),
    )
    .executeTakeFirst();
  return r ? { id: r.id, acronym: r.acronym, nameFr: r.name_fr, nameNl: r.name_nl } : null;
}

export async function programmeRefs(trx: Tx, ids: readonly string[]): Promise<Map<string, ProgrammeRef>> {
  if (!ids.length) return new Map();
  const rows = await trx
    .selectFrom('programmes')
    .select(['id', 'acronym', 'name_fr', 'name_nl'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, acronym: r.acronym, nameFr: r.name_fr, nameNl: r.name_nl }]),
  );
}
