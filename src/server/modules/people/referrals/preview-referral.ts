import { sql } from 'kysely';
import { findValidConsent } from '../../../../common/people/consent';
import { explainMissingConsent } from '../../../../common/people/referral-rules';
import type { ReferralPreview, ReferralPreviewQuery } from '../../../../common/people/referral-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { notFound } from '../../../platform/errors';
import * as store from './store';

/**
 * What a referral would rest on, before it is sent: the consent the server will accept (same rule as
 * createReferral), or why none does and whether the actor may override.
 */
export async function previewReferral(
  trx: Tx,
  actor: Actor,
  personId: string,
  query: ReferralPreviewQuery,
): Promise<ReferralPreview> {
  requirePermission(actor, 'person.manage');
  const person = await store.findOwnPerson(trx, personId);
  if (!person) throw notFound('referrals.person_not_found');
  // The answer names the person and, with a recipient, reads their consents: an audited read.
  await auditPersonRead(trx, { personIds: [person.id], what: 'referral_preview' });
  const canOverride = actorCan(actor, 'consent.override');
  const base = {
    person: { id: person.id, firstName: person.first_name, lastName: person.last_name },
    canOverride,
  };
  if (!query.recipientOrgId || !query.purpose || !query.fields) return { ...base, check: null };
  const today = (await sql<{ d: string }>`select current_date::text as d`.execute(trx)).rows[0]?.d as string;
  const request = {
    purpose: query.purpose,
    recipientOrgId: query.recipientOrgId,
    fields: [...new Set(query.fields.split(','))],
    today,
  };
  const consents = await store.personConsents(trx, person.id);
  const consent = findValidConsent(consents, request);
  if (consent)
    return {
      ...base,
      check: {
        consent: { id: consent.id, givenOn: consent.givenOn, expiresOn: consent.expiresOn },
        gap: null,
        missingFields: [],
      },
    };
  const { gap, missingFields } = explainMissingConsent(consents, request);
  return { ...base, check: { consent: null, gap, missingFields } };
}
