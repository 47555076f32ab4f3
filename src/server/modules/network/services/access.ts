import type { Actor } from '../../../platform/actor';
import { requirePermission } from '../../../platform/actor';
import { forbidden, validationFailed } from '../../../platform/errors';

/** The organisation a manager acts for: their own; platform admins may name any. */
export function managedOrg(actor: Actor, requested: string | undefined): string {
  requirePermission(actor, 'service.manage');
  if (requested && requested !== actor.orgId && !actor.platformAdmin) throw forbidden();
  const orgId = requested ?? actor.orgId;
  if (!orgId) throw validationFailed([{ path: 'orgId', code: 'validation.required' }]);
  return orgId;
}

/** A manager may change their organisation's services; platform admins any. */
export function assertOwns(actor: Actor, orgId: string): void {
  requirePermission(actor, 'service.manage');
  if (!actor.platformAdmin && orgId !== actor.orgId) throw forbidden();
}
