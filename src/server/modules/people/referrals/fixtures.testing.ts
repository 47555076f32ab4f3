import { sql } from 'kysely';
import type { TestApp } from '../../../../../test/support/app';
import { withContext } from '../../../platform/db/context';
import { type EncryptedField, fieldCipher } from '../../../platform/keys/field-cipher';

/** Test helpers: demo organisations and users by e-mail, persons and consents written as the home centre. */
export function referralFixtures(t: TestApp) {
  const db = t.db.engine.db;
  let seq = 0;

  const member = async (email: string) => {
    const r = await sql<{ user_id: string; org_id: string }>`select m.user_id, m.org_id from memberships m
      join users u on u.id = m.user_id where u.email = ${email}`.execute(db);
    const row = r.rows[0];
    if (!row) throw new Error(`no demo member ${email}`);
    return { userId: row.user_id, orgId: row.org_id };
  };

  const asOrg = <T>(m: { userId: string; orgId: string }, fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(db, { userId: m.userId, orgId: m.orgId }, fn);

  const createPerson = async (
    home: { userId: string; orgId: string },
    p: { firstName: string; lastName: string; withPathway?: boolean },
  ) =>
    asOrg(home, async (trx) => {
      seq++;
      const person = await trx
        .insertInto('persons')
        .values({
          org_id: home.orgId,
          first_name: p.firstName,
          last_name: p.lastName,
          birth_date: '1988-04-12',
          email: `${p.firstName.toLowerCase()}.${seq}@fictif.example`,
          phone: '+32 000 00 00 00',
          street: 'Rue Imaginaire 1',
          postal_code: '7700',
          municipality_code: 'BE-57096',
          languages: JSON.stringify({ fr: 'C2', nl: 'A2' }),
          benefit: 'ris',
          benefit_since: '2024-01-01',
          contract_type: 'piis',
          national_id_enc: 'v1.SECRET-NATIONAL-ID-CIPHERTEXT',
          participant_code: `TEST-0000-0000-${String(seq).padStart(4, '0')}`,
          referent_user_id: home.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.withPathway) {
        const pw = await trx
          .insertInto('pathways')
          .values({
            org_id: home.orgId,
            person_id: person.id,
            entry_on: '2026-01-05',
            modules: ['placement'],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Sealed as the application writes them (ADR 0039).
        const cipher = await fieldCipher(trx, t.deps.secrets);
        const seal = (text: string) => cipher.seal('pathway_notes.body', text);
        await trx
          .insertInto('pathway_notes')
          .values([
            {
              org_id: home.orgId,
              pathway_id: pw.id,
              author_user_id: home.userId,
              noted_on: '2026-02-01',
              body: seal('Entretien de suivi ordinaire'),
            },
            {
              org_id: home.orgId,
              pathway_id: pw.id,
              author_user_id: home.userId,
              noted_on: '2026-02-02',
              body: seal('CONFIDENTIAL-NOTE-TEXT'),
              confidential: true,
            },
          ])
          .execute();
      }
      return person.id;
    });

  const createConsent = async (
    home: { userId: string; orgId: string },
    personId: string,
    c: { purpose?: string; categories: string[]; recipients: string[]; expiresOn?: string },
  ) =>
    asOrg(home, async (trx) => {
      const row = await trx
        .insertInto('consents')
        .values({
          org_id: home.orgId,
          person_id: personId,
          purpose: c.purpose ?? 'referral',
          data_categories: c.categories,
          recipient_org_ids: c.recipients,
          given_by: 'person',
          given_on: '2026-01-10',
          expires_on: c.expiresOn ?? null,
          recorded_by: home.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });

  /** Audit entries of one action about one entity in one organisation's chain (read as the database owner). */
  const auditCount = async (chainOrgId: string, action: string, entityId: string) => {
    const r = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where chain = ${chainOrgId} and action = ${action} and entity_id = ${entityId}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  };

  /** A text sealed with the member's organisation's key, as the application writes sealed columns. */
  const seal = (m: { userId: string; orgId: string }, field: EncryptedField, text: string) =>
    asOrg(m, async (trx) => (await fieldCipher(trx, t.deps.secrets)).seal(field, text));

  return { db, member, asOrg, createPerson, createConsent, auditCount, seal };
}
