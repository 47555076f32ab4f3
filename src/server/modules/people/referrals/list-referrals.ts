import type { ReferralPage, ReferralQuery, ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import * as store from './store';
import { loadView, toView } from './view';

export const DEFAULT_PAGE_SIZE = 25;

/** The referrals addressed to the actor's organisation (inbox) or sent by it (outbox), newest first. */
export async function listReferrals(trx: Tx, actor: Actor, query: ReferralQuery): Promise<ReferralPage> {
  requirePermission(actor, 'person.view');
  if (!actor.orgId) throw forbidden();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const { rows, total } = await store.listReferrals(
    trx,
    actor.orgId,
    query.box,
    query.status,
    page,
    pageSize,
  );
  const items: ReferralView[] = [];
  for (const row of rows) items.push(await toView(trx, actor, row));
  return { items, total, page, pageSize };
}

export async function getReferral(trx: Tx, actor: Actor, id: string): Promise<ReferralView> {
  requirePermission(actor, 'person.view');
  return loadView(trx, actor, id);
}
