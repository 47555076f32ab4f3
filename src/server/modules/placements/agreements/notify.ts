import { localized } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import { organisationLanguage } from '../../../../common/people/referral-rules';
import { placementLink, signLink } from '../../../../common/placements/links';
import type { Config } from '../../../platform/config';
import type { Tx } from '../../../platform/db/context';
import { queueMail } from '../../../platform/mail';
import { type Audience, partyRecipients } from './recipients';
import * as store from './store';

export interface MailDeps {
  config: Config;
  /** The platform key that keeps a signing link encrypted until the mail leaves. */
  secretKey: Buffer;
}

/** Mails an agreement's event can cause, each to the organisation that must act. */
export type AgreementMail =
  | 'placements.agreements.to_sign'
  | 'placements.agreements.host_validation'
  | 'placements.agreements.validated'
  | 'placements.agreements.refused'
  | 'placements.agreements.interrupted';

/**
 * Tells an organisation (at its own address, in its region's language) that an agreement needs it: the
 * names of the two organisations and a link, never anything about the person.
 */
export async function mailOrganisation(
  trx: Tx,
  deps: { config: Pick<Config, 'publicUrl'> },
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
      link: absolute(deps.config.publicUrl, placementLink.href({ id: p.id })),
    },
    orgId: p.outboxOrgId,
  });
}

/**
 * Tells the named people of a party (issue 9, item 4), each in their own language, that an agreement
 * needs them or concerns them; the organisation's address only when none of them has an account. Runs
 * acting for that party: the mails are in its outbox.
 */
export async function mailParty(
  trx: Tx,
  deps: { config: Pick<Config, 'publicUrl'> },
  template: AgreementMail,
  p: { id: string; toOrgId: string; fromOrgId: string; audiences: readonly Audience[] },
): Promise<void> {
  const people = await partyRecipients(trx, p.id, p.toOrgId, p.audiences);
  if (people.length === 0) return mailOrganisation(trx, deps, template, { ...p, outboxOrgId: p.toOrgId });
  const to = await store.findOrganisation(trx, p.toOrgId);
  const from = await store.findOrganisation(trx, p.fromOrgId);
  for (const person of people) {
    const language = person.language ?? (to ? organisationLanguage(to.region) : 'fr');
    await queueMail(trx, {
      to: person.email,
      language,
      template,
      params: {
        organisation: to ? localized(language, to.name_fr, to.name_nl) : '',
        partner: from ? localized(language, from.name_fr, from.name_nl) : '',
        link: absolute(deps.config.publicUrl, placementLink.href({ id: p.id })),
      },
      orgId: p.toOrgId,
    });
  }
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
    /** The agreement and version signed: the invitation names who signs for the host (issue 9, item 9). */
    placement?: { id: string; version: number };
  },
): Promise<void> {
  const home = await store.findOrganisation(trx, p.homeOrgId);
  const host = await store.findOrganisation(trx, p.hostOrgId);
  // The host's signatory is a professional contact the other signers must know; 'none' until named.
  const hostSigner = p.placement
    ? await store.hostSignerName(trx, p.placement.id, p.placement.version)
    : null;
  await queueMail(trx, {
    to: p.to,
    language: p.language,
    template: 'placements.agreements.signature_request',
    params: {
      home: home ? localized(p.language, home.name_fr, home.name_nl) : '',
      host: host ? localized(p.language, host.name_fr, host.name_nl) : '',
      hostSigner: hostSigner ?? 'none',
      days: p.days,
    },
    // Only the signer reads the link: in the outbox (which admins read) it is redacted, so nobody else
    // can sign in the person's name.
    secretParams: { link: `${absolute(deps.config.publicUrl, signLink.href())}#token=${p.token}` },
    secretKey: deps.secretKey,
    orgId: p.outboxOrgId,
  });
}
