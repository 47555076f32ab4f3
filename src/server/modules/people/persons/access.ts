import { isUuid } from '../../../../common/people/rules';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { forbidden, notFound } from '../../../platform/errors';
import type { CaseloadScope } from './store';

/** The organisation the actor acts for; persons always belong to one. */
export function homeOrg(actor: Actor): { orgId: string; country: 'FR' | 'BE' } {
  if (!actor.orgId || !actor.orgCountry) throw forbidden();
  return { orgId: actor.orgId, country: actor.orgCountry };
}

/** Referents open their own caseload; coordinators and organisation admins every caseload. */
export const caseloadScope = (actor: Actor): CaseloadScope =>
  actorCan(actor, 'person.view_all_caseloads') ? { all: true } : { all: false, userId: actor.userId };

/** Checks the permission and the id's shape: a malformed id is a person that does not exist (404). */
export function personAccess(actor: Actor, id: string, permission: 'person.view' | 'person.manage') {
  requirePermission(actor, permission);
  const org = homeOrg(actor);
  if (!isUuid(id)) throw notFound('people.not_found');
  return { ...org, scope: caseloadScope(actor) };
}
