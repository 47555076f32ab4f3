import { type RawBuilder, sql } from 'kysely';
import type { SignatureRole } from '../../../../common/placements/agreement-rules';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import type { Period } from '../../../../common/placements/dates';
import type {
  EvaluationKind,
  OutcomeKind,
  PendingSignatureFact,
  ReminderFacts,
} from '../../../../common/placements/reminder-rules';
import type { Tx } from '../../../platform/db/context';

export interface AgreementFacts {
  id: string;
  orgId: string;
  personId: string;
  referentUserId: string;
  facts: ReminderFacts;
  /** Nights abroad recorded on the agreement (only when asked for). */
  stays: Period[];
}

interface Row {
  id: string;
  org_id: string;
  person_id: string;
  referent_user_id: string;
  status: AgreementStatus;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  evaluations: EvaluationKind[] | null;
  outcomes: OutcomeKind[] | null;
  signatures: Array<{
    id: string;
    role: SignatureRole;
    requestedOn: string;
    remindedOn: string | null;
  }> | null;
  stays: Array<{ start: string; end: string }> | null;
}

/** Statuses in which something may still be due. */
const FOLLOWED = ['awaiting_signatures', 'active', 'completed', 'interrupted'];
const local = (col: RawBuilder<unknown>) => sql`to_char(${col} at time zone 'Europe/Brussels', 'YYYY-MM-DD')`;

/**
 * What the reminder rules need about each agreement matching `where`, in one query: the evaluations and
 * outcomes recorded, and the current version's missing signatures (their request and last reminder as
 * local days). RLS applies: the job reads in system scope, users read their organisation's.
 */
export async function agreementFacts(
  trx: Tx,
  where: RawBuilder<boolean>,
  opts: { stays?: boolean } = {},
): Promise<AgreementFacts[]> {
  const stays = opts.stays
    ? sql`(select json_agg(json_build_object('start', st.starts_on, 'end', st.ends_on))
        from placement_stays_abroad st where st.placement_id = p.id)`
    : sql`null::json`;
  const r = await sql<Row>`select p.id, p.org_id, p.person_id, p.referent_user_id, p.status,
      p.starts_on, p.ends_on, p.ended_on,
      (select array_agg(e.kind order by e.kind) from placement_evaluations e where e.placement_id = p.id)
        as evaluations,
      (select array_agg(o.kind order by o.kind) from placement_outcomes o where o.placement_id = p.id)
        as outcomes,
      (select json_agg(json_build_object('id', s.id, 'role', s.role,
          'requestedOn', ${local(sql`s.requested_at`)}, 'remindedOn', ${local(sql`s.reminded_at`)})
          order by s.requested_at)
        from placement_signatures s
        where s.placement_id = p.id and s.version = p.version and s.signed_at is null) as signatures,
      ${stays} as stays
    from placements p
    where p.status in (${sql.join(FOLLOWED)}) and ${where}
    order by p.org_id, p.id`.execute(trx);
  return r.rows.map((x) => ({
    id: x.id,
    orgId: x.org_id,
    personId: x.person_id,
    referentUserId: x.referent_user_id,
    facts: {
      status: x.status,
      startsOn: x.starts_on,
      endsOn: x.ends_on,
      endedOn: x.ended_on,
      evaluations: x.evaluations ?? [],
      outcomes: x.outcomes ?? [],
      pendingSignatures: (x.signatures ?? []).map(
        (s): PendingSignatureFact => ({
          id: s.id,
          role: s.role,
          requestedOn: s.requestedOn,
          remindedOn: s.remindedOn,
        }),
      ),
    },
    stays: (x.stays ?? []).map((s) => ({ start: s.start, end: s.end })),
  }));
}

/** Records a reminder as sent; false when it was already (the unique key makes the job idempotent). */
export async function recordReminder(
  trx: Tx,
  r: { orgId: string; placementId: string; kind: string; subjectKey: string },
): Promise<boolean> {
  const row = await trx
    .insertInto('placement_reminders')
    .values({ org_id: r.orgId, placement_id: r.placementId, kind: r.kind, subject_key: r.subjectKey })
    .onConflict((oc) => oc.columns(['placement_id', 'kind', 'subject_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markSignatureReminded(trx: Tx, signatureId: string): Promise<void> {
  await trx
    .updateTable('placement_signatures')
    .set({ reminded_at: new Date(), updated_at: new Date() })
    .where('id', '=', signatureId)
    .where('signed_at', 'is', null)
    .execute();
}

/** The referent to mail and the participant code the mail names (read as the home organisation). */
export async function reminderRecipient(trx: Tx, placementId: string) {
  return trx
    .selectFrom('placements as p')
    .innerJoin('persons as pe', 'pe.id', 'p.person_id')
    .innerJoin('users as u', 'u.id', 'p.referent_user_id')
    .select(['u.email', 'u.locale', 'u.status as user_status', 'pe.participant_code'])
    .where('p.id', '=', placementId)
    .executeTakeFirst();
}
