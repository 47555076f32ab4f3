import { type Actor, requirePermission } from '../../../platform/actor';
import { forbidden, validationFailed } from '../../../platform/errors';

/** The host organisation an offer is published for: the manager's own. */
export function hostOrg(actor: Actor): string {
  requirePermission(actor, 'offer.manage');
  if (!actor.orgId) throw validationFailed([{ path: '', code: 'placements.offers.errors.no_organisation' }]);
  return actor.orgId;
}

/** Only the host organisation (or a platform admin) changes its offers. */
export function assertHost(actor: Actor, orgId: string): void {
  requirePermission(actor, 'offer.manage');
  if (!actor.platformAdmin && orgId !== actor.orgId) throw forbidden('placements.offers.errors.not_host');
}
