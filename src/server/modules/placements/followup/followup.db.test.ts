import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { addDays } from '../../../../common/placements/dates';
import { mondayOf, weekDays } from '../../../../common/placements/followup-rules';
import { followUpFixtures } from './fixtures.testing';

const available = await engineAvailable();

const scores = { tasks: 3, skills: 3, soft_skills: 4, punctuality: 2, language: 3 };
const evaluation = (heldOn: string) => ({
  heldOn,
  scores,
  personPresent: true,
  referentPresent: true,
  tutorPresent: true,
  strengths: 'Ponctuelle et attentive',
});

/** The tutor's weekly attendance sheet and the rest of the follow-up, through the API. */
describe.skipIf(!available)('placement follow-up', () => {
  let t: TestApp;
  let f: ReturnType<typeof followUpFixtures>;
  let tutor: Client;
  let homeRef: Client;
  let id: string;
  let today: string;
  let monday: string; // a past week, fully inside the period

  beforeAll(async () => {
    t = await createTestApp();
    f = followUpFixtures(t);
    const home = await f.member('referent@cpas-mouscron.example');
    const host = await f.member('tuteur@atelier-roubaix.example');
    today = f.today();
    monday = mondayOf(addDays(today, -14));
    ({ id } = await f.createAgreement(home, host, { tutorUserId: host.userId, ...f.runningPeriod(today) }));
    tutor = await t.login('tuteur@atelier-roubaix.example');
    homeRef = await t.login('referent@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  const week = (days: ReturnType<typeof weekDays>) => [
    { day: days[0], status: 'present', plannedHours: 7, hours: 7 },
    { day: days[1], status: 'present', plannedHours: 7, hours: 6.5, note: 'Parti plus tôt (rendez-vous)' },
    { day: days[2], status: 'justified_absence', plannedHours: 7, note: 'Certificat médical' },
    { day: days[3], status: 'unjustified_absence', plannedHours: 7, hours: 0 },
    { day: days[4], status: 'present', plannedHours: 7, hours: 7 },
    { day: days[5], status: 'not_planned', plannedHours: 0 },
    { day: days[6], status: 'not_planned', plannedHours: 0 },
  ];

  it('gives the tutor a week with the planned hours spread Monday to Friday', async () => {
    const r = await tutor.get(`/api/placements/${id}/attendance?week=${addDays(monday, 3)}`);
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.week).toBe(monday);
    expect(v.canEdit).toBe(true);
    expect(v.days.map((d: { plannedHours: number }) => d.plannedHours)).toEqual([7, 7, 7, 7, 7, 0, 0]);
    expect(v.days.every((d: { open: boolean; recorded: boolean }) => d.open && !d.recorded)).toBe(true);
    expect(v.previousWeek).toBe(addDays(monday, -7));
    expect(v.summary.missingWeeks).toContain(monday);
  });

  it('records a whole week at once, audited, and sums it up', async () => {
    const r = await tutor.put(`/api/placements/${id}/attendance?week=${monday}`, {
      days: week(weekDays(monday)),
    });
    expect(r.statusCode, r.body).toBe(200);
    const v = r.json();
    expect(v.days.map((d: { status: string }) => d.status)).toEqual([
      'present',
      'present',
      'justified_absence',
      'unjustified_absence',
      'present',
      'not_planned',
      'not_planned',
    ]);
    expect(v.days[3].hours).toBeNull();
    expect(v.days[1]).toMatchObject({ hours: 6.5, note: 'Parti plus tôt (rendez-vous)', recorded: true });
    expect(v.summary).toMatchObject({
      plannedDays: 5,
      plannedHours: 35,
      presentDays: 3,
      presentHours: 20.5,
      justifiedAbsences: 1,
      unjustifiedAbsences: 1,
      // Hours worked over hours planned (3 of 5 days present would read 60 %).
      realisedHours: 20.5,
      attendanceRate: 20.5 / 35,
    });
    expect(v.summary.missingWeeks).not.toContain(monday);
    const audited = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'placement_attendance' and action = 'create'
        and entity_id in (select id::text from placement_attendance where placement_id = ${id})`.execute(
      f.db,
    );
    expect(audited.rows[0]?.n).toBe(7);
    // The home centre sees the same summary on the placement's follow-up.
    const home = (await homeRef.get(`/api/placements/${id}/follow-up`)).json();
    expect(home.summary.presentDays).toBe(3);
  });

  it('replaces the week when saved again', async () => {
    const days = weekDays(monday);
    const r = await tutor.put(`/api/placements/${id}/attendance?week=${monday}`, {
      days: [{ day: days[0], status: 'present', plannedHours: 7, hours: 7 }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const rows = await sql<{ n: number }>`select count(*)::int as n from placement_attendance
      where placement_id = ${id}`.execute(f.db);
    expect(rows.rows[0]?.n).toBe(1);
    await tutor.put(`/api/placements/${id}/attendance?week=${monday}`, { days: week(days) });
  });

  it('refuses a bad day by its index and field, and changes nothing', async () => {
    const days = weekDays(monday);
    const bad = week(days);
    bad[2] = { day: days[2], status: 'present', plannedHours: 7 };
    bad[4] = { day: addDays(monday, 7), status: 'present', plannedHours: 7, hours: 7 };
    const r = await tutor.put(`/api/placements/${id}/attendance?week=${monday}`, { days: bad });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.fields.map((x: { path: string; code: string }) => [x.path, x.code]);
    expect(fields).toEqual([
      ['days.2.hours', 'placements.followup.errors.hours_required'],
      ['days.4.day', 'placements.followup.errors.outside_week'],
    ]);
    expect(r.json().error.fields[0].message).toBe('Indiquez les heures effectuées.');
    const v = (await tutor.get(`/api/placements/${id}/attendance?week=${monday}`)).json();
    expect(v.days[2].status).toBe('justified_absence');
  });

  it('refuses days in the future and outside the period', async () => {
    const thisWeek = mondayOf(today);
    const tomorrow = addDays(today, 1);
    const future = await tutor.put(`/api/placements/${id}/attendance?week=${tomorrow}`, {
      days: [{ day: tomorrow, status: 'present', plannedHours: 7, hours: 7 }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({
      path: 'days.0.day',
      code: 'placements.followup.errors.future',
    });
    const current = (await tutor.get(`/api/placements/${id}/attendance`)).json();
    expect(current.week).toBe(thisWeek);
    const start = addDays(today, -35);
    const before = addDays(start, -1);
    const outside = await tutor.put(`/api/placements/${id}/attendance?week=${before}`, {
      days: [{ day: before, status: 'not_planned', plannedHours: 0 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0]).toMatchObject({
      path: 'days.0.day',
      code: 'placements.followup.errors.outside_period',
      params: { start },
    });
  });

  it('answers bad input with a 400, never a 500', async () => {
    for (const [url, body] of [
      [`/api/placements/${id}/attendance?week=2026-02-30`, { days: [] }],
      [
        `/api/placements/${id}/attendance?week=${monday}`,
        { days: [{ day: monday, status: 'sleeping', plannedHours: 7 }] },
      ],
      [
        `/api/placements/${id}/attendance?week=${monday}`,
        { days: [{ day: monday, status: 'present', plannedHours: 30 }] },
      ],
      [`/api/placements/${id}/attendance`, { days: [] }],
      ['/api/placements/not-a-uuid/attendance?week=2026-01-05', { days: [] }],
      [
        `/api/placements/${id}/attendance?week=${monday}`,
        { days: [{ day: '2026-02-30', status: 'not_planned', plannedHours: 0 }] },
      ],
      [`/api/placements/${id}/attendance?week=${monday}`, { days: 'all of them' }],
      [`/api/placements/${id}/evaluations/mid_term`, { ...evaluation('2026-02-30') }],
      [`/api/placements/${id}/stays-abroad`, { startsOn: '2026-13-01', endsOn: '2026-13-02' }],
    ] as const) {
      const r = url.endsWith('stays-abroad') ? await homeRef.post(url, body) : await tutor.put(url, body);
      expect(r.statusCode, `${url} ${r.body}`).toBe(400);
    }
    for (const body of [null, [], 'text']) {
      const r = await tutor.post(`/api/placements/${id}/incidents`, body);
      expect([400, 415], r.body).toContain(r.statusCode);
    }
    expect((await tutor.get(`/api/placements/${id}/attendance?week=banana`)).statusCode).toBe(400);
    expect(
      (await tutor.get('/api/placements/00000000-0000-4000-8000-000000000000/follow-up')).statusCode,
    ).toBe(404);
  });

  it('takes the mid-term evaluation from either side; the final one waits for the midpoint', async () => {
    const mid = await tutor.put(`/api/placements/${id}/evaluations/mid_term`, evaluation(addDays(today, -3)));
    expect(mid.statusCode, mid.body).toBe(200);
    expect(mid.json().evaluations).toMatchObject([
      { kind: 'mid_term', scores, strengths: 'Ponctuelle et attentive' },
    ]);
    // Corrected by the referent: still one mid-term evaluation.
    const again = await homeRef.put(`/api/placements/${id}/evaluations/mid_term`, {
      ...evaluation(addDays(today, -2)),
      tutorPresent: false,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().evaluations).toHaveLength(1);
    expect(again.json().evaluations[0]).toMatchObject({ heldOn: addDays(today, -2), tutorPresent: false });
    const final = await tutor.put(`/api/placements/${id}/evaluations/final`, evaluation(today));
    expect(final.statusCode).toBe(400);
    expect(final.json().error.fields[0]).toMatchObject({
      path: 'heldOn',
      code: 'placements.followup.errors.final_before_midpoint',
    });
    const badScore = await tutor.put(`/api/placements/${id}/evaluations/mid_term`, {
      ...evaluation(today),
      scores: { ...scores, language: 5 },
    });
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().error.fields[0].path).toBe('scores.language');
    expect((await tutor.put(`/api/placements/${id}/evaluations/midterm`, evaluation(today))).statusCode).toBe(
      400,
    );
  });

  it('logs incidents and journeys; a second first crossing is kept with a warning', async () => {
    const inc = await tutor.post(`/api/placements/${id}/incidents`, {
      occurredOn: addDays(today, -1),
      kind: 'commuting_accident',
      description: 'Chute à vélo sur le trajet, sans gravité',
    });
    expect(inc.statusCode, inc.body).toBe(201);
    expect(inc.json().incidents[0]).toMatchObject({ kind: 'commuting_accident', actionTaken: null });
    const trip = {
      travelledOn: addDays(today, -7),
      mode: 'bus',
      doorToDoorMinutes: 55,
      costRefundedCents: 420,
      travelsAlone: true,
      firstAutonomousCrossing: true,
    };
    const first = await homeRef.post(`/api/placements/${id}/mobility`, trip);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ warnings: [], firstCrossingOn: trip.travelledOn });
    const second = await tutor.post(`/api/placements/${id}/mobility`, {
      ...trip,
      travelledOn: addDays(today, -1),
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().warnings).toEqual(['placements.followup.warnings.first_crossing_already']);
    expect(second.json().mobility).toHaveLength(2);
    expect(second.json().firstCrossingOn).toBe(trip.travelledOn);
    const late = await tutor.post(`/api/placements/${id}/mobility`, {
      ...trip,
      travelledOn: addDays(today, 1),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields[0]).toMatchObject({
      path: 'travelledOn',
      code: 'placements.followup.errors.future',
    });
  });

  it('seeds follow-up for every active demo agreement', async () => {
    const r = await sql<{
      id: string;
      justified: number;
      unjustified: number;
      mid: number;
      trips: number;
      first: number;
    }>`
      select p.id,
        (select count(*)::int from placement_attendance a where a.placement_id = p.id and a.status = 'justified_absence') as justified,
        (select count(*)::int from placement_attendance a where a.placement_id = p.id and a.status = 'unjustified_absence') as unjustified,
        (select count(*)::int from placement_evaluations e where e.placement_id = p.id and e.kind = 'mid_term') as mid,
        (select count(*)::int from placement_mobility m where m.placement_id = p.id) as trips,
        (select count(*)::int from placement_mobility m where m.placement_id = p.id and m.first_autonomous_crossing) as first
      from placements p where p.status = 'active' and p.starts_on < ${today}::date - 7 and p.id <> ${id}`.execute(
      f.db,
    );
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows)
      expect(row).toMatchObject({ justified: 1, unjustified: 1, mid: 1, trips: 2, first: 1 });
  });

  it('refuses follow-up before the placement starts', async () => {
    const home = await f.member('referent@cpas-mouscron.example');
    const host = await f.member('tuteur@atelier-roubaix.example');
    const { id: later } = await f.createAgreement(home, host, {
      tutorUserId: host.userId,
      status: 'validated',
      startsOn: addDays(today, 10),
      endsOn: addDays(today, 80),
    });
    const r = await tutor.put(`/api/placements/${later}/attendance?week=${today}`, { days: [] });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('placements.followup.errors.not_running');
    const v = (await tutor.get(`/api/placements/${later}/follow-up`)).json();
    expect(v).toMatchObject({
      canRecord: false,
      canEvaluate: false,
      side: 'host',
      outcomes: null,
      stays: null,
    });
  });
});
