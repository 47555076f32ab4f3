import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { forumIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * RCO115 on both engines: the programme's published events held in the period whose organiser and
 * partners come from both countries; a cancelled one, a one-country one, or one outside the period does
 * not count; the rows are reachable only through the count and records functions.
 */
describe.skipIf(!available)('forums indicator RCO115', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('counts the cross-border public events of the programme, once each', async () => {
    const db = t.db.engine.db;
    const demo = (
      await sql<{ id: string; programme_id: string; org_id: string; day: string }>`
        select id, programme_id, org_id, to_char(starts_at, 'YYYY-MM-DD') as day from forum_events
        where programme_id is not null order by starts_at`.execute(db)
    ).rows;
    // The demo's past and upcoming forums of the Lille CCAS, with Kortrijk and Mouscron as partners.
    expect(demo.length).toBeGreaterThanOrEqual(2);
    const programmeId = demo[0]!.programme_id;
    const lille = demo[0]!.org_id;
    const [rule] = forumIndicatorRules;
    const fx = referralFixtures(t);
    const member = await fx.member('benevolat@ccas-lille.example');
    const scope = { programmeId, from: '2020-01-01', to: '2030-12-31', params: {} };
    const before = await fx.asOrg(member, (trx) => rule!.count(trx, scope));
    expect(before.total).toBe(demo.filter((e) => e.programme_id === programmeId).length);
    // Lille's forums, and Mouscron's awareness sessions with CCAS Tourcoing (migration 0050's demo).
    expect(before.byPartner).toContainEqual({
      orgId: lille,
      n: demo.filter((e) => e.programme_id === programmeId && e.org_id === lille).length,
    });

    // A one-country event (no partner across the border) and a cancelled cross-border one: not counted.
    const copy = (status: string, withPartners: boolean) =>
      db.transaction().execute(async (trx) => {
        const row = (
          await sql<{
            id: string;
          }>`insert into forum_events (org_id, title_fr, title_nl, kind, starts_at, ends_at, venue,
              languages, capacity, audiences, programme_id, status, cancelled_at, published_at)
            select org_id, 'Copie', 'Kopie', kind, starts_at, ends_at, venue, languages, capacity, audiences,
              programme_id, ${status}, case when ${status} = 'cancelled' then now() end, now()
            from forum_events where id = ${demo[0]!.id}::uuid returning id`.execute(trx)
        ).rows[0]!;
        if (withPartners)
          await sql`insert into forum_event_partners (event_id, partner_org_id, org_id)
            select ${row.id}::uuid, partner_org_id, org_id from forum_event_partners
            where event_id = ${demo[0]!.id}::uuid`.execute(trx);
      });
    await copy('published', false);
    await copy('cancelled', true);
    const after = await fx.asOrg(member, (trx) => rule!.count(trx, scope));
    expect(after.total).toBe(before.total);

    // The period bounds: the first event's day alone counts it.
    const day = { ...scope, from: demo[0]!.day, to: demo[0]!.day };
    const rows = await fx.asOrg(member, (trx) => rule!.records(trx, day));
    expect(rows).toEqual([
      expect.objectContaining({ personId: null, startsOn: demo[0]!.day, detail: 'FR 1 · BE 2' }),
    ]);
    expect((await fx.asOrg(member, (trx) => rule!.count(trx, { ...scope, to: '2020-12-31' }))).total).toBe(0);
    // The counting rows are not readable as a whole.
    await expect(
      fx.asOrg(member, (trx) =>
        sql`select * from app.ind_forum_cross_border_events_all(${programmeId}::uuid, '2020-01-01', '2030-12-31')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });
});
