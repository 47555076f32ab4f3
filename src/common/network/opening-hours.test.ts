import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import {
  formatTime,
  minutesOf,
  openingHoursProblems,
  sortOpeningHours,
  weekdayName,
  weekSchedule,
} from './opening-hours';
import { phoneHref, serviceProblems } from './service-rules';
import { ServiceInput, ServicePatch } from './service-schemas';

describe('opening hours', () => {
  it('reads HH:MM times and refuses anything else', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:30', '09:60', '0930', '', '09:30:00']) expect(minutesOf(bad)).toBeNull();
  });

  it('accepts well-formed ranges, including two that touch on the same day', () => {
    expect(
      openingHoursProblems([
        { day: 1, opens: '09:00', closes: '12:00' },
        { day: 1, opens: '12:00', closes: '16:30' },
        { day: 7, opens: '10:00', closes: '11:00' },
      ]),
    ).toEqual([]);
  });

  it('refuses a range that does not close after it opens', () => {
    expect(openingHoursProblems([{ day: 2, opens: '14:00', closes: '14:00' }])).toEqual([
      { path: 'openingHours.0.closes', code: 'network.services.errors.hours_order' },
    ]);
    expect(openingHoursProblems([{ day: 2, opens: '14:00', closes: '09:00' }])[0]?.code).toBe(
      'network.services.errors.hours_order',
    );
  });

  it('refuses overlapping ranges on the same day only, naming the earlier range', () => {
    const problems = openingHoursProblems([
      { day: 3, opens: '09:00', closes: '12:00' },
      { day: 4, opens: '10:00', closes: '11:00' },
      { day: 3, opens: '11:30', closes: '13:00' },
      { day: 3, opens: '08:00', closes: '18:00' },
    ]);
    expect(problems).toEqual([
      { path: 'openingHours.2', code: 'network.services.errors.hours_overlap', params: { other: 1 } },
      { path: 'openingHours.3', code: 'network.services.errors.hours_overlap', params: { other: 1 } },
    ]);
  });

  it('refuses a day outside Monday–Sunday and malformed times', () => {
    expect(
      openingHoursProblems([
        { day: 0, opens: '09:00', closes: '10:00' },
        { day: 8, opens: '09:00', closes: '10:00' },
        { day: 1, opens: '9h', closes: '10:00' },
        { day: 1, opens: '09:00', closes: '25:00' },
      ]).map((p) => `${p.path} ${p.code}`),
    ).toEqual([
      'openingHours.0.day validation.choice',
      'openingHours.1.day validation.choice',
      'openingHours.2.opens validation.pattern',
      'openingHours.3.closes validation.pattern',
    ]);
  });

  it('orders ranges by weekday then time and lays out the whole week', () => {
    const ranges = [
      { day: 5, opens: '14:00', closes: '16:00' },
      { day: 1, opens: '13:00', closes: '17:00' },
      { day: 1, opens: '09:00', closes: '12:00' },
    ];
    expect(sortOpeningHours(ranges).map((r) => `${r.day} ${r.opens}`)).toEqual([
      '1 09:00',
      '1 13:00',
      '5 14:00',
    ]);
    const week = weekSchedule(ranges);
    expect(week.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week[0]!.ranges).toHaveLength(2);
    expect(week[1]!.ranges).toEqual([]);
  });

  it('names weekdays and times with Intl in each language', () => {
    expect(weekdayName(1, 'fr-FR')).toBe('lundi');
    expect(weekdayName(7, 'nl-BE')).toBe('zondag');
    expect(weekdayName(3, 'en-GB')).toBe('Wednesday');
    expect(formatTime('09:05', 'fr-FR')).toBe('09:05');
    expect(formatTime('17:30', 'nl-BE')).toBe('17:30');
  });
});

describe('service rules', () => {
  const base = { titleFr: 'Permanence logement', openingHours: [] };

  it('needs a title in French or in Dutch', () => {
    expect(serviceProblems({ titleNl: 'Woonloket' })).toEqual([]);
    expect(serviceProblems({ titleFr: '  ', titleNl: null })).toEqual([
      { path: 'titleFr', code: 'network.services.errors.title_required' },
    ]);
  });

  it('checks phone numbers in the country of the municipality', () => {
    expect(serviceProblems({ ...base, phone: '+32 56 00 00 00' })).toEqual([]);
    expect(serviceProblems({ ...base, phone: '03 20 00 00 00', municipalityCode: 'FR-59350' })).toEqual([]);
    // A French national number is not a Belgian one.
    expect(serviceProblems({ ...base, phone: '03 20 00 00 00', municipalityCode: 'BE-57096' })).toEqual([
      { path: 'phone', code: 'validation.phone' },
    ]);
    expect(phoneHref('056 00 00 00', 'BE-34022')).toBe('tel:+3256000000');
    expect(phoneHref('call us', null)).toBeNull();
  });

  it('checks e-mail addresses beyond the schema format', () => {
    expect(serviceProblems({ ...base, email: 'info@cpas.example' })).toEqual([]);
    expect(serviceProblems({ ...base, email: 'info@cpas' })[0]?.path).toBe('email');
  });

  it('collects opening-hours problems with the other rules', () => {
    const p = serviceProblems({ openingHours: [{ day: 1, opens: '12:00', closes: '09:00' }] });
    expect(p.map((x) => x.code)).toEqual([
      'network.services.errors.title_required',
      'network.services.errors.hours_order',
    ]);
  });
});

describe('service schemas', () => {
  const valid = {
    titleFr: 'Permanence logement',
    theme: 'housing',
    targetPublics: ['all'],
    languages: ['fr', 'nl'],
    crossBorderAccess: 'open_to_all',
    openingHours: [{ day: 1, opens: '09:00', closes: '12:00' }],
    email: 'logement@ccas-lille.example',
    website: 'https://ccas-lille.example/logement',
  };

  it('accepts a complete service and refuses values outside the lists', () => {
    expect(Value.Check(ServiceInput, valid)).toBe(true);
    expect(Value.Check(ServiceInput, { ...valid, theme: 'gardening' })).toBe(false);
    expect(Value.Check(ServiceInput, { ...valid, languages: [] })).toBe(false);
    expect(Value.Check(ServiceInput, { ...valid, targetPublics: ['pets'] })).toBe(false);
    expect(Value.Check(ServiceInput, { ...valid, website: 'ftp://x.example' })).toBe(false);
    expect(
      Value.Check(ServiceInput, { ...valid, openingHours: [{ day: 9, opens: '09:00', closes: '10:00' }] }),
    ).toBe(false);
    expect(Value.Check(ServiceInput, { ...valid, unknown: 1 })).toBe(false);
  });

  it('lets a change clear optional text with null but not required lists', () => {
    expect(Value.Check(ServicePatch, { email: null, titleNl: null })).toBe(true);
    expect(Value.Check(ServicePatch, { languages: null })).toBe(false);
  });
});
