import type { NotificationHandler } from '../../../platform/module';
import { agreementEvent, agreementPayload } from './events';
import { type AgreementMail, mailOrganisation } from './notify';

/**
 * Who hears of an agreement's move: the side that has to act next, or that should know. `other` is the
 * party that did not act. The mail names the two organisations and links to the agreement, never the person.
 */
export const AGREEMENT_MAILS: Readonly<
  Record<string, { template: AgreementMail; to: 'home' | 'host' | 'other' }>
> = {
  send_for_signature: { template: 'placements.agreements.to_sign', to: 'host' },
  amend: { template: 'placements.agreements.to_sign', to: 'host' },
  approve_home: { template: 'placements.agreements.host_validation', to: 'host' },
  validate_host: { template: 'placements.agreements.validated', to: 'home' },
  refuse_host: { template: 'placements.agreements.refused', to: 'home' },
  interrupt: { template: 'placements.agreements.interrupted', to: 'other' },
};

/** One handler per mailed move, run after the move committed, acting for the organisation that moved. */
export const agreementNotifications: readonly NotificationHandler[] = Object.entries(AGREEMENT_MAILS).map(
  ([action, mail]): NotificationHandler => ({
    event: agreementEvent(action),
    async handle(trx, deps, event) {
      const p = agreementPayload(event);
      if (!p || !event.orgId) return;
      const toHost = mail.to === 'host' || (mail.to === 'other' && p.side === 'home');
      await mailOrganisation(trx, deps, mail.template, {
        id: p.placementId,
        toOrgId: toHost ? p.hostOrgId : p.homeOrgId,
        fromOrgId: toHost ? p.homeOrgId : p.hostOrgId,
        // The mail is in the outbox of the organisation that acted.
        outboxOrgId: event.orgId,
      });
    },
  }),
);
