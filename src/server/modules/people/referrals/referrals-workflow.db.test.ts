import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from './fixtures.testing';

const available = await engineAvailable();

type Member = { userId: string; orgId: string };

/** The referral workflow: input checks, the transition table in the API, the guard and policies in SQL. */
describe.skipIf(!available)('referral workflow', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Member;
  let roubaix: Member;
  let kortrijk: Member;
  let home: Client;
  let recipient: Client;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = referralFixtures(t);
    mouscron = await f.member('referent@cpas-mouscron.example');
    roubaix = await f.member('referent@ccas-roubaix.example');
    kortrijk = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    home = await t.login('referent@cpas-mouscron.example');
    recipient = await t.login('referent@ccas-roubaix.example');
    personId = await f.createPerson(mouscron, { firstName: 'Paul', lastName: 'Essai' });
    await f.createConsent(mouscron, personId, {
      categories: ['identity', 'languages', 'contact'],
      recipients: [roubaix.orgId, kortrijk.orgId],
    });
  });
  afterAll(async () => t?.close());

  const refer = (to: string, fields: string[] = ['identity']) =>
    home.post(`/api/people/${personId}/referrals`, { recipientOrgId: to, purpose: 'referral', fields });

  it('seeds a demo referral from Mouscron to Roubaix resting on a recorded consent', async () => {
    const inbox = (await recipient.get('/api/referrals?box=inbox')).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      status: 'sent',
      purpose: 'placement',
      basis: 'consent',
      sender: { id: mouscron.orgId },
      person: { firstName: expect.any(String), lastName: expect.any(String) },
    });
    const shared = (await recipient.get(`/api/shared/people/${inbox.items[0].person.id}`)).json();
    expect(shared.fields.sort()).toEqual(['identity', 'languages']);
    expect(shared).not.toHaveProperty('birthDate');
  });

  it('checks the recipient and the person', async () => {
    const self = await refer(mouscron.orgId);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0]).toMatchObject({
      path: 'recipientOrgId',
      code: 'people.referrals.errors.recipient_self',
    });
    const unknown = await refer('00000000-0000-4000-8000-000000000000');
    expect(unknown.json().error.fields[0].code).toBe('people.referrals.errors.recipient_unknown');
    const closed = await sql<{ id: string }>`select id from organisations where status = 'active'
      and id not in (${mouscron.orgId}, ${roubaix.orgId}, ${kortrijk.orgId}) limit 1`.execute(f.db);
    const closedId = closed.rows[0]?.id as string;
    await sql`update organisations set status = 'closed', closed_on = current_date where id = ${closedId}`.execute(
      f.db,
    );
    expect((await refer(closedId)).json().error.fields[0].code).toBe(
      'people.referrals.errors.recipient_closed',
    );
    const badField = await home.post(`/api/people/${personId}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['national_id'],
    });
    expect(badField.statusCode).toBe(400);
    // Another organisation's person cannot be referred, not even by id.
    const kortrijkPerson = await f.createPerson(kortrijk, { firstName: 'Anke', lastName: 'Vreemd' });
    const foreign = await home.post(`/api/people/${kortrijkPerson}/referrals`, {
      recipientOrgId: roubaix.orgId,
      purpose: 'referral',
      fields: ['identity'],
    });
    expect(foreign.statusCode).toBe(404);
    // A tutor cannot refer at all.
    const tutor = await t.login('tuteur@atelier-roubaix.example');
    expect(
      (
        await tutor.post(`/api/people/${personId}/referrals`, {
          recipientOrgId: roubaix.orgId,
          purpose: 'referral',
          fields: ['identity'],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('previews the consent a referral would rest on', async () => {
    const none = (await home.get(`/api/people/${personId}/referral-preview`)).json();
    expect(none).toMatchObject({ person: { firstName: 'Paul' }, check: null, canOverride: false });
    const ok = (
      await home.get(
        `/api/people/${personId}/referral-preview?recipientOrgId=${roubaix.orgId}&purpose=referral&fields=identity,contact`,
      )
    ).json();
    expect(ok.check.consent).toMatchObject({ givenOn: '2026-01-10', expiresOn: null });
    const gap = (
      await home.get(
        `/api/people/${personId}/referral-preview?recipientOrgId=${roubaix.orgId}&purpose=referral&fields=identity,benefit`,
      )
    ).json();
    expect(gap.check).toEqual({ consent: null, gap: 'missing_category', missingFields: ['benefit'] });
    expect((await recipient.get(`/api/people/${personId}/referral-preview`)).statusCode).toBe(404);
  });

  it('enforces the transition table with translated errors', async () => {
    const id = (await refer(roubaix.orgId)).json().id as string;
    // The sender cannot decide, the recipient cannot revoke.
    expect((await home.post(`/api/referrals/${id}/accept`)).statusCode).toBe(403);
    expect((await recipient.post(`/api/referrals/${id}/revoke`)).statusCode).toBe(403);
    // Nothing to close before it is accepted.
    const early = await recipient.post(`/api/referrals/${id}/done`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('people.referrals.errors.illegal_transition');
    expect(early.json().error.message).toMatch(/Envoyée/);
    const noReason = await recipient.post(`/api/referrals/${id}/decline`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const declined = await recipient.post(`/api/referrals/${id}/decline`, {
      reason: 'Plus de place cette saison',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Plus de place cette saison',
      actions: [],
    });
    // Its grant ended with it.
    const grant = await sql<{ revoked_reason: string | null }>`select revoked_reason from person_grants
      where source_id = ${id}`.execute(f.db);
    expect(grant.rows[0]?.revoked_reason).toBe('referral_declined');
    expect((await recipient.post(`/api/referrals/${id}/accept`)).statusCode).toBe(409);
    expect((await home.post(`/api/referrals/${id}/revoke`)).statusCode).toBe(409);
    const seen = (await home.get(`/api/referrals/${id}`)).json();
    expect(seen).toMatchObject({
      status: 'declined',
      side: 'sender',
      declineReason: 'Plus de place cette saison',
    });
  });

  it('filters the boxes by status and keeps each organisation to its own boxes', async () => {
    const id = (await refer(kortrijk.orgId, ['identity', 'languages'])).json().id as string;
    const kortrijkClient = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    const inbox = (await kortrijkClient.get('/api/referrals?box=inbox&status=sent')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(inbox.items[0].person).toMatchObject({ firstName: 'Paul' });
    expect((await kortrijkClient.get('/api/referrals?box=inbox&status=accepted')).json().total).toBe(0);
    const out = (await home.get('/api/referrals?box=outbox&status=declined')).json();
    expect(out.total).toBe(1);
    expect((await recipient.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect((await home.get('/api/referrals?box=sideways')).statusCode).toBe(400);
    // The mail to a Flemish organisation is in Dutch.
    await sql`update organisations set email = 'onthaal@ocmw-kortrijk.example' where id = ${kortrijk.orgId}`.execute(
      f.db,
    );
    await refer(kortrijk.orgId, ['identity']);
    while ((await t.deps.jobs.runDue(50)) > 0);
    const mail = await sql<{ locale: string; subject: string }>`select locale, subject from mail_outbox
      where to_address = 'onthaal@ocmw-kortrijk.example'`.execute(f.db);
    expect(mail.rows[0]).toMatchObject({ locale: 'nl', subject: expect.stringContaining('doorverwijzing') });
  });

  it('keeps the sender to revoking in SQL too (database guard)', async () => {
    const id = (await refer(roubaix.orgId)).json().id as string;
    const asHome = <T>(fn: Parameters<typeof f.asOrg<T>>[1]) => f.asOrg(mouscron, fn);
    await expect(
      asHome((trx) =>
        trx.updateTable('referrals').set({ status: 'accepted' }).where('id', '=', id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      asHome((trx) =>
        trx.updateTable('referrals').set({ recipient_org_id: kortrijk.orgId }).where('id', '=', id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      f.asOrg(roubaix, (trx) =>
        trx.updateTable('referrals').set({ status: 'done' }).where('id', '=', id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses in SQL a grant or a referral for another organisation person', async () => {
    const kortrijkPerson = await f.createPerson(kortrijk, { firstName: 'Joke', lastName: 'Buiten' });
    await expect(
      f.asOrg(mouscron, (trx) =>
        trx
          .insertInto('person_grants')
          .values({
            org_id: mouscron.orgId,
            person_id: kortrijkPerson,
            recipient_org_id: roubaix.orgId,
            purpose: 'referral',
            fields: ['identity'],
            source: 'referral',
            source_id: kortrijkPerson,
            override_reason: 'tentative de contournement',
            created_by: mouscron.userId,
          })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      f.asOrg(mouscron, (trx) =>
        trx
          .insertInto('referrals')
          .values({
            org_id: mouscron.orgId,
            person_id: kortrijkPerson,
            recipient_org_id: roubaix.orgId,
            purpose: 'referral',
            fields: ['identity'],
            override_reason: 'tentative de contournement',
            sent_by: mouscron.userId,
          })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('does not let a consent of another person back a grant', async () => {
    const other = await f.createPerson(mouscron, { firstName: 'Rita', lastName: 'Autre' });
    const otherConsent = await f.createConsent(mouscron, other, {
      categories: ['identity'],
      recipients: [roubaix.orgId],
    });
    const lone = await f.createPerson(mouscron, { firstName: 'Sam', lastName: 'Seul' });
    await f.asOrg(mouscron, (trx) =>
      trx
        .insertInto('person_grants')
        .values({
          org_id: mouscron.orgId,
          person_id: lone,
          recipient_org_id: roubaix.orgId,
          purpose: 'referral',
          fields: ['identity'],
          source: 'placement',
          source_id: lone,
          consent_id: otherConsent,
          created_by: mouscron.userId,
        })
        .execute(),
    );
    const p = await f.asOrg(
      roubaix,
      async (trx) =>
        (await sql<{ p: unknown }>`select app.shared_person(${lone}::uuid) as p`.execute(trx)).rows[0]?.p,
    );
    expect(p).toBeNull();
    expect((await recipient.get(`/api/shared/people/${lone}`)).statusCode).toBe(404);
  });

  it('keeps shared persons from roles that do not receive them and pages the list', async () => {
    const analyst = await t.login('analist@west-vlaanderen.example');
    expect((await analyst.get('/api/shared/people')).statusCode).toBe(403);
    expect((await analyst.get('/api/referrals?box=inbox')).statusCode).toBe(403);
    const page = (await recipient.get('/api/shared/people?pageSize=1&page=1')).json();
    expect(page).toMatchObject({ page: 1, pageSize: 1 });
    // Paul is shared through the referral still in force from the guard test.
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(1);
    const past = (await recipient.get(`/api/shared/people?pageSize=1&page=${page.total + 1}`)).json();
    expect(past).toMatchObject({ items: [], total: page.total });
  });
});
