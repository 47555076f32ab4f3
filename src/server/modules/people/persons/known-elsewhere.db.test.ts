import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from '../referrals/fixtures.testing';
import { participantCode } from './participant-code';

const available = await engineAvailable();

/** The per-user budget of identity checks in this file's application (the default is 30 an hour). */
const LIMIT = 4;

/**
 * Issue 7, item 11: whether a named person is a client of another centre must not become a look-up
 * service. The check belongs to the creation form: throttled per user, audited, and only a coordinator
 * learns how many centres; the person pages and searches never carry it.
 */
describe.skipIf(!available)('the "known in another centre" check', () => {
  let t: TestApp;
  let f: ReturnType<typeof referralFixtures>;
  let mouscron: Client;
  let kortrijk: Client;
  let coordinator: Client;
  let mouscronRef: { userId: string; orgId: string };
  let kortrijkRef: { userId: string; orgId: string };
  let milaId: string;
  const mila = { firstName: 'Mila', lastName: 'Voorbeeld', birthDate: '1979-11-02' };

  /** The "lookup" entries a user wrote, oldest first (read as the database owner). */
  const lookups = async (userId: string) =>
    (
      await sql<{ chain: string; entity: string; entity_id: string | null; detail: Record<string, unknown> }>`
        select chain, entity, entity_id, detail from audit.log
        where action = 'lookup' and actor_user_id = ${userId} order by id`.execute(f.db)
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ env: { IDENTITY_CHECK_RATE_LIMIT: String(LIMIT) } });
    f = referralFixtures(t);
    mouscron = await t.login('referent@cpas-mouscron.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    coordinator = await t.login('coordination@udccas-nord.example');
    mouscronRef = await f.member('referent@cpas-mouscron.example');
    kortrijkRef = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    // Two other centres follow Mila: Kortrijk and Roubaix (creating a record is not the check).
    const created = await kortrijk.post('/api/people', mila);
    expect(created.statusCode, created.body).toBe(201);
    milaId = created.json().person.id;
    const roubaix = await t.login('referent@ccas-roubaix.example');
    expect((await roubaix.post('/api/people', { ...mila, lastName: 'VOORBEELD' })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('tells a referent only that another centre follows the person, and a coordinator how many', async () => {
    const referent = await mouscron.post('/api/people/duplicates', mila);
    expect(referent.statusCode, referent.body).toBe(200);
    expect(referent.json()).toEqual({ duplicates: [], knownElsewhere: true });
    const coord = await coordinator.post('/api/people/duplicates', mila);
    expect(coord.statusCode, coord.body).toBe(200);
    expect(coord.json()).toEqual({ duplicates: [], knownElsewhere: true, elsewhereCount: 2 });
    const otherDay = await mouscron.post('/api/people/duplicates', { ...mila, birthDate: '1979-11-03' });
    expect(otherDay.json()).toEqual({ duplicates: [], knownElsewhere: false });
    // Never who or where.
    for (const body of [referent.body, coord.body]) {
      expect(body).not.toContain(milaId);
      expect(body).not.toContain(kortrijkRef.orgId);
    }
  });

  it('audits every check in the checker’s chain, with the code’s hash and never the name or birth date', async () => {
    const entries = await lookups(mouscronRef.userId);
    expect(entries).toHaveLength(2);
    const hash = (birthDate: string) =>
      createHash('sha256')
        .update(participantCode(t.deps.secrets.networkSecret, { ...mila, birthDate }))
        .digest('hex');
    expect(entries.map((e) => [e.chain, e.entity, e.detail])).toEqual([
      [
        mouscronRef.orgId,
        'participant_codes',
        { purpose: 'known_elsewhere', codeHash: hash(mila.birthDate), knownElsewhere: true },
      ],
      [
        mouscronRef.orgId,
        'participant_codes',
        { purpose: 'known_elsewhere', codeHash: hash('1979-11-03'), knownElsewhere: false },
      ],
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/Mila|Voorbeeld|1979/i);
    expect(text).not.toContain(participantCode(t.deps.secrets.networkSecret, mila));
  });

  it('throttles the check per user, with a translated 429 that is neither answered nor audited', async () => {
    // Two checks so far: the budget allows LIMIT in an hour.
    for (let i = 2; i < LIMIT; i++)
      expect((await mouscron.post('/api/people/duplicates', mila)).statusCode).toBe(200);
    const refused = await mouscron.post('/api/people/duplicates', { ...mila, birthDate: '1979-11-04' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    const error = refused.json().error;
    expect(error.code).toBe('people.persons.errors.rate_limited');
    // The referent reads French: the message says how long to wait, in their language.
    expect(error.message).toMatch(/^Vous avez vérifié de nombreuses identités.*minutes?/);
    expect(refused.body).not.toMatch(/knownElsewhere|duplicates"/);
    expect(await lookups(mouscronRef.userId)).toHaveLength(LIMIT);
    // Per user, not per address (every injected request comes from the same address).
    const other = await kortrijk.post('/api/people/duplicates', mila);
    expect(other.statusCode, other.body).toBe(200);
    // Kortrijk follows Mila itself: its own record, and Roubaix elsewhere.
    expect(other.json()).toMatchObject({
      duplicates: [expect.objectContaining({ id: milaId, reason: 'same_code' })],
      knownElsewhere: true,
    });
  });

  it('never carries the signal on a referent’s person page or search', async () => {
    const before = (await lookups(kortrijkRef.userId)).length;
    const search = await kortrijk.get('/api/people?q=Voorbeeld&birthDate=1979-11-02');
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((i: { id: string }) => i.id)).toEqual([milaId]);
    const page = await kortrijk.get(`/api/people/${milaId}`);
    expect(page.statusCode).toBe(200);
    for (const r of [search, page]) expect(r.body).not.toMatch(/elsewhere|elsewhereCount/i);
    expect(await lookups(kortrijkRef.userId)).toHaveLength(before);
  });
});
