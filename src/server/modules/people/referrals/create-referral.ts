import type { ReferralCreateBody, ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { type MasterKeys, sealText } from '../../../platform/keys/field-cipher';
import { findOwnPerson } from '../persons/store';
import { grantPersonAccess, shareBasis } from '../shared/share';
import { referralSent } from './notifications';
import * as store from './store';
import { loadView } from './view';

/**
 * The home centre refers one of its persons to another organisation. The share must rest on a valid
 * consent for this purpose, recipient and field groups, or on an override (separate permission, a reason,
 * an audit entry), decided by the people module's sharing door. The referral and its grant are written
 * together; the event `people.referrals.sent` tells the recipient (see notifications.ts).
 */
export async function createReferral(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  personId: string,
  body: ReferralCreateBody,
): Promise<ReferralView> {
  requirePermission(actor, 'person.manage');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const person = await findOwnPerson(trx, personId);
  if (!person) throw notFound('people.referrals.errors.person_not_found');
  if (person.status !== 'active') throw conflict('people.referrals.errors.person_archived');

  if (body.recipientOrgId === orgId)
    throw validationFailed([{ path: 'recipientOrgId', code: 'people.referrals.errors.recipient_self' }]);
  const recipient = await store.findOrganisation(trx, body.recipientOrgId);
  if (!recipient)
    throw validationFailed([{ path: 'recipientOrgId', code: 'people.referrals.errors.recipient_unknown' }]);
  if (recipient.status !== 'active')
    throw validationFailed([{ path: 'recipientOrgId', code: 'people.referrals.errors.recipient_closed' }]);

  const basis = await shareBasis(trx, actor, {
    personId: person.id,
    recipientOrgId: recipient.id,
    purpose: body.purpose,
    fields: body.fields,
    overrideReason: body.overrideReason,
  });
  const { id } = await store.insertReferral(trx, {
    org_id: orgId,
    person_id: person.id,
    recipient_org_id: recipient.id,
    purpose: body.purpose,
    fields: [...basis.share.fields],
    // Sealed with the sender's key (migration 0075); the recipient opens it through app.referral_keys().
    message: await sealText(trx, masters, 'referrals.message', body.message?.trim() || null),
    sent_by: actor.userId,
    consent_id: basis.consent?.id ?? null,
    override_reason: basis.overrideReason,
  });
  await grantPersonAccess(trx, actor, { basis, source: 'referral', sourceId: id });

  await referralSent(trx, { orgId, actorUserId: actor.userId, referralId: id, recipientOrgId: recipient.id });
  return loadView(trx, actor, masters, id);
}
