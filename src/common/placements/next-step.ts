import { PERMISSIONS, type Permission, type Role } from '../access/permissions';
import { SIGNATURE_ROLES, SIGNATURE_SIDE, type SignatureRole } from './agreement-rules';
import {
  AGREEMENT_SIDES,
  type AgreementStatus,
  agreementWorkflow,
  type Guard,
  type GuardFacts,
  type Side,
} from './agreement-workflow';

/**
 * Whose turn it is on an agreement, and to do what, derived from the workflow's expected steps (its
 * `primary` transitions) and the signatures still missing. Shown on the agreement and in every list, in
 * the reader's words: "yours", "your organisation (another role)", "the other party", "the signatory".
 */

/** A signature of the current round, as far as the next step needs it. */
export interface SignatureState {
  role: SignatureRole;
  signed: boolean;
  /** A link was sent and may still be used: the signatory, not the organisation, must act. */
  linkPending: boolean;
  /** Only where the reader may see it (the host never learns the person's name from a signature). */
  signerName?: string | null;
}

export type NextTask =
  /** A party's staff must take a step of the workflow. */
  | { kind: 'action'; action: string; side: Side; roles: Role[]; blockedBy: Guard[] }
  /** A party must ask these signatures (by link or in person). */
  | { kind: 'request_signature'; side: Side; roles: Role[]; signatures: SignatureRole[] }
  /** A signatory must use the link sent to them; `side` is the party that asked. */
  | { kind: 'sign'; side: Side; signature: SignatureRole; signerName: string | null };

export type Whose = 'yours' | 'your_organisation' | 'other_party' | 'signatory';

export interface Reader {
  side: Side;
  roles: readonly Role[];
}

/** The roles of an organisation that hold a permission (the platform administrator acts for no party). */
export const rolesWith = (...permissions: Permission[]): Role[] =>
  [...new Set(permissions.flatMap((p) => PERMISSIONS[p] as readonly Role[]))].filter(
    (r) => r !== 'platform_admin',
  );

/**
 * Who may ask a side's signatures: its agreement managers, and on the host side also whoever validates
 * for the host (the same rule as the signature request use case).
 */
export const SIGNATURE_REQUESTERS: Record<Side, Role[]> = {
  home: rolesWith('placement.manage'),
  host: rolesWith('placement.manage', 'placement.host_validate'),
};

/**
 * The tasks that move the agreement on from `status`: none once it has ended. While a step waits for every
 * signature, the missing signatures are the tasks: a link out is the signatory's turn, a signature not
 * (or no longer usably) asked is the turn of the side it belongs to. `facts`, when known, report the guards
 * still blocking a step.
 */
export function nextTasks(
  status: AgreementStatus,
  signatures: readonly SignatureState[],
  facts?: Partial<GuardFacts>,
): NextTask[] {
  if (agreementWorkflow.isTerminal(status)) return [];
  const steps = agreementWorkflow.definition.transitions.filter(
    (t) => t.from === status && t.tone === 'primary' && t.side !== 'either',
  );
  const tasks: NextTask[] = [];
  for (const t of steps) {
    const missing = SIGNATURE_ROLES.filter((r) => !signatures.some((s) => s.role === r && s.signed));
    if (t.guards.includes('all_signed') && missing.length > 0) {
      for (const side of AGREEMENT_SIDES) {
        const toAsk = missing.filter(
          (r) => SIGNATURE_SIDE[r] === side && !signatures.some((s) => s.role === r && s.linkPending),
        );
        if (toAsk.length)
          tasks.push({
            kind: 'request_signature',
            side,
            roles: SIGNATURE_REQUESTERS[side],
            signatures: toAsk,
          });
      }
      for (const r of missing) {
        const s = signatures.find((x) => x.role === r && x.linkPending);
        if (s)
          tasks.push({
            kind: 'sign',
            side: SIGNATURE_SIDE[r],
            signature: r,
            signerName: s.signerName ?? null,
          });
      }
      continue;
    }
    tasks.push({
      kind: 'action',
      action: t.action,
      side: t.side as Side,
      roles: rolesWith(t.permission),
      blockedBy: facts ? t.guards.filter((g) => facts[g] === false) : [],
    });
  }
  return tasks;
}

/** Whose turn a task is, from the reader's point of view. */
export function whose(task: NextTask, reader: Reader): Whose {
  if (task.kind === 'sign') return 'signatory';
  if (task.side !== reader.side) return 'other_party';
  return task.roles.some((r) => reader.roles.includes(r)) ? 'yours' : 'your_organisation';
}
