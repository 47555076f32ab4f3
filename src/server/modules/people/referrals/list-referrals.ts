import { pageOf } from '../../../../common/kernel/schemas';
import type { ReferralPage, ReferralQuery, ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { forbidden } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { sharedPersons } from '../shared/store';
import * as store from './store';
import { auditSenderReads, loadView, toView } from './view';

/**
 * The referrals addressed to the actor's organisation (inbox) or sent by it (outbox), newest first. Either
 * way the persons on the page are one audited read, not one per row: the sender's own records here, the
 * recipient's granted views through app.shared_persons (one entry per home organisation).
 */
export async function listReferrals(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  query: ReferralQuery,
): Promise<ReferralPage> {
  requirePermission(actor, 'person.view');
  if (!actor.orgId) throw forbidden();
  const { page, pageSize } = pageOf(query);
  const { rows: listed, total } = await store.listReferrals(
    trx,
    actor.orgId,
    query.box,
    query.status,
    page,
    pageSize,
  );
  const rows = await store.withTexts(trx, masters, listed);
  const received = rows.filter(
    (r) => r.recipient_org_id === actor.orgId && (r.status === 'sent' || r.status === 'accepted'),
  );
  const shared = await sharedPersons(
    trx,
    received.map((r) => r.person_id),
    'referrals',
    { box: query.box, page },
  );
  const items: ReferralView[] = [];
  for (const row of rows) items.push(await toView(trx, actor, row, shared));
  await auditSenderReads(trx, items, { box: query.box, page });
  return { items, total, page, pageSize };
}

export async function getReferral(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
): Promise<ReferralView> {
  requirePermission(actor, 'person.view');
  return loadView(trx, actor, masters, id);
}
