import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { RequestInput } from '../../../../common/immersions/request-schemas';
import { fixedClock } from '../../../../common/kernel/clock';
import { requestFixtures } from './fixtures.testing';

/**
 * Editing a draft request needs `immersion.view`, like reading or moving it (issue 16): the visitor of a
 * draft who no longer holds it (here an analyst) is refused, not only hidden from the read.
 */
const VISITOR = 'maatschappelijk-werker@ocmw-menen.example';
let t: TestApp;
let fx: ReturnType<typeof requestFixtures>;
let visitor: { userId: string; orgId: string };
let offer: { id: string; periodId: string };

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-12-07') });
  fx = requestFixtures(t);
  const p = await fx.people();
  visitor = p.visitor;
  offer = await fx.offer(p.host, { programmeId: null, period: ['2027-03-01', '2027-03-31'] });
});
afterAll(async () => t?.close());

const input = (objectives: string): RequestInput => ({
  offerId: offer.id,
  periodId: offer.periodId,
  programmeId: null,
  visitorUserId: null,
  kind: 'short',
  theme: 'youth',
  objectives,
  schedule: null,
  startsOn: '2027-03-02',
  endsOn: '2027-03-04',
  days: null,
});

describe('immersion requests: editing a draft', () => {
  it('refuses the visitor once they no longer hold immersion.view', async () => {
    const c = await t.login(VISITOR);
    const created = await c.post('/api/immersions/requests', input('Zien hoe het team jongeren begeleidt.'));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const ok = await c.put(`/api/immersions/requests/${id}`, input('Zien hoe het team jongeren opvangt.'));
    expect(ok.statusCode, ok.body).toBe(200);

    await sql`update memberships set roles = array['analyst'] where user_id = ${visitor.userId}::uuid
      and org_id = ${visitor.orgId}::uuid`.execute(fx.db);
    const analyst = await t.login(VISITOR);
    expect((await analyst.get(`/api/immersions/requests/${id}`)).statusCode).toBe(403);
    const refused = await analyst.put(`/api/immersions/requests/${id}`, input('Iets anders.'));
    expect(refused.statusCode, refused.body).toBe(403);
    const kept = await sql<{ objectives: string }>`select objectives from immersion_requests
      where id = ${id}::uuid`.execute(fx.db);
    expect(kept.rows[0]?.objectives).toBe('Zien hoe het team jongeren opvangt.');
  });
});
