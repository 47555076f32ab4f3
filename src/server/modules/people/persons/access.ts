import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import type { CaseloadScope } from './store';

/** The organisation the actor acts for; persons always belong to one. */
export function homeOrg(actor: Actor): { orgId: string; country: 'FR' | 'BE' } {
  if (!actor.orgId || !actor.orgCountry) throw forbidden();
  return { orgId: actor.orgId, country: actor.orgCountry };
}

/** Referents open their own caseload; coordinators and organisation admins every caseload. */
export const caseloadScope = (actor: Actor): CaseloadScope =>
  actorCan(actor, 'person.view_all_caseloads') ? { all: true } : { all: false, userId: actor.userId };

/** Checks the permission; the organisation and the caseload decide which persons the actor reaches. */
export function personAccess(actor: Actor, permission: 'person.view' | 'person.manage') {
  requirePermission(actor, permission);
  const org = homeOrg(actor);
  return { ...org, scope: caseloadScope(actor) };
}
