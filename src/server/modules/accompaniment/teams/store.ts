import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/context';
import './tables';

/** SQL of the mobile teams part (migration 0055); the policies decide who sees and writes what. */

const orgCols = [
  'o.id as org_id',
  'o.name_fr as org_name_fr',
  'o.name_nl as org_name_nl',
  'o.country as org_country',
] as const;

export function listTeams(trx: Tx) {
  return trx
    .selectFrom('accompaniment_teams as t')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.name_fr',
      't.name_nl',
      't.description',
      't.languages',
      't.regions',
      't.active',
      ...orgCols,
    ])
    .orderBy('o.name_fr')
    .orderBy('t.name_fr')
    .execute();
}

export function getTeam(trx: Tx, id: string) {
  return trx
    .selectFrom('accompaniment_teams as t')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .select([
      't.id',
      't.name_fr',
      't.name_nl',
      't.description',
      't.languages',
      't.regions',
      't.active',
      ...orgCols,
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function professionCounts(trx: Tx) {
  const r = await sql<{ team_id: string; profession: string; n: number }>`
    select team_id, profession, n from app.accompaniment_team_professions()`.execute(trx);
  const m = new Map<string, Record<string, number>>();
  for (const row of r.rows) {
    const e = m.get(row.team_id) ?? {};
    e[row.profession] = Number(row.n);
    m.set(row.team_id, e);
  }
  return m;
}

export function insertTeam(
  trx: Tx,
  v: {
    org_id: string;
    name_fr: string;
    name_nl: string;
    description: string | null;
    languages: string[];
    regions: string[];
    active: boolean;
    created_by: string;
  },
) {
  return trx.insertInto('accompaniment_teams').values(v).returning('id').executeTakeFirstOrThrow();
}

export function updateTeam(
  trx: Tx,
  id: string,
  v: {
    name_fr: string;
    name_nl: string;
    description: string | null;
    languages: string[];
    regions: string[];
    active: boolean;
  },
) {
  return trx
    .updateTable('accompaniment_teams')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The members of teams (rows visible only to the teams' own organisation). */
export function members(trx: Tx, teamId: string) {
  return trx
    .selectFrom('accompaniment_team_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', 'm.display_name', 'm.profession', 'u.display_name as user_name'])
    .where('m.team_id', '=', teamId)
    .orderBy('m.profession')
    .orderBy('m.created_at')
    .execute();
}

export function orgMembers(trx: Tx, orgId: string) {
  return trx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.active', '=', true)
    .orderBy('u.display_name')
    .execute();
}

export function insertMember(
  trx: Tx,
  v: {
    team_id: string;
    org_id: string;
    user_id: string | null;
    display_name: string | null;
    profession: string;
  },
) {
  return trx.insertInto('accompaniment_team_members').values(v).returning('id').executeTakeFirstOrThrow();
}

export function deleteMember(trx: Tx, teamId: string, memberId: string) {
  return trx
    .deleteFrom('accompaniment_team_members')
    .where('team_id', '=', teamId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

// ============================================================================ requests

export function insertRequest(
  trx: Tx,
  v: {
    org_id: string;
    team_id: string;
    team_org_id: string;
    needs: string[];
    urgency: string;
    languages: string[];
    fields: string[];
    message: string | null;
    created_by: string;
  },
) {
  return trx.insertInto('accompaniment_requests').values(v).returning('id').executeTakeFirstOrThrow();
}

export function insertRequestPersons(
  trx: Tx,
  rows: Array<{ request_id: string; person_id: string; org_id: string; team_org_id: string }>,
) {
  return trx.insertInto('accompaniment_request_persons').values(rows).execute();
}

const requestCols = [
  'r.id',
  'r.org_id',
  'r.team_id',
  'r.team_org_id',
  'r.needs',
  'r.urgency',
  'r.languages',
  'r.fields',
  'r.message',
  'r.status',
  'r.decline_reason',
  'r.decided_at',
  'r.created_at',
  't.name_fr as team_name_fr',
  't.name_nl as team_name_nl',
  'ro.name_fr as req_name_fr',
  'ro.name_nl as req_name_nl',
  'ro.country as req_country',
  'to.name_fr as team_org_name_fr',
  'to.name_nl as team_org_name_nl',
  'to.country as team_org_country',
] as const;

function requestsQuery(trx: Tx) {
  return trx
    .selectFrom('accompaniment_requests as r')
    .innerJoin('accompaniment_teams as t', 't.id', 'r.team_id')
    .innerJoin('organisations as ro', 'ro.id', 'r.org_id')
    .innerJoin('organisations as to', 'to.id', 'r.team_org_id')
    .select(requestCols)
    .select((eb) =>
      eb
        .selectFrom('accompaniment_request_persons as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.request_id', '=', 'r.id')
        .as('person_count'),
    );
}

export function listRequests(trx: Tx, orgId: string, box: 'sent' | 'received') {
  return requestsQuery(trx)
    .where(box === 'sent' ? 'r.org_id' : 'r.team_org_id', '=', orgId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}

export function getRequest(trx: Tx, id: string, forUpdate = false) {
  const q = requestsQuery(trx).where('r.id', '=', id);
  return (forUpdate ? q.forUpdate('r') : q).executeTakeFirst();
}

export function requestPersonIds(trx: Tx, requestId: string) {
  return trx
    .selectFrom('accompaniment_request_persons')
    .select('person_id')
    .where('request_id', '=', requestId)
    .execute()
    .then((rows) => rows.map((r) => r.person_id));
}

export function setRequestStatus(
  trx: Tx,
  id: string,
  v: { status: string; decline_reason?: string | null; decided_by?: string; decided_at?: Date },
) {
  return trx.updateTable('accompaniment_requests').set(v).where('id', '=', id).executeTakeFirst();
}

// ============================================================================ interventions

export async function interventions(trx: Tx, requestId: string) {
  const r = await sql<{
    id: string;
    org_id: string;
    starts_at: Date;
    duration_minutes: number;
    place: string;
    place_country: string;
    kind: string;
    language: string;
    person_ids: string[];
    other_participants: number;
    member_ids: string[];
    status: string;
    outcome: string | null;
    onward_referrals: Array<{ organisation: string; reason: string }>;
    team_country: string;
    home_countries: string[];
  }>`
    select i.id, i.org_id, i.starts_at, i.duration_minutes, i.place, i.place_country, i.kind, i.language, i.person_ids,
      i.other_participants, i.member_ids, i.status, i.outcome, i.onward_referrals, o.country as team_country,
      array[ro.country] as home_countries
    from accompaniment_interventions i
      join organisations o on o.id = i.org_id
      join organisations ro on ro.id = i.requester_org_id
    where i.request_id = ${requestId}::uuid
    order by i.starts_at`.execute(trx);
  return r.rows;
}

export function getIntervention(trx: Tx, id: string) {
  return trx
    .selectFrom('accompaniment_interventions')
    .select(['id', 'request_id', 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface InterventionRow {
  starts_at: string;
  duration_minutes: number;
  place: string;
  place_country: string;
  kind: string;
  language: string;
  person_ids: string[];
  other_participants: number;
  member_ids: string[];
  status: string;
  outcome: string | null;
  onward_referrals: string;
}

export function insertIntervention(
  trx: Tx,
  v: InterventionRow & { request_id: string; org_id: string; requester_org_id: string; created_by: string },
) {
  return trx.insertInto('accompaniment_interventions').values(v).returning('id').executeTakeFirstOrThrow();
}

export function updateIntervention(trx: Tx, id: string, v: InterventionRow) {
  return trx
    .updateTable('accompaniment_interventions')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
}

// ============================================================================ clinical notes

export function clinicalNotes(trx: Tx, requestId: string) {
  return trx
    .selectFrom('accompaniment_clinical_notes as n')
    .leftJoin('users as u', 'u.id', 'n.written_by')
    .select(['n.id', 'n.person_id', 'n.body_enc', 'n.created_at', 'u.display_name as writer'])
    .where('n.request_id', '=', requestId)
    .orderBy('n.created_at', 'desc')
    .execute();
}

export function insertClinicalNote(
  trx: Tx,
  v: { request_id: string; org_id: string; person_id: string | null; body_enc: string; written_by: string },
) {
  return trx.insertInto('accompaniment_clinical_notes').values(v).returning('id').executeTakeFirstOrThrow();
}

export function organisation(trx: Tx, id: string) {
  return trx
    .selectFrom('organisations')
    .select(['id', 'name_fr', 'name_nl', 'email', 'region', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function ownPersons(trx: Tx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('persons')
    .select(['id', 'first_name', 'last_name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Who gave a consent (the person, a legal representative…), read as its home organisation. */
export async function consentGivenBy(trx: Tx, consentId: string) {
  const r = await trx
    .selectFrom('consents')
    .select('given_by')
    .where('id', '=', consentId)
    .executeTakeFirst();
  return r?.given_by ?? null;
}
