import { sql } from 'kysely';
import { localized } from '../../../../common/i18n/locales';
import { findValidConsent } from '../../../../common/people/consent';
import {
  explainMissingConsent,
  OVERRIDE_REASON_MIN,
  organisationLanguage,
} from '../../../../common/people/referral-rules';
import type { ReferralCreateBody, ReferralView } from '../../../../common/people/referral-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { audit } from '../../../platform/audit';
import type { Config } from '../../../platform/config';
import type { Tx } from '../../../platform/db/context';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import { queueMail } from '../../../platform/mail';
import * as store from './store';
import { loadView } from './view';

/**
 * The home centre refers one of its persons to another organisation. The share must rest on a valid
 * consent for this purpose, recipient and field groups, or on an override (separate permission, a reason,
 * an audit entry). The referral and its grant are written together; the recipient is told by e-mail
 * without any personal data, only a link.
 */
export async function createReferral(
  trx: Tx,
  deps: { config: Config },
  actor: Actor,
  personId: string,
  body: ReferralCreateBody,
): Promise<ReferralView> {
  requirePermission(actor, 'person.manage');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const person = await store.findOwnPerson(trx, personId);
  if (!person) throw notFound('referrals.person_not_found');
  if (person.status !== 'active') throw conflict('referrals.person_archived');

  if (body.recipientOrgId === orgId)
    throw validationFailed([{ path: 'recipientOrgId', code: 'referrals.recipient_self' }]);
  const recipient = await store.findOrganisation(trx, body.recipientOrgId);
  if (!recipient) throw validationFailed([{ path: 'recipientOrgId', code: 'referrals.recipient_unknown' }]);
  if (recipient.status !== 'active')
    throw validationFailed([{ path: 'recipientOrgId', code: 'referrals.recipient_closed' }]);

  const fields = [...new Set(body.fields)];
  const today = (await sql<{ d: string }>`select current_date::text as d`.execute(trx)).rows[0]?.d as string;
  const request = { purpose: body.purpose, recipientOrgId: recipient.id, fields, today };
  const consents = await store.personConsents(trx, person.id);
  const consent = findValidConsent(consents, request);
  const overrideReason = body.overrideReason?.trim() || null;
  if (overrideReason !== null && overrideReason.length < OVERRIDE_REASON_MIN)
    throw validationFailed([
      { path: 'overrideReason', code: 'validation.min_length', params: { limit: OVERRIDE_REASON_MIN } },
    ]);
  const lang = actor.language;
  const recipientName = localized(lang, recipient.name_fr, recipient.name_nl);
  if (!consent) {
    if (overrideReason && !actorCan(actor, 'consent.override'))
      throw forbidden('referrals.override_forbidden');
    if (!overrideReason) {
      const { gap, missingFields } = explainMissingConsent(consents, request);
      throw conflict('referrals.consent_missing', {
        organisation: recipientName,
        purpose: t(lang, `referrals.enum.purpose.${body.purpose}`),
        detail: t(lang, `referrals.consent_gap.${gap}`, {
          fields: missingFields.map((f) => t(lang, `referrals.enum.field.${f}`)).join(', '),
        }),
      });
    }
  }

  const basis = consent
    ? { consent_id: consent.id, override_reason: null }
    : { consent_id: null, override_reason: overrideReason };
  const { id } = await store.insertReferral(trx, {
    org_id: orgId,
    person_id: person.id,
    recipient_org_id: recipient.id,
    purpose: body.purpose,
    fields,
    message: body.message?.trim() || null,
    sent_by: actor.userId,
    ...basis,
  });
  await store.insertGrant(trx, {
    org_id: orgId,
    person_id: person.id,
    recipient_org_id: recipient.id,
    purpose: body.purpose,
    fields,
    source: 'referral',
    source_id: id,
    created_by: actor.userId,
    // The grant cannot outlive the consent it rests on (the database checks the consent again on read).
    expires_on: consent?.expiresOn ?? null,
    ...basis,
  });
  if (!consent)
    await audit(trx, {
      action: 'override',
      entity: 'referrals',
      entityId: id,
      detail: {
        personId: person.id,
        recipientOrgId: recipient.id,
        purpose: body.purpose,
        fields,
        reason: overrideReason,
      },
    });

  if (recipient.email) {
    const language = organisationLanguage(recipient.region);
    const sender = (await store.findOrganisation(trx, orgId)) ?? recipient;
    await queueMail(trx, {
      to: recipient.email,
      language,
      template: 'referral_received',
      params: {
        sender: localized(language, sender.name_fr, sender.name_nl),
        organisation: localized(language, recipient.name_fr, recipient.name_nl),
        link: `${deps.config.publicUrl}/app/referrals`,
      },
      orgId,
    });
  }
  return loadView(trx, actor, id);
}
