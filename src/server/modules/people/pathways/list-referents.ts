import type { ReferentOptions } from '../../../../common/people/pathway-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import { eligibleReferents } from './store';

/** Who may be named referent of a pathway in the actor's organisation. */
export async function listReferents(trx: Tx, actor: Actor): Promise<ReferentOptions> {
  requirePermission(actor, 'person.view');
  if (!actor.orgId) throw forbidden();
  return { items: await eligibleReferents(trx, actor.orgId) };
}
