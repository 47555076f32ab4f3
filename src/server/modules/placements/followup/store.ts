import { type Insertable, sql } from 'kysely';
import type { AttendanceStatus } from '../../../../common/placements/followup-rules';
import type { Tx } from '../../../platform/db/context';
import type {
  PlacementIncidentsTable,
  PlacementMobilityTable,
  PlacementStaysAbroadTable,
} from '../agreement-tables';
import type { PlacementRow } from '../agreements/access';

/** SQL of a placement's follow-up. RLS decides what each side sees; the use cases decide what it may do. */

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The organisations every follow-up row carries, copied from the agreement. */
export const parties = (p: PlacementRow) => ({
  org_id: p.org_id,
  host_org_id: p.host_org_id,
  placement_id: p.id,
});

// ------------------------------------------------------------------------------------------ the person

/**
 * The person's name on each of these agreements as the current organisation may see it: the home centre
 * always, the host only while the agreement's own grant is in force with the identity group (migration
 * 0010); agreements absent from the map show the participant code. Not audited here: callers audit the read.
 */
export async function personNames(trx: Tx, placementIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!placementIds.length) return out;
  const r = await sql<{ placement_id: string; first_name: string | null; last_name: string | null }>`
    select * from app.placement_person_names(${sql.val([...placementIds])}::uuid[])`.execute(trx);
  for (const row of r.rows) {
    const name = [row.first_name, row.last_name].filter((x) => x?.trim()).join(' ');
    if (name) out.set(row.placement_id, name);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ attendance

export async function attendance(trx: Tx, placementId: string, from?: string, to?: string) {
  let q = trx
    .selectFrom('placement_attendance')
    .select(['day', 'status', 'planned_hours', 'hours', 'note', 'author_org_id'])
    .where('placement_id', '=', placementId);
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  const rows = await q.orderBy('day').execute();
  return rows.map((r) => ({
    day: r.day,
    status: r.status as AttendanceStatus,
    plannedHours: Number(r.planned_hours),
    hours: num(r.hours),
    /** Sealed with the author's key (followup/sealed.ts opens it). */
    note: r.note,
    author_org_id: r.author_org_id,
  }));
}

export interface AttendanceRowInput {
  day: string;
  status: AttendanceStatus;
  plannedHours: number;
  hours: number | null;
  note: string | null;
}

/**
 * Replaces the days recorded for one week by the ones given (same transaction as the request), their notes
 * already sealed with the writing side's key.
 */
export async function replaceWeek(
  trx: Tx,
  p: PlacementRow,
  monday: string,
  sunday: string,
  days: readonly AttendanceRowInput[],
  by: { userId: string; orgId: string },
) {
  await trx
    .deleteFrom('placement_attendance')
    .where('placement_id', '=', p.id)
    .where('day', '>=', monday)
    .where('day', '<=', sunday)
    .execute();
  if (!days.length) return;
  await trx
    .insertInto('placement_attendance')
    .values(
      days.map((d) => ({
        ...parties(p),
        day: d.day,
        status: d.status,
        planned_hours: d.plannedHours,
        hours: d.hours,
        note: d.note,
        recorded_by: by.userId,
        author_org_id: by.orgId,
      })),
    )
    .execute();
}

// ----------------------------------------------------------------------------------------- evaluations

export async function evaluations(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placement_evaluations')
    .select([
      'kind',
      'held_on',
      'scores',
      'person_present',
      'referent_present',
      'tutor_present',
      'strengths',
      'improvements',
      'next_steps',
      'updated_at',
      'author_org_id',
    ])
    .where('placement_id', '=', placementId)
    .orderBy('held_on')
    .execute();
}

export interface EvaluationValues {
  kind: string;
  held_on: string;
  scores: Record<string, number>;
  person_present: boolean;
  referent_present: boolean;
  tutor_present: boolean;
  strengths: string | null;
  improvements: string | null;
  next_steps: string | null;
}

/**
 * One evaluation per kind: a second save corrects the first, by either side; the texts come sealed with the
 * writing side's key, which becomes the evaluation's author.
 */
export async function upsertEvaluation(
  trx: Tx,
  p: PlacementRow,
  v: EvaluationValues,
  by: { userId: string; orgId: string },
) {
  const values = { ...v, scores: JSON.stringify(v.scores), recorded_by: by.userId, author_org_id: by.orgId };
  await trx
    .insertInto('placement_evaluations')
    .values({ ...parties(p), ...values })
    .onConflict((oc) =>
      oc.columns(['placement_id', 'kind']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

// ------------------------------------------------------------------------- incidents, mobility, stays

export async function incidents(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placement_incidents')
    .select(['id', 'occurred_on', 'kind', 'description', 'action_taken', 'author_org_id'])
    .where('placement_id', '=', placementId)
    .orderBy('occurred_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertIncident(trx: Tx, v: Insertable<PlacementIncidentsTable>) {
  await trx.insertInto('placement_incidents').values(v).execute();
}

export async function mobility(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placement_mobility')
    .select([
      'id',
      'travelled_on',
      'mode',
      'door_to_door_minutes',
      'cost_refunded_cents',
      'travels_alone',
      'first_autonomous_crossing',
      'note',
      'author_org_id',
    ])
    .where('placement_id', '=', placementId)
    .orderBy('travelled_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertMobility(trx: Tx, v: Insertable<PlacementMobilityTable>) {
  await trx.insertInto('placement_mobility').values(v).execute();
}

export async function stays(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placement_stays_abroad')
    .select(['id', 'starts_on', 'ends_on', 'reason'])
    .where('placement_id', '=', placementId)
    .orderBy('starts_on')
    .execute();
}

/** Every stay abroad of the person, across their placements (the home centre's rows only, by RLS). */
export async function personStays(trx: Tx, personId: string) {
  return trx
    .selectFrom('placement_stays_abroad as s')
    .innerJoin('placements as p', 'p.id', 's.placement_id')
    .select(['s.starts_on', 's.ends_on'])
    .where('p.person_id', '=', personId)
    .where('p.status', '<>', 'cancelled')
    .execute();
}

export async function insertStay(trx: Tx, v: Insertable<PlacementStaysAbroadTable>) {
  await trx.insertInto('placement_stays_abroad').values(v).execute();
}

export async function deleteStay(trx: Tx, placementId: string, stayId: string) {
  const r = await trx
    .deleteFrom('placement_stays_abroad')
    .where('id', '=', stayId)
    .where('placement_id', '=', placementId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The person's benefit, read on the home side only (RLS: persons are the home centre's). */
export async function personBenefit(trx: Tx, personId: string) {
  const r = await trx.selectFrom('persons').select('benefit').where('id', '=', personId).executeTakeFirst();
  return r?.benefit ?? null;
}

// -------------------------------------------------------------------------------------------- outcomes

export async function outcomes(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placement_outcomes')
    .select(['kind', 'observed_on', 'situation', 'contract_type', 'drop_out_reason', 'note'])
    .where('placement_id', '=', placementId)
    .execute();
}

export interface OutcomeValues {
  kind: string;
  observed_on: string;
  situation: string;
  contract_type: string | null;
  drop_out_reason: string | null;
  note: string | null;
}

export async function upsertOutcome(trx: Tx, p: PlacementRow, v: OutcomeValues, userId: string) {
  await trx
    .insertInto('placement_outcomes')
    .values({ org_id: p.org_id, placement_id: p.id, ...v, recorded_by: userId })
    .onConflict((oc) =>
      oc.columns(['placement_id', 'kind']).doUpdateSet({ ...v, recorded_by: userId, updated_at: sql`now()` }),
    )
    .execute();
}
