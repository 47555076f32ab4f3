import { localized } from '../../../../common/i18n/locales';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import type { Config } from '../../../platform/config';
import type { Tx } from '../../../platform/db/context';
import { queueMail } from '../../../platform/mail';
import * as store from './store';

export interface MailDeps {
  config: Config;
  /** The platform key that keeps a signing link encrypted until the mail leaves. */
  secretKey: Buffer;
}

/** Mails an agreement's event can cause, each to the organisation that must act. */
export type AgreementMail =
  | 'agreement_to_sign'
  | 'agreement_host_validation'
  | 'agreement_validated'
  | 'agreement_refused'
  | 'agreement_interrupted';

export const agreementLink = (config: Config, id: string) => `${config.publicUrl}/app/placements/${id}`;

/**
 * Tells an organisation (at its own address, in its region's language) that an agreement needs it: the
 * names of the two organisations and a link, never anything about the person.
 */
export async function mailOrganisation(
  trx: Tx,
  deps: MailDeps,
  template: AgreementMail,
  p: { id: string; toOrgId: string; fromOrgId: string; outboxOrgId: string },
): Promise<void> {
  const to = await store.findOrganisation(trx, p.toOrgId);
  if (!to?.email) return;
  const from = await store.findOrganisation(trx, p.fromOrgId);
  const language = organisationLanguage(to.region);
  await queueMail(trx, {
    to: to.email,
    language,
    template,
    params: {
      organisation: localized(language, to.name_fr, to.name_nl),
      partner: from ? localized(language, from.name_fr, from.name_nl) : '',
      link: agreementLink(deps.config, p.id),
    },
    orgId: p.outboxOrgId,
  });
}

/**
 * The single-use link to a signer, in their language. Neither the person nor the terms are in the mail:
 * they are read behind the link.
 */
export async function mailSignatureLink(
  trx: Tx,
  deps: MailDeps,
  p: {
    to: string;
    language: 'fr' | 'nl';
    token: string;
    days: number;
    homeOrgId: string;
    hostOrgId: string;
    outboxOrgId: string;
  },
): Promise<void> {
  const home = await store.findOrganisation(trx, p.homeOrgId);
  const host = await store.findOrganisation(trx, p.hostOrgId);
  await queueMail(trx, {
    to: p.to,
    language: p.language,
    template: 'agreement_signature_request',
    params: {
      home: home ? localized(p.language, home.name_fr, home.name_nl) : '',
      host: host ? localized(p.language, host.name_fr, host.name_nl) : '',
      days: p.days,
    },
    // Only the signer reads the link: in the outbox (which admins read) it is redacted, so nobody else
    // can sign in the person's name.
    secretParams: { link: `${deps.config.publicUrl}/sign#token=${p.token}` },
    secretKey: deps.secretKey,
    orgId: p.outboxOrgId,
  });
}
