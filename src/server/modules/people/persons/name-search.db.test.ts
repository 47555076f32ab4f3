import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

/**
 * Issue 15: the typo-tolerant search runs in app.person_name_matches (a definer function, so that the
 * trigram index can serve it under RLS, migration 0060). It must see exactly what the persons policy
 * shows: the organisation of the verified context, nothing without one.
 */
describe.skipIf(!available)('the index-assisted person search stays within the organisation', () => {
  let t: TestApp;
  let mouscron: Client;
  let kortrijk: Client;
  const ids: Record<string, string> = {};
  const member = async (email: string) =>
    (
      await sql<{ user_id: string; org_id: string }>`select m.user_id, m.org_id from memberships m
        join users u on u.id = m.user_id where u.email = ${email}`.execute(t.db.engine.db)
    ).rows[0]!;
  const matches = (ctx: { userId?: string; orgId?: string }, q: string) =>
    withContext(t.db.engine.db, ctx, async (trx) =>
      (
        await sql<{ person_id: string; score: number }>`select person_id, score
          from app.person_name_matches(${q}) order by score desc`.execute(trx)
      ).rows.map((r) => r.person_id),
    );

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    for (const [key, c, firstName, lastName] of [
      ['mouscron', mouscron, 'Léa', 'Fictive-Desmet'],
      ['kortrijk', kortrijk, 'Lea', 'Fictive-Desmet'],
    ] as const) {
      const r = await c.post('/api/people', { firstName, lastName, birthDate: '1990-03-14' });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().person.id;
    }
  });
  afterAll(async () => t?.close());

  it('finds typos, name order and prefixes in its own organisation only', async () => {
    for (const q of ['Fictve-Desmt', 'lea fictive', 'FICTIVE-DESMET Léa', 'fictive-d']) {
      const r = await mouscron.get(`/api/people?q=${encodeURIComponent(q)}`);
      const found = r.json().items.map((i: { id: string }) => i.id);
      expect(found, q).toContain(ids.mouscron);
      expect(found, q).not.toContain(ids.kortrijk);
    }
  });

  it('returns the context organisation’s ids only, and nothing without a context', async () => {
    const m = await member('referent@cpas-mouscron.example');
    const k = await member('trajectbegeleider@ocmw-kortrijk.example');
    const asMouscron = await matches({ userId: m.user_id, orgId: m.org_id }, 'Fictive Desmet');
    expect(asMouscron).toContain(ids.mouscron);
    expect(asMouscron).not.toContain(ids.kortrijk);
    const asKortrijk = await matches({ userId: k.user_id, orgId: k.org_id }, 'Fictive Desmet');
    expect(asKortrijk).toContain(ids.kortrijk);
    expect(asKortrijk).not.toContain(ids.mouscron);
    expect(await matches({}, 'Fictive Desmet')).toEqual([]);
  });
});
