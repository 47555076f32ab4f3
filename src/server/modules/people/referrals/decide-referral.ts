import {
  DECLINE_REASON_MIN,
  type ReferralAction,
  type ReferralStatus,
  referralSide,
  referralWorkflow,
} from '../../../../common/people/referral-rules';
import type { ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { fieldCipher, type MasterKeys } from '../../../platform/keys/field-cipher';
import * as store from './store';
import { loadView } from './view';

/**
 * Moves a referral along its workflow (referralWorkflow): the recipient accepts, declines (with a reason) or closes
 * it; the sender revokes it. Ending it ends its grant (database trigger). The database guard refuses
 * the same moves again, as a second line.
 */
export async function decideReferral(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  action: ReferralAction,
  reason?: string,
): Promise<ReferralView> {
  requirePermission(actor, 'person.view');
  const row = await store.getReferral(trx, id, true);
  if (!row) throw notFound('people.referrals.errors.not_found');
  const side = referralSide({ senderOrgId: row.org_id, recipientOrgId: row.recipient_org_id }, actor.orgId);
  const status = row.status as ReferralStatus;
  const given = reason?.trim();
  const check = referralWorkflow.check(
    status,
    action,
    side,
    actor.roles,
    {},
    given && given.length >= DECLINE_REASON_MIN ? given : null,
  );
  if (!check.ok) {
    // An action of the other side is forbidden; one of this side, from the wrong status, is a conflict.
    const ofThisSide = referralWorkflow.definition.transitions.some(
      (t) => t.action === action && t.side === side,
    );
    if (check.code === 'forbidden' || !ofThisSide)
      throw forbidden('people.referrals.errors.action_forbidden');
    if (check.code === 'reason_required')
      throw validationFailed([{ path: 'reason', code: 'people.referrals.errors.decline_reason_required' }]);
    throw conflict('people.referrals.errors.illegal_transition', {
      action: t(actor.language, `people.referrals.action.${action}`),
      status: t(actor.language, `people.referrals.enum.status.${status}`),
    });
  }
  const { to } = check.transition;
  await store.updateReferralStatus(trx, id, {
    status: to,
    // The recipient's reason, sealed with its key; the sender opens it through app.referral_keys() (0078).
    ...(to === 'declined'
      ? { decline_reason: (await fieldCipher(trx, masters)).seal('referrals.decline_reason', given ?? '') }
      : {}),
    // The recipient's decision is recorded as theirs; a revocation shows in the audit log.
    ...(side === 'recipient' ? { decided_by: actor.userId, decided_at: new Date() } : {}),
  });
  return loadView(trx, actor, masters, id);
}
