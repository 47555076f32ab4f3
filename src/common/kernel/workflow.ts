import { can, type Permission, type Role } from '../access/permissions';

/**
 * A workflow written once as data: statuses, the sides that act (home/host, sender/recipient…), guards
 * (conditions computed from the record) and transitions. The server enforces it with `check()`, the web
 * shows the actions `available()` gives — with the guards that still block them — and the database
 * triggers that stop the other party are tested against `moves()`.
 */
export type Tone = 'primary' | 'secondary' | 'danger';

export interface WorkflowTransition<S extends string, Side extends string, G extends string> {
  action: string;
  from: S;
  to: S;
  /** Who may take it: one side, or either. */
  side: Side | 'either';
  permission: Permission;
  guards?: readonly G[];
  /** The actor must say why (a refusal, a cancellation…). */
  reasonRequired?: boolean;
  /** How the web shows it: the expected next step, another option, or a step back or out. */
  tone?: Tone;
}

export interface WorkflowDefinition<S extends string, Side extends string, G extends string, T> {
  statuses: readonly S[];
  sides: readonly Side[];
  guards: readonly G[];
  terminal: readonly S[];
  transitions: readonly T[];
}

/** An action as the actor sees it: what it does, and what still blocks it. */
export interface AvailableAction<S extends string, G extends string, T> {
  action: string;
  to: S;
  tone: Tone;
  reasonRequired: boolean;
  /** Guards that do not hold now; empty when the action can be taken. */
  blockedBy: G[];
  transition: T;
}

export type WorkflowCheck<G extends string, T> =
  | { ok: true; transition: T }
  | { ok: false; code: 'unknown_action' | 'forbidden' | 'reason_required' }
  | { ok: false; code: 'guards_failed'; failed: G[] };

export interface Workflow<S extends string, Side extends string, G extends string, T> {
  readonly definition: WorkflowDefinition<S, Side, G, T>;
  isTerminal(status: S): boolean;
  find(status: S, action: string): T | undefined;
  /** Transitions this actor may attempt from a status (side and permission), guards reported, not filtered. */
  available(
    status: S,
    side: Side | null,
    roles: readonly Role[],
    facts?: Partial<Record<G, boolean>>,
  ): AvailableAction<S, G, T>[];
  /** Whether an action may happen now: known from this status, allowed to this actor, reason given, guards hold. */
  check(
    status: S,
    action: string,
    side: Side | null,
    roles: readonly Role[],
    facts?: Partial<Record<G, boolean>>,
    reason?: string | null,
  ): WorkflowCheck<G, T>;
  /** Every (from, to) a side may move, whatever the permission: what the database lets that side do. */
  moves(side: Side): Array<{ from: S; to: S }>;
}

export function defineWorkflow<
  S extends string,
  Side extends string,
  G extends string,
  T extends WorkflowTransition<S, Side, G>,
>(definition: WorkflowDefinition<S, Side, G, T>): Workflow<S, Side, G, T> {
  const { transitions } = definition;
  for (const t of transitions) {
    if (!definition.statuses.includes(t.from) || !definition.statuses.includes(t.to))
      throw new Error(`workflow: ${t.action} goes from or to an unknown status`);
    for (const g of t.guards ?? [])
      if (!definition.guards.includes(g))
        throw new Error(`workflow: ${t.action} names an unknown guard ${g}`);
  }
  const onSide = (t: T, side: Side | null) => side !== null && (t.side === 'either' || t.side === side);
  const find = (status: S, action: string) =>
    transitions.find((t) => t.from === status && t.action === action);
  const blocked = (t: T, facts?: Partial<Record<G, boolean>>) =>
    facts ? (t.guards ?? []).filter((g) => facts[g] !== true) : [];
  return {
    definition,
    isTerminal: (status) => definition.terminal.includes(status),
    find,
    available(status, side, roles, facts) {
      return transitions
        .filter((t) => t.from === status && onSide(t, side) && can(roles, t.permission))
        .map((t) => ({
          action: t.action,
          to: t.to,
          tone: t.tone ?? 'secondary',
          reasonRequired: t.reasonRequired === true,
          blockedBy: blocked(t, facts),
          transition: t,
        }));
    },
    check(status, action, side, roles, facts, reason) {
      const t = find(status, action);
      if (!t) return { ok: false, code: 'unknown_action' };
      if (!onSide(t, side) || !can(roles, t.permission)) return { ok: false, code: 'forbidden' };
      if (t.reasonRequired && !reason?.trim()) return { ok: false, code: 'reason_required' };
      const failed = blocked(t, facts ?? {});
      if (failed.length) return { ok: false, code: 'guards_failed', failed };
      return { ok: true, transition: t };
    },
    moves(side) {
      const seen = new Set<string>();
      const out: Array<{ from: S; to: S }> = [];
      for (const t of transitions)
        if (t.side === 'either' || t.side === side) {
          const key = `${t.from}>${t.to}`;
          if (!seen.has(key)) {
            seen.add(key);
            out.push({ from: t.from, to: t.to });
          }
        }
      return out;
    },
  };
}
