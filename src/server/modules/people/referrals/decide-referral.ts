import {
  checkReferralTransition,
  type ReferralAction,
  type ReferralStatus,
  referralSide,
} from '../../../../common/people/referral-rules';
import type { ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import * as store from './store';
import { loadView } from './view';

/**
 * Moves a referral along the transition table: the recipient accepts, declines (with a reason) or closes
 * it; the sender revokes it. Ending it ends its grant (database trigger). The database guard refuses
 * the same moves again, as a second line.
 */
export async function decideReferral(
  trx: Tx,
  actor: Actor,
  id: string,
  action: ReferralAction,
  reason?: string,
): Promise<ReferralView> {
  requirePermission(actor, 'person.view');
  const row = await store.getReferral(trx, id, true);
  if (!row) throw notFound('referrals.not_found');
  const side = referralSide({ senderOrgId: row.org_id, recipientOrgId: row.recipient_org_id }, actor.orgId);
  const status = row.status as ReferralStatus;
  const check = checkReferralTransition(status, action, side, actor.roles, reason);
  if (!check.ok) {
    if (check.code === 'forbidden') throw forbidden('referrals.action_forbidden');
    if (check.code === 'reason_required')
      throw validationFailed([{ path: 'reason', code: 'referrals.decline_reason_required' }]);
    throw conflict('referrals.illegal_transition', {
      action: t(actor.language, `referrals.action.${action}`),
      status: t(actor.language, `referrals.enum.status.${status}`),
    });
  }
  const { to } = check.transition;
  await store.updateReferralStatus(trx, id, {
    status: to,
    ...(to === 'declined' ? { decline_reason: (reason ?? '').trim() } : {}),
    // The recipient's decision is recorded as theirs; a revocation shows in the audit log.
    ...(side === 'recipient' ? { decided_by: actor.userId, decided_at: new Date() } : {}),
  });
  return loadView(trx, actor, id);
}
