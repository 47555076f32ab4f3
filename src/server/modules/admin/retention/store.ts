import { sql } from 'kysely';
import {
  type PersonRetentionFacts,
  RETENTION_DEFAULTS,
  type RetentionCounts,
} from '../../../../common/admin/retention';
import type { Tx } from '../../../platform/db/context';

/**
 * Retention's SQL (migration 0066). Every query names the organisation explicitly as well as running
 * under its context: the system scope some policies let through must never widen a retention pass.
 */

export interface StoredPolicy {
  caseFileYears: number;
  participationYears: number;
  automatic: boolean;
  isDefault: boolean;
  updatedAt: Date | null;
}

export async function policyOf(trx: Tx, orgId: string): Promise<StoredPolicy> {
  const row = await trx
    .selectFrom('retention_policies')
    .select(['case_file_years', 'participation_years', 'automatic', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { ...RETENTION_DEFAULTS, automatic: false, isDefault: true, updatedAt: null };
  return {
    caseFileYears: row.case_file_years,
    participationYears: row.participation_years,
    automatic: row.automatic,
    isDefault: false,
    updatedAt: row.updated_at,
  };
}

export async function savePolicy(
  trx: Tx,
  orgId: string,
  userId: string | null,
  p: { caseFileYears: number; participationYears: number; automatic: boolean },
): Promise<void> {
  const values = {
    case_file_years: p.caseFileYears,
    participation_years: p.participationYears,
    automatic: p.automatic,
    updated_by: userId,
  };
  await trx
    .insertInto('retention_policies')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

/** The organisations whose administrators turned the job on (system scope only: a definer function). */
export async function automaticOrgs(trx: Tx): Promise<string[]> {
  const { rows } = await sql<{ org_id: string }>`select org_id from app.retention_automatic_orgs()`.execute(
    trx,
  );
  return rows.map((r) => r.org_id);
}

const day = (col: ReturnType<typeof sql.ref>) => sql`(${col} at time zone 'Europe/Brussels')::date`;

/**
 * Every person of the organisation not anonymised yet, with the last contact its own records show, whether
 * a follow-up goes on, and the programmes of their pathways and placements (cancelled ones aside).
 */
export async function personFacts(
  trx: Tx,
  orgId: string,
): Promise<Array<Omit<PersonRetentionFacts, 'participations'> & { programmeIds: string[] }>> {
  const { rows } = await sql<{
    id: string;
    participant_code: string;
    last_contact_on: string;
    ongoing: boolean;
    restricted: boolean;
    programme_ids: string[];
  }>`
    select p.id, p.participant_code, p.restricted_at is not null as restricted,
      greatest(
        ${day(sql.ref('p.created_at'))}, ${day(sql.ref('p.updated_at'))},
        (select max(greatest(w.entry_on, w.exit_on, ${day(sql.ref('w.updated_at'))})) from pathways w
          where w.person_id = p.id and w.org_id = p.org_id),
        (select max(n.noted_on) from pathway_notes n join pathways w on w.id = n.pathway_id
          where w.person_id = p.id and n.org_id = p.org_id),
        (select max(a.done_on) from pathway_actions a join pathway_objectives o on o.id = a.objective_id
          join pathways w on w.id = o.pathway_id where w.person_id = p.id and a.org_id = p.org_id),
        (select max(m.recorded_on) from pathway_mobility m join pathways w on w.id = m.pathway_id
          where w.person_id = p.id and m.org_id = p.org_id),
        (select max(greatest(c.given_on, c.withdrawn_on)) from consents c
          where c.person_id = p.id and c.org_id = p.org_id),
        (select max(${day(sql.ref('r.updated_at'))}) from referrals r
          where r.person_id = p.id and r.org_id = p.org_id),
        (select max(greatest(case when pl.status not in ('draft', 'cancelled') then coalesce(pl.ended_on, pl.ends_on) end,
            ${day(sql.ref('pl.updated_at'))})) from placements pl
          where pl.person_id = p.id and pl.org_id = p.org_id),
        (select max(e.occurred_on) from newcomer_status_events e where e.person_id = p.id and e.org_id = p.org_id),
        (select max(o.contact_on) from outreach_contacts o where o.person_id = p.id and o.org_id = p.org_id),
        (select max(${day(sql.ref('b.starts_at'))}) from interpreter_bookings b
          where b.person_id = p.id and b.org_id = p.org_id and b.cancelled_at is null),
        (select max(${day(sql.ref('i.starts_at'))}) from accompaniment_interventions i
          where p.id = any (i.person_ids) and i.requester_org_id = p.org_id)
      )::text as last_contact_on,
      (exists (select 1 from pathways w where w.person_id = p.id and w.org_id = p.org_id and w.exit_on is null)
        or exists (select 1 from placements pl where pl.person_id = p.id and pl.org_id = p.org_id
          and pl.status in ('awaiting_signatures', 'home_review', 'host_validation', 'validated', 'active'))
      ) as ongoing,
      array(select w.programme_id from pathways w
          where w.person_id = p.id and w.org_id = p.org_id and w.programme_id is not null
        union
        select pl.programme_id from placements pl
          where pl.person_id = p.id and pl.org_id = p.org_id and pl.programme_id is not null
            and pl.status <> 'cancelled') as programme_ids
    from persons p
    where p.org_id = ${orgId} and p.anonymised_at is null
    order by p.participant_code`.execute(trx);
  return rows.map((r) => ({
    personId: r.id,
    participantCode: r.participant_code,
    lastContactOn: r.last_contact_on,
    ongoing: r.ongoing,
    restricted: r.restricted,
    programmeIds: r.programme_ids ?? [],
  }));
}

/** The last payment (or end) date of each programme, through the definer function of migration 0066. */
export async function lastPayments(trx: Tx, programmeIds: readonly string[]): Promise<Map<string, string>> {
  if (!programmeIds.length) return new Map();
  const { rows } = await sql<{ programme_id: string; last_payment_on: string }>`
    select programme_id, last_payment_on::text as last_payment_on
    from app.programme_last_payments(${[...programmeIds]}::uuid[])`.execute(trx);
  return new Map(rows.map((r) => [r.programme_id, r.last_payment_on]));
}

export async function hasRunOn(trx: Tx, orgId: string, ranOn: string): Promise<boolean> {
  const row = await trx
    .selectFrom('retention_runs')
    .select('id')
    .where('org_id', '=', orgId)
    .where('ran_on', '=', ranOn)
    .executeTakeFirst();
  return !!row;
}

export async function insertRun(
  trx: Tx,
  r: {
    orgId: string;
    ranOn: string;
    caseFileYears: number;
    participationYears: number;
    counts: RetentionCounts;
    failed: number;
    personIds: string[];
  },
): Promise<string> {
  const row = await trx
    .insertInto('retention_runs')
    .values({
      org_id: r.orgId,
      ran_on: r.ranOn,
      case_file_years: r.caseFileYears,
      participation_years: r.participationYears,
      case_file_count: r.counts.caseFile,
      participation_count: r.counts.participation,
      held_count: r.counts.held,
      restricted_count: r.counts.restricted,
      failed_count: r.failed,
      person_ids: r.personIds,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recentRuns(trx: Tx, orgId: string, limit = 30) {
  return trx
    .selectFrom('retention_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('ran_on', 'desc')
    .limit(limit)
    .execute();
}
