import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

describe.skipIf(!available)('persons of a home organisation', () => {
  let t: TestApp;
  let mouscron: Client;
  let kortrijk: Client;
  let orgAdmin: Client;
  let orgs: Record<string, string>;
  let kortrijkUser: string;

  const owner = () => t.db.engine.db;
  const personCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from persons`.execute(owner())).rows[0]!.n);
  const create = async (c: Client, body: Record<string, unknown>) => c.post('/api/people', body);
  const names = async (c: Client, query: string) =>
    (await c.get(`/api/people${query}`)).json().items.map((i: { lastName: string }) => i.lastName);

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    orgAdmin = await t.login('admin@cpas-mouscron.example');
    const rows = await owner().selectFrom('organisations').select(['id', 'email']).execute();
    orgs = Object.fromEntries(rows.map((r) => [r.email!.replace(/^contact@|\.example$/g, ''), r.id]));
    kortrijkUser = (
      await owner()
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'trajectbegeleider@ocmw-kortrijk.example')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());

  it('refuses invalid input with translated field errors and writes nothing', async () => {
    const before = await personCount();
    // A single name is enough (migration 0053), no name at all is not.
    const missing = await create(mouscron, { birthDate: '1985-07-30' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { code: 'errors.validation', fields: [expect.objectContaining({ path: 'firstName' })] },
    });
    const r = await create(mouscron, {
      firstName: 'Jean',
      lastName: 'Dupont',
      birthDate: '2999-01-01',
      nationalId: '85.07.30-033.29',
      benefitSince: '2025-02-01',
      benefitUntil: '2025-01-01',
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.fields as Array<{ path: string; code: string; message: string }>;
    expect(fields.map((f) => f.path).sort()).toEqual(['benefitUntil', 'birthDate', 'nationalId']);
    for (const f of fields) {
      expect(f.message).toBeTruthy();
      expect(f.message).not.toBe(f.code);
    }
    expect(await personCount()).toBe(before);
  });

  let jean: { id: string; participantCode: string };
  it('creates a person in the actor organisation with a participant code and the national id masked', async () => {
    const r = await create(mouscron, {
      firstName: 'Jean',
      lastName: 'Dupont',
      birthDate: '1985-07-30',
      nationalId: '85.07.30-033.28',
      languages: { fr: 'C2', nl: 'A2' },
      benefit: 'ris',
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.person.participantCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(body.person.nationalIdMasked).toBe('••••••••328');
    expect(body.person.orgId).toBe(orgs['cpas-mouscron']);
    expect(body.person.languages).toEqual({ fr: 'C2', nl: 'A2' });
    expect(body).toMatchObject({ duplicates: [] });
    // Whether other centres know the person is the creation form's check (throttled, audited), not this answer.
    expect(body).not.toHaveProperty('knownElsewhere');
    jean = body.person;
    const stored = await owner()
      .selectFrom('persons')
      .select(['national_id_enc', 'org_id'])
      .where('id', '=', jean.id)
      .executeTakeFirstOrThrow();
    expect(stored.national_id_enc).toMatch(/^v2\./);
    expect(stored.national_id_enc).not.toContain('85073003328');
    // Neither the number nor its masked tail; a bare "328" may occur in a random id.
    expect(JSON.stringify((await mouscron.get('/api/people?q=dupont')).json())).not.toMatch(
      /nationalId|85073003328|3003328|••328/,
    );
  });

  it('flags possible duplicates in the same organisation: same code, or similar name and birth date', async () => {
    const swapped = (
      await create(mouscron, { firstName: 'DUPONT', lastName: 'Jéan', birthDate: '1985-07-30' })
    ).json();
    expect(swapped.person.participantCode).toBe(jean.participantCode);
    expect(swapped.duplicates).toEqual([expect.objectContaining({ id: jean.id, reason: 'same_code' })]);
    const similar = await mouscron.post('/api/people/duplicates', {
      firstName: 'Jean',
      lastName: 'Dupond',
      birthDate: '1985-07-30',
    });
    expect(similar.statusCode).toBe(200);
    expect(similar.json().duplicates).toContainEqual(
      expect.objectContaining({ id: jean.id, reason: 'similar_name' }),
    );
    const otherDay = await mouscron.post('/api/people/duplicates', {
      firstName: 'Jean',
      lastName: 'Dupont',
      birthDate: '1985-07-31',
    });
    expect(otherDay.json()).toEqual({ duplicates: [], knownElsewhere: false });
  });

  it('tells another organisation’s referent only that another centre knows the person', async () => {
    const r = await create(kortrijk, { firstName: 'jean', lastName: 'dupont', birthDate: '1985-07-30' });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).not.toHaveProperty('knownElsewhere');
    expect(body.duplicates).toEqual([]);
    const text = JSON.stringify(body);
    expect(text).not.toContain(jean.id);
    expect(text).not.toContain(orgs['cpas-mouscron']);
    // Mouscron's referent now learns that another centre follows the same code: not which, nor how many.
    const check = await mouscron.post('/api/people/duplicates', {
      firstName: 'Jean',
      lastName: 'Dupont',
      birthDate: '1985-07-30',
    });
    expect(check.json().knownElsewhere).toBe(true);
    expect(check.json()).not.toHaveProperty('elsewhereCount');
    expect(check.body).not.toContain(orgs['ocmw-kortrijk']);
  });

  it('finds persons despite typos, name order, accents and case', async () => {
    expect(await names(mouscron, '?q=Dupnt')).toContain('Dupont');
    expect(await names(mouscron, '?q=Jean%20Dupont')).toContain('Dupont');
    expect(await names(mouscron, '?q=Dupont%20Jean')).toContain('Dupont');
    expect(await names(mouscron, '?q=AICHA')).toContain('Merteaux');
    expect(await names(mouscron, '?q=ghesquierre')).toContain('Ghesquièrre');
    expect(await names(mouscron, '?q=vandenb')).toContain('Vandenbroucque');
    expect(await names(mouscron, '?q=Durand')).toEqual([]);
    expect(await names(mouscron, '?birthDate=1985-09-09')).toEqual(['Merteaux']);
    const code = jean.participantCode.toLowerCase().replaceAll('-', '');
    expect(await names(mouscron, `?code=${code}`)).toEqual(['Dupont', 'Jéan']);
    expect((await mouscron.get('/api/people?code=abc')).statusCode).toBe(400);
  });

  it('paginates the caseload with its total', async () => {
    const p1 = (await mouscron.get('/api/people?pageSize=3&page=1')).json();
    const p2 = (await mouscron.get('/api/people?pageSize=3&page=2')).json();
    expect(p1.total).toBeGreaterThanOrEqual(7);
    expect(p1.items).toHaveLength(3);
    expect(p2.items.map((i: { id: string }) => i.id)).not.toContain(p1.items[0].id);
    expect((await mouscron.get('/api/people?page=999')).json()).toMatchObject({ items: [], total: p1.total });
  });

  it('shows a referent only their own caseload unless they may see every caseload', async () => {
    const template = await owner()
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'referent@cpas-mouscron.example')
      .executeTakeFirstOrThrow();
    const colleague = await owner()
      .insertInto('users')
      .values({
        email: 'collegue@cpas-mouscron.example',
        display_name: 'Collègue',
        password_hash: template.password_hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await owner()
      .insertInto('memberships')
      .values({ org_id: orgs['cpas-mouscron']!, user_id: colleague.id, roles: ['referent'] })
      .execute();
    const other = await t.login('collegue@cpas-mouscron.example');
    const own = (
      await create(other, { firstName: 'Zoé', lastName: 'Colleaux', birthDate: '1970-01-01' })
    ).json();
    expect(await names(other, '')).toEqual(['Colleaux']);
    expect(await names(mouscron, '?q=Colleaux')).toEqual([]);
    expect((await mouscron.get(`/api/people/${own.person.id}`)).statusCode).toBe(404);
    expect((await mouscron.get(`/api/people?referent=${colleague.id}`)).statusCode).toBe(403);
    expect(await names(orgAdmin, '?q=Colleaux')).toEqual(['Colleaux']);
    expect(await names(orgAdmin, `?referent=${colleague.id}`)).toEqual(['Colleaux']);
    const all = (await orgAdmin.get('/api/people?pageSize=100')).json();
    expect(all.allCaseloads).toBe(true);
    expect(all.items.map((i: { lastName: string }) => i.lastName)).toEqual(
      expect.arrayContaining(['Colleaux', 'Dupont', 'Lemairon']),
    );
    // Giving a person to another referent is not a referent's decision.
    const move = await mouscron.patch(`/api/people/${jean.id}`, { referentUserId: colleague.id });
    expect(move.statusCode).toBe(403);
  });

  it('hides a person from another organisation, through the API and in SQL under the app role', async () => {
    expect((await kortrijk.get(`/api/people/${jean.id}`)).statusCode).toBe(404);
    expect((await kortrijk.patch(`/api/people/${jean.id}`, { firstName: 'X' })).statusCode).toBe(404);
    expect((await kortrijk.get(`/api/people/${jean.id}/consents`)).statusCode).toBe(404);
    const ctx = { userId: kortrijkUser, orgId: orgs['ocmw-kortrijk']! };
    const seen = await withContext(t.db.engine.db, ctx, (trx) =>
      trx.selectFrom('persons').select('id').where('id', '=', jean.id).execute(),
    );
    expect(seen).toEqual([]);
    const updated = await withContext(t.db.engine.db, ctx, (trx) =>
      trx.updateTable('persons').set({ first_name: 'Pirate' }).where('id', '=', jean.id).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const row = await owner()
      .selectFrom('persons')
      .select('first_name')
      .where('id', '=', jean.id)
      .executeTakeFirstOrThrow();
    expect(row.first_name).toBe('Jean');
  });

  it('refuses malformed ids (400, the one Uuid check) and answers 404 to unknown ones', async () => {
    expect((await mouscron.get('/api/people/not-a-uuid')).statusCode).toBe(400);
    expect((await mouscron.patch('/api/people/42', { firstName: 'X' })).statusCode).toBe(400);
    expect((await mouscron.get('/api/people/42/consents')).statusCode).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await mouscron.get(`/api/people/${unknown}`)).statusCode).toBe(404);
    expect((await mouscron.get(`/api/people/${unknown}/consents`)).statusCode).toBe(404);
  });

  it('records every read of a person in the audit log', async () => {
    const reads = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from audit.log
            where action = 'read' and entity = 'persons' and entity_id = ${jean.id}`.execute(owner())
        ).rows[0]!.n,
      );
    const before = await reads();
    expect((await mouscron.get(`/api/people/${jean.id}`)).statusCode).toBe(200);
    expect((await orgAdmin.get(`/api/people/${jean.id}`)).statusCode).toBe(200);
    expect(await reads()).toBe(before + 2);
  });

  it('recomputes the participant code when the name changes, and archives', async () => {
    const r = await mouscron.patch(`/api/people/${jean.id}`, {
      firstName: 'Jean-Marc',
      email: 'jm@personnes.example',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().participantCode).not.toBe(jean.participantCode);
    const same = await mouscron.patch(`/api/people/${jean.id}`, { phone: '+32 56 00 00 00' });
    expect(same.json().participantCode).toBe(r.json().participantCode);
    expect(
      (
        await mouscron.patch(`/api/people/${jean.id}`, {
          contractSignedOn: '2026-01-10',
          contractNextEvaluationOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(400);
    const archived = await mouscron.post(`/api/people/${jean.id}/archive`);
    expect(archived.json().status).toBe('archived');
    const ids = async (q: string) =>
      (await mouscron.get(`/api/people${q}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids('?q=Jean-Marc')).not.toContain(jean.id);
    expect(await ids('?q=Jean-Marc&status=archived')).toEqual([jean.id]);
  });

  it('seeds demo persons whose codes match what the API computes', async () => {
    const demo = (await mouscron.get('/api/people?q=Lemairon')).json().items[0];
    const check = await mouscron.post('/api/people/duplicates', {
      firstName: 'Sophie',
      lastName: 'Lemairon',
      birthDate: '1988-03-14',
    });
    expect(check.json().duplicates).toEqual([expect.objectContaining({ id: demo.id, reason: 'same_code' })]);
  });
});
