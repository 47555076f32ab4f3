import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { changedSubstance } from './agreement-rules';
import {
  conventionFields,
  conventionProblems,
  normaliseJobCode,
  type TimetableDay,
  timetableHours,
  timetableProblems,
  weekHours,
} from './convention-terms';

const week: TimetableDay[] = [1, 2, 3, 4, 5].map((day) => ({
  day,
  from: '08:30',
  to: '16:00',
  breakMinutes: 30,
}));
const codes = (e: { code: string }[]) => e.map((x) => x.code.replace('placements.convention.errors.', ''));

describe('timetable', () => {
  it('counts the hours of each day less the break', () => {
    expect(weekHours(week)).toBe(35);
    expect(timetableHours([{ day: 1, from: '09:00', to: '12:20' }])).toBe(3.5);
    expect(timetableHours([{ day: 1, from: '09:00', to: '09:30' }])).toBeNull();
  });

  it('accepts a regular week matching the weekly hours', () => {
    expect(timetableProblems(week, 35)).toEqual([]);
    expect(timetableProblems(week)).toEqual([]);
    expect(timetableProblems(null, 35)).toEqual([]);
  });

  it('refuses an end before the start, a day given twice and a break as long as the day', () => {
    const e = timetableProblems([
      { day: 1, from: '12:00', to: '08:00' },
      { day: 1, from: '08:00', to: '09:00', breakMinutes: 60 },
      { day: 2, from: '08:00', to: '08:00' },
    ]);
    expect(e.map((x) => `${x.path}:${codes([x])[0]}`)).toEqual([
      'timetable.0.to:end_before_start',
      'timetable.1.day:day_twice',
      'timetable.1.breakMinutes:break_too_long',
      'timetable.2.to:end_before_start',
    ]);
  });

  it('holds a day to 10 hours and a week to 48', () => {
    expect(codes(timetableProblems([{ day: 3, from: '06:00', to: '17:00', breakMinutes: 30 }]))).toEqual([
      'day_too_long',
    ]);
    expect(timetableProblems([{ day: 3, from: '06:00', to: '16:30', breakMinutes: 30 }])).toEqual([]);
    const long = [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '07:00', to: '16:00' }));
    expect(codes(timetableProblems(long))).toEqual(['week_too_long']);
  });

  it('says when the timetable does not add up to the weekly hours', () => {
    const e = timetableProblems(week, 38);
    expect(e).toEqual([
      { path: 'hoursPerWeek', code: 'placements.convention.errors.hours_mismatch', params: { total: 35 } },
    ]);
  });

  it('rejects malformed times and weekdays in the schema', () => {
    const ok = (v: unknown) => Value.Check(conventionFields.timetable, v);
    expect(ok(week)).toBe(true);
    expect(ok([{ day: 8, from: '08:00', to: '09:00' }])).toBe(false);
    expect(ok([{ day: 1, from: '8:00', to: '09:00' }])).toBe(false);
    expect(ok([{ day: 1, from: '24:00', to: '09:00' }])).toBe(false);
    expect(ok([])).toBe(false);
  });
});

describe('job code', () => {
  it('reads ROME codes (letter A–N and four digits) and ISCO-08 unit groups (four digits)', () => {
    expect(normaliseJobCode('rome', 'k1201')).toBe('K1201');
    expect(normaliseJobCode('rome', 'Z1201')).toBeNull();
    expect(normaliseJobCode('rome', '1201')).toBeNull();
    expect(normaliseJobCode('isco', '9112')).toBe('9112');
    expect(normaliseJobCode('isco', 'K1201')).toBeNull();
    expect(normaliseJobCode('isco', '911')).toBeNull();
  });

  it('wants a code and its kind together, the code fitting the kind', () => {
    expect(conventionProblems({ jobCodeKind: 'rome', jobCode: 'K1201' })).toEqual([]);
    expect(codes(conventionProblems({ jobCode: 'K1201' }))).toEqual(['job_kind_required']);
    expect(codes(conventionProblems({ jobCodeKind: 'isco' }))).toEqual(['job_code_required']);
    expect(conventionProblems({ jobCodeKind: 'isco', jobCode: 'K1201' })).toEqual([
      { path: 'jobCode', code: 'placements.convention.errors.job_code_isco' },
    ]);
  });
});

describe('emergency contact', () => {
  it('needs a name and a plausible phone number together', () => {
    expect(
      conventionProblems({ emergencyContactName: 'Lina Exemple', emergencyContactPhone: '0470 12 34 56' }),
    ).toEqual([]);
    expect(codes(conventionProblems({ emergencyContactName: 'Lina Exemple' }))).toEqual([
      'emergency_phone_required',
    ]);
    expect(conventionProblems({ emergencyContactName: 'Lina', emergencyContactPhone: '12' })).toEqual([
      { path: 'emergencyContactPhone', code: 'validation.phone' },
    ]);
    // A French number is read in France's national format.
    expect(
      conventionProblems({ emergencyContactName: 'Lina', emergencyContactPhone: '06 12 34 56 78' }, 'FR'),
    ).toEqual([]);
  });
});

describe('the structured terms are substance', () => {
  it('a changed timetable, aim or job code needs new signatures; the same timetable with keys reordered does not', () => {
    const before = { timetable: week, aim: 'discover_job', jobCode: 'K1201' };
    const reordered = week.map((d) => ({ breakMinutes: d.breakMinutes, to: d.to, from: d.from, day: d.day }));
    expect(changedSubstance(before, { timetable: reordered })).toEqual([]);
    expect(changedSubstance(before, { timetable: week.slice(0, 4) })).toEqual(['timetable']);
    expect(changedSubstance(before, { aim: 'start_hiring', jobCode: 'K1202' })).toEqual(['aim', 'jobCode']);
  });
});
