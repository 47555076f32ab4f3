/**
 * When the referent of an agreement must be reminded of something (issue 3: "Scheduled jobs remind the
 * referent when an evaluation, the end or the 6-month follow-up is due; pending signatures are reminded
 * after 2 working days"). Pure: the job, the dashboard and the caseload alerts all ask these rules, so a
 * reminder mailed and an alert shown never disagree. Dates are ISO 'YYYY-MM-DD' (see dates.ts).
 */
import { SIGNATURE_REMINDER_WORKING_DAYS, type SignatureRole } from './agreement-rules';
import type { AgreementStatus } from './agreement-workflow';
import { addDays, addMonths, daysInclusive, parseIsoDate } from './dates';

export const REMINDER_KINDS = [
  'mid_term_evaluation',
  'final_evaluation',
  'end',
  'exit_outcome',
  'six_month_outcome',
  'pending_signature',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The final evaluation and the end are announced this many days before the planned end. */
export const DAYS_BEFORE_END = 7;
/** The situation at exit is recorded within 4 weeks of the end. */
export const EXIT_OUTCOME_DAYS = 28;
/** The 6-month situation is asked from 6 months after the end; after 9 months the reminder is stale. */
export const SIX_MONTHS = 6;
export const SIX_MONTH_WINDOW_MONTHS = 9;

// ---------------------------------------------------------------------------------------- working days

/** Monday to Friday (public holidays differ on each side of the border and are not counted). */
export function isWorkingDay(iso: string): boolean {
  const d = new Date(parseIsoDate(iso)).getUTCDay();
  return d !== 0 && d !== 6;
}

/**
 * The n-th working day after `iso` (before it when n < 0); `iso` itself does not count. From a Friday,
 * 1 working day later is the Monday; from a Saturday, 1 working day later is also the Monday.
 */
export function addWorkingDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
  let day = iso;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------- facts

export type EvaluationKind = 'mid_term' | 'final';
export type OutcomeKind = 'exit' | 'six_months';

/** A signature of the agreement's current version that is still missing. */
export interface PendingSignatureFact {
  id: string;
  role: SignatureRole;
  /** The day it was asked for. */
  requestedOn: string;
  /** The day the referent was last reminded of it. */
  remindedOn: string | null;
}

export interface ReminderFacts {
  status: AgreementStatus;
  startsOn: string;
  endsOn: string;
  /** The day the agreement was closed (completed or interrupted). */
  endedOn: string | null;
  evaluations: readonly EvaluationKind[];
  outcomes: readonly OutcomeKind[];
  pendingSignatures: readonly PendingSignatureFact[];
}

export interface DueReminder {
  kind: ReminderKind;
  /** What the reminder is about, so it is sent once: the due date, or the signature and its due date. */
  subjectKey: string;
  /** The day it became due. */
  dueOn: string;
  /** For a pending signature: whose, and which. */
  role?: SignatureRole;
  signatureId?: string;
}

/** The middle day of the planned period, from which the mid-term evaluation is due. */
export function midpoint(startsOn: string, endsOn: string): string {
  return addDays(startsOn, Math.floor((daysInclusive(startsOn, endsOn) - 1) / 2));
}

/**
 * A signature is reminded when it was asked (or last reminded) more than 2 working days ago: asked on a
 * Monday, reminded on the Thursday; asked on a Friday, reminded on the Wednesday.
 */
export const signatureReminderDue = (reference: string) =>
  addWorkingDays(reference, SIGNATURE_REMINDER_WORKING_DAYS + 1);

/** A signer whose link is still live is reminded again a week after their last reminder. */
export const SIGNER_REMINDER_INTERVAL_DAYS = 7;

/**
 * Whether the holder of a live signature link is reminded today (issue 9, item 3): once the link has
 * waited 2 full working days (sent on a Monday, reminded on the Thursday, the same rhythm as the
 * referent's reminder), then every 7 days after the last reminder. Never twice the same day, and only on
 * working days (a late reminder goes out on the Monday). Whether the link still works (not signed,
 * replaced, expired, of an older version) is for the caller to know: this rule is only the rhythm.
 */
export function signerReminderDue(
  link: { requestedOn: string; remindedOn: string | null },
  today: string,
): boolean {
  if (!isWorkingDay(today)) return false;
  if (link.remindedOn !== null) return today >= addDays(link.remindedOn, SIGNER_REMINDER_INTERVAL_DAYS);
  return today >= signatureReminderDue(link.requestedOn);
}

const ENDED: readonly AgreementStatus[] = ['completed', 'interrupted'];

/** The reminders due today for one agreement, in the order a referent deals with them. */
export function dueReminders(f: ReminderFacts, today: string): DueReminder[] {
  const out: DueReminder[] = [];
  const due = (kind: ReminderKind, dueOn: string, extra: Partial<DueReminder> = {}) =>
    out.push({ kind, subjectKey: dueOn, dueOn, ...extra });

  if (f.status === 'awaiting_signatures')
    for (const s of f.pendingSignatures) {
      const dueOn = signatureReminderDue(s.remindedOn ?? s.requestedOn);
      if (today >= dueOn)
        out.push({
          kind: 'pending_signature',
          subjectKey: `${s.id}:${dueOn}`,
          dueOn,
          role: s.role,
          signatureId: s.id,
        });
    }

  if (f.status === 'active') {
    const mid = midpoint(f.startsOn, f.endsOn);
    if (today >= mid && !f.evaluations.includes('mid_term')) due('mid_term_evaluation', mid);
    const beforeEnd = addDays(f.endsOn, -DAYS_BEFORE_END);
    if (today >= beforeEnd && !f.evaluations.includes('final')) due('final_evaluation', beforeEnd);
    if (today >= beforeEnd) due('end', beforeEnd);
  }

  if (ENDED.includes(f.status) && f.endedOn) {
    if (!f.outcomes.includes('exit') && today >= f.endedOn && today <= addDays(f.endedOn, EXIT_OUTCOME_DAYS))
      due('exit_outcome', f.endedOn);
    const six = addMonths(f.endedOn, SIX_MONTHS);
    if (
      !f.outcomes.includes('six_months') &&
      today >= six &&
      today < addMonths(f.endedOn, SIX_MONTH_WINDOW_MONTHS)
    )
      due('six_month_outcome', six);
  }
  return out;
}

// ---------------------------------------------------------------------------------------- alerts

/** Alerts a referent's caseload shows per person (from the person's agreements). */
export const CASELOAD_ALERTS = [
  'signature_pending',
  'evaluation_due',
  'outcome_due',
  'stays_abroad',
] as const;
export type CaseloadAlert = (typeof CASELOAD_ALERTS)[number];

/**
 * What the caseload shows for one agreement: a signature is pending as soon as the agreement awaits
 * signatures (the mailed reminder waits 2 working days); evaluations and outcomes when a reminder is due.
 */
export function agreementAlerts(f: ReminderFacts, today: string): CaseloadAlert[] {
  const kinds = new Set(dueReminders(f, today).map((r) => r.kind));
  const out: CaseloadAlert[] = [];
  if (f.status === 'awaiting_signatures' && f.pendingSignatures.length > 0) out.push('signature_pending');
  if (kinds.has('mid_term_evaluation') || kinds.has('final_evaluation')) out.push('evaluation_due');
  if (kinds.has('exit_outcome') || kinds.has('six_month_outcome')) out.push('outcome_due');
  return out;
}
