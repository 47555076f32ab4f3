import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from './fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/**
 * The sharing scenario, end to end through the API and straight in SQL under the application
 * role: a Mouscron referent refers a person to CCAS Roubaix; Roubaix sees only the granted groups, for as
 * long as the referral and the consent hold; OCMW Kortrijk never sees anything.
 */
describe.skipIf(!available)('sharing a person through a referral', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Member;
  let roubaix: Member;
  let kortrijk: Member;
  let homeRef: Client;
  let roubaixRef: Client;
  let kortrijkRef: Client;
  let personId: string;
  let referralId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    mouscron = await f.member('referent@cpas-mouscron.example');
    roubaix = await f.member('referent@ccas-roubaix.example');
    kortrijk = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    await sql`update organisations set email = 'accueil@ccas-roubaix.example' where id = ${roubaix.orgId}`.execute(
      f.db,
    );
    homeRef = await t.login('referent@cpas-mouscron.example');
    roubaixRef = await t.login('referent@ccas-roubaix.example');
    kortrijkRef = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    personId = await f.createPerson(mouscron, {
      firstName: 'Lucie',
      lastName: 'Fictivelle',
      withPathway: true,
    });
    await f.createConsent(mouscron, personId, {
      categories: ['identity', 'languages'],
      recipients: [roubaix.orgId],
    });
  });
  afterAll(async () => t?.close());

  const sharedInSql = (m: Member, id: string) =>
    f.asOrg(
      m,
      async (trx) =>
        (await sql<{ p: unknown }>`select app.shared_person(${id}::uuid) as p`.execute(trx)).rows[0]?.p,
    );

  it('refers with a valid consent: referral, grant and a mail without personal data', async () => {
    const r = await homeRef.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity', 'languages'],
      message: 'Orientation vers le chantier de Roubaix',
    });
    expect(r.statusCode, r.body).toBe(201);
    const v = r.json();
    referralId = v.id;
    expect(v).toMatchObject({ status: 'sent', side: 'sender', basis: 'consent', actions: ['revoke'] });
    expect(v.person).toMatchObject({ firstName: 'Lucie', lastName: 'Fictivelle' });
    const grants = await sql<{ fields: string[]; consent_id: string | null }>`select fields, consent_id
      from person_grants where source = 'referral' and source_id = ${referralId}`.execute(f.db);
    expect(grants.rows).toHaveLength(1);
    expect(grants.rows[0]?.fields).toEqual(['identity', 'languages']);
    expect(grants.rows[0]?.consent_id).not.toBeNull();
    // The recipient hears of it after commit, from the event the referral recorded.
    while ((await t.deps.jobs.runDue(50)) > 0);
    const mail = await sql<{ to_address: string; locale: string; body_text: string; subject: string }>`
      select to_address, locale, body_text, subject from mail_outbox where template = 'people.referrals.received'`.execute(
      f.db,
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]).toMatchObject({ to_address: 'accueil@ccas-roubaix.example', locale: 'fr' });
    expect(mail.rows[0]?.body_text).toContain('/app/referrals');
    expect(`${mail.rows[0]?.subject} ${mail.rows[0]?.body_text}`).not.toMatch(/Lucie|Fictivelle|1988/);
  });

  it('shows Roubaix only the granted groups, never the national id or a confidential note', async () => {
    const r = await roubaixRef.get(`/api/shared/people/${personId}`);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({
      firstName: 'Lucie',
      lastName: 'Fictivelle',
      languages: { fr: 'C2', nl: 'A2' },
    });
    expect(p.fields.sort()).toEqual(['identity', 'languages']);
    for (const k of [
      'birthDate',
      'email',
      'phone',
      'street',
      'benefit',
      'contractType',
      'pathways',
      'mobility',
    ])
      expect(p).not.toHaveProperty(k);
    expect(r.body).not.toMatch(/SECRET-NATIONAL-ID|CONFIDENTIAL-NOTE|1988-04-12|fictif\.example|ris/);
    const list = (await roubaixRef.get('/api/shared/people')).json();
    const item = list.items.find((i: { id: string }) => i.id === personId);
    expect(item).toMatchObject({ firstName: 'Lucie', grantedUntil: null, homeOrg: { id: mouscron.orgId } });
    expect(item).not.toHaveProperty('birthDate');
  });

  it('writes an audited read in the home organisation chain for every shared read', async () => {
    const before = await f.auditCount(mouscron.orgId, 'read', personId);
    expect((await roubaixRef.get(`/api/shared/people/${personId}`)).statusCode).toBe(200);
    expect(await f.auditCount(mouscron.orgId, 'read', personId)).toBe(before + 1);
    expect(await f.auditCount(roubaix.orgId, 'read', personId)).toBe(0);
    expect(await sharedInSql(roubaix, personId)).toMatchObject({ firstName: 'Lucie' });
    expect(await f.auditCount(mouscron.orgId, 'read', personId)).toBe(before + 2);
  });

  it('lists the referral in Roubaix inbox with the granted identity, and in Mouscron outbox', async () => {
    const inbox = (await roubaixRef.get('/api/referrals?box=inbox')).json();
    expect(inbox.items[0].id).toBe(referralId); // newest first
    expect(inbox.items[0]).toMatchObject({
      side: 'recipient',
      actions: ['accept', 'decline'],
      person: { firstName: 'Lucie', lastName: 'Fictivelle' },
      overrideReason: null,
    });
    const outbox = (await homeRef.get('/api/referrals?box=outbox&status=sent')).json();
    expect(outbox.items.map((i: { id: string }) => i.id)).toContain(referralId);
    expect(outbox.items.every((i: { status: string }) => i.status === 'sent')).toBe(true);
    expect((await roubaixRef.get('/api/referrals?box=outbox')).json().total).toBe(0);
  });

  it('never shows anything to an unrelated organisation (OCMW Kortrijk)', async () => {
    expect((await kortrijkRef.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
    expect((await kortrijkRef.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
    expect((await kortrijkRef.get('/api/shared/people')).json().total).toBe(0);
    expect((await kortrijkRef.get('/api/referrals?box=inbox')).json().total).toBe(0);
    const rows = await f.asOrg(kortrijk, async (trx) => ({
      persons: await trx.selectFrom('persons').select('id').where('id', '=', personId).execute(),
      referrals: await trx.selectFrom('referrals').select('id').where('person_id', '=', personId).execute(),
      grants: await trx.selectFrom('person_grants').select('id').where('person_id', '=', personId).execute(),
      consents: await trx.selectFrom('consents').select('id').where('person_id', '=', personId).execute(),
    }));
    expect(rows).toEqual({ persons: [], referrals: [], grants: [], consents: [] });
    expect(await sharedInSql(kortrijk, personId)).toBeNull();
  });

  it('keeps the referral fields out of the recipient reach (database guard)', async () => {
    await expect(
      f.asOrg(roubaix, (trx) =>
        trx
          .updateTable('referrals')
          .set({ fields: ['identity', 'birth_date', 'contact'] })
          .where('id', '=', referralId)
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // Taking the sender's place is refused too.
    await expect(
      f.asOrg(roubaix, (trx) =>
        trx
          .updateTable('referrals')
          .set({ org_id: roubaix.orgId, recipient_org_id: mouscron.orgId })
          .where('id', '=', referralId)
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    // The grant belongs to the home organisation: the recipient cannot even see it.
    const n = await f.asOrg(roubaix, (trx) =>
      trx
        .updateTable('person_grants')
        .set({ fields: ['identity', 'contact'] })
        .executeTakeFirst(),
    );
    expect(Number(n.numUpdatedRows)).toBe(0);
  });

  it('still shares after Roubaix accepts, and stops when Mouscron revokes', async () => {
    const a = await roubaixRef.post(`/api/referrals/${referralId}/accept`);
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ status: 'accepted', actions: ['done'] });
    expect((await roubaixRef.get(`/api/shared/people/${personId}`)).statusCode).toBe(200);
    const r = await homeRef.post(`/api/referrals/${referralId}/revoke`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'revoked', actions: [] });
    expect((await roubaixRef.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
    const ids = (await roubaixRef.get('/api/shared/people')).json().items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(personId);
    expect(await sharedInSql(roubaix, personId)).toBeNull();
    const seen = (await roubaixRef.get(`/api/referrals/${referralId}`)).json();
    expect(seen).toMatchObject({ status: 'revoked', person: null, actions: [] });
  });

  it('ends access when Roubaix marks a referral done', async () => {
    const r = await homeRef.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity'],
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect((await roubaixRef.post(`/api/referrals/${id}/accept`)).statusCode).toBe(200);
    expect((await roubaixRef.get(`/api/shared/people/${personId}`)).json()).not.toHaveProperty('languages');
    expect((await roubaixRef.post(`/api/referrals/${id}/done`)).statusCode).toBe(200);
    expect((await roubaixRef.get(`/api/shared/people/${personId}`)).statusCode).toBe(404);
    expect(await sharedInSql(roubaix, personId)).toBeNull();
  });

  it('refuses a referral without consent with a 409 naming what is missing, writing nothing', async () => {
    const other = await f.createPerson(mouscron, { firstName: 'Marc', lastName: 'Sansaccord' });
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`select (select count(*) from referrals)::int + (select count(*) from person_grants)::int as n`.execute(
          f.db,
        )
      ).rows[0]?.n;
    const before = await count();
    const r = await homeRef.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity'],
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('people.shared.errors.consent_missing');
    expect(r.json().error.message).toMatch(/Roubaix/);
    // A consent that lacks a group is named as such.
    await f.createConsent(mouscron, other, { categories: ['identity'], recipients: [roubaix.orgId] });
    const partial = await homeRef.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity', 'benefit'],
    });
    expect(partial.statusCode).toBe(409);
    // Errors speak the user's language (French for this referent): the missing group is named.
    expect(partial.json().error.message).toMatch(/ne couvre pas : Allocation\./);
    expect(partial.json().error.message).not.toMatch(/Identité/);
    // A referent may not override.
    const refused = await homeRef.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity', 'benefit'],
      overrideReason: 'Urgence sociale constatée',
    });
    expect(refused.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('lets a coordinator override a missing consent with a reason, audited', async () => {
    await sql`update memberships set roles = array['org_admin', 'coordinator'] where user_id = (select id from users
      where email = 'admin@cpas-mouscron.example')`.execute(f.db);
    const coord = await t.login('admin@cpas-mouscron.example');
    const other = await f.createPerson(mouscron, { firstName: 'Nina', lastName: 'Urgence' });
    const noReason = await coord.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'accompaniment',
      fields: ['identity', 'contact'],
    });
    expect(noReason.statusCode).toBe(409);
    const short = await coord.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'accompaniment',
      fields: ['identity', 'contact'],
      overrideReason: 'abc',
    });
    expect(short.statusCode).toBe(400);
    const blank = await coord.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'accompaniment',
      fields: ['identity', 'contact'],
      overrideReason: '     x',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].path).toBe('overrideReason');
    const r = await coord.post(`/api/people/${other}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'accompaniment',
      fields: ['identity', 'contact'],
      overrideReason: 'Mise à l’abri urgente, consentement oral',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      basis: 'override',
      overrideReason: 'Mise à l’abri urgente, consentement oral',
    });
    expect(await f.auditCount(mouscron.orgId, 'override', r.json().id)).toBe(1);
    const seen = (await roubaixRef.get(`/api/shared/people/${other}`)).json();
    expect(seen).toMatchObject({ firstName: 'Nina', email: expect.stringContaining('@fictif.example') });
    expect((await roubaixRef.get(`/api/referrals/${r.json().id}`)).json().overrideReason).toBeNull();
  });

  it('ends access when the consent is withdrawn', async () => {
    const p = await f.createPerson(mouscron, { firstName: 'Omar', lastName: 'Retrait' });
    const consentId = await f.createConsent(mouscron, p, {
      categories: ['identity', 'languages'],
      recipients: [roubaix.orgId],
      expiresOn: '2099-12-31',
    });
    const r = await homeRef.post(`/api/people/${p}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity'],
    });
    expect(r.statusCode, r.body).toBe(201);
    const seen = (await roubaixRef.get(`/api/shared/people/${p}`)).json();
    expect(seen).toMatchObject({ firstName: 'Omar', grantedUntil: '2099-12-31' });
    // Withdrawn through the people module's own endpoint: no grant is touched, the read rules ignore it.
    const today = (await sql<{ d: string }>`select current_date::text as d`.execute(f.db)).rows[0]?.d;
    const w = await homeRef.post(`/api/people/${p}/consents/${consentId}/withdraw`, {
      withdrawnOn: today,
      reason: 'Retrait demandé par la personne',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect((await roubaixRef.get(`/api/shared/people/${p}`)).statusCode).toBe(404);
    expect(await sharedInSql(roubaix, p)).toBeNull();
    const ids = await f.asOrg(
      roubaix,
      async (trx) =>
        (await sql<{ person_id: string }>`select person_id from app.shared_person_ids()`.execute(trx)).rows,
    );
    expect(ids.map((i) => i.person_id)).not.toContain(p);
  });
});
