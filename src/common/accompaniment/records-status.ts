/**
 * The legal status history of a newcomer (issue 14): append-only dated events, from which the current
 * status and the residence permit in force are derived, and the rules that refuse an incoherent history.
 * Pure: the server derives and checks with these, the web shows the same. Dates are ISO 'YYYY-MM-DD'.
 */

export const NEWCOMER_CATEGORIES = [
  'statutory_refugee',
  'subsidiary_protection',
  'asylum_seeker',
  'unaccompanied_minor',
  'temporary_protection',
  'family_reunification',
  'other',
] as const;
export type NewcomerCategory = (typeof NEWCOMER_CATEGORIES)[number];

export const STATUS_EVENT_KINDS = [
  'asylum_requested',
  'interview',
  'decision',
  'appeal_lodged',
  'appeal_decided',
  'temporary_protection',
  'permit_issued',
  'permit_renewed',
  'family_reunification_requested',
  'family_reunification_decided',
  'nationality_acquired',
] as const;
export type StatusEventKind = (typeof STATUS_EVENT_KINDS)[number];

/** Outcomes of an asylum decision or an appeal decision. */
export const PROTECTION_OUTCOMES = ['refugee', 'subsidiary_protection', 'refused'] as const;
/** Outcomes of a family reunification decision. */
export const REUNIFICATION_OUTCOMES = ['granted', 'refused'] as const;
export const OUTCOMES = ['refugee', 'subsidiary_protection', 'refused', 'granted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PERMIT_TYPES = ['receipt', 'temporary', 'multi_year', 'resident', 'other'] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export const CURRENT_STATUSES = [
  'none',
  'asylum_seeker',
  'refugee',
  'subsidiary_protection',
  'refused',
  'appeal_pending',
  'temporary_protection',
  'citizen',
] as const;
export type CurrentStatus = (typeof CURRENT_STATUSES)[number];

/** Kinds whose event carries an outcome, and which outcomes each accepts. */
export const OUTCOMES_OF: Partial<Record<StatusEventKind, readonly Outcome[]>> = {
  decision: PROTECTION_OUTCOMES,
  appeal_decided: PROTECTION_OUTCOMES,
  family_reunification_decided: REUNIFICATION_OUTCOMES,
};
/** Kinds whose event carries a permit (type, valid from, expires on). */
export const PERMIT_KINDS: readonly StatusEventKind[] = ['permit_issued', 'permit_renewed'];

export interface StatusEvent {
  kind: StatusEventKind;
  occurredOn: string;
  outcome?: Outcome | null;
  permitType?: PermitType | null;
  validFrom?: string | null;
  expiresOn?: string | null;
}

export interface PermitInForce {
  type: PermitType | null;
  validFrom: string;
  expiresOn: string;
  /** Whether today falls within its validity (false: expired, or not valid yet). */
  inForce: boolean;
}

export interface DerivedStatus {
  status: CurrentStatus;
  /** The latest permit recorded (by start of validity), or null; none once the person is a citizen. */
  permit: PermitInForce | null;
}

/** Why a history is refused: the catalogue key is `accompaniment.records.errors.<code>`. */
export type HistoryError =
  | 'future_event'
  | 'outcome_required'
  | 'outcome_not_allowed'
  | 'permit_required'
  | 'permit_not_allowed'
  | 'expiry_before_start'
  | 'interview_without_request'
  | 'decision_without_request'
  | 'appeal_without_decision'
  | 'appeal_decision_without_appeal'
  | 'renewal_without_permit'
  | 'reunification_decision_without_request'
  | 'event_after_nationality';

/** Events in date order; on the same day, in the order they were recorded. */
export function chronological<E extends StatusEvent>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.occurredOn.localeCompare(b.e.occurredOn) || a.i - b.i)
    .map((x) => x.e);
}

/** The shape of one event on its own: an outcome where one is due, a permit's dates where one is. */
export function eventShapeError(e: StatusEvent, today: string): HistoryError | null {
  if (e.occurredOn > today) return 'future_event';
  const outcomes = OUTCOMES_OF[e.kind];
  if (outcomes) {
    if (!e.outcome || !outcomes.includes(e.outcome)) return 'outcome_required';
  } else if (e.outcome) return 'outcome_not_allowed';
  const permit = PERMIT_KINDS.includes(e.kind);
  if (permit) {
    if (!e.validFrom || !e.expiresOn || !e.permitType) return 'permit_required';
    if (e.expiresOn <= e.validFrom) return 'expiry_before_start';
  } else if (e.validFrom || e.expiresOn || e.permitType) return 'permit_not_allowed';
  return null;
}

/**
 * The first reason a history is incoherent, with the offending event's index (in the given order), or
 * null when it holds: each event well formed and not in the future; an interview or a decision after an
 * asylum request; an appeal after a decision, its decision after the appeal; a renewal after a permit; a
 * reunification decision after its request; nothing after the nationality but a later permit's end.
 */
export function historyError(
  events: readonly StatusEvent[],
  today: string,
): { code: HistoryError; index: number } | null {
  for (const [index, e] of events.entries()) {
    const code = eventShapeError(e, today);
    if (code) return { code, index };
  }
  const ordered = chronological(events.map((e, index) => ({ ...e, index })));
  const seen = new Set<StatusEventKind>();
  for (const e of ordered) {
    const fail = (code: HistoryError) => ({ code, index: e.index });
    if (seen.has('nationality_acquired')) return fail('event_after_nationality');
    switch (e.kind) {
      case 'interview':
        if (!seen.has('asylum_requested')) return fail('interview_without_request');
        break;
      case 'decision':
        if (!seen.has('asylum_requested')) return fail('decision_without_request');
        break;
      case 'appeal_lodged':
        if (!seen.has('decision')) return fail('appeal_without_decision');
        break;
      case 'appeal_decided':
        if (!seen.has('appeal_lodged')) return fail('appeal_decision_without_appeal');
        break;
      case 'permit_renewed':
        if (!seen.has('permit_issued')) return fail('renewal_without_permit');
        break;
      case 'family_reunification_decided':
        if (!seen.has('family_reunification_requested'))
          return fail('reunification_decision_without_request');
        break;
      default:
        break;
    }
    seen.add(e.kind);
  }
  return null;
}

const STATUS_OF_OUTCOME: Record<string, CurrentStatus> = {
  refugee: 'refugee',
  subsidiary_protection: 'subsidiary_protection',
  refused: 'refused',
};

/**
 * The current status and the permit in force, from a coherent history: the last status-changing event
 * decides the status (a request makes an asylum seeker, a decision or an appeal's decision its outcome,
 * a pending appeal, temporary protection, the nationality); the permit is the latest by start of validity.
 */
export function deriveStatus(events: readonly StatusEvent[], today: string): DerivedStatus {
  let status: CurrentStatus = 'none';
  let permit: StatusEvent | null = null;
  for (const e of chronological(events)) {
    switch (e.kind) {
      case 'asylum_requested':
        status = 'asylum_seeker';
        break;
      case 'decision':
      case 'appeal_decided':
        status = STATUS_OF_OUTCOME[e.outcome ?? ''] ?? status;
        break;
      case 'appeal_lodged':
        status = 'appeal_pending';
        break;
      case 'temporary_protection':
        status = 'temporary_protection';
        break;
      case 'nationality_acquired':
        status = 'citizen';
        break;
      case 'permit_issued':
      case 'permit_renewed':
        if (!permit || (e.validFrom ?? '') >= (permit.validFrom ?? '')) permit = e;
        break;
      default:
        break;
    }
  }
  if (status === 'citizen' || !permit?.validFrom || !permit.expiresOn) return { status, permit: null };
  return {
    status,
    permit: {
      type: permit.permitType ?? null,
      validFrom: permit.validFrom,
      expiresOn: permit.expiresOn,
      inForce: permit.validFrom <= today && today <= permit.expiresOn,
    },
  };
}

// ---------------------------------------------------------------------------------------- reminders

/** The referent is reminded this many days before a permit expires, each lead once. */
export const PERMIT_REMINDER_LEADS = [90, 30, 7] as const;
export type PermitReminderLead = (typeof PERMIT_REMINDER_LEADS)[number];

const DAY_MS = 86_400_000;
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The reminder due today for a permit expiring on `expiresOn`, or null: the smallest lead that the days
 * left have reached (a permit recorded 20 days before its end gets the 30-day reminder, not the 90-day
 * one as well), unless it was sent already; none once the permit has expired.
 */
export function duePermitReminder(
  expiresOn: string,
  today: string,
  sent: readonly number[],
): PermitReminderLead | null {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return null;
  let stage: PermitReminderLead | null = null;
  for (const lead of PERMIT_REMINDER_LEADS) if (left <= lead) stage = lead;
  if (stage === null || sent.some((s) => s <= stage)) return null;
  return stage;
}
