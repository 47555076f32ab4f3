import type { AgreementStatus, GuardFacts } from './agreement-workflow';
import { covers, type DurationRule, durationProblem, isIsoDate, overlapping, type Period } from './dates';

/** Who signs an agreement: the person (or their legal representative), the home referent, the host. */
export const SIGNATURE_ROLES = ['person', 'home_referent', 'host_representative'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];
/** The side whose staff may request or witness each signature. */
export const SIGNATURE_SIDE: Record<SignatureRole, 'home' | 'host'> = {
  person: 'home',
  home_referent: 'home',
  host_representative: 'host',
};
/** A signature link lasts this long; a reminder goes out after 2 working days. */
export const SIGNATURE_LINK_DAYS = 14;
export const SIGNATURE_REMINDER_WORKING_DAYS = 2;

/** Statuses in which an agreement counts against overlaps: it is committed. */
export const COMMITTED_STATUSES: readonly AgreementStatus[] = ['validated', 'active'];
/** Statuses in which the agreement takes a position of its offer. */
export const OCCUPYING_STATUSES: readonly AgreementStatus[] = [
  'awaiting_signatures',
  'home_review',
  'host_validation',
  'validated',
  'active',
];
/** Statuses in which follow-up (attendance, evaluations, incidents, mobility, stays) is recorded. */
export const FOLLOW_UP_STATUSES: readonly AgreementStatus[] = ['active', 'completed', 'interrupted'];

/**
 * Terms whose change after signature sends the agreement back to be signed: what the parties agreed on.
 * Insurance references, the pathway link and the programme are administrative and change freely.
 */
export const SUBSTANCE_FIELDS = [
  'siteName',
  'municipalityCode',
  'tasks',
  'schedule',
  'hoursPerWeek',
  'startsOn',
  'endsOn',
  'tutorUserId',
  'signatory',
  'representativeName',
  'language',
  // Issue 9, item 9: the structured terms the parties sign (the emergency contact is practical, not signed).
  'timetable',
  'aim',
  'jobCodeKind',
  'jobCode',
  'protectiveEquipment',
] as const;
export type SubstanceField = (typeof SUBSTANCE_FIELDS)[number];

/** The substance fields a change really alters (same value written again is no change). */
export function changedSubstance(
  before: Partial<Record<SubstanceField, unknown>>,
  patch: Partial<Record<SubstanceField, unknown>>,
): SubstanceField[] {
  // A timetable compares by its JSON with sorted keys (jsonb reorders them; days stay in weekday order).
  const canonical = (v: object) =>
    JSON.stringify(v, (_, x) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
        : x,
    );
  const norm = (v: unknown) =>
    v === undefined || v === ''
      ? null
      : typeof v === 'number'
        ? String(v)
        : typeof v === 'object' && v !== null
          ? canonical(v)
          : v;
  return SUBSTANCE_FIELDS.filter(
    (f) => f in patch && patch[f] !== undefined && String(norm(patch[f])) !== String(norm(before[f])),
  );
}

/** Statuses after the first signature request: a change of substance then needs new signatures. */
export const SIGNED_OR_SIGNING: readonly AgreementStatus[] = [
  'awaiting_signatures',
  'home_review',
  'host_validation',
  'validated',
];
/** Statuses in which the terms may still be edited at all. */
export const EDITABLE_STATUSES: readonly AgreementStatus[] = ['draft', ...SIGNED_OR_SIGNING];

export interface SignatureFact {
  role: SignatureRole;
  version: number;
  signedAt: string | null;
}

export interface AgreementFacts {
  status: AgreementStatus;
  version: number;
  period: Period;
  today: string;
  rule: DurationRule;
  /**
   * Everything the agreement must name before it is sent for signature. The programme is not among them:
   * when no programme is open on the placement's dates, the agreement has none (issue 9).
   */
  terms: {
    tasks: string | null;
    schedule: string | null;
    hoursPerWeek: number | null;
    tutorUserId: string | null;
  };
  signatures: readonly SignatureFact[];
  /** The same person's other committed agreements (validated or active). */
  otherCommitted: readonly Period[];
  /** The host is a partner of the agreement's programme (true when there is no programme). */
  hostInProgramme: boolean;
  /** The agreement's programme's period, or null without a programme. */
  programmePeriod: Period | null;
  insurance: { accident: string | null; liability: string | null };
  activated: boolean;
}

/** The agreement's terms a draft still lacks (reported to the user by name). */
export function missingTerms(t: AgreementFacts['terms']): Array<keyof AgreementFacts['terms']> {
  return (Object.keys(t) as Array<keyof AgreementFacts['terms']>).filter((k) => {
    const v = t[k];
    return v === null || (typeof v === 'string' && !v.trim());
  });
}

export const signedRoles = (signatures: readonly SignatureFact[], version: number) =>
  SIGNATURE_ROLES.filter((r) => signatures.some((s) => s.role === r && s.version === version && s.signedAt));

/** Evaluates every guard of the transition table against the record. */
export function guardFacts(f: AgreementFacts): GuardFacts {
  return {
    agreement_complete: missingTerms(f.terms).length === 0,
    all_signed: signedRoles(f.signatures, f.version).length === SIGNATURE_ROLES.length,
    duration_allowed: durationProblem(f.period, f.rule) === null,
    start_not_past: f.period.start >= f.today,
    no_overlap: overlapping(f.period, f.otherCommitted).length === 0,
    host_in_programme: f.hostInProgramme,
    within_programme: f.programmePeriod === null || covers(f.programmePeriod, f.period),
    insurance_recorded: Boolean(f.insurance.accident?.trim() && f.insurance.liability?.trim()),
    start_reached: f.today >= f.period.start,
    end_reached: f.today >= f.period.end,
    not_started: !f.activated,
  };
}

/** A problem of the typed dates, on the field the user must change: shared by the server and the forms. */
export interface PeriodProblem {
  path: 'startsOn' | 'endsOn' | 'programmeId';
  code: string;
  params?: Record<string, string | number>;
}

export interface PeriodContext {
  /** Today in Europe/Brussels. */
  today: string;
  /** The duration rule of the chosen programme (or the default one). */
  rule: DurationRule;
  /** The chosen programme's period, or null without a programme. */
  programme: Period | null;
  /** The person's other committed agreements, when known (the server knows them, the forms do not). */
  otherCommitted?: readonly Period[];
}

const E = 'placements.agreements.errors.';

/**
 * What is wrong with an agreement's dates, checked when the draft is made or changed, so that the user
 * learns it at once and not when the host validates: a start already past, an end before the start, a
 * duration outside the programme's rule, an overlap with a committed agreement, a programme not open on
 * those dates. The same conditions are the workflow's commitment guards.
 */
export function periodProblems(period: Period, ctx: PeriodContext): PeriodProblem[] {
  const out: PeriodProblem[] = [];
  const startOk = isIsoDate(period.start);
  const endOk = isIsoDate(period.end);
  if (!startOk) out.push({ path: 'startsOn', code: `${E}invalid_date` });
  if (!endOk) out.push({ path: 'endsOn', code: `${E}invalid_date` });
  if (startOk && period.start < ctx.today) out.push({ path: 'startsOn', code: `${E}start_past` });
  if (!startOk || !endOk) return out;
  const duration = durationProblem(period, ctx.rule);
  if (duration === 'end_before_start') {
    out.push({ path: 'endsOn', code: `${E}end_before_start` });
    return out;
  }
  if (duration) out.push({ path: 'endsOn', code: `${E}${duration}`, params: { ...ctx.rule } });
  if (overlapping(period, ctx.otherCommitted ?? []).length)
    out.push({ path: 'startsOn', code: `${E}overlap` });
  if (ctx.programme && !covers(ctx.programme, period))
    out.push({ path: 'programmeId', code: `${E}programme_period` });
  return out;
}

/**
 * Whether a programme may be chosen for a placement: open on all of its dates; before both dates are typed,
 * not yet ended. An ended programme is never offered (issue 9: SAM-E, 2010–2014, for a placement in 2026).
 */
export function programmeOpenFor(programme: Period, placement: Partial<Period>, today: string): boolean {
  const { start, end } = placement;
  if (start && end && isIsoDate(start) && isIsoDate(end) && start <= end)
    return covers(programme, { start, end });
  return programme.end >= today;
}
