import type { Permission } from '../access/permissions';
import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';

/**
 * The placement agreement's life, written once as data (the workflow kit, `kernel/workflow.ts`): the server
 * enforces it with `agreementWorkflow.check()`, the web shows the actions `available()` gives with their
 * tone, and the database guard that limits the host (`app.placements_guard`) is tested against
 * `moves('host')`. A side is the organisation the actor acts for: the person's home centre or the host.
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

export const AGREEMENT_SIDES = ['home', 'host'] as const;
export type Side = (typeof AGREEMENT_SIDES)[number];

/** Conditions checked by the server from the record; each failing one is reported by its name. */
export const GUARDS = [
  'agreement_complete',
  'all_signed',
  'duration_allowed',
  'start_not_past',
  'no_overlap',
  'host_in_programme',
  'within_programme',
  'insurance_recorded',
  'start_reached',
  'end_reached',
  'not_started',
] as const;
export type Guard = (typeof GUARDS)[number];
export type GuardFacts = Record<Guard, boolean>;

/**
 * What must hold at every step that commits the parties (sending, each signature, submitting, home review,
 * host validation, an amendment): when one fails, the agreement could never be validated as it stands, so
 * nobody is asked to sign or approve it (issue 9: signatures were collected, then validation refused).
 */
export const COMMITMENT_GUARDS = [
  'start_not_past',
  'duration_allowed',
  'no_overlap',
  'host_in_programme',
  'within_programme',
] as const satisfies readonly Guard[];

/** The commitment guards that fail now: a signature (by link or in person) is refused while any does. */
export const signingBlockers = (facts: Partial<GuardFacts>): Guard[] =>
  COMMITMENT_GUARDS.filter((g) => facts[g] !== true);

export interface Transition extends WorkflowTransition<AgreementStatus, Side, Guard> {
  guards: readonly Guard[];
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

/** The expected next step of each party. */
const step = (t: Omit<Transition, 'tone'>): Transition => ({ ...t, tone: 'primary' });
/** A step back or out: a refusal, a return, an interruption, a cancellation. */
const back = (t: Omit<Transition, 'tone' | 'reasonRequired'>): Transition => ({
  ...t,
  tone: 'danger',
  reasonRequired: true,
});
const manage: Permission = 'placement.manage';

export const TRANSITIONS: readonly Transition[] = [
  step({
    action: 'send_for_signature',
    from: 'draft',
    to: 'awaiting_signatures',
    side: 'home',
    permission: manage,
    // Insurance is named before anyone signs, not discovered at the start.
    guards: ['agreement_complete', 'insurance_recorded', ...COMMITMENT_GUARDS],
  }),
  step({
    action: 'submit_for_review',
    from: 'awaiting_signatures',
    to: 'home_review',
    side: 'home',
    permission: manage,
    guards: ['all_signed', ...COMMITMENT_GUARDS],
  }),
  step({
    action: 'approve_home',
    from: 'home_review',
    to: 'host_validation',
    side: 'home',
    permission: 'placement.home_review',
    guards: ['all_signed', ...COMMITMENT_GUARDS],
  }),
  back({
    action: 'return_to_draft',
    from: 'home_review',
    to: 'draft',
    side: 'home',
    permission: 'placement.home_review',
    guards: [],
    clearsSignatures: true,
  }),
  step({
    action: 'validate_host',
    from: 'host_validation',
    to: 'validated',
    side: 'host',
    permission: 'placement.host_validate',
    guards: ['all_signed', ...COMMITMENT_GUARDS],
  }),
  back({
    action: 'refuse_host',
    from: 'host_validation',
    to: 'draft',
    side: 'host',
    permission: 'placement.host_validate',
    guards: [],
    clearsSignatures: true,
  }),
  step({
    action: 'activate',
    from: 'validated',
    to: 'active',
    side: 'home',
    permission: manage,
    guards: ['insurance_recorded', 'start_reached', 'no_overlap'],
  }),
  step({
    action: 'complete',
    from: 'active',
    to: 'completed',
    side: 'home',
    permission: manage,
    guards: ['end_reached'],
  }),
  back({
    action: 'interrupt',
    from: 'active',
    to: 'interrupted',
    side: 'either',
    permission: manage,
    guards: [],
  }),
  ...PRE_START.map((from) =>
    back({
      action: 'cancel',
      from,
      to: 'cancelled',
      side: 'home',
      permission: manage,
      guards: ['not_started'],
    }),
  ),
  // A change of substance after signature (dates, schedule, tasks, host, tutor) needs new signatures. It
  // happens by editing the terms, not as a button of its own.
  ...[...SIGNED, 'awaiting_signatures' as const].map(
    (from): Transition => ({
      action: 'amend',
      from,
      to: 'awaiting_signatures',
      side: 'home',
      permission: manage,
      guards: ['agreement_complete', 'insurance_recorded', ...COMMITMENT_GUARDS],
      clearsSignatures: true,
      tone: 'secondary',
    }),
  ),
];

export const TERMINAL: readonly AgreementStatus[] = ['completed', 'interrupted', 'cancelled'];

export const agreementWorkflow = defineWorkflow({
  statuses: AGREEMENT_STATUSES,
  sides: AGREEMENT_SIDES,
  guards: GUARDS,
  terminal: TERMINAL,
  transitions: TRANSITIONS,
});

/** The actions of the table, each once. */
export const AGREEMENT_ACTIONS: readonly string[] = [...new Set(TRANSITIONS.map((t) => t.action))];
