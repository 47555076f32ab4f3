/**
 * Retention rules (issue 16, ADR 0033): when a person's record is due for anonymisation under their
 * organisation's policy. Pure, shared by the job, the dry run and the settings page.
 *
 * - Case file: N years (default 2) after the last contact, the latest date the organisation's own records
 *   show (the person's record updated, a pathway event, a note, an action done, a placement's end, a
 *   consent, a status event, an intervention…). A follow-up still going on (a pathway without exit, a
 *   placement not ended) is a contact today: never due.
 * - Participation in a funded programme: kept until M years (default 5) after the programme's last payment
 *   (the later of its end date and the last payment date recorded in its expenditure), because the funder's
 *   auditors may check the participant's eligibility until then. It holds the case file back.
 *
 * A person is due on the later of the two dates, unless their processing is restricted (art. 18). Dates are
 * civil days, `YYYY-MM-DD`.
 */

export const RETENTION_DEFAULTS = { caseFileYears: 2, participationYears: 5 } as const;
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 30;

export interface RetentionPolicy {
  caseFileYears: number;
  participationYears: number;
}

export interface PersonRetentionFacts {
  personId: string;
  participantCode: string;
  /** The last contact the organisation's records show. */
  lastContactOn: string;
  /** A pathway without exit or a placement not ended: the follow-up goes on. */
  ongoing: boolean;
  /** The funded programmes the person took part in, each with its last payment (or end) date. */
  participations: ReadonlyArray<{ programmeId: string; lastPaymentOn: string }>;
  /** Processing restricted (GDPR art. 18, e.g. kept for a legal claim): never anonymised by retention. */
  restricted: boolean;
}

export type RetentionKind = 'case_file' | 'participation';

export type RetentionDecision =
  | { due: true; kind: RetentionKind; dueOn: string }
  | { due: false; reason: 'ongoing' }
  | { due: false; reason: 'recent' | 'held_by_participation'; dueOn: string };

/** `iso` plus `years` calendar years; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const later = (a: string, b: string) => (a >= b ? a : b);

/** Whether a person is due today, on which rule, or why not. */
export function retentionDecision(
  facts: Pick<PersonRetentionFacts, 'lastContactOn' | 'ongoing' | 'participations'>,
  policy: RetentionPolicy,
  today: string,
): RetentionDecision {
  if (facts.ongoing) return { due: false, reason: 'ongoing' };
  const caseFileDue = addYears(facts.lastContactOn, policy.caseFileYears);
  let participationDue: string | null = null;
  for (const p of facts.participations) {
    const d = addYears(p.lastPaymentOn, policy.participationYears);
    participationDue = participationDue === null ? d : later(participationDue, d);
  }
  const dueOn = participationDue === null ? caseFileDue : later(caseFileDue, participationDue);
  const kind: RetentionKind =
    participationDue !== null && participationDue > caseFileDue ? 'participation' : 'case_file';
  if (today >= dueOn) return { due: true, kind, dueOn };
  return { due: false, reason: today >= caseFileDue ? 'held_by_participation' : 'recent', dueOn };
}

export interface RetentionCounts {
  caseFile: number;
  participation: number;
  /** Case file due, kept for a funded programme's retention. */
  held: number;
  /** Due, but the person's processing is restricted: left alone. */
  restricted: number;
}

/** The persons due today and the counts per kind, in the order given. */
export function dueForRetention<F extends PersonRetentionFacts>(
  persons: readonly F[],
  policy: RetentionPolicy,
  today: string,
): { due: Array<F & { kind: RetentionKind; dueOn: string }>; counts: RetentionCounts } {
  const due: Array<F & { kind: RetentionKind; dueOn: string }> = [];
  const counts: RetentionCounts = { caseFile: 0, participation: 0, held: 0, restricted: 0 };
  for (const p of persons) {
    const d = retentionDecision(p, policy, today);
    if (d.due && p.restricted) counts.restricted++;
    else if (d.due) {
      due.push({ ...p, kind: d.kind, dueOn: d.dueOn });
      if (d.kind === 'case_file') counts.caseFile++;
      else counts.participation++;
    } else if (d.reason === 'held_by_participation') counts.held++;
  }
  return { due, counts };
}
