import type { Permission } from '../access/permissions';
import { defineWorkflow, type WorkflowTransition } from '../kernel/workflow';

/**
 * An immersion request's life, written once as data (the workflow kit): the server enforces it with
 * `requestWorkflow.check()`, the web shows the actions `available()` gives, and the database guard
 * (`app.immersion_requests_guard`, migration 0027) is tested against `moves('visitor')` and `moves('host')`.
 * A side is the organisation the actor acts for: the visitor's (the professional and their manager) or the
 * host's. The confidentiality undertaking and the observer consents are recorded beside the status.
 */
export const REQUEST_STATUSES = [
  'draft',
  'awaiting_manager',
  'awaiting_host',
  'agreed',
  'in_progress',
  'completed',
  'declined',
  'withdrawn',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_SIDES = ['visitor', 'host'] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

/** Conditions the server computes from the record; each failing one is reported by its name. */
export const REQUEST_GUARDS = [
  /** The manager who approves is not the visitor themself. */
  'manager_not_visitor',
  /** The period (or the offer) still has room for one more visitor over these dates. */
  'capacity_available',
  /**
   * The agreement's current version is signed by the visitor (which takes the confidentiality
   * undertaking), their organisation and the host (migration 0032).
   */
  'agreement_signed',
  'start_reached',
  'end_reached',
  /** The start is not past: nobody approves an immersion that should already have begun. */
  'start_not_past',
] as const;
export type RequestGuard = (typeof REQUEST_GUARDS)[number];

export type RequestTransition = WorkflowTransition<RequestStatus, RequestSide, RequestGuard>;

const request: Permission = 'immersion.request';
const manage: Permission = 'immersion.manage';

const step = (t: Omit<RequestTransition, 'tone'>): RequestTransition => ({ ...t, tone: 'primary' });
const back = (t: Omit<RequestTransition, 'tone' | 'reasonRequired'>): RequestTransition => ({
  ...t,
  tone: 'danger',
  reasonRequired: true,
});

export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  step({ action: 'submit', from: 'draft', to: 'awaiting_manager', side: 'visitor', permission: request }),
  {
    action: 'withdraw',
    from: 'draft',
    to: 'withdrawn',
    side: 'visitor',
    permission: request,
    tone: 'secondary',
  },
  step({
    action: 'approve_manager',
    from: 'awaiting_manager',
    to: 'awaiting_host',
    side: 'visitor',
    permission: manage,
    guards: ['manager_not_visitor', 'start_not_past'],
  }),
  back({
    action: 'return_to_draft',
    from: 'awaiting_manager',
    to: 'draft',
    side: 'visitor',
    permission: manage,
  }),
  back({
    action: 'decline_manager',
    from: 'awaiting_manager',
    to: 'declined',
    side: 'visitor',
    permission: manage,
  }),
  {
    action: 'withdraw',
    from: 'awaiting_manager',
    to: 'withdrawn',
    side: 'visitor',
    permission: request,
    tone: 'secondary',
  },
  step({
    action: 'approve_host',
    from: 'awaiting_host',
    to: 'agreed',
    side: 'host',
    permission: manage,
    guards: ['capacity_available', 'start_not_past'],
  }),
  back({ action: 'decline_host', from: 'awaiting_host', to: 'declined', side: 'host', permission: manage }),
  {
    action: 'withdraw',
    from: 'awaiting_host',
    to: 'withdrawn',
    side: 'visitor',
    permission: request,
    tone: 'secondary',
  },
  step({
    action: 'start',
    from: 'agreed',
    to: 'in_progress',
    side: 'visitor',
    permission: request,
    guards: ['agreement_signed', 'start_reached'],
  }),
  back({ action: 'cancel', from: 'agreed', to: 'cancelled', side: 'either', permission: manage }),
  step({
    action: 'complete',
    from: 'in_progress',
    to: 'completed',
    side: 'visitor',
    permission: request,
    guards: ['end_reached'],
  }),
  back({ action: 'cancel', from: 'in_progress', to: 'cancelled', side: 'either', permission: manage }),
];

export const requestWorkflow = defineWorkflow({
  statuses: REQUEST_STATUSES,
  sides: REQUEST_SIDES,
  guards: REQUEST_GUARDS,
  terminal: ['completed', 'declined', 'withdrawn', 'cancelled'],
  transitions: REQUEST_TRANSITIONS,
});

/**
 * Who acts next, seen from anywhere: the visitor, their manager, the host, the agreement's signers (agreed,
 * its version not yet signed by all three), or nobody (ended).
 */
export type NextActor = 'visitor' | 'manager' | 'host' | 'signers' | null;

export function nextActor(status: RequestStatus, fullySigned = true): NextActor {
  switch (status) {
    case 'agreed':
      return fullySigned ? 'visitor' : 'signers';
    case 'draft':
    case 'in_progress':
      return 'visitor';
    case 'awaiting_manager':
      return 'manager';
    case 'awaiting_host':
      return 'host';
    default:
      return null;
  }
}

/** Statuses that hold a place in the host's capacity. */
export const CAPACITY_STATUSES: readonly RequestStatus[] = ['agreed', 'in_progress', 'completed'];
