import { teamRequestLink } from '../../../../common/accompaniment/teams-links';
import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import type { Tx } from '../../../platform/db/context';
import { type DomainEvent, recordEvent } from '../../../platform/events';
import { t } from '../../../platform/i18n';
import { queueMail } from '../../../platform/mail';
import type { NotificationHandler } from '../../../platform/module';
import * as store from './store';

/** A request was sent to a team: the team's organisation is told. */
export const REQUEST_SENT = 'accompaniment.requests.sent';
/** The team's organisation decided (accepted, declined, closed): the requesting organisation is told. */
export const REQUEST_DECIDED = 'accompaniment.teams.request_decided';

export function requestEvent(
  trx: Tx,
  type: typeof REQUEST_SENT | typeof REQUEST_DECIDED,
  e: { orgId: string; actorUserId: string; requestId: string; recipientOrgId: string; status: string },
): Promise<void> {
  return recordEvent(trx, {
    type,
    orgId: e.orgId,
    actorUserId: e.actorUserId,
    payload: { requestId: e.requestId, recipientOrgId: e.recipientOrgId, status: e.status },
  });
}

/**
 * The other side hears of a request at its contact address, in its region's language, with a link to
 * the request and no personal data (no name, no need). The mail is in the sender's outbox.
 */
async function mailOtherSide(trx: Tx, publicUrl: string, event: DomainEvent, template: string) {
  const { recipientOrgId, requestId, status } = event.payload;
  if (!event.orgId || typeof recipientOrgId !== 'string' || typeof requestId !== 'string') return;
  const recipient = await store.organisation(trx, recipientOrgId);
  if (!recipient?.email) return;
  const sender = (await store.organisation(trx, event.orgId)) ?? recipient;
  const language = organisationLanguage(recipient.region);
  await queueMail(trx, {
    to: recipient.email,
    language,
    template,
    params: {
      sender: localized(language, sender.name_fr, sender.name_nl),
      organisation: localized(language, recipient.name_fr, recipient.name_nl),
      status: typeof status === 'string' ? t(language, `accompaniment.teams.requests.status.${status}`) : '',
      link: absolute(publicUrl, teamRequestLink.href({ id: requestId })),
    },
    orgId: event.orgId,
  });
}

export const teamNotifications: readonly NotificationHandler[] = [
  {
    event: REQUEST_SENT,
    handle: (trx, deps, event) =>
      mailOtherSide(trx, deps.config.publicUrl, event, 'accompaniment.teams.request_received'),
  },
  {
    event: REQUEST_DECIDED,
    handle: (trx, deps, event) =>
      mailOtherSide(trx, deps.config.publicUrl, event, 'accompaniment.teams.request_decided'),
  },
];
