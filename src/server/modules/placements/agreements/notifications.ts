import type { NotificationHandler } from '../../../platform/module';
import { agreementEvent, agreementPayload } from './events';
import { type AgreementMail, mailParty } from './notify';
import type { Audience } from './recipients';

/**
 * Who hears of an agreement's move: the party that has to act next, or that should know (`other`: the
 * party that did not act), and in it the named people concerned (issue 9, item 4) — the host's
 * signatories and validators, the home centre's referent of the agreement, the host's tutor. The
 * organisation's own address is used only when none of them has an account. The mail names the two
 * organisations and links to the agreement, never the person.
 */
export const AGREEMENT_MAILS: Readonly<
  Record<
    string,
    { template: AgreementMail; to: 'home' | 'host' | 'other'; home: Audience[]; host: Audience[] }
  >
> = {
  send_for_signature: {
    template: 'placements.agreements.to_sign',
    to: 'host',
    home: [],
    host: ['validators'],
  },
  amend: { template: 'placements.agreements.to_sign', to: 'host', home: [], host: ['validators'] },
  approve_home: {
    template: 'placements.agreements.host_validation',
    to: 'host',
    home: [],
    host: ['validators'],
  },
  validate_host: { template: 'placements.agreements.validated', to: 'home', home: ['referent'], host: [] },
  refuse_host: { template: 'placements.agreements.refused', to: 'home', home: ['referent'], host: [] },
  interrupt: {
    template: 'placements.agreements.interrupted',
    to: 'other',
    home: ['referent'],
    host: ['tutor', 'validators'],
  },
};

const recipientSide = (to: 'home' | 'host' | 'other', acted: 'home' | 'host') =>
  to === 'other' ? (acted === 'home' ? 'host' : 'home') : to;

/**
 * One handler per mailed move, run after the move committed. The mails are written acting for the
 * party that receives them, so its staff's addresses are read, and its outbox shows them, only there.
 */
export const agreementNotifications: readonly NotificationHandler[] = Object.entries(AGREEMENT_MAILS).map(
  ([action, mail]): NotificationHandler => ({
    event: agreementEvent(action),
    // Acting for the party that receives the mails (see AGREEMENT_MAILS).
    actsFor(event) {
      const p = agreementPayload(event);
      if (!p) return null;
      return recipientSide(mail.to, p.side) === 'host' ? p.hostOrgId : p.homeOrgId;
    },
    async handle(trx, deps, event) {
      const p = agreementPayload(event);
      if (!p || !event.orgId) return;
      const toHost = recipientSide(mail.to, p.side) === 'host';
      await mailParty(trx, deps, mail.template, {
        id: p.placementId,
        toOrgId: toHost ? p.hostOrgId : p.homeOrgId,
        fromOrgId: toHost ? p.homeOrgId : p.hostOrgId,
        audiences: toHost ? mail.host : mail.home,
      });
    },
  }),
);
