import { type Actor, requirePermission } from '../../../platform/actor';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is answered like one that does not: 404, never a database error. */
export function assertId(id: string): void {
  if (!UUID.test(id)) throw notFound();
}

/** The host organisation an offer is published for: the manager's own. */
export function hostOrg(actor: Actor): string {
  requirePermission(actor, 'offer.manage');
  if (!actor.orgId) throw validationFailed([{ path: '', code: 'placements.validation.no_organisation' }]);
  return actor.orgId;
}

/** Only the host organisation (or a platform admin) changes its offers. */
export function assertHost(actor: Actor, orgId: string): void {
  requirePermission(actor, 'offer.manage');
  if (!actor.platformAdmin && orgId !== actor.orgId) throw forbidden('placements.errors.not_host');
}
