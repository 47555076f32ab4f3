import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { referralsLink } from '../../../../common/people/links';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import type { Tx } from '../../../platform/db/context';
import { type DomainEvent, recordEvent } from '../../../platform/events';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import * as store from './store';

/** A referral was sent: the recipient organisation is told. */
export const REFERRAL_SENT = 'people.referrals.sent';

export function referralSent(
  trx: Tx,
  e: { orgId: string; actorUserId: string; referralId: string; recipientOrgId: string },
): Promise<void> {
  return recordEvent(trx, {
    type: REFERRAL_SENT,
    orgId: e.orgId,
    actorUserId: e.actorUserId,
    payload: { referralId: e.referralId, recipientOrgId: e.recipientOrgId },
  });
}

/**
 * The recipient organisation hears of a referral at its contact address, in its region's language, with
 * a link to its referral inbox and no personal data. The mail is in the sender's outbox.
 */
async function mailRecipient(trx: Tx, publicUrl: string, event: DomainEvent): Promise<void> {
  const recipientOrgId = event.payload.recipientOrgId;
  if (!event.orgId || typeof recipientOrgId !== 'string') return;
  const recipient = await store.findOrganisation(trx, recipientOrgId);
  if (!recipient?.email) return;
  const sender = (await store.findOrganisation(trx, event.orgId)) ?? recipient;
  const language = organisationLanguage(recipient.region);
  await queueMail(trx, {
    to: recipient.email,
    language,
    template: 'people.referrals.received',
    params: {
      sender: localized(language, sender.name_fr, sender.name_nl),
      organisation: localized(language, recipient.name_fr, recipient.name_nl),
      link: absolute(publicUrl, referralsLink.href()),
    },
    orgId: event.orgId,
  });
}

export const referralNotifications: readonly NotificationHandler[] = [
  { event: REFERRAL_SENT, handle: (trx, deps, event) => mailRecipient(trx, deps.config.publicUrl, event) },
];
