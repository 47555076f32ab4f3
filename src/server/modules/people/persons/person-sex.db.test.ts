import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';

const available = await engineAvailable();

/**
 * Sex on the person record (migration 0022): optional ("not recorded" is null), one of three values,
 * changed and cleared like any optional field, audited with the person, and never in a shared view.
 */
describe.skipIf(!available)('sex of a person', () => {
  let t: TestApp;
  let mouscron: Client;
  const owner = () => t.db.engine.db;

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  let id: string;
  it('is not recorded unless given, and takes one of the three values', async () => {
    const none = await mouscron.post('/api/people', {
      firstName: 'Alix',
      lastName: 'Fictivier',
      birthDate: '1991-04-04',
    });
    expect(none.statusCode, none.body).toBe(201);
    expect(none.json().person.sex).toBeNull();

    const bad = await mouscron.post('/api/people', {
      firstName: 'Alix',
      lastName: 'Fictivière',
      birthDate: '1991-04-05',
      sex: 'unknown',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('sex');

    const r = await mouscron.post('/api/people', {
      firstName: 'Camille',
      lastName: 'Imaginel',
      birthDate: '1979-10-10',
      sex: 'non_binary',
    });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().person.id;
    expect((await mouscron.get(`/api/people/${id}`)).json().sex).toBe('non_binary');
  });

  it('is changed and cleared like any optional field, and audited', async () => {
    const changed = await mouscron.patch(`/api/people/${id}`, { sex: 'female' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await mouscron.get(`/api/people/${id}`)).json().sex).toBe('female');
    const cleared = await mouscron.patch(`/api/people/${id}`, { sex: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await mouscron.get(`/api/people/${id}`)).json().sex).toBeNull();
    const stays = await mouscron.patch(`/api/people/${id}`, { phone: '+32 56 00 00 01' });
    expect(stays.statusCode).toBe(200);
    const log = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'persons' and entity_id = ${id} and action = 'update'`.execute(owner());
    expect(Number(log.rows[0]?.n)).toBeGreaterThanOrEqual(3);
  });

  it('is no field group a grant can share', async () => {
    const r = await sql<{ f: string[] }>`select app.shareable_fields() as f`.execute(owner());
    expect(r.rows[0]!.f).not.toContain('sex');
    const fn = await sql<{
      src: string;
    }>`select prosrc as src from pg_proc where proname = 'shared_person'`.execute(owner());
    expect(fn.rows[0]!.src).not.toMatch(/\bsex\b/);
  });
});
