import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkPartnershipDates,
  checkSessionDay,
  hoursByModule,
  hoursPercent,
  leadEligibility,
  MIN_LEAD_POPULATION,
  planTotals,
  reviewEditable,
  reviewState,
} from './rules';

describe('lead eligibility (more than 150,000 inhabitants)', () => {
  it('admits Charleroi and refuses Binche, the threshold itself and an unknown population', () => {
    expect(leadEligibility(202_746)).toEqual({ eligible: true });
    expect(leadEligibility(33_448)).toEqual({
      eligible: false,
      code: 'lead_too_small',
      params: { population: 33_448, min: MIN_LEAD_POPULATION },
    });
    expect(leadEligibility(150_000).eligible).toBe(false);
    expect(leadEligibility(150_001).eligible).toBe(true);
    expect(leadEligibility(null)).toMatchObject({ eligible: false, code: 'population_unknown' });
    expect(leadEligibility(undefined)).toMatchObject({ eligible: false, code: 'population_unknown' });
  });
});

describe('partnership dates', () => {
  const ok = {
    immersionStartsOn: '2020-02-10',
    immersionEndsOn: '2021-02-09',
    applicationStartsOn: '2021-02-10',
    applicationEndsOn: '2021-12-31',
  };
  it('accepts two consecutive years', () => expect(checkPartnershipDates(ok)).toEqual([]));
  it('names the field of each problem', () => {
    expect(checkPartnershipDates({ ...ok, immersionEndsOn: '2020-02-10' }).map((p) => p.path)).toEqual([
      'immersionEndsOn',
    ]);
    expect(checkPartnershipDates({ ...ok, immersionEndsOn: '2021-06-30' })).toEqual([
      { path: 'immersionEndsOn', code: 'formative.partnerships.errors.year_too_long' },
      { path: 'applicationStartsOn', code: 'formative.partnerships.errors.application_overlaps' },
    ]);
    expect(checkPartnershipDates({ ...ok, applicationStartsOn: '2021-02-09' })[0]?.code).toBe(
      'formative.partnerships.errors.application_overlaps',
    );
  });
  it('keeps a session within the immersion and not after today', () => {
    const y = { startsOn: '2020-02-10', endsOn: '2021-02-09' };
    expect(checkSessionDay('2020-03-02', y, '2020-06-01')).toEqual([]);
    expect(checkSessionDay('2020-02-09', y, '2020-06-01')[0]?.code).toBe(
      'formative.plan.errors.outside_immersion',
    );
    expect(checkSessionDay('2020-06-02', y, '2020-06-01')[0]?.code).toBe('formative.plan.errors.in_future');
  });
  it('adds days across months and years', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
  });
});

describe('progress', () => {
  it('is hours done over planned, floored and capped at 100', () => {
    expect(hoursPercent(0, 220)).toBe(0);
    expect(hoursPercent(110, 220)).toBe(50);
    expect(hoursPercent(73.5, 220)).toBe(33);
    expect(hoursPercent(219.5, 220)).toBe(99);
    expect(hoursPercent(300, 220)).toBe(100);
    expect(hoursPercent(5, 0)).toBe(0);
  });
  it('sums the sessions per module in half hours, exactly', () => {
    const by = hoursByModule([
      { moduleId: 'a', hours: 0.5 },
      { moduleId: 'a', hours: 6.5 },
      { moduleId: 'b', hours: 7 },
      { moduleId: 'a', hours: 0.5 },
    ]);
    expect(by.get('a')).toBe(7.5);
    expect(by.get('b')).toBe(7);
    expect(by.get('c')).toBeUndefined();
  });
  it('counts a module past its plan only up to the plan in the whole plan’s percentage', () => {
    expect(
      planTotals([
        { plannedHours: 100, doneHours: 150 },
        { plannedHours: 100, doneHours: 0 },
      ]),
    ).toEqual({ plannedHours: 200, doneHours: 150, hoursPercent: 50 });
    expect(planTotals([])).toEqual({ plannedHours: 0, doneHours: 0, hoursPercent: 0 });
  });
});

describe('reviews', () => {
  it('are editable until someone signs, frozen once both did', () => {
    const none = { traineeSignedAt: null, tutorSignedAt: null };
    const one = { traineeSignedAt: '2020-08-10T10:00:00Z', tutorSignedAt: null };
    const both = { traineeSignedAt: '2020-08-10T10:00:00Z', tutorSignedAt: '2020-08-10T11:00:00Z' };
    expect([none, one, both].map(reviewState)).toEqual(['draft', 'partly_signed', 'signed']);
    expect(reviewEditable(null)).toBe(true);
    expect(reviewEditable(none)).toBe(true);
    expect(reviewEditable(one)).toBe(false);
    expect(reviewEditable(both)).toBe(false);
  });
});
