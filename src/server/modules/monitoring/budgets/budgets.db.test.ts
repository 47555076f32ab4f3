import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { BudgetVersionInput, BudgetView } from '../../../../common/monitoring/budget-schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Budgets on both engines: the lead's coordinator adds versions (the older one kept and readable), another
 * organisation can neither through the API nor in the database, every member reads them, and the demo's
 * seed figures come out to the cent through the API.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let partner: { userId: string; orgId: string };

const idOf = async (acronym: string) =>
  (await sql<{ id: string }>`select id from programmes where acronym = ${acronym}`.execute(fx.db)).rows[0]!
    .id;

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  partner = await fx.member('coordination@cpas-mouscron.example');
  programmeId = await fx.createProgramme(lead.orgId, 'BUD-T');
  await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
    values (${programmeId}::uuid, ${partner.orgId}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
});
afterAll(async () => t?.close());

const version = (staff: string, reason = 'Budget initial'): BudgetVersionInput => ({
  datedOn: '2026-01-05',
  reason,
  source: 'Convention de partenariat',
  envelopes: [],
  lines: [
    {
      partnerOrgId: lead.orgId,
      category: 'staff',
      actionId: null,
      period: '2026',
      amount: staff,
      flatRate: null,
      envelope: null,
      note: null,
    },
    {
      partnerOrgId: lead.orgId,
      category: 'office',
      actionId: null,
      period: '2026',
      amount: null,
      flatRate: '15',
      envelope: null,
      note: null,
    },
    {
      partnerOrgId: partner.orgId,
      category: 'travel',
      actionId: null,
      period: '2026',
      amount: '1000.00',
      flatRate: null,
      envelope: null,
      note: null,
    },
  ],
  cofinancing: [
    { partnerOrgId: lead.orgId, fund: 'erdf', funder: null, rate: '50', amount: null },
    { partnerOrgId: partner.orgId, fund: 'erdf', funder: null, rate: '50', amount: null },
  ],
});

describe('budget versions', () => {
  it("lets the lead's coordinator add versions, keeping the older one readable", async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const empty = await coord.get(`/api/programmes/${programmeId}/budget`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect((empty.json() as BudgetView).version).toBeNull();
    const r1 = await coord.post(`/api/programmes/${programmeId}/budget/versions`, version('10000.01'));
    expect(r1.statusCode, r1.body).toBe(201);
    const r2 = await coord.post(
      `/api/programmes/${programmeId}/budget/versions`,
      version('20000.00', 'Avenant : un mi-temps de plus'),
    );
    expect(r2.statusCode, r2.body).toBe(201);
    expect(r2.json()).toMatchObject({ number: 2 });
    const now = (await coord.get(`/api/programmes/${programmeId}/budget`)).json() as BudgetView;
    expect(now.canEdit).toBe(true);
    expect(now.versions.map((v) => [v.number, v.reason])).toEqual([
      [2, 'Avenant : un mi-temps de plus'],
      [1, 'Budget initial'],
    ]);
    // 20 000 + 15 % flat rate 3 000 + 1 000 travel.
    expect(now.totals).toMatchObject({ total: '24000.00', byFund: [{ fund: 'erdf', amount: '12000.00' }] });
    const old = (await coord.get(`/api/programmes/${programmeId}/budget?version=1`)).json() as BudgetView;
    // 10 000,01 + 1 500,00 (15 % rounded down) + 1 000.
    expect(old.totals?.total).toBe('12500.01');
    expect(old.version?.lines[1]).toMatchObject({ category: 'office', amount: null, flatRate: '15' });
    expect((await coord.get(`/api/programmes/${programmeId}/budget?version=9`)).statusCode).toBe(404);
  });

  it('refuses a version without reason, in the future, or naming an outsider, with a 400', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const url = `/api/programmes/${programmeId}/budget/versions`;
    expect((await coord.post(url, { ...version('1.00'), reason: '' })).statusCode).toBe(400);
    expect((await coord.post(url, { ...version('1.00'), datedOn: '2999-01-01' })).statusCode).toBe(400);
    const outsider = version('1.00');
    outsider.lines[0]!.partnerOrgId = (await fx.member('tuteur@atelier-roubaix.example')).orgId;
    const r = await coord.post(url, outsider);
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('monitoring.budgets.errors.not_member');
  });

  it('lets a partner read but not write, in the API and in the database', async () => {
    const other = await t.login('coordination@cpas-mouscron.example');
    const view = (await other.get(`/api/programmes/${programmeId}/budget`)).json() as BudgetView;
    expect(view.canEdit).toBe(false);
    expect(view.versions).toHaveLength(2);
    const r = await other.post(`/api/programmes/${programmeId}/budget/versions`, version('1.00'));
    expect(r.statusCode).toBe(403);
    await expect(
      fx.asOrg(partner, (trx) =>
        trx
          .insertInto('budget_versions')
          .values({
            programme_id: programmeId,
            org_id: partner.orgId,
            number: 50,
            dated_on: '2026-01-01',
            reason: 'mine',
            source: 'mine',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const v1 = (
      await sql<{ id: string }>`select id from budget_versions where programme_id = ${programmeId}::uuid
      and number = 1`.execute(fx.db)
    ).rows[0]!.id;
    await expect(
      fx.asOrg(partner, (trx) =>
        trx
          .insertInto('budget_lines')
          .values({
            version_id: v1,
            org_id: lead.orgId,
            partner_org_id: partner.orgId,
            position: 99,
            category: 'staff',
            amount_cents: '100',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    for (const insert of [
      sql`insert into budget_cofinancing (version_id, org_id, partner_org_id, fund, rate)
        values (${v1}::uuid, ${lead.orgId}::uuid, ${partner.orgId}::uuid, 'region', '10')`,
      sql`insert into budget_envelopes (version_id, org_id, position, fund, label, earmarked_cents)
        values (${v1}::uuid, ${partner.orgId}::uuid, 9, 'amif', 'mine', 100)`,
    ])
      await expect(fx.asOrg(partner, (trx) => insert.execute(trx))).rejects.toThrow(/row-level security/);
    // An adopted version is never changed, not even by the lead.
    await expect(
      fx.asOrg(lead, (trx) =>
        sql`update budget_lines set amount_cents = 1 where version_id = ${v1}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('demo budgets', () => {
  it("keeps SAM Eurométropole's two published budgets as versions with their sources", async () => {
    const c = await t.login('coordination@cpas-mouscron.example');
    const b = (await c.get(`/api/programmes/${await idOf('SAM-E')}/budget`)).json() as BudgetView;
    expect(b.versions.map((v) => [v.number, v.datedOn])).toEqual([
      [2, '2011-01-01'],
      [1, '2010-07-01'],
    ]);
    expect(b.versions.every((v) => v.source.length > 10)).toBe(true);
    expect(b.totals).toMatchObject({ total: '1199993.65', byFund: [{ fund: 'erdf', amount: '599996.82' }] });
    const v1 = (await c.get(`/api/programmes/${await idOf('SAM-E')}/budget?version=1`)).json() as BudgetView;
    expect(v1.totals).toMatchObject({ total: '1142943.65', byFund: [{ fund: 'erdf', amount: '583540.04' }] });
  });

  it("gives AB Réfugiés' six operators their published totals and FEDER shares to the cent", async () => {
    const c = await t.login('coordination@udccas-nord.example');
    const b = (await c.get(`/api/programmes/${await idOf('AB Réfugiés')}/budget`)).json() as BudgetView;
    expect(b.totals?.byPartner.map((p) => [p.total, p.funds[0]?.amount]).sort()).toEqual(
      [
        ['183321.24', '91660.62'],
        ['147678.18', '73839.09'],
        ['399058.13', '199529.06'],
        ['291247.36', '145623.68'],
        ['259128.04', '129564.02'],
        ['109307.23', '54653.61'],
      ].sort(),
    );
    expect(b.totals).toMatchObject({ total: '1389740.18', byFund: [{ fund: 'erdf', amount: '694870.08' }] });
  });

  it("shows Charleroi's FAMI envelope with 95 000 € earmarked for Binche, and the fictional follow-up's tables", async () => {
    const c = await t.login('coordination@udccas-nord.example');
    const cb = (
      await c.get(`/api/programmes/${await idOf('FAMI Charleroi–Binche')}/budget`)
    ).json() as BudgetView;
    expect(cb.version?.envelopes[0]).toMatchObject({
      fund: 'amif',
      grant: '236672.84',
      earmarked: '95000.00',
    });
    expect(cb.totals?.envelopes[0]).toMatchObject({ used: '95000.00', remaining: '0.00', overspent: false });
    const suite = (await c.get(`/api/programmes/${await idOf('SAM-E suite')}/budget`)).json() as BudgetView;
    expect(suite.versions).toHaveLength(2);
    expect(suite.totals?.byPartner.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(suite.totals?.byCategory ?? {}).sort()).toEqual([
      'equipment',
      'external',
      'office',
      'staff',
      'travel',
    ]);
    expect(suite.version?.lines.every((l) => l.note?.includes('fictif'))).toBe(true);
  });
});
