import { describe, expect, it } from 'vitest';
import type { AgreementStatus } from './agreement-workflow';
import { AGREEMENT_STATUSES } from './agreement-workflow';
import { addDays } from './dates';
import {
  addWorkingDays,
  agreementAlerts,
  dueReminders,
  isWorkingDay,
  midpoint,
  type ReminderFacts,
  signatureReminderDue,
  workingDaysBetween,
} from './reminder-rules';

// 2026-11-23 is a Monday.
const MON = '2026-11-23';

describe('working days', () => {
  it('knows Monday to Friday from the weekend', () => {
    expect(
      ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map(
        isWorkingDay,
      ),
    ).toEqual([true, true, true, true, true, false, false]);
  });

  it.each([
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', 1, '2026-11-24'],
    ['2026-11-23', 2, '2026-11-25'],
    ['2026-11-23', 4, '2026-11-27'],
    ['2026-11-23', 5, '2026-11-30'],
    ['2026-11-26', 2, '2026-11-30'], // Thursday + 2: Friday, Monday
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1: Monday
    ['2026-11-27', 2, '2026-12-01'],
    ['2026-11-28', 1, '2026-11-30'], // Saturday + 1: Monday
    ['2026-11-29', 2, '2026-12-01'], // Sunday + 2: Tuesday
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-12-31', 1, '2027-01-01'], // across the year (Friday 1 January 2027)
    ['2024-02-28', 2, '2024-03-01'], // leap day counts (Thursday 29 February)
    ['2026-11-30', -1, '2026-11-27'], // Monday - 1: Friday
    ['2026-11-29', -1, '2026-11-27'], // Sunday - 1: Friday
    ['2026-11-25', -2, '2026-11-23'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('refuses fractions and bad dates', () => {
    expect(() => addWorkingDays(MON, 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts working days after a day up to another, and agrees with addWorkingDays', () => {
    expect(workingDaysBetween(MON, MON)).toBe(0);
    expect(workingDaysBetween(MON, '2026-11-22')).toBe(0);
    expect(workingDaysBetween('2026-11-27', '2026-11-29')).toBe(0); // Friday to Sunday
    expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    expect(workingDaysBetween(MON, '2026-12-07')).toBe(10);
    for (let start = 0; start < 7; start++)
      for (let n = 1; n <= 12; n++) {
        const from = addDays('2026-11-22', start);
        expect(workingDaysBetween(from, addWorkingDays(from, n)), `${from} + ${n}`).toBe(n);
      }
  });
});

describe('midpoint', () => {
  it.each([
    ['2026-03-01', '2026-03-31', '2026-03-16'],
    ['2026-03-01', '2026-03-30', '2026-03-15'],
    ['2026-03-01', '2026-03-01', '2026-03-01'],
    ['2026-01-15', '2026-07-14', '2026-04-15'],
  ])('of %s–%s is %s', (s, e, m) => expect(midpoint(s, e)).toBe(m));
});

const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  status: 'active',
  startsOn: '2026-09-01',
  endsOn: '2026-12-31',
  endedOn: null,
  evaluations: [],
  outcomes: [],
  pendingSignatures: [],
  ...over,
});
const kinds = (f: ReminderFacts, today: string) => dueReminders(f, today).map((r) => r.kind);

describe('signature reminders', () => {
  it('are due after more than 2 working days: Monday → Thursday, Friday → Wednesday', () => {
    expect(signatureReminderDue('2026-11-23')).toBe('2026-11-26');
    expect(signatureReminderDue('2026-11-27')).toBe('2026-12-02');
    expect(signatureReminderDue('2026-11-28')).toBe('2026-12-02'); // asked on a Saturday
    expect(signatureReminderDue('2026-11-25')).toBe('2026-11-30'); // Wednesday → Monday, not Saturday
  });

  const waiting = (requestedOn: string, remindedOn: string | null = null) =>
    facts({
      status: 'awaiting_signatures',
      startsOn: '2027-01-04',
      endsOn: '2027-04-30',
      pendingSignatures: [{ id: 's1', role: 'host_representative', requestedOn, remindedOn }],
    });

  it('waits while 2 working days have not passed, counting no weekend', () => {
    expect(kinds(waiting('2026-11-23'), '2026-11-25')).toEqual([]);
    expect(dueReminders(waiting('2026-11-23'), '2026-11-26')).toEqual([
      {
        kind: 'pending_signature',
        subjectKey: 's1:2026-11-26',
        dueOn: '2026-11-26',
        role: 'host_representative',
        signatureId: 's1',
      },
    ]);
    // Asked on Thursday: Friday and Monday are the two working days; not due on the weekend nor Monday.
    for (const d of ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'])
      expect(kinds(waiting('2026-11-26'), d), d).toEqual([]);
    expect(kinds(waiting('2026-11-26'), '2026-12-01')).toEqual(['pending_signature']);
  });

  it('reminds again only 2 working days after the last reminder, under a new subject', () => {
    const f = waiting('2026-11-16', '2026-11-23');
    expect(kinds(f, '2026-11-25')).toEqual([]);
    const [r] = dueReminders(f, '2026-11-26');
    expect(r?.subjectKey).toBe('s1:2026-11-26');
    expect(dueReminders(waiting('2026-11-16'), '2026-11-26')[0]?.subjectKey).toBe('s1:2026-11-19');
  });

  it('one reminder per missing signature, and none once the agreement left awaiting_signatures', () => {
    const f = facts({
      status: 'awaiting_signatures',
      pendingSignatures: [
        { id: 'a', role: 'person', requestedOn: '2026-11-16', remindedOn: null },
        { id: 'b', role: 'home_referent', requestedOn: '2026-11-23', remindedOn: null },
      ],
    });
    expect(dueReminders(f, MON).map((r) => r.signatureId)).toEqual(['a']);
    for (const status of AGREEMENT_STATUSES.filter((s) => s !== 'awaiting_signatures'))
      expect(
        dueReminders({ ...f, status }, MON).filter((r) => r.kind === 'pending_signature'),
        status,
      ).toEqual([]);
  });
});

describe('evaluation and end reminders', () => {
  // 1 September – 31 December 2026: midpoint 31 October, 7 days before the end 24 December.
  it('mid-term evaluation from the midpoint, while no mid-term evaluation exists', () => {
    expect(kinds(facts(), '2026-10-30')).toEqual([]);
    expect(dueReminders(facts(), '2026-10-31')).toEqual([
      { kind: 'mid_term_evaluation', subjectKey: '2026-10-31', dueOn: '2026-10-31' },
    ]);
    expect(kinds(facts({ evaluations: ['mid_term'] }), '2026-11-30')).toEqual([]);
    expect(kinds(facts({ evaluations: ['final'] }), '2026-11-30')).toEqual(['mid_term_evaluation']);
  });

  it('final evaluation and end from 7 days before the end', () => {
    const f = facts({ evaluations: ['mid_term'] });
    expect(kinds(f, '2026-12-23')).toEqual([]);
    expect(dueReminders(f, '2026-12-24')).toEqual([
      { kind: 'final_evaluation', subjectKey: '2026-12-24', dueOn: '2026-12-24' },
      { kind: 'end', subjectKey: '2026-12-24', dueOn: '2026-12-24' },
    ]);
    expect(kinds({ ...f, evaluations: ['mid_term', 'final'] }, '2027-01-05')).toEqual(['end']);
  });

  it('only while the agreement is active', () => {
    for (const status of AGREEMENT_STATUSES.filter((s) => s !== 'active'))
      expect(
        kinds(facts({ status }), '2026-12-30').filter((k) =>
          ['mid_term_evaluation', 'final_evaluation', 'end'].includes(k),
        ),
        status,
      ).toEqual([]);
  });

  it('moves with the dates: a changed end is a new subject', () => {
    const a = dueReminders(facts({ evaluations: ['mid_term', 'final'] }), '2026-12-30');
    const b = dueReminders(facts({ evaluations: ['mid_term', 'final'], endsOn: '2027-01-06' }), '2026-12-30');
    expect(a[0]?.subjectKey).toBe('2026-12-24');
    expect(b[0]?.subjectKey).toBe('2026-12-30');
  });
});

describe('outcome reminders', () => {
  const ended = (status: AgreementStatus, over: Partial<ReminderFacts> = {}) =>
    facts({ status, endedOn: '2026-05-29', startsOn: '2026-02-02', endsOn: '2026-05-29', ...over });

  it('exit situation from the end, within 4 weeks, until it is recorded', () => {
    for (const status of ['completed', 'interrupted'] as const) {
      expect(kinds(ended(status), '2026-05-28')).toEqual([]);
      expect(dueReminders(ended(status), '2026-05-29')).toEqual([
        { kind: 'exit_outcome', subjectKey: '2026-05-29', dueOn: '2026-05-29' },
      ]);
      expect(kinds(ended(status), '2026-06-26')).toEqual(['exit_outcome']);
      expect(kinds(ended(status), '2026-06-27')).toEqual([]);
      expect(kinds(ended(status, { outcomes: ['exit'] }), '2026-06-01')).toEqual([]);
    }
  });

  it('six-month situation from 6 months after the end, until recorded or stale (9 months)', () => {
    const f = ended('completed', { outcomes: ['exit'] });
    expect(kinds(f, '2026-11-28')).toEqual([]);
    expect(dueReminders(f, '2026-11-29')).toEqual([
      { kind: 'six_month_outcome', subjectKey: '2026-11-29', dueOn: '2026-11-29' },
    ]);
    // 29 May + 9 months clamps to 28 February 2027.
    expect(kinds(f, '2027-02-27')).toEqual(['six_month_outcome']);
    expect(kinds(f, '2027-02-28')).toEqual([]);
    expect(kinds({ ...f, outcomes: ['exit', 'six_months'] }, '2026-12-01')).toEqual([]);
    // An interrupted placement is followed up too.
    expect(kinds(ended('interrupted', { outcomes: ['exit'] }), '2026-12-01')).toEqual(['six_month_outcome']);
  });

  it('none without an end date or for agreements that never ran', () => {
    expect(kinds(ended('completed', { endedOn: null }), '2026-06-01')).toEqual([]);
    for (const status of ['cancelled', 'draft', 'validated'] as const)
      expect(kinds(ended(status), '2026-06-01'), status).toEqual([]);
  });
});

describe('caseload alerts', () => {
  it('shows a pending signature at once, evaluations and outcomes when due', () => {
    expect(
      agreementAlerts(
        facts({
          status: 'awaiting_signatures',
          pendingSignatures: [{ id: 'a', role: 'person', requestedOn: MON, remindedOn: null }],
        }),
        MON,
      ),
    ).toEqual(['signature_pending']);
    expect(agreementAlerts(facts({ status: 'awaiting_signatures' }), MON)).toEqual([]);
    expect(agreementAlerts(facts(), MON)).toEqual(['evaluation_due']);
    expect(agreementAlerts(facts({ evaluations: ['mid_term'] }), MON)).toEqual([]);
    expect(agreementAlerts(facts({ status: 'completed', endedOn: '2026-11-20' }), MON)).toEqual([
      'outcome_due',
    ]);
  });
});
