import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { referralFixtures } from '../../people/referrals/fixtures.testing';
import { initiativeIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * SAM indicator 3 on both engines: the programme's initiatives with partners from both countries that ran
 * in the period; a one-country one, one never started, or one outside the period does not count; the rows
 * are reachable only through the count and records functions.
 */
describe.skipIf(!available)('initiatives indicator 3', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('counts the cross-border initiatives that ran in the period, once each', async () => {
    const db = t.db.engine.db;
    const demo = (
      await sql<{ id: string; programme_id: string; org_id: string; started_on: string | null }>`
        select id, programme_id, org_id, started_on from initiatives where programme_id is not null
        order by created_at`.execute(db)
    ).rows;
    // The demo's cross-border transport (running) and Menen's local soup (preparing).
    expect(demo).toHaveLength(2);
    const cross = demo.find((d) => d.started_on !== null)!;
    const programmeId = cross.programme_id;
    const [rule] = initiativeIndicatorRules;
    const fx = referralFixtures(t);
    const member = await fx.member('benevolat@ccas-lille.example');
    const scope = { programmeId, from: '2020-01-01', to: '2030-12-31', params: {} };
    const before = await fx.asOrg(member, (trx) => rule!.count(trx, scope));
    expect(before.total).toBe(1);
    expect(before.byPartner).toContainEqual({ orgId: cross.org_id, n: 1 });

    // A copy with no partner (one country): not counted; a copy that never started: not counted.
    await db.transaction().execute(async (trx) => {
      await sql`insert into initiatives (org_id, title_fr, title_nl, programme_id)
        values (${cross.org_id}::uuid, 'Locale', 'Lokaal', ${programmeId}::uuid)`.execute(trx);
      const local = (
        await sql<{ id: string }>`insert into initiatives (org_id, title_fr, title_nl, programme_id)
          values (${cross.org_id}::uuid, 'Locale lancée', 'Lokaal gestart', ${programmeId}::uuid)
          returning id`.execute(trx)
      ).rows[0]!.id;
      await sql`update initiatives set status = 'preparing' where id = ${local}::uuid`.execute(trx);
      await sql`update initiatives set status = 'running', started_on = '2026-01-05' where id = ${local}::uuid`.execute(
        trx,
      );
    });
    const after = await fx.asOrg(member, (trx) => rule!.count(trx, scope));
    expect(after.total).toBe(1);

    // The period bounds: before its start, nothing; from its start on, the one row with the countries.
    const rows = await fx.asOrg(member, (trx) =>
      rule!.records(trx, { ...scope, from: cross.started_on!, to: cross.started_on! }),
    );
    expect(rows).toEqual([
      expect.objectContaining({ personId: null, startsOn: cross.started_on, detail: 'FR 1 · BE 1' }),
    ]);
    expect((await fx.asOrg(member, (trx) => rule!.count(trx, { ...scope, to: '2020-12-31' }))).total).toBe(0);
    // The counting rows are not readable as a whole.
    await expect(
      fx.asOrg(member, (trx) =>
        sql`select * from app.ind_initiatives_cross_border_all(${programmeId}::uuid, '2020-01-01', '2030-12-31')`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
  });
});
