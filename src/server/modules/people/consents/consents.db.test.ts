import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { systemClock } from '../../../../common/kernel/clock';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

describe.skipIf(!available)('consent records', () => {
  let t: TestApp;
  let mouscron: Client;
  let kortrijk: Client;
  let orgs: Record<string, string>;
  let personId: string;
  let referentId: string;
  const today = systemClock.today();

  const owner = () => t.db.engine.db;
  const consentCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from consents`.execute(owner())).rows[0]!.n);
  const base = () => ({
    purpose: 'placement',
    dataCategories: ['identity', 'languages'],
    recipientOrgIds: [orgs['atelier-roubaix']],
    givenBy: 'person',
    givenOn: today,
  });

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    const rows = await owner().selectFrom('organisations').select(['id', 'email']).execute();
    orgs = Object.fromEntries(rows.map((r) => [r.email!.replace(/^contact@|\.example$/g, ''), r.id]));
    referentId = (
      await owner()
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'referent@cpas-mouscron.example')
        .executeTakeFirstOrThrow()
    ).id;
    const created = await mouscron.post('/api/people', {
      firstName: 'Inès',
      lastName: 'Consentement',
      birthDate: '1991-04-04',
    });
    personId = created.json().person.id;
  });
  afterAll(async () => t?.close());

  it('records a consent given by the person', async () => {
    const r = await mouscron.post(`/api/people/${personId}/consents`, base());
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      purpose: 'placement',
      status: 'active',
      recipients: [{ id: orgs['atelier-roubaix'] }],
      recordedByName: expect.any(String),
    });
  });

  it('refuses inconsistent consents with translated errors and records nothing', async () => {
    const before = await consentCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base(), givenBy: 'legal_representative' }, 'representativeName'],
      [{ ...base(), representativeName: 'Paul Martin' }, 'representativeName'],
      [{ ...base(), recipientOrgIds: [orgs['cpas-mouscron']] }, 'recipientOrgIds'],
      [{ ...base(), recipientOrgIds: ['00000000-0000-4000-8000-000000000000'] }, 'recipientOrgIds'],
      [{ ...base(), expiresOn: '2000-01-01' }, 'expiresOn'],
      [{ ...base(), dataCategories: ['national_id'] }, 'dataCategories.0'],
    ];
    for (const [body, path] of cases) {
      const r = await mouscron.post(`/api/people/${personId}/consents`, body);
      expect(r.statusCode, path).toBe(400);
      const field = r.json().error.fields.find((f: { path: string }) => f.path === path);
      expect(field?.message, path).toBeTruthy();
    }
    expect(await consentCount()).toBe(before);
  });

  it('records a representative consent and a change as a new record that supersedes the old one', async () => {
    const first = (
      await mouscron.post(`/api/people/${personId}/consents`, {
        ...base(),
        purpose: 'referral',
        givenBy: 'legal_representative',
        representativeName: 'Paul Martin',
      })
    ).json();
    expect(first.representativeName).toBe('Paul Martin');
    const change = await mouscron.post(`/api/people/${personId}/consents`, {
      ...base(),
      purpose: 'referral',
      dataCategories: ['identity'],
      supersedesId: first.id,
    });
    expect(change.statusCode).toBe(201);
    const list = (await mouscron.get(`/api/people/${personId}/consents`)).json();
    expect(list.find((c: { id: string }) => c.id === first.id).status).toBe('superseded');
    expect(list.find((c: { id: string }) => c.id === change.json().id).status).toBe('active');
    const again = await mouscron.post(`/api/people/${personId}/consents`, {
      ...base(),
      supersedesId: first.id,
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps consents immutable: the trigger refuses any change but a withdrawal', async () => {
    const c = (await mouscron.post(`/api/people/${personId}/consents`, base())).json();
    const ctx = { userId: referentId, orgId: orgs['cpas-mouscron']! };
    await expect(
      withContext(t.db.engine.db, ctx, (trx) =>
        trx.updateTable('consents').set({ purpose: 'immersion' }).where('id', '=', c.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      withContext(t.db.engine.db, ctx, (trx) =>
        trx
          .updateTable('consents')
          .set({ recipient_org_ids: [orgs['ccas-lille']!] })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '23514' });
    const stored = await owner()
      .selectFrom('consents')
      .select('purpose')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('placement');
  });

  it('records a withdrawal once, never in the future', async () => {
    const c = (await mouscron.post(`/api/people/${personId}/consents`, base())).json();
    const url = `/api/people/${personId}/consents/${c.id}/withdraw`;
    const future = await mouscron.post(url, { withdrawnOn: '2999-01-01', reason: 'Changement d’avis' });
    expect(future.statusCode).toBe(400);
    const r = await mouscron.post(url, { withdrawnOn: today, reason: 'Ne souhaite plus partager' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: today,
      withdrawalReason: 'Ne souhaite plus partager',
    });
    const twice = await mouscron.post(url, { withdrawnOn: today, reason: 'Encore' });
    expect(twice.statusCode).toBe(409);
    // Even the database refuses to touch a withdrawn consent again.
    await expect(
      withContext(t.db.engine.db, { userId: referentId, orgId: orgs['cpas-mouscron']! }, (trx) =>
        trx.updateTable('consents').set({ withdrawal_reason: 'Autre' }).where('id', '=', c.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '23514' });
    const stored = await owner()
      .selectFrom('consents')
      .select('withdrawal_reason')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(stored.withdrawal_reason).toBe('Ne souhaite plus partager');
  });

  it('answers 404 to another organisation and to unknown consents, 400 to a malformed id', async () => {
    expect((await kortrijk.get(`/api/people/${personId}/consents`)).statusCode).toBe(404);
    expect((await kortrijk.post(`/api/people/${personId}/consents`, base())).statusCode).toBe(404);
    expect(
      (
        await mouscron.post(
          `/api/people/${personId}/consents/00000000-0000-4000-8000-000000000000/withdraw`,
          {
            withdrawnOn: today,
            reason: 'Motif',
          },
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await mouscron.post(`/api/people/${personId}/consents/nope/withdraw`, {
          withdrawnOn: today,
          reason: 'Motif',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('seeds demo placement consents, one of them withdrawn', async () => {
    const demo = (await mouscron.get('/api/people?q=Vandenbroucque')).json().items[0];
    const list = (await mouscron.get(`/api/people/${demo.id}/consents`)).json();
    expect(list).toEqual([expect.objectContaining({ purpose: 'placement', status: 'withdrawn' })]);
  });
});
