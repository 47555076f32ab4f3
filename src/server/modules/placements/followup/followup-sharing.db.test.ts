import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { addDays } from '../../../../common/placements/dates';
import type { Tx } from '../../../platform/db/context';
import { followUpFixtures } from './fixtures.testing';

const available = await engineAvailable();

const TABLES = [
  'placement_attendance',
  'placement_evaluations',
  'placement_incidents',
  'placement_mobility',
  'placement_stays_abroad',
  'placement_outcomes',
] as const;

/**
 * Who sees what of a placement's follow-up: both parties see the follow-up, only the home centre sees the
 * stays abroad and the outcomes, and a third organisation sees and writes nothing (API and SQL under RLS).
 */
describe.skipIf(!available)('placement follow-up between organisations', () => {
  let t: TestApp;
  let f: ReturnType<typeof followUpFixtures>;
  type Member = Awaited<ReturnType<typeof f.member>>;
  let home: Member;
  let host: Member;
  let third: Member;
  let homeRef: Client;
  let tutor: Client;
  let kortrijk: Client;
  let id: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = followUpFixtures(t);
    home = await f.member('referent@cpas-mouscron.example');
    host = await f.member('tuteur@atelier-roubaix.example');
    third = await f.member('trajectbegeleider@ocmw-kortrijk.example');
    today = f.today();
    ({ id } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      benefit: 'leefloon',
      ...f.runningPeriod(today),
    }));
    homeRef = await t.login('referent@cpas-mouscron.example');
    tutor = await t.login('tuteur@atelier-roubaix.example');
    kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    // Some follow-up of every kind, so that there is something to hide.
    const day = addDays(today, -2);
    expect(
      (
        await tutor.put(`/api/placements/${id}/attendance?week=${day}`, {
          days: [{ day, status: 'present', plannedHours: 7, hours: 7 }],
        })
      ).statusCode,
    ).toBe(200);
    const scores = { tasks: 3, skills: 3, soft_skills: 3, punctuality: 3, language: 3 };
    const evaluation = {
      heldOn: day,
      scores,
      personPresent: true,
      referentPresent: true,
      tutorPresent: true,
    };
    expect((await tutor.put(`/api/placements/${id}/evaluations/mid_term`, evaluation)).statusCode).toBe(200);
    const incident = { occurredOn: day, kind: 'conflict', description: 'Désaccord sur les horaires' };
    expect((await tutor.post(`/api/placements/${id}/incidents`, incident)).statusCode).toBe(201);
    const trip = { travelledOn: day, mode: 'train', travelsAlone: true, firstAutonomousCrossing: false };
    expect((await tutor.post(`/api/placements/${id}/mobility`, trip)).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('alerts the home centre when a leefloon recipient stays abroad 8 consecutive days', async () => {
    const short = await homeRef.post(`/api/placements/${id}/stays-abroad`, {
      startsOn: addDays(today, -20),
      endsOn: addDays(today, -15),
      reason: 'Semaine résidentielle',
    });
    expect(short.statusCode, short.body).toBe(201);
    expect(short.json().stayAlerts).toEqual([]);
    const long = await homeRef.post(`/api/placements/${id}/stays-abroad`, {
      startsOn: addDays(today, 5),
      endsOn: addDays(today, 12),
    });
    expect(long.statusCode, long.body).toBe(201);
    expect(long.json().stays).toHaveLength(2);
    expect(long.json().stayAlerts).toEqual([
      { code: 'stay_7_days', startsOn: addDays(today, 5), endsOn: addDays(today, 12), year: null, days: 8 },
    ]);
    // A stay recorded by mistake is removed, and the alert with it.
    const stayId = long.json().stays.find((s: { days: number }) => s.days === 8).id;
    const removed = await homeRef.del(`/api/placements/${id}/stays-abroad/${stayId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().stayAlerts).toEqual([]);
    await homeRef.post(`/api/placements/${id}/stays-abroad`, {
      startsOn: addDays(today, 5),
      endsOn: addDays(today, 12),
    });
  });

  it('shows no alert for a benefit the rule does not concern', async () => {
    const { id: other } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      benefit: 'rsa',
      ...f.runningPeriod(today),
    });
    const r = await homeRef.post(`/api/placements/${other}/stays-abroad`, {
      startsOn: addDays(today, 1),
      endsOn: addDays(today, 20),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ stayAlerts: null });
    expect(r.json().stays).toHaveLength(1);
  });

  it('keeps stays abroad and outcomes from the host', async () => {
    const v = (await tutor.get(`/api/placements/${id}/follow-up`)).json();
    expect(v).toMatchObject({
      side: 'host',
      stays: null,
      stayAlerts: null,
      outcomes: null,
      canRecordStays: false,
    });
    expect(v.incidents).toHaveLength(1);
    const stay = await tutor.post(`/api/placements/${id}/stays-abroad`, { startsOn: today, endsOn: today });
    expect(stay.statusCode).toBe(403);
    const outcome = await tutor.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'no_change',
    });
    expect(outcome.statusCode).toBe(403);
    // In SQL, the host reads the shared follow-up but not the outcomes (home only).
    await f.setStatus(home, id, 'completed', addDays(today, -1));
    expect(
      (
        await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
          observedOn: today,
          situation: 'job',
          contractType: 'fixed_term',
        })
      ).statusCode,
    ).toBe(200);
    const seen = await f.asOrg(host, async (trx) => ({
      outcomes: await count(trx, 'placement_outcomes', id),
      attendance: await count(trx, 'placement_attendance', id),
      stays: await count(trx, 'placement_stays_abroad', id),
    }));
    expect(seen).toEqual({ outcomes: 0, attendance: 1, stays: 2 });
    await f.setStatus(home, id, 'active');
  });

  it('records outcomes once the placement ended, with a contract for a job and a reason for a drop-out', async () => {
    const early = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'no_change',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('placements.followup.errors.outcome_not_ended');
    await f.setStatus(home, id, 'interrupted', addDays(today, -3));
    const noContract = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'job',
    });
    expect(noContract.statusCode).toBe(400);
    expect(noContract.json().error.fields).toMatchObject([
      { path: 'contractType', code: 'validation.required' },
    ]);
    const noReason = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'drop_out',
    });
    expect(noReason.json().error.fields).toMatchObject([
      { path: 'dropOutReason', code: 'validation.required' },
    ]);
    const both = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'training',
      contractType: 'permanent',
    });
    expect(both.json().error.fields).toMatchObject([
      { path: 'contractType', code: 'placements.followup.errors.contract_only_for_job' },
    ]);
    const ok = await homeRef.put(`/api/placements/${id}/outcomes/exit`, {
      observedOn: today,
      situation: 'drop_out',
      dropOutReason: 'Déménagement hors de la région',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().outcomes[0]).toMatchObject({
      kind: 'exit',
      opensOn: addDays(today, -3),
      outcome: { situation: 'drop_out', dropOutReason: 'Déménagement hors de la région', contractType: null },
    });
    const six = await homeRef.put(`/api/placements/${id}/outcomes/six_months`, {
      observedOn: today,
      situation: 'no_change',
    });
    expect(six.statusCode).toBe(409);
    expect(six.json().error.code).toBe('placements.followup.errors.outcome_not_open');
    // Corrections of the follow-up stay possible after the end, up to the interruption day only.
    const late = await tutor.post(`/api/placements/${id}/incidents`, {
      occurredOn: addDays(today, -1),
      kind: 'other',
      description: 'Après l’interruption',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0].code).toBe('placements.followup.errors.outside_period');
    await f.setStatus(home, id, 'active');
  });

  it('shows nothing to a third organisation through the API', async () => {
    const day = addDays(today, -2);
    const reads = ['follow-up', `attendance?week=${day}`];
    for (const path of reads)
      expect((await kortrijk.get(`/api/placements/${id}/${path}`)).statusCode).toBe(404);
    const writes: Array<[string, string, unknown]> = [
      ['put', `attendance?week=${day}`, { days: [{ day, status: 'present', plannedHours: 7, hours: 7 }] }],
      ['post', 'incidents', { occurredOn: day, kind: 'other', description: 'Tentative extérieure' }],
      [
        'post',
        'mobility',
        { travelledOn: day, mode: 'bus', travelsAlone: true, firstAutonomousCrossing: false },
      ],
      ['post', 'stays-abroad', { startsOn: day, endsOn: day }],
      ['put', 'outcomes/exit', { observedOn: day, situation: 'no_change' }],
    ];
    for (const [method, path, body] of writes) {
      const r =
        method === 'put'
          ? await kortrijk.put(`/api/placements/${id}/${path}`, body)
          : await kortrijk.post(`/api/placements/${id}/${path}`, body);
      expect([403, 404], `${path} ${r.body}`).toContain(r.statusCode);
    }
  });

  it('lets a third organisation neither read nor write any follow-up table in SQL', async () => {
    const counts = await f.asOrg(third, async (trx) => {
      const out: Record<string, number> = {};
      for (const tb of TABLES) out[tb] = await count(trx, tb);
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(TABLES.map((tb) => [tb, 0])));
    const p = (
      await sql<{ org_id: string; host_org_id: string }>`select org_id, host_org_id from placements
      where id = ${id}`.execute(f.db)
    ).rows[0]!;
    const parties = {
      org_id: p.org_id,
      host_org_id: p.host_org_id,
      placement_id: id,
      recorded_by: third.userId,
    };
    const authored = { ...parties, author_org_id: third.orgId };
    const attempts: Array<(trx: Tx) => Promise<unknown>> = [
      (trx) =>
        trx
          .insertInto('placement_attendance')
          .values({ ...authored, day: today, status: 'present', hours: 7 })
          .execute(),
      (trx) =>
        trx
          .insertInto('placement_incidents')
          .values({
            org_id: p.org_id,
            host_org_id: p.host_org_id,
            placement_id: id,
            occurred_on: today,
            kind: 'other',
            description: 'Écrit par un tiers',
            reported_by: third.userId,
            author_org_id: third.orgId,
          })
          .execute(),
      (trx) =>
        trx
          .insertInto('placement_mobility')
          .values({ ...parties, travelled_on: today, mode: 'bus', author_org_id: third.orgId })
          .execute(),
      (trx) =>
        trx
          .insertInto('placement_stays_abroad')
          .values({ ...parties, starts_on: today, ends_on: today })
          .execute(),
      (trx) =>
        trx
          .insertInto('placement_evaluations')
          .values({ ...authored, kind: 'final', held_on: today, scores: '{}' })
          .execute(),
      (trx) =>
        trx
          .insertInto('placement_outcomes')
          .values({
            org_id: p.org_id,
            placement_id: id,
            kind: 'six_months',
            observed_on: today,
            situation: 'no_change',
            recorded_by: third.userId,
          })
          .execute(),
      // Claiming to be a party does not help: the row must match the agreement's organisations.
      (trx) =>
        trx
          .insertInto('placement_attendance')
          .values({ ...authored, org_id: third.orgId, day: today, status: 'present', hours: 7 })
          .execute(),
    ];
    for (const attempt of attempts)
      await expect(f.asOrg(third, attempt)).rejects.toMatchObject({ code: '42501' });
    const changed = await f.asOrg(third, async (trx) => {
      let n = 0;
      for (const tb of TABLES) {
        const u =
          await sql`update ${sql.table(tb)} set updated_at = now() where placement_id = ${id}`.execute(trx);
        n += Number(u.numAffectedRows ?? 0);
      }
      for (const tb of TABLES.filter((x) => x !== 'placement_outcomes')) {
        const d = await sql`delete from ${sql.table(tb)} where placement_id = ${id}`.execute(trx);
        n += Number(d.numAffectedRows ?? 0);
      }
      return n;
    });
    expect(changed).toBe(0);
    const still = await sql<{ n: number }>`select count(*)::int as n from placement_attendance
      where placement_id = ${id}`.execute(f.db);
    expect(still.rows[0]?.n).toBe(1);
  });
});

async function count(trx: Tx, table: (typeof TABLES)[number], placementId?: string) {
  const r = placementId
    ? await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where placement_id = ${placementId}`.execute(trx)
    : await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
  return Number(r.rows[0]?.n ?? 0);
}
