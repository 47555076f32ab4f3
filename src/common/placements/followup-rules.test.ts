import { describe, expect, it } from 'vitest';
import {
  type AttendanceDay,
  attendanceRate,
  attendanceSummary,
  dayProblem,
  defaultPlannedHours,
  evaluationMidpoint,
  evaluationProblems,
  followUpPeriod,
  HOST_ACCESS_GRACE_DAYS,
  hostAccessEnd,
  isoWeekday,
  mondayOf,
  outcomeProblems,
  outcomeWindow,
  placementStayAlerts,
  stayProblems,
  staysAlertApplies,
  weekDays,
  weekEntryProblems,
} from './followup-rules';

// 2026-11-02 is a Monday.
const period = { start: '2026-11-04', end: '2027-01-29' };
const day = (d: string, status: AttendanceDay['status'], plannedHours = 7, hours: number | null = null) => ({
  day: d,
  status,
  plannedHours,
  hours,
});

describe('weeks and days', () => {
  it('finds the Monday of any day, across months and years', () => {
    expect(isoWeekday('2026-11-02')).toBe(0);
    expect(isoWeekday('2026-11-08')).toBe(6);
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('cuts the period short at an interruption, never lengthens it', () => {
    expect(followUpPeriod({ startsOn: '2026-11-04', endsOn: '2027-01-29', endedOn: null })).toEqual(period);
    expect(followUpPeriod({ startsOn: '2026-11-04', endsOn: '2027-01-29', endedOn: '2026-12-10' })).toEqual({
      start: '2026-11-04',
      end: '2026-12-10',
    });
    expect(followUpPeriod({ startsOn: '2026-11-04', endsOn: '2027-01-29', endedOn: '2027-02-03' })).toEqual(
      period,
    );
  });

  it.each([
    ['2026-11-03', 'outside_period'],
    ['2026-11-04', null],
    ['2026-11-23', null],
    ['2026-11-24', 'future'],
    ['2027-01-30', 'outside_period'],
  ])('day %s: %s', (d, expected) => {
    expect(dayProblem(d, period, '2026-11-23')).toBe(expected);
  });

  it('spreads the weekly hours over Monday to Friday inside the period', () => {
    expect(defaultPlannedHours('2026-11-04', 35, period)).toBe(7);
    expect(defaultPlannedHours('2026-11-05', 32, period)).toBe(6.4);
    expect(defaultPlannedHours('2026-11-07', 35, period)).toBe(0); // Saturday
    expect(defaultPlannedHours('2026-11-03', 35, period)).toBe(0); // before the start
    expect(defaultPlannedHours('2026-11-04', null, period)).toBe(0);
  });
});

describe('a week of attendance', () => {
  const ctx = { week: '2026-11-02', period, today: '2026-11-23' };

  it('accepts a coherent week', () => {
    expect(
      weekEntryProblems(
        [
          day('2026-11-04', 'present', 7, 7),
          day('2026-11-05', 'justified_absence', 7),
          day('2026-11-06', 'unjustified_absence', 7, 0),
          day('2026-11-07', 'not_planned', 0),
          day('2026-11-08', 'present', 0, 3), // an extra Sunday
        ],
        ctx,
      ),
    ).toEqual([]);
  });

  it('names each problem by its day and field', () => {
    const problems = weekEntryProblems(
      [
        day('2026-11-03', 'not_planned', 0), // before the start
        day('2026-11-09', 'present', 7, 7), // next week
        day('2026-11-04', 'present', 7, null), // present without hours
        day('2026-11-04', 'present', 7, 7), // twice
        day('2026-11-05', 'justified_absence', 0, 2), // absent from an unplanned day, with hours
        day('2026-11-06', 'not_planned', 7, 1),
      ],
      ctx,
    );
    expect(problems).toEqual([
      {
        path: 'days.0.day',
        code: 'placements.followup.errors.outside_period',
        params: { start: '2026-11-04', end: '2027-01-29' },
      },
      { path: 'days.1.day', code: 'placements.followup.errors.outside_week' },
      { path: 'days.2.hours', code: 'placements.followup.errors.hours_required' },
      { path: 'days.3.day', code: 'placements.followup.errors.duplicate_day' },
      { path: 'days.4.plannedHours', code: 'placements.followup.errors.absence_not_planned' },
      { path: 'days.4.hours', code: 'placements.followup.errors.hours_when_absent' },
      { path: 'days.5.plannedHours', code: 'placements.followup.errors.not_planned_hours' },
      { path: 'days.5.hours', code: 'placements.followup.errors.hours_when_not_planned' },
    ]);
  });

  it('refuses days after today', () => {
    expect(weekEntryProblems([day('2026-11-24', 'present', 7, 7)], { ...ctx, week: '2026-11-23' })).toEqual([
      { path: 'days.0.day', code: 'placements.followup.errors.future' },
    ]);
    expect(weekEntryProblems([day('2026-11-23', 'present', 0, 0)], { ...ctx, week: '2026-11-23' })).toEqual([
      { path: 'days.0.hours', code: 'placements.followup.errors.hours_required' },
    ]);
  });
});

describe('attendance summary', () => {
  const full = (monday: string): AttendanceDay[] =>
    weekDays(monday).map((d, i) => (i < 5 ? day(d, 'present', 7, 7) : day(d, 'not_planned', 0)));

  it('is empty before anything is recorded, and lists the weeks over', () => {
    expect(attendanceSummary([], period, '2026-11-04')).toEqual({
      plannedDays: 0,
      plannedHours: 0,
      presentDays: 0,
      presentHours: 0,
      justifiedAbsences: 0,
      unjustifiedAbsences: 0,
      realisedHours: 0,
      attendanceRate: null,
      missingWeeks: [],
    });
    // The first week (Wednesday 4 to Friday 6) is due from Saturday 7.
    expect(attendanceSummary([], period, '2026-11-06').missingWeeks).toEqual([]);
    expect(attendanceSummary([], period, '2026-11-07').missingWeeks).toEqual(['2026-11-02']);
    expect(attendanceSummary([], period, '2026-11-23').missingWeeks).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
  });

  it('counts planned and present days and hours, absences and the rate', () => {
    const days = [
      ...full('2026-11-02').filter((d) => d.day >= '2026-11-04'),
      day('2026-11-09', 'present', 7, 6.5),
      day('2026-11-10', 'justified_absence', 7),
      day('2026-11-11', 'unjustified_absence', 7),
      day('2026-11-12', 'present', 7, 7),
      day('2026-11-13', 'not_planned', 0),
      day('2026-11-14', 'present', 0, 4), // an extra Saturday counts as presence, not as planned
    ];
    const s = attendanceSummary(days, period, '2026-11-23');
    expect(s).toEqual({
      plannedDays: 7,
      plannedHours: 49,
      presentDays: 6,
      presentHours: 38.5,
      justifiedAbsences: 1,
      unjustifiedAbsences: 1,
      // Hours worked on planned days over hours planned: 21 + 6.5 + 7 of 49 (the Saturday does not count).
      realisedHours: 34.5,
      attendanceRate: 34.5 / 49,
      missingWeeks: ['2026-11-16'],
    });
  });

  it('rounds sums of tenths of hours', () => {
    const days = ['2026-11-04', '2026-11-05', '2026-11-06'].map((d) => day(d, 'present', 6.4, 6.4));
    const s = attendanceSummary(days, period, '2026-11-07');
    expect(s.plannedHours).toBe(19.2);
    expect(s.presentHours).toBe(19.2);
    expect(s.attendanceRate).toBe(1);
    expect(s.missingWeeks).toEqual([]);
  });

  it('keeps a week missing while one of its working days is not entered', () => {
    const days = full('2026-11-09').filter((d) => d.day !== '2026-11-13');
    expect(attendanceSummary(days, period, '2026-11-16').missingWeeks).toEqual(['2026-11-02', '2026-11-09']);
  });

  it('stops at the end of the period and ignores weekends', () => {
    const short = { start: '2026-11-04', end: '2026-11-10' };
    const days = [
      ...full('2026-11-02').filter((d) => d.day >= '2026-11-04'),
      ...full('2026-11-09').slice(0, 2),
    ];
    expect(attendanceSummary(days, short, '2027-03-01').missingWeeks).toEqual([]);
    expect(attendanceSummary(days.slice(0, 3), short, '2027-03-01').missingWeeks).toEqual(['2026-11-09']);
    // A period ended before it started (interrupted on day one): nothing is due.
    expect(
      attendanceSummary([], { start: '2026-11-04', end: '2026-11-03' }, '2027-03-01').missingWeeks,
    ).toEqual([]);
  });
});

describe('the one attendance rate (hours worked / hours planned)', () => {
  it('weighs a half day missed as half a day, not as a whole day present', () => {
    // Four full days and a half day: by days it would read 100 %, by hours it is 31.5 / 35.
    const days = [
      ...['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12'].map((d) => day(d, 'present', 7, 7)),
      day('2026-11-13', 'present', 7, 3.5),
    ];
    expect(attendanceRate(days)).toEqual({ realisedHours: 31.5, plannedHours: 35, rate: 0.9 });
    expect(attendanceSummary(days, period, '2026-11-16').attendanceRate).toBe(0.9);
  });

  it('caps each day at its planned hours and ignores unplanned days, so it stays within 0–1', () => {
    const days = [
      day('2026-11-09', 'present', 7, 9),
      day('2026-11-10', 'unjustified_absence', 7),
      day('2026-11-14', 'present', 0, 5),
      day('2026-11-15', 'not_planned', 0),
    ];
    expect(attendanceRate(days)).toEqual({ realisedHours: 7, plannedHours: 14, rate: 0.5 });
  });

  it('counts grouped days (as the overview sends them) like the same days one by one', () => {
    const one = [
      day('2026-11-09', 'present', 7, 7),
      day('2026-11-10', 'present', 7, 7),
      day('2026-11-11', 'present', 7, 7),
      day('2026-11-12', 'justified_absence', 7),
      day('2026-11-13', 'present', 7, null),
    ];
    const grouped = [
      { status: 'present' as const, plannedHours: 7, hours: 7, count: 3 },
      { status: 'justified_absence' as const, plannedHours: 7, hours: null, count: 1 },
      { status: 'present' as const, plannedHours: 7, hours: null, count: 1 },
    ];
    expect(attendanceRate(grouped)).toEqual(attendanceRate(one));
    // A present day recorded without hours counts as worked as planned.
    expect(attendanceRate(one).rate).toBe(28 / 35);
    expect(attendanceRate([]).rate).toBeNull();
    expect(attendanceRate([day('2026-11-15', 'not_planned', 0)]).rate).toBeNull();
  });
});

describe('the host’s access', () => {
  it('ends at the end of the placement, or of its interruption, plus the grace', () => {
    expect(HOST_ACCESS_GRACE_DAYS).toBe(30);
    expect(hostAccessEnd({ endsOn: '2027-02-05' })).toBe('2027-03-07');
    expect(hostAccessEnd({ endsOn: '2027-02-05', endedOn: '2026-12-01' })).toBe('2026-12-31');
    // Closed after the planned end: the planned end counts.
    expect(hostAccessEnd({ endsOn: '2027-02-05', endedOn: '2027-02-10' })).toBe('2027-03-07');
  });
});

describe('evaluations', () => {
  const agreed = { start: '2026-11-02', end: '2027-01-31' }; // 91 days: midpoint on day 46
  const ctx = { agreed, period: agreed, today: '2027-01-20', status: 'active' as const };

  it('puts the midpoint in the middle of the agreed period', () => {
    expect(evaluationMidpoint(agreed)).toBe('2026-12-17');
    expect(evaluationMidpoint({ start: '2026-03-01', end: '2026-03-02' })).toBe('2026-03-01');
    expect(evaluationMidpoint({ start: '2026-03-01', end: '2026-03-03' })).toBe('2026-03-02');
  });

  it('allows the mid-term evaluation any day of the period up to today', () => {
    expect(evaluationProblems('mid_term', '2026-11-20', ctx)).toEqual([]);
    expect(evaluationProblems('mid_term', '2027-01-21', ctx)).toEqual([
      { path: 'heldOn', code: 'placements.followup.errors.future' },
    ]);
    expect(evaluationProblems('mid_term', '2026-11-01', ctx)[0]?.code).toBe(
      'placements.followup.errors.outside_period',
    );
  });

  it('allows the final evaluation from the midpoint on', () => {
    expect(evaluationProblems('final', '2026-12-16', ctx)).toEqual([
      {
        path: 'heldOn',
        code: 'placements.followup.errors.final_before_midpoint',
        params: { date: '2026-12-17' },
      },
    ]);
    expect(evaluationProblems('final', '2026-12-17', ctx)).toEqual([]);
    // An interrupted placement may close with its final evaluation before the midpoint.
    const cut = {
      ...ctx,
      period: { start: agreed.start, end: '2026-11-30' },
      status: 'interrupted' as const,
    };
    expect(evaluationProblems('final', '2026-11-30', cut)).toEqual([]);
    expect(evaluationProblems('final', '2026-12-01', cut)[0]?.code).toBe(
      'placements.followup.errors.outside_period',
    );
  });
});

describe('stays abroad', () => {
  it('alerts only for Belgian minimum-income benefits', () => {
    expect(staysAlertApplies('ris')).toBe(true);
    expect(staysAlertApplies('leefloon')).toBe(true);
    expect(staysAlertApplies('equivalent_leefloon')).toBe(true);
    for (const b of ['rsa', 'equivalent_aid', 'none', null, undefined])
      expect(staysAlertApplies(b)).toBe(false);
  });

  it('keeps a stay inside the period; it may be planned ahead', () => {
    expect(stayProblems({ start: '2027-01-10', end: '2027-01-17' }, period)).toEqual([]);
    expect(stayProblems({ start: '2026-11-01', end: '2027-02-02' }, period)).toEqual([
      {
        path: 'startsOn',
        code: 'placements.followup.errors.outside_period',
        params: { start: period.start, end: period.end },
      },
      {
        path: 'endsOn',
        code: 'placements.followup.errors.outside_period',
        params: { start: period.start, end: period.end },
      },
    ]);
    expect(stayProblems({ start: '2026-12-10', end: '2026-12-09' }, period)).toEqual([
      { path: 'endsOn', code: 'placements.followup.errors.end_before_start' },
    ]);
  });

  it('alerts on 7 consecutive days, and on more than 4 weeks in a year across placements', () => {
    expect(placementStayAlerts([{ start: '2026-11-10', end: '2026-11-15' }], period)).toEqual([]);
    expect(placementStayAlerts([{ start: '2026-11-10', end: '2026-11-17' }], period)).toEqual([
      { code: 'stay_7_days', period: { start: '2026-11-10', end: '2026-11-17' }, days: 8 },
    ]);
    // An earlier placement's long stay is not this placement's, but counts towards the year.
    const earlier = { start: '2026-03-01', end: '2026-03-24' };
    const alerts = placementStayAlerts([earlier, { start: '2026-11-10', end: '2026-11-14' }], period);
    expect(alerts).toEqual([{ code: 'over_4_weeks_in_year', year: 2026, days: 29 }]);
    // A year the placement does not span is not its concern.
    expect(placementStayAlerts([{ start: '2025-03-01', end: '2025-04-30' }], period)).toEqual([]);
  });
});

describe('outcomes', () => {
  const ended = { status: 'completed' as const, endedOn: '2026-06-30', today: '2027-01-05' };
  const job = { observedOn: '2026-07-10', situation: 'job' as const, contractType: 'fixed_term' };

  it('opens the exit outcome at the end and the second one six months later', () => {
    expect(outcomeWindow('exit', '2026-06-30')).toEqual({ opensOn: '2026-06-30', dueBy: '2026-07-28' });
    expect(outcomeWindow('six_months', '2026-08-31')).toEqual({ opensOn: '2027-02-28', dueBy: '2027-03-28' });
  });

  it('waits for the placement to end', () => {
    for (const status of ['active', 'validated', 'cancelled'] as const)
      expect(outcomeProblems('exit', job, { ...ended, status }).conflict).toEqual({
        code: 'placements.followup.errors.outcome_not_ended',
      });
    expect(outcomeProblems('exit', job, { ...ended, endedOn: null }).conflict).not.toBeNull();
    expect(outcomeProblems('exit', job, { ...ended, status: 'interrupted' })).toEqual({
      conflict: null,
      fields: [],
    });
  });

  it('waits six months for the second outcome', () => {
    const early = { ...ended, today: '2026-12-29' };
    expect(outcomeProblems('six_months', { ...job, observedOn: '2026-12-29' }, early).conflict).toEqual({
      code: 'placements.followup.errors.outcome_not_open',
      params: { date: '2026-12-30' },
    });
    expect(outcomeProblems('six_months', { ...job, observedOn: '2026-12-31' }, ended)).toEqual({
      conflict: null,
      fields: [],
    });
    expect(outcomeProblems('six_months', job, ended).fields).toEqual([
      {
        path: 'observedOn',
        code: 'placements.followup.errors.observed_before',
        params: { date: '2026-12-30' },
      },
    ]);
  });

  it('dates the observation between the opening and today', () => {
    expect(outcomeProblems('exit', { ...job, observedOn: '2026-06-29' }, ended).fields[0]?.code).toBe(
      'placements.followup.errors.observed_before',
    );
    expect(outcomeProblems('exit', { ...job, observedOn: '2027-01-06' }, ended).fields).toEqual([
      { path: 'observedOn', code: 'placements.followup.errors.future' },
    ]);
  });

  it('asks a job for its contract and a drop-out for its reason, and only them', () => {
    const at = (o: Partial<Parameters<typeof outcomeProblems>[1]>) =>
      outcomeProblems('exit', { ...job, ...o }, ended).fields;
    expect(at({ contractType: undefined })).toEqual([{ path: 'contractType', code: 'validation.required' }]);
    expect(at({ situation: 'training' })).toEqual([
      { path: 'contractType', code: 'placements.followup.errors.contract_only_for_job' },
    ]);
    expect(at({ situation: 'drop_out', contractType: null })).toEqual([
      { path: 'dropOutReason', code: 'validation.required' },
    ]);
    expect(at({ situation: 'drop_out', contractType: null, dropOutReason: ' ' })).toEqual([
      { path: 'dropOutReason', code: 'validation.required' },
    ]);
    expect(at({ situation: 'drop_out', contractType: null, dropOutReason: ' x ' })).toEqual([
      { path: 'dropOutReason', code: 'validation.min_length', params: { limit: 2 } },
    ]);
    expect(at({ situation: 'drop_out', contractType: null, dropOutReason: 'Déménagement' })).toEqual([]);
    expect(at({ dropOutReason: 'Déménagement' })).toEqual([
      { path: 'dropOutReason', code: 'placements.followup.errors.reason_only_for_drop_out' },
    ]);
    for (const situation of ['training', 'art60_aci', 'continued_activation', 'no_change'] as const)
      expect(at({ situation, contractType: null })).toEqual([]);
  });
});
