import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { IndicatorBoard, IndicatorView, RecordsView } from '../../../../common/monitoring/schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Indicators counted from crafted records, on both engines: the same person at two partners counts once,
 * a placement crossing the programme's start counts, one shorter than the minimum does not, nor one whose
 * person withdrew consent for network statistics; the lead sees every figure, others aggregates with
 * suppression; the drill-down is the lead's (all) or a partner's (its own), and audited.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let home1: { userId: string; orgId: string };
let home2: { userId: string; orgId: string };
let sharedCode: string;

const setCode = (personId: string, code: string) =>
  sql`update persons set participant_code = ${code} where id = ${personId}::uuid`.execute(fx.db);

const INPUT = {
  code: 'P1',
  euCode: 'RCO82',
  kind: 'output',
  unit: 'persons',
  labelFr: 'Personnes en chantier',
  labelNl: 'Personen op een werkplek',
  labelEn: 'Persons placed',
  baseline: 0,
  target: 50,
  actionId: null,
  ruleCode: 'placements.persons_placed',
  ruleParams: { minDurationDays: 56 },
  milestones: [{ dueOn: '2026-06-30', target: 2 }],
};

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  programmeId = await fx.createProgramme(lead.orgId, 'IND-T');
  home1 = await fx.member('referent@cpas-mouscron.example');
  home2 = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  for (const org of [home1.orgId, home2.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')`.execute(fx.db);
  const at = (
    home: typeof home1,
    o: { startsOn: string; endsOn: string; status?: string; endedOn?: string },
  ) => fx.createAgreement(home, host, { programmeId, ...o });
  // The same person (one participant code) at two partners.
  const a = await at(home1, { startsOn: '2026-02-02', endsOn: '2026-06-30' });
  const b = await at(home2, { startsOn: '2026-03-02', endsOn: '2026-05-29', status: 'completed' });
  sharedCode = 'SAME-0000-0000-0001';
  await setCode(a.personId, sharedCode);
  await setCode(b.personId, sharedCode);
  // Began before the programme, ended inside it: counted.
  await at(home1, { startsOn: '2025-11-03', endsOn: '2026-02-27', status: 'completed' });
  // 30 days: below the minimum.
  await at(home1, { startsOn: '2026-04-01', endsOn: '2026-04-30' });
  // A draft is no placement yet.
  await at(home1, { startsOn: '2026-09-01', endsOn: '2026-12-31', status: 'draft' });
  // Consent for network statistics withdrawn: left out.
  const w = await at(home1, { startsOn: '2026-02-02', endsOn: '2026-06-30' });
  const consentId = await fx.createConsent(home1, w.personId, {
    purpose: 'network_statistics',
    categories: ['identity'],
    recipients: [],
  });
  await fx.asOrg(home1, (trx) =>
    trx.updateTable('consents').set({ withdrawn_on: '2026-03-01' }).where('id', '=', consentId).execute(),
  );
});
afterAll(async () => t?.close());

const board = async (email: string) => {
  const c = await t.login(email);
  const r = await c.get(`/api/programmes/${programmeId}/indicators`);
  expect(r.statusCode, r.body).toBe(200);
  return { board: r.json() as IndicatorBoard, body: r.body };
};

let placed: IndicatorView;
let participations: IndicatorView;

describe('counting rules on crafted records', () => {
  it('lets the lead coordinator define indicators and counts them live', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/indicators`, INPUT);
    expect(r.statusCode, r.body).toBe(201);
    placed = r.json() as IndicatorView;
    // X (at two partners) and the boundary-crossing placement: two persons.
    expect(placed.value).toBe(2);
    expect(placed.byPartner.map((p) => [p.orgId, p.n])).toEqual(
      expect.arrayContaining([
        [home1.orgId, 2],
        [home2.orgId, 1],
        [lead.orgId, 0],
      ]),
    );
    expect(placed.milestones).toEqual([{ dueOn: '2026-06-30', target: 2, valueAt: 2, status: 'reached' }]);
    expect(placed.params).toContainEqual({ name: 'minDurationDays', kind: 'integer', value: 56 });

    const p = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      ...INPUT,
      code: 'P2',
      unit: 'participations',
      ruleCode: 'placements.participations',
      milestones: [],
    });
    expect(p.statusCode, p.body).toBe(201);
    participations = p.json() as IndicatorView;
    expect(participations.value).toBe(3);
  });

  it('counts a shorter minimum: the 30-day placement joins', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.put(`/api/indicators/${participations.id}`, {
      ...INPUT,
      code: 'P2',
      unit: 'participations',
      ruleCode: 'placements.participations',
      ruleParams: { minDurationDays: 28 },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as IndicatorView).value).toBe(4);
  });

  it('refuses unknown rules, wrong parameters and a unit the rule does not count', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const post = (b: object) =>
      coord.post(`/api/programmes/${programmeId}/indicators`, { ...INPUT, code: 'X9', ...b });
    const codes = async (b: object) => {
      const r = await post(b);
      expect(r.statusCode).toBe(400);
      return (r.json() as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path);
    };
    expect(await codes({ ruleCode: 'placements.nothing' })).toEqual(['ruleCode']);
    expect(await codes({ ruleParams: { minDurationDays: 0, colour: true } })).toEqual(
      expect.arrayContaining(['ruleParams.minDurationDays', 'ruleParams.colour']),
    );
    expect(await codes({ unit: 'organisations' })).toEqual(['unit']);
    expect(await codes({ milestones: [{ dueOn: '2030-01-01', target: 1 }] })).toEqual(['milestones.0.dueOn']);
    expect(await codes({ ruleCode: null, ruleParams: { minDurationDays: 3 } })).toEqual(['ruleParams']);
  });
});

describe('who sees what', () => {
  it('gives the lead every figure', async () => {
    const { board: b } = await board('coordination@udccas-nord.example');
    expect([b.seesAll, b.canManage, b.canDrill]).toEqual([true, true, true]);
    expect(b.items.find((i) => i.code === 'P1')?.suppressed).toBe(false);
  });

  it('gives another organisation aggregates only, small numbers hidden', async () => {
    const { board: b, body } = await board('analist@west-vlaanderen.example');
    expect([b.seesAll, b.canManage, b.canDrill]).toEqual([false, false, false]);
    const p = b.items.find((i) => i.code === 'P1')!;
    expect(p.value).toBeNull();
    expect(p.percent).toBeNull();
    expect(p.suppressed).toBe(true);
    expect(p.byPartner.find((x) => x.orgId === home1.orgId)?.n).toBeNull();
    expect(p.byPartner.find((x) => x.orgId === lead.orgId)?.n).toBe(0);
    expect(p.milestones[0]?.valueAt).toBeNull();
    expect(body).not.toContain(sharedCode);
  });

  it('lets the lead drill into every record, pseudonymously, and audits it in each home chain', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const before = await auditReads();
    const r = await coord.get(`/api/indicators/${placed.id}/records`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as RecordsView;
    expect(v.scope).toBe('all');
    expect(v.items).toHaveLength(3);
    expect(
      v.items
        .filter((i) => i.subject === sharedCode)
        .map((i) => i.orgId)
        .sort(),
    ).toEqual([home1.orgId, home2.orgId].sort());
    expect(r.body).not.toMatch(/Nora|Fictive|1988-04-12/);
    // Pages: the second page of two rows holds the third.
    const p2 = (
      await coord.get(`/api/indicators/${placed.id}/records?page=2&pageSize=2`)
    ).json() as RecordsView;
    expect([p2.total, p2.page, p2.items.length]).toEqual([3, 2, 1]);
    const after = await auditReads();
    // One entry per page in each home chain that page names (two pages, three rows, two homes).
    expect((after[home1.orgId] ?? 0) - (before[home1.orgId] ?? 0)).toBeGreaterThanOrEqual(1);
    expect((after[home2.orgId] ?? 0) - (before[home2.orgId] ?? 0)).toBeGreaterThanOrEqual(1);
    expect(
      (after[home1.orgId] ?? 0) +
        (after[home2.orgId] ?? 0) -
        (before[home1.orgId] ?? 0) -
        (before[home2.orgId] ?? 0),
    ).toBe(3);
  });

  it("shows a partner's coordinator its own records only", async () => {
    const coord = await t.login('coordination@cpas-mouscron.example');
    const r = await coord.get(`/api/indicators/${placed.id}/records`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as RecordsView;
    expect(v.scope).toBe('own');
    expect(v.items).toHaveLength(2);
    expect(new Set(v.items.map((i) => i.orgId))).toEqual(new Set([home1.orgId]));
  });

  it('refuses the drill-down to roles without it', async () => {
    for (const email of ['analist@west-vlaanderen.example', 'referent@cpas-mouscron.example']) {
      const c = await t.login(email);
      expect((await c.get(`/api/indicators/${placed.id}/records`)).statusCode).toBe(403);
    }
  });

  it('refuses definitions by anyone but the lead', async () => {
    const other = await t.login('coordination@cpas-mouscron.example');
    const r = await other.post(`/api/programmes/${programmeId}/indicators`, { ...INPUT, code: 'Z1' });
    expect(r.statusCode).toBe(403);
    expect((await other.put(`/api/indicators/${placed.id}`, INPUT)).statusCode).toBe(403);
  });
});

describe('manual values', () => {
  it('takes dated values with evidence for manual indicators only', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const m = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      ...INPUT,
      code: 'M1',
      unit: 'initiatives',
      ruleCode: null,
      ruleParams: {},
      milestones: [],
    });
    expect(m.statusCode, m.body).toBe(201);
    const id = (m.json() as IndicatorView).id;
    const noEvidence = await coord.post(`/api/indicators/${id}/values`, { value: 4, asOf: '2026-06-30' });
    expect(noEvidence.statusCode).toBe(400);
    const ok = await coord.post(`/api/indicators/${id}/values`, {
      value: 4,
      asOf: '2026-06-30',
      evidenceUrl: 'https://example.org/rapport.pdf',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const onRule = await coord.post(`/api/indicators/${placed.id}/values`, {
      value: 4,
      asOf: '2026-06-30',
      evidenceNote: 'Rapport',
    });
    expect(onRule.statusCode).toBe(409);
    const { board: b } = await board('coordination@udccas-nord.example');
    const manual = b.items.find((i) => i.id === id)!;
    expect([manual.value, manual.asOf, manual.values[0]?.authorUserId]).toEqual([
      4,
      '2026-06-30',
      lead.userId,
    ]);
  });
});

describe('row-level security of the indicator tables', () => {
  it('lets another organisation read but not write them', async () => {
    const seen = await fx.asOrg(home1, (trx) =>
      trx.selectFrom('programme_indicators').select('id').where('programme_id', '=', programmeId).execute(),
    );
    expect(seen.length).toBeGreaterThan(0);
    await expect(
      fx.asOrg(home1, (trx) =>
        trx
          .insertInto('programme_indicators')
          .values({
            programme_id: programmeId,
            org_id: home1.orgId,
            code: 'EVIL',
            kind: 'output',
            unit: 'persons',
            label_fr: 'xx',
            label_nl: 'xx',
            label_en: 'xx',
            target: 1,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await fx.asOrg(home1, (trx) =>
      trx
        .updateTable('programme_indicators')
        .set({ target: 1 })
        .where('programme_id', '=', programmeId)
        .execute(),
    );
    expect(Number(changed[0]?.numUpdatedRows)).toBe(0);
    await expect(
      fx.asOrg(home1, (trx) =>
        trx
          .insertInto('programme_indicator_values')
          .values({
            indicator_id: placed.id,
            org_id: lead.orgId,
            value: 1,
            as_of: '2026-01-01',
            evidence_note: 'xx',
            author_user_id: home1.userId,
          })
          .execute(),
      ),
    ).rejects.toThrow();
  });

  it('answers counts only to signed-in contexts, and records never to an unrelated one', async () => {
    const args = sql`${programmeId}::uuid, '2026-01-01'::date, '2028-12-31'::date, 56, array['active','completed'], array[]::text[]`;
    const other = await fx.member('tuteur@atelier-roubaix.example');
    const rows = await fx.asOrg(other, (trx) =>
      sql<{ subject: string }>`select * from app.ind_placements_records(${args})`.execute(trx),
    );
    expect(rows.rows).toEqual([]);
    await expect(
      fx.asOrg(other, (trx) => sql`select * from app.ind_placements_all(${args})`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
  });
});

async function auditReads(): Promise<Record<string, number>> {
  const r = await sql<{ chain: string; n: number }>`select chain, count(*)::int as n from audit.log
    where action = 'read' and entity = 'persons' and detail->>'what' = 'indicator_records'
    group by chain`.execute(fx.db);
  return Object.fromEntries(r.rows.map((x) => [x.chain, Number(x.n)]));
}

describe('demo', () => {
  it("gives SAM Eurométropole (and its fictional follow-up, when seeded) SAM's six indicators", async () => {
    const r = await sql<{ id: string; acronym: string }>`select id, acronym from programmes
      where acronym in ('SAM-E', 'SAM-E suite')`.execute(fx.db);
    expect(r.rows.map((x) => x.acronym)).toContain('SAM-E');
    const coord = await t.login('coordination@udccas-nord.example');
    for (const p of r.rows) {
      const res = await coord.get(`/api/programmes/${p.id}/indicators`);
      expect(res.statusCode, res.body).toBe(200);
      const b = res.json() as IndicatorBoard;
      expect(b.items.map((i) => [i.code, i.target])).toEqual([
        ['I1', 50],
        ['I2', 60],
        ['I3', 23],
        ['I4', 350],
        ['I5', 750],
        ['I6', 45],
      ]);
      expect(b.items.filter((i) => i.ruleCode === null).map((i) => i.code)).toEqual([]);
      // Attributed to the programme's actions A1–A4 where it has them.
      if (b.actions.some((a) => a.code === 'A1'))
        expect(b.items.map((i) => i.actionCode)).toEqual(['A1', 'A2', 'A3', 'A1', 'A4', 'A3']);
      console.log(
        'DEMO',
        p.acronym,
        JSON.stringify(b.items.map((i) => [i.code, i.value, i.byPartner.length])),
      );
    }
  });
});
