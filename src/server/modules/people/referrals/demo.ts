import { sql } from 'kysely';
import { switchContext, type Tx } from '../../../platform/db/context';
import type { DemoOrgIds } from '../../../platform/demo';

/**
 * One demo referral, so that the referral boxes and the shared-persons list are not empty in the demo:
 * CPAS Mouscron refers a person whose recorded placement consent names CCAS Roubaix, sharing identity
 * and languages. It rests on that consent; nothing is written when no such consent was seeded.
 */
export async function seedDemoReferrals(
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
): Promise<void> {
  const home = orgs['cpas-mouscron'];
  const recipient = orgs['ccas-roubaix'];
  const referent = users.referent_be_wal;
  if (!home || !recipient || !referent) return;
  try {
    await switchContext(trx, { orgId: home, userId: referent });
    const consent = await trx
      .selectFrom('consents')
      .select(['id', 'person_id', 'expires_on'])
      .where('org_id', '=', home)
      .where('purpose', '=', 'placement')
      .where('withdrawn_on', 'is', null)
      .where(sql<boolean>`${recipient}::uuid = any (recipient_org_ids)`)
      .where(sql<boolean>`data_categories @> array['identity', 'languages']`)
      .orderBy('given_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!consent) return;
    const fields = ['identity', 'languages'];
    const referral = await trx
      .insertInto('referrals')
      .values({
        org_id: home,
        person_id: consent.person_id,
        recipient_org_id: recipient,
        purpose: 'placement',
        fields,
        message: 'Personne motivée pour un chantier à Roubaix ; disponible dès le mois prochain.',
        consent_id: consent.id,
        sent_by: referent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('person_grants')
      .values({
        org_id: home,
        person_id: consent.person_id,
        recipient_org_id: recipient,
        purpose: 'placement',
        fields,
        source: 'referral',
        source_id: referral.id,
        consent_id: consent.id,
        expires_on: consent.expires_on,
        created_by: referent,
      })
      .execute();
  } finally {
    await switchContext(trx, { platformAdmin: true, scope: 'system' });
  }
}
