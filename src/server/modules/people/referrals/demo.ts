import { sql } from 'kysely';
import { switchContext, type Tx } from '../../../platform/db/context';
import { type DemoOrgIds, type DemoSecrets, seedingAs } from '../../../platform/demo';
import { fieldCipher } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';
import { grantPersonAccess, shareBasis } from '../shared/share';
import { insertReferral } from './store';

/**
 * One demo referral, so that the referral boxes and the shared-persons list are not empty in the demo:
 * CPAS Mouscron refers a person whose recorded placement consent names CCAS Roubaix, sharing identity
 * and languages. It rests on that consent; nothing is written when no such consent was seeded.
 */
export async function seedDemoReferrals(
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  secrets: DemoSecrets,
): Promise<void> {
  // The message is sealed with the sender's key (migration 0075); a bare seed without the platform key
  // leaves it out.
  const key = (secrets as Partial<Secrets>).secretKey;
  const home = orgs['cpas-mouscron'];
  const recipient = orgs['ccas-roubaix'];
  const referent = users.referent_be_wal;
  if (!home || !recipient || !referent) return;
  return seedingAs(trx, async () => {
    await switchContext(trx, { orgId: home, userId: referent });
    const consent = await trx
      .selectFrom('consents')
      .select(['id', 'person_id'])
      .where('org_id', '=', home)
      .where('purpose', '=', 'placement')
      .where('withdrawn_on', 'is', null)
      .where(sql<boolean>`${recipient}::uuid = any (recipient_org_ids)`)
      .where(sql<boolean>`data_categories @> array['identity', 'languages']`)
      .orderBy('given_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!consent) return;
    // Through the sharing door, as the referent: the consent found above is the basis.
    const sharer = { orgId: home, userId: referent, roles: ['referent' as const], language: 'fr' as const };
    const basis = await shareBasis(trx, sharer, {
      personId: consent.person_id,
      recipientOrgId: recipient,
      purpose: 'placement',
      fields: ['identity', 'languages'],
    });
    const referral = await insertReferral(trx, {
      org_id: home,
      person_id: consent.person_id,
      recipient_org_id: recipient,
      purpose: 'placement',
      fields: [...basis.share.fields],
      message: key
        ? (await fieldCipher(trx, { secretKey: key } as Secrets)).seal(
            'referrals.message',
            'Personne motivée pour un chantier à Roubaix ; disponible dès le mois prochain.',
          )
        : null,
      consent_id: basis.consent?.id ?? null,
      override_reason: basis.overrideReason,
      sent_by: referent,
    });
    await grantPersonAccess(trx, sharer, { basis, source: 'referral', sourceId: referral.id });
  });
}
