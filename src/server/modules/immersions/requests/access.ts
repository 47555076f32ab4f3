import type { RequestSide } from '../../../../common/immersions/request-workflow';
import { type Actor, actorCan } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as store from './store';

/**
 * What every use case of immersion requests asks first: which side the caller is on, whether they act
 * for the visitor, and the request as RLS lets them see it (another organisation's is a 404).
 */

export const E = (code: string) => `immersions.requests.errors.${code}`;
export const field = (path: string, code: string) => validationFailed([{ path, code: E(code) }]);

export const sideOf = (actor: Actor, r: { org_id: string; host_org_id: string }): RequestSide | null =>
  r.org_id === actor.orgId ? 'visitor' : r.host_org_id === actor.orgId ? 'host' : null;

/** The professional themself, who asked for it, or a manager of the visitor's organisation. */
export const actsForVisitor = (actor: Actor, r: store.RequestRow) =>
  r.org_id === actor.orgId &&
  (actor.userId === r.visitor_user_id ||
    actor.userId === r.requested_by ||
    actorCan(actor, 'immersion.manage'));

export const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function requireOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden();
  return actor.orgId;
}

export async function visible(trx: Tx, id: string) {
  const r = await store.findRequest(trx, id);
  if (!r) throw notFound();
  return r;
}

export async function visitorName(trx: Tx, id: string) {
  return (await store.people(trx, id)).get('visitor') ?? '';
}
