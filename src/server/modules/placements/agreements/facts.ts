import {
  type AgreementFacts,
  guardFacts,
  type SignatureFact,
  type SignatureRole,
} from '../../../../common/placements/agreement-rules';
import type { AgreementStatus, GuardFacts, Side } from '../../../../common/placements/agreement-workflow';
import { DEFAULT_DURATION, type DurationRule, type Period } from '../../../../common/placements/dates';
import type { Tx } from '../../../platform/db/context';
import { today } from '../today';
import type { PlacementRow } from './access';
import * as store from './store';

/** The agreement's terms the guards read, as stored or as a pending change would leave them. */
export type GuardedRow = Pick<
  PlacementRow,
  | 'id'
  | 'status'
  | 'version'
  | 'person_id'
  | 'host_org_id'
  | 'programme_id'
  | 'starts_on'
  | 'ends_on'
  | 'tasks'
  | 'schedule'
  | 'hours_per_week'
  | 'tutor_user_id'
  | 'accident_insurance_ref'
  | 'liability_insurance_ref'
  | 'activated_at'
>;

/** The programme's duration rule (the default one without a programme) and its period (null without). */
export async function programmeTerms(
  trx: Tx,
  programmeId: string | null,
): Promise<{ rule: DurationRule; period: Period | null }> {
  return termsOf(programmeId ? await store.findProgramme(trx, programmeId) : undefined);
}

function termsOf(p: store.ProgrammeTerms | undefined): { rule: DurationRule; period: Period | null } {
  return p
    ? {
        rule: { minMonths: p.placement_min_months, maxMonths: p.placement_max_months },
        period: { start: p.starts_on, end: p.ends_on },
      }
    : { rule: DEFAULT_DURATION, period: null };
}

export interface Facts {
  facts: AgreementFacts;
  guards: GuardFacts;
}

/**
 * Reads what the transition guards need from the record: the programme's duration rule, period and
 * partners, the database's today, this version's signatures, the person's other committed agreements.
 */
export async function loadFacts(
  trx: Tx,
  row: GuardedRow,
  side: Side,
  sigs?: readonly store.SignatureRow[],
): Promise<Facts> {
  const signatures: SignatureFact[] = (sigs ?? (await store.signatures(trx, row.id))).map((s) => ({
    role: s.role as SignatureRole,
    version: s.version,
    signedAt: s.signed_at ? new Date(s.signed_at).toISOString() : null,
  }));
  const linked = row.programme_id
    ? await store.programmeAndPartner(trx, row.programme_id, row.host_org_id)
    : undefined;
  const programme = termsOf(linked?.programme);
  const facts: AgreementFacts = {
    status: row.status as AgreementStatus,
    version: row.version,
    period: { start: row.starts_on, end: row.ends_on },
    today: await today(trx),
    rule: programme.rule,
    terms: {
      tasks: row.tasks,
      schedule: row.schedule,
      hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
      tutorUserId: row.tutor_user_id,
    },
    signatures,
    otherCommitted: await store.committedPeriods(trx, side, row.person_id, row.id),
    // Without a programme there is no partnership to check (none was open on the placement's dates).
    hostInProgramme: linked ? linked.partner : true,
    programmePeriod: programme.period,
    insurance: { accident: row.accident_insurance_ref, liability: row.liability_insurance_ref },
    activated: row.activated_at !== null,
  };
  return { facts, guards: guardFacts(facts) };
}
