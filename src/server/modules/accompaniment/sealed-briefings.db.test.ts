import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { withContext } from '../../platform/db/context';
import { sealPending } from '../../platform/keys/rotation';

const available = await engineAvailable();

/**
 * ADR 0037, migration 0072: the interpreter's briefing (the booker's) and the psychosocial referral of a
 * newcomer (the home organisation's) are sealed; their keys go to the booking's provider, the link's
 * interpreter, a 'psychosocial' grantee — and to nobody else. The start-up re-encryption passes the
 * provider's guard and a restricted person's refusal; a signed-in write does not.
 */
describe.skipIf(!available)('sealed briefings and psychosocial referrals', () => {
  let t: TestApp;
  let provider: Client;
  let home: Client;
  const owner = () => t.db.engine.db;
  const session = () => ownerSession(t);
  const one = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(owner())).rows[0]!;
  const member = (email: string) =>
    one<{ user: string; org: string }>(sql`select u.id as user, m.org_id as org from users u
      join memberships m on m.user_id = u.id where u.email = ${email}`);
  let pashto: { id: string; briefing: string; org_id: string };
  let mother: { person_id: string; psychosocial_referred_to: string; org_id: string };

  beforeAll(async () => {
    t = await createTestApp();
    provider = await t.login('interprete@setis.example');
    home = await t.login('accompagnement@lavieactive.example');
    pashto = await one(sql`select id, briefing, org_id from interpreter_bookings where language = 'pus'`);
    mother = await one(sql`select person_id, psychosocial_referred_to, org_id from newcomer_profiles
      where psychosocial_referred_to is not null limit 1`);
  });
  afterAll(async () => t?.close());

  it('stores ciphertext only, and keeps the texts out of the audit log', async () => {
    expect(pashto.briefing).toMatch(/^v2\.1\./);
    expect(mother.psychosocial_referred_to).toMatch(/^v2\.1\./);
    const clear = await one<{ n: number }>(sql`select count(*)::int as n from interpreter_bookings
      where briefing is not null and briefing not like 'v2.%'`);
    expect(clear.n).toBe(0);
    const logged = await one<{ n: number }>(sql`select count(*)::int as n from audit.log
      where entity in ('interpreter_bookings', 'newcomer_profiles')
        and (detail::text like '%psychologue%' or detail::text like '%Équipe mobile%'
          or detail::text like '%inburgering%' or detail::text like '%v2.1.%')`);
    expect(logged.n).toBe(0);
  });

  it('opens the briefing for the provider’s interpreter and the referral for the home organisation', async () => {
    const b = await provider.get(`/api/accompaniment/interpreting/bookings/${pashto.id}`);
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().briefing).toContain('vocabulaire de la santé mentale');
    const r = await home.get(`/api/accompaniment/newcomers/${mother.person_id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().profile.psychosocial.referredTo).toBe('Équipe mobile transfrontalière (CRéSaM)');
  });

  it('releases the keys to the record’s parties only', async () => {
    const wereldhuis = await member('begeleider@wereldhuis.example');
    const setis = await member('interprete@setis.example');
    const keys = (who: { user: string; org: string }, q: ReturnType<typeof sql<{ org_id: string }>>) =>
      withContext(t.deps.db, { userId: who.user, orgId: who.org }, async (trx) =>
        (await q.execute(trx)).rows.map((r) => r.org_id),
      );
    const booking = sql<{ org_id: string }>`select org_id from app.booking_party_keys(${pashto.id}::uuid)`;
    expect(new Set(await keys(setis, booking))).toEqual(new Set([pashto.org_id]));
    expect(await keys(wereldhuis, booking)).toEqual([]);
    const newcomer = sql<{
      org_id: string;
    }>`select org_id from app.newcomer_keys(${mother.person_id}::uuid)`;
    expect(await keys(wereldhuis, newcomer)).toEqual([]);
    expect(await keys(setis, newcomer)).toEqual([]);
    // A link's keys need the token: a wrong one opens nothing.
    const wrong = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
      sql`select * from app.interpreting_external_keys(${pashto.id}::uuid, ${Buffer.alloc(32)},
        now(), interval '24 hours')`.execute(trx),
    );
    expect(wrong.rows).toEqual([]);
  });

  it('re-encrypts a restricted person’s referral and a provider’s booking at start, but refuses a user’s write', async () => {
    // Rows as they were before migration 0072: clear text (the checks are lifted for the test only).
    const checks = [
      ['interpreter_bookings', 'interpreter_bookings_briefing_sealed', 'briefing'],
      ['newcomer_profiles', 'newcomer_profiles_psychosocial_referred_to_sealed', 'psychosocial_referred_to'],
    ] as const;
    const restrict = () =>
      sql`update persons set restricted_at = now(), restriction_reason = 'Contestation (test)'
        where id = ${mother.person_id}`.execute(owner());
    for (const [table, name] of checks)
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(name)}`.execute(owner());
    try {
      await sql`update interpreter_bookings set briefing = 'Briefing écrit avant le scellement'
        where id = ${pashto.id}`.execute(owner());
      await sql`update newcomer_profiles set psychosocial_referred_to = 'Centre de santé mentale (avant)'
        where person_id = ${mother.person_id}`.execute(owner());
      // Then restricted (GDPR art. 18), as a coordinator with the subject-rights permission does it.
      await restrict();
      const report = await sealPending(session(), t.deps.secrets);
      expect(report.resealed['interpreter_bookings.briefing']).toBe(1);
      expect(report.resealed['newcomer_profiles.psychosocial_referred_to']).toBe(1);
    } finally {
      for (const [table, name, column] of checks)
        await sql`alter table ${sql.table(table)} add constraint ${sql.ref(name)}
          check (${sql.ref(column)} is null or ${sql.ref(column)} like 'v2.%') not valid`.execute(owner());
    }
    expect(
      (await provider.get(`/api/accompaniment/interpreting/bookings/${pashto.id}`)).json().briefing,
    ).toBe('Briefing écrit avant le scellement');
    const sealed = await one<{ v: string }>(sql`select psychosocial_referred_to as v from newcomer_profiles
      where person_id = ${mother.person_id}`);
    expect(sealed.v).toMatch(/^v2\.1\./);
    // The restriction still holds for the people who work with the record, the referral alone included.
    const changed = await home.put(`/api/accompaniment/newcomers/${mother.person_id}/psychosocial`, {
      needed: true,
      referredTo: 'Autre service',
      since: null,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toMatch(/restricted/);
  });
});
