import { can, type Permission, type Role } from '../access/permissions';

/**
 * The placement agreement's life, written once as data: the server enforces it, the web shows only the
 * actions it allows. A side is the organisation the actor acts for: the person's home centre or the host.
 */
export const AGREEMENT_STATUSES = [
  'draft',
  'awaiting_signatures',
  'home_review',
  'host_validation',
  'validated',
  'active',
  'completed',
  'interrupted',
  'cancelled',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export type Side = 'home' | 'host';

/** Conditions checked by the server from the record; each failing one is reported by its name. */
export const GUARDS = [
  'agreement_complete',
  'all_signed',
  'duration_allowed',
  'start_not_past',
  'no_overlap',
  'host_in_programme',
  'insurance_recorded',
  'start_reached',
  'end_reached',
  'not_started',
] as const;
export type Guard = (typeof GUARDS)[number];

export interface Transition {
  action: string;
  from: AgreementStatus;
  to: AgreementStatus;
  side: Side | 'either';
  permission: Permission;
  guards: readonly Guard[];
  /** The actor must say why (a refusal, an interruption, a cancellation). */
  reasonRequired?: boolean;
  /** Collected signatures are cleared: the agreement goes back to be signed again. */
  clearsSignatures?: boolean;
}

const PRE_START: AgreementStatus[] = [
  'draft',
  'awaiting_signatures',
  'home_review',
  'host_validation',
  'validated',
];
const SIGNED: AgreementStatus[] = ['home_review', 'host_validation', 'validated'];

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'send_for_signature',
    from: 'draft',
    to: 'awaiting_signatures',
    side: 'home',
    permission: 'placement.manage',
    guards: ['agreement_complete', 'duration_allowed', 'no_overlap', 'host_in_programme'],
  },
  {
    action: 'submit_for_review',
    from: 'awaiting_signatures',
    to: 'home_review',
    side: 'home',
    permission: 'placement.manage',
    guards: ['all_signed'],
  },
  {
    action: 'approve_home',
    from: 'home_review',
    to: 'host_validation',
    side: 'home',
    permission: 'placement.home_review',
    guards: ['all_signed', 'duration_allowed', 'no_overlap'],
  },
  {
    action: 'return_to_draft',
    from: 'home_review',
    to: 'draft',
    side: 'home',
    permission: 'placement.home_review',
    guards: [],
    reasonRequired: true,
    clearsSignatures: true,
  },
  {
    action: 'validate_host',
    from: 'host_validation',
    to: 'validated',
    side: 'host',
    permission: 'placement.host_validate',
    guards: ['all_signed', 'duration_allowed', 'start_not_past', 'no_overlap', 'host_in_programme'],
  },
  {
    action: 'refuse_host',
    from: 'host_validation',
    to: 'draft',
    side: 'host',
    permission: 'placement.host_validate',
    guards: [],
    reasonRequired: true,
    clearsSignatures: true,
  },
  {
    action: 'activate',
    from: 'validated',
    to: 'active',
    side: 'home',
    permission: 'placement.manage',
    guards: ['insurance_recorded', 'start_reached', 'no_overlap'],
  },
  {
    action: 'complete',
    from: 'active',
    to: 'completed',
    side: 'home',
    permission: 'placement.manage',
    guards: ['end_reached'],
  },
  {
    action: 'interrupt',
    from: 'active',
    to: 'interrupted',
    side: 'either',
    permission: 'placement.manage',
    guards: [],
    reasonRequired: true,
  },
  ...PRE_START.map(
    (from): Transition => ({
      action: 'cancel',
      from,
      to: 'cancelled',
      side: 'home',
      permission: 'placement.manage',
      guards: ['not_started'],
      reasonRequired: true,
    }),
  ),
  // A change of substance after signature (dates, schedule, tasks, host, tutor) needs new signatures.
  ...[...SIGNED, 'awaiting_signatures' as const].map(
    (from): Transition => ({
      action: 'amend',
      from,
      to: 'awaiting_signatures',
      side: 'home',
      permission: 'placement.manage',
      guards: ['agreement_complete', 'duration_allowed', 'no_overlap'],
      clearsSignatures: true,
    }),
  ),
];

export const TERMINAL: readonly AgreementStatus[] = ['completed', 'interrupted', 'cancelled'];

/** The transitions this actor may attempt from a status (guards are checked separately, with the record). */
export function availableTransitions(
  status: AgreementStatus,
  side: Side,
  roles: readonly Role[],
): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.from === status && (t.side === 'either' || t.side === side) && can(roles, t.permission),
  );
}

export function findTransition(status: AgreementStatus, action: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === status && t.action === action);
}

export type GuardFacts = Record<Guard, boolean>;

export type TransitionCheck =
  | { ok: true; transition: Transition }
  | { ok: false; code: 'unknown_action' | 'forbidden' | 'reason_required' }
  | { ok: false; code: 'guards_failed'; failed: Guard[] };

/** Decides whether an action may happen now: known from this status, allowed to this actor, guards hold. */
export function checkTransition(
  status: AgreementStatus,
  action: string,
  side: Side,
  roles: readonly Role[],
  facts: GuardFacts,
  reason?: string | null,
): TransitionCheck {
  const transition = findTransition(status, action);
  if (!transition) return { ok: false, code: 'unknown_action' };
  if (!(transition.side === 'either' || transition.side === side) || !can(roles, transition.permission))
    return { ok: false, code: 'forbidden' };
  if (transition.reasonRequired && !reason?.trim()) return { ok: false, code: 'reason_required' };
  const failed = transition.guards.filter((g) => !facts[g]);
  if (failed.length) return { ok: false, code: 'guards_failed', failed };
  return { ok: true, transition };
}
