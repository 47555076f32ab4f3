import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../../test/support/app';
import { engineAvailable } from '../../../../../../test/support/engine';
import {
  CASE_EXPERIMENTATIONS,
  CASE_SIDES,
  CASE_TRANSFERS,
  type CaseOrg,
  EXPECTED_RUN,
  EXPECTED_TRANSFERRED,
  EXPERIMENTATION_PATH,
  PERIOD,
  TRANSFER_PATH,
} from '../../../../../common/accompaniment/experimentations-cases.testing';
import { withContext } from '../../../../platform/db/context';
import { referralFixtures } from '../../../people/referrals/fixtures.testing';
import { experimentationIndicatorRules } from './rules';

const available = await engineAvailable();

/**
 * RCO84 (pilot actions run jointly) and RCO116 / RCR104 (solutions taken up) on both engines, on the same
 * cases as the pure rules' test (experimentations-cases.testing.ts), in 2031; then the demo's figures.
 */
describe.skipIf(!available)('experimentations indicators', () => {
  let t: TestApp;
  let programmeId: string;
  const orgs = {} as Record<CaseOrg, string>;
  const rule = (code: string) => experimentationIndicatorRules.find((r) => r.code === code)!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.engine.db;
    programmeId = (
      await sql<{ id: string }>`select id from programmes where acronym = 'AB Réfugiés'`.execute(db)
    ).rows[0]!.id;
    const byName = async (short: string) =>
      (
        await sql<{
          id: string;
        }>`select id from organisations where short_name = ${short} or name_fr = ${short}
          order by name_fr limit 1`.execute(db)
      ).rows[0]!.id;
    const ids = await sql<{ id: string; region: string; name_fr: string }>`
      select o.id, o.region, o.name_fr from organisations o
      where o.id in (select m.org_id from app.programme_members(${programmeId}::uuid, null) m)`.execute(db);
    const find = (re: RegExp) => ids.rows.find((o) => re.test(o.name_fr))!.id;
    orgs.LVA = find(/La Vie Active/);
    orgs.CRESAM = find(/CRéSaM/);
    orgs.WH = find(/Wereldhuis/);
    orgs.OUT = await byName('CCAS de Lille').catch(async () => '');
    if (!orgs.OUT)
      orgs.OUT = (
        await sql<{ id: string }>`select id from organisations where region = 'FR-HDF'
          and id not in (select m.org_id from app.programme_members(${programmeId}::uuid, null) m)
          order by name_fr limit 1`.execute(db)
      ).rows[0]!.id;
    const ex = new Map<string, string>();
    await withContext(t.deps.db, { scope: 'system' }, async (trx) => {
      for (const e of CASE_EXPERIMENTATIONS) {
        const { id } = await trx
          .insertInto('experimentations')
          .values({
            org_id: orgs[e.org],
            programme_id: programmeId,
            side: CASE_SIDES[e.org],
            title_fr: `Expérimentation ${e.key}`,
            title_nl: `Experiment ${e.key}`,
            theme: 'other',
            starts_on: e.startsOn,
            ends_on: e.endsOn,
            findings: 'Constats de test',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ex.set(e.key, id);
        if (e.partners.length)
          await trx
            .insertInto('experimentation_partners')
            .values(
              e.partners.map((p) => ({
                experimentation_id: id,
                partner_org_id: orgs[p],
                org_id: orgs[e.org],
              })),
            )
            .execute();
        for (const status of EXPERIMENTATION_PATH[e.status])
          await trx.updateTable('experimentations').set({ status }).where('id', '=', id).execute();
      }
      for (const c of CASE_TRANSFERS) {
        const { id } = await trx
          .insertInto('experimentation_transfers')
          .values({
            experimentation_id: ex.get(c.of)!,
            org_id: orgs[c.org],
            side: CASE_SIDES[c.org],
            starts_on: c.startsOn,
            ends_on: c.endsOn,
            findings: 'Constats de test',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const status of TRANSFER_PATH[c.status])
          await trx.updateTable('experimentation_transfers').set({ status }).where('id', '=', id).execute();
      }
    });
  });
  afterAll(async () => t?.close());

  const scope = (from = PERIOD.from, to = PERIOD.to) => ({ programmeId, from, to, params: {} });
  const asCresam = async <T>(fn: Parameters<typeof withContext<T>>[2]) => {
    const fx = referralFixtures(t);
    return fx.asOrg(await fx.member('coordination@cresam.example'), fn);
  };
  const byOrg = (rows: Array<{ orgId: string | null; n: number }>) =>
    Object.fromEntries(
      rows.map((r) => [(Object.keys(orgs) as CaseOrg[]).find((k) => orgs[k] === r.orgId) ?? '?', r.n]),
    );

  it('counts the pilot actions run jointly as the pure rule does (RCO84)', async () => {
    const c = await asCresam((trx) => rule('accompaniment.experimentations_run').count(trx, scope()));
    expect(c.total).toBe(EXPECTED_RUN.total);
    expect(byOrg(c.byPartner)).toEqual(EXPECTED_RUN.byOrg);
    const rows = await asCresam((trx) => rule('accompaniment.experimentations_run').records(trx, scope()));
    expect(rows.map((r) => r.subject).sort()).toEqual(['Expérimentation E1', 'Expérimentation E2']);
    expect(rows.every((r) => r.personId === null)).toBe(true);
  });

  it('counts the solutions taken up as the pure rule does (RCO116 / RCR104)', async () => {
    const c = await asCresam((trx) => rule('accompaniment.experimentations_transferred').count(trx, scope()));
    expect(c.total).toBe(EXPECTED_TRANSFERRED.total);
    expect(byOrg(c.byPartner)).toEqual(EXPECTED_TRANSFERRED.byOrg);
    const rows = await asCresam((trx) =>
      rule('accompaniment.experimentations_transferred').records(trx, scope()),
    );
    expect(rows.map((r) => r.detail).sort()).toEqual(['FR → WAL · running', 'WAL → VLG · adopted']);
  });

  it('keeps the rows behind the count and records functions', async () => {
    for (const f of ['ind_experimentations_run_all', 'ind_experimentations_transferred_all'])
      await expect(
        asCresam((trx) =>
          sql`select * from ${sql.raw(`app.${f}`)}(${programmeId}::uuid, '2031-01-01', '2031-12-31')`.execute(
            trx,
          ),
        ),
      ).rejects.toThrow();
  });

  it('counts the demo: one experimentation per side, the Flemish one taken up in France', async () => {
    const demo = scope('2017-10-01', '2020-12-31');
    const run = await asCresam((trx) => rule('accompaniment.experimentations_run').count(trx, demo));
    const taken = await asCresam((trx) =>
      rule('accompaniment.experimentations_transferred').count(trx, demo),
    );
    expect(run.total).toBe(3);
    expect(taken.total).toBe(1);
    expect(byOrg(taken.byPartner)).toEqual({ LVA: 1 });
  });
});
