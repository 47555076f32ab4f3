import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, dueForRetention, type PersonRetentionFacts, retentionDecision } from './retention';

const policy = { caseFileYears: 2, participationYears: 5 };
const facts = (
  lastContactOn: string,
  o: Partial<Omit<PersonRetentionFacts, 'lastContactOn'>> = {},
): PersonRetentionFacts => ({
  personId: o.personId ?? 'p',
  participantCode: o.participantCode ?? 'C',
  lastContactOn,
  ongoing: o.ongoing ?? false,
  participations: o.participations ?? [],
  restricted: o.restricted ?? false,
});

describe('retention rules', () => {
  it('adds calendar years; 29 February falls on 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-12-31', 2)).toBe('2028-12-31');
    expect(addYears('2026-03-01', -5)).toBe('2021-03-01');
  });

  it('a case file is due on the anniversary of the last contact, not the day before', () => {
    expect(retentionDecision(facts('2024-05-10'), policy, '2026-05-09')).toEqual({
      due: false,
      reason: 'recent',
      dueOn: '2026-05-10',
    });
    expect(retentionDecision(facts('2024-05-10'), policy, '2026-05-10')).toEqual({
      due: true,
      kind: 'case_file',
      dueOn: '2026-05-10',
    });
  });

  it('a follow-up going on is never due', () => {
    expect(retentionDecision(facts('1990-01-01', { ongoing: true }), policy, '2026-01-01')).toEqual({
      due: false,
      reason: 'ongoing',
    });
  });

  it("a funded programme's retention holds the case file until M years after its last payment", () => {
    const f = facts('2020-01-01', {
      participations: [
        { programmeId: 'a', lastPaymentOn: '2019-06-30' },
        { programmeId: 'b', lastPaymentOn: '2021-03-15' },
      ],
    });
    expect(retentionDecision(f, policy, '2026-03-14')).toEqual({
      due: false,
      reason: 'held_by_participation',
      dueOn: '2026-03-15',
    });
    expect(retentionDecision(f, policy, '2026-03-15')).toEqual({
      due: true,
      kind: 'participation',
      dueOn: '2026-03-15',
    });
    // A programme paid off long before the last contact does not change the case file's date.
    const old = facts('2024-01-01', { participations: [{ programmeId: 'a', lastPaymentOn: '2010-01-01' }] });
    expect(retentionDecision(old, policy, '2026-01-01')).toEqual({
      due: true,
      kind: 'case_file',
      dueOn: '2026-01-01',
    });
  });

  it('counts per kind; a restricted person is counted apart and never listed', () => {
    const { due, counts } = dueForRetention(
      [
        facts('2020-01-01', { personId: 'a' }),
        facts('2020-01-01', { personId: 'r', restricted: true }),
        facts('2025-01-01', { personId: 'recent' }),
        facts('2020-01-01', {
          personId: 'h',
          participations: [{ programmeId: 'x', lastPaymentOn: '2024-01-01' }],
        }),
        facts('2018-01-01', {
          personId: 'p',
          participations: [{ programmeId: 'x', lastPaymentOn: '2019-01-01' }],
        }),
      ],
      policy,
      '2026-01-01',
    );
    expect(due.map((d) => [d.personId, d.kind])).toEqual([
      ['a', 'case_file'],
      ['p', 'participation'],
    ]);
    expect(counts).toEqual({ caseFile: 1, participation: 1, held: 1, restricted: 1 });
  });

  it('due exactly when today reaches the later of both dates (property)', () => {
    const day = fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 4 }),
        day,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (last, payments, today, n, m) => {
          const f = facts(last, {
            participations: payments.map((p, i) => ({ programmeId: `${i}`, lastPaymentOn: p })),
          });
          const d = retentionDecision(f, { caseFileYears: n, participationYears: m }, today);
          const dueOn = [addYears(last, n), ...payments.map((p) => addYears(p, m))].sort().at(-1)!;
          expect(d.due).toBe(today >= dueOn);
          if ('dueOn' in d) expect(d.dueOn).toBe(dueOn);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
