import { dashboardLink } from '../../../../common/dashboard/links';
import { isLanguage, localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import { MEMBER_INVITED } from './invitation';
import * as store from './store';

/**
 * Asks the holder of an existing account to accept an organisation's invitation. No link to follow: they
 * sign in as usual and answer on their home page, so a forged mail cannot make anyone join anything.
 * Runs for the inviting organisation, as the inviting admin.
 */
export const memberInvitedNotification: NotificationHandler = {
  event: MEMBER_INVITED,
  async handle(trx, deps, event) {
    const userId = event.payload.userId;
    if (!event.orgId || typeof userId !== 'string') return;
    const invitation = await store.pendingInvitation(trx, event.orgId, userId);
    // Withdrawn or already answered before this ran: there is nothing left to ask.
    if (!invitation?.email) return;
    const org = await store.getOrganisation(trx, event.orgId);
    if (!org) return;
    const language = isLanguage(invitation.language) ? invitation.language : 'fr';
    await queueMail(trx, {
      to: invitation.email,
      language,
      template: 'admin.members.invitation_existing',
      params: {
        inviter: invitation.inviterName ?? '',
        organisation: localized(language, org.name_fr, org.name_nl),
        url: absolute(deps.config.publicUrl, dashboardLink.href()),
      },
      orgId: org.id,
    });
  },
};
