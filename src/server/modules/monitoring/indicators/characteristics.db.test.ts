import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import { agreementFixtures } from '../../placements/reminders/fixtures.testing';

/**
 * Breakdowns by sex and by ESF+ age band (migration 0022) from crafted persons, on both engines: a unique
 * count takes each participant once, at their earliest record; participations count every record at its
 * own start; the lead sees every number; a partner without drill-down rights sees the same small-number
 * suppression as in the partner breakdown; the definer functions answer counts only, and the one that
 * reads persons' characteristics is nobody's to call.
 */
let t: TestApp;
let fx: ReturnType<typeof agreementFixtures>;
let programmeId: string;
let lead: { userId: string; orgId: string };
let home1: { userId: string; orgId: string };
let home2: { userId: string; orgId: string };
let analyst: { userId: string; orgId: string };

const INPUT = {
  code: 'C1',
  euCode: null,
  kind: 'output',
  unit: 'persons',
  labelFr: 'Participants',
  labelNl: 'Deelnemers',
  labelEn: 'Participants',
  baseline: 0,
  target: 50,
  actionId: null,
  ruleCode: 'placements.persons_placed',
  ruleParams: { minDurationDays: 56 },
  breakdowns: ['partner', 'sex', 'age_band'],
};

const setPerson = (personId: string, sex: string | null, birth: string, code?: string) =>
  sql`update persons set sex = ${sex}, birth_date = ${birth}::date,
    participant_code = coalesce(${code ?? null}, participant_code) where id = ${personId}::uuid`.execute(
    fx.db,
  );

beforeAll(async () => {
  t = await createTestApp();
  fx = agreementFixtures(t);
  lead = await fx.member('coordination@udccas-nord.example');
  programmeId = await fx.createProgramme(lead.orgId, 'IND-C');
  home1 = await fx.member('referent@cpas-mouscron.example');
  home2 = await fx.member('trajectbegeleider@ocmw-kortrijk.example');
  analyst = await fx.member('analist@west-vlaanderen.example');
  const host = await fx.member('tuteur@atelier-roubaix.example');
  for (const org of [home1.orgId, home2.orgId, analyst.orgId])
    await sql`insert into programme_partners (programme_id, partner_org_id, org_id, role)
      values (${programmeId}::uuid, ${org}::uuid, ${lead.orgId}::uuid, 'partner')
      on conflict do nothing`.execute(fx.db);
  const place = async (
    home: typeof home1,
    sex: string | null,
    birth: string,
    startsOn = '2026-02-02',
    code?: string,
  ) => {
    const a = await fx.createAgreement(home, host, { programmeId, startsOn, endsOn: '2026-06-30' });
    await setPerson(a.personId, sex, birth, code);
  };
  await place(home1, 'female', '2000-06-15'); // 25: 18–29
  await place(home1, 'female', '1990-01-01'); // 36: 30–54
  await place(home1, 'male', '1960-05-05'); // 65: 55 and over
  await place(home1, null, '2009-03-01'); // 16: under 18, sex not recorded
  await place(home1, 'female', '2008-02-02'); // 18 on the day the placement starts: 18–29
  // One participant at two partners: 29 at the first start (home2), 30 at the second (home1).
  await place(home2, 'male', '1996-02-15', '2026-02-02', 'SAME-0000-0000-0022');
  await place(home1, 'male', '1996-02-15', '2026-03-02', 'SAME-0000-0000-0022');
  await place(home2, 'non_binary', '1985-07-07'); // 40: 30–54
  for (let i = 0; i < 5; i++) await place(home1, 'female', '1980-09-09'); // 45: 30–54
});
afterAll(async () => t?.close());

const cells = (parts: ReadonlyArray<{ category: string; n: number | null }>) =>
  Object.fromEntries(parts.map((p) => [p.category, p.n]));

let unique: IndicatorView;
let participations: IndicatorView;

describe('breakdowns by sex and by age band', () => {
  it('counts each participant once, at their earliest record, for the lead', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/indicators`, INPUT);
    expect(r.statusCode, r.body).toBe(201);
    unique = r.json() as IndicatorView;
    expect(unique.value).toBe(12);
    expect(unique.breakdowns).toEqual(['partner', 'sex', 'age_band']);
    expect(cells(unique.bySex)).toEqual({ female: 8, male: 2, non_binary: 1, not_recorded: 1 });
    expect(cells(unique.byAgeBand)).toEqual({ under_18: 1, '18_29': 3, '30_54': 7, '55_plus': 1 });
    expect(unique.suppressed).toBe(false);
  });

  it('counts every record at its own start for participations', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      ...INPUT,
      code: 'C2',
      unit: 'participations',
      ruleCode: 'placements.participations',
    });
    expect(r.statusCode, r.body).toBe(201);
    participations = r.json() as IndicatorView;
    expect(participations.value).toBe(13);
    expect(cells(participations.bySex)).toEqual({ female: 8, male: 3, non_binary: 1, not_recorded: 1 });
    expect(cells(participations.byAgeBand)).toEqual({ under_18: 1, '18_29': 3, '30_54': 8, '55_plus': 1 });
  });

  it('publishes only the breakdowns an indicator declares', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const r = await coord.put(`/api/indicators/${participations.id}`, {
      ...INPUT,
      code: 'C2',
      unit: 'participations',
      ruleCode: 'placements.participations',
      breakdowns: ['sex'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json() as IndicatorView;
    expect(v.breakdowns).toEqual(['sex']);
    expect(v.bySex).toHaveLength(4);
    expect(v.byAgeBand).toEqual([]);
    // Not given on update: they stay.
    const { breakdowns: _, ...rest } = INPUT;
    const again = await coord.put(`/api/indicators/${participations.id}`, {
      ...rest,
      code: 'C2',
      unit: 'participations',
      ruleCode: 'placements.participations',
    });
    expect((again.json() as IndicatorView).breakdowns).toEqual(['sex']);
  });

  it('refuses sex and age breakdowns on a manual indicator, and unknown breakdowns', async () => {
    const coord = await t.login('coordination@udccas-nord.example');
    const manual = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      ...INPUT,
      code: 'C3',
      ruleCode: null,
      ruleParams: {},
    });
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.fields.map((f: { path: string }) => f.path)).toContain('breakdowns');
    const unknown = await coord.post(`/api/programmes/${programmeId}/indicators`, {
      ...INPUT,
      code: 'C4',
      breakdowns: ['religion'],
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('gives a partner without drill-down rights suppressed aggregates only', async () => {
    const c = await t.login('analist@west-vlaanderen.example');
    const r = await c.get(`/api/programmes/${programmeId}/indicators`);
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json() as { seesAll: boolean; canDrill: boolean; items: IndicatorView[] };
    expect([b.seesAll, b.canDrill]).toEqual([false, false]);
    const onBoard = b.items.find((i) => i.code === 'C1')!;
    expect(onBoard.value).toBe(12);
    // The board leaves them for when the indicator is opened: they run the rule once more.
    expect([onBoard.breakdownsDeferred, onBoard.bySex, onBoard.byAgeBand]).toEqual([true, [], []]);
    const one = await c.get(`/api/indicators/${onBoard.id}`);
    expect(one.statusCode, one.body).toBe(200);
    const v = one.json() as IndicatorView;
    expect(v.breakdownsDeferred).toBe(false);
    // 2, 1 and 1 are hidden; 8 is shown (the three hidden ones give nothing away together).
    expect(cells(v.bySex)).toEqual({ female: 8, male: null, non_binary: null, not_recorded: null });
    expect(cells(v.byAgeBand)).toEqual({ under_18: null, '18_29': null, '30_54': 7, '55_plus': null });
    expect(v.suppressed).toBe(true);
    expect((await c.get(`/api/indicators/${v.id}/records`)).statusCode).toBe(403);
    // Someone outside the programme reads nothing of it, not even that it exists.
    const outsider = await t.login('benevolat@ccas-lille.example');
    const unknown = await outsider.get(`/api/indicators/${v.id}`);
    const none = await outsider.get('/api/indicators/00000000-0000-4000-8000-000000000000');
    expect([unknown.statusCode, none.statusCode]).toEqual([none.statusCode, none.statusCode]);
    expect([403, 404]).toContain(unknown.statusCode);
  });

  it('answers profiles as counts only, and never lets anyone read characteristics by person id', async () => {
    const other = await fx.member('tuteur@atelier-roubaix.example');
    const args = sql`${programmeId}::uuid, '2026-01-01'::date, '2028-12-31'::date, 56,
      array['active','completed'], array[]::text[], true`;
    const rows = await fx.asOrg(other, (trx) =>
      sql<{
        sex: string | null;
        age: number;
        n: number;
      }>`select * from app.ind_placements_profile(${args})`.execute(trx),
    );
    expect(rows.rows.reduce((s, x) => s + Number(x.n), 0)).toBe(12);
    expect(Object.keys(rows.rows[0] ?? {}).sort()).toEqual(['age', 'n', 'sex']);
    const anyone = await sql<{ id: string }>`select id from persons limit 1`.execute(fx.db);
    const probe = JSON.stringify([{ subject: 'x', person_id: anyone.rows[0]!.id, starts_on: null }]);
    await expect(
      fx.asOrg(other, (trx) =>
        sql`select * from app.ind_profile_of(${probe}::jsonb, '2026-12-31'::date, true)`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('keeps sex out of what a grant shares', async () => {
    const r = await sql<{ f: string[] }>`select app.shareable_fields() as f`.execute(fx.db);
    expect(r.rows[0]!.f).not.toContain('sex');
  });
});
