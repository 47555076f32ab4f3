import { describe, expect, it } from 'vitest';
import { type CohortInput, hungarian, suggestCohort } from './cohort';

/** Best (count, total score) over every assignment, by exhaustive search: the oracle for small cases. */
function bruteForce(input: CohortInput): { count: number; total: number } {
  const free = new Map(input.offers.map((o) => [o.id, o.freePositions]));
  const byPerson = input.personIds.map((p) => input.pairs.filter((x) => x.personId === p));
  let best = { count: 0, total: 0 };
  const walk = (i: number, count: number, total: number) => {
    if (i === byPerson.length) {
      if (count > best.count || (count === best.count && total > best.total)) best = { count, total };
      return;
    }
    walk(i + 1, count, total);
    for (const pr of byPerson[i]!) {
      const left = free.get(pr.offerId) ?? 0;
      if (left <= 0) continue;
      free.set(pr.offerId, left - 1);
      walk(i + 1, count + 1, total + pr.score);
      free.set(pr.offerId, left);
    }
  };
  walk(0, 0, 0);
  return best;
}

/** Deterministic pseudo-random numbers (mulberry32) so that a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInstance(seed: number): CohortInput {
  const r = rng(seed);
  const persons = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => `p${i}`);
  const offers = Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) => ({
    id: `o${i}`,
    freePositions: Math.floor(r() * 3),
  }));
  const pairs = persons.flatMap((p) =>
    offers.filter(() => r() < 0.5).map((o) => ({ personId: p, offerId: o.id, score: Math.floor(r() * 101) })),
  );
  return { personIds: persons, offers, pairs };
}

function check(input: CohortInput) {
  const s = suggestCohort(input);
  // Valid: each person at most once, capacities respected, only feasible pairs used, scores reported right.
  expect(new Set(s.assignments.map((a) => a.personId)).size).toBe(s.assignments.length);
  for (const o of input.offers)
    expect(s.assignments.filter((a) => a.offerId === o.id).length).toBeLessThanOrEqual(
      Math.max(0, o.freePositions),
    );
  for (const a of s.assignments)
    expect(
      input.pairs.some((p) => p.personId === a.personId && p.offerId === a.offerId && p.score === a.score),
    ).toBe(true);
  expect(s.assignments.length + s.unassigned.length).toBe(new Set(input.personIds).size);
  return s;
}

describe('cohort suggestion', () => {
  it('beats greedy: the person who fits two offers leaves the only one the other person fits', () => {
    const s = check({
      personIds: ['ana', 'bo'],
      offers: [
        { id: 'roubaix', freePositions: 1 },
        { id: 'kortrijk', freePositions: 1 },
      ],
      pairs: [
        { personId: 'ana', offerId: 'roubaix', score: 95 },
        { personId: 'ana', offerId: 'kortrijk', score: 60 },
        { personId: 'bo', offerId: 'roubaix', score: 50 },
      ],
    });
    expect(s.assignments).toHaveLength(2);
    expect(s.assignments).toContainEqual({ personId: 'ana', offerId: 'kortrijk', score: 60 });
    expect(s.assignments).toContainEqual({ personId: 'bo', offerId: 'roubaix', score: 50 });
  });

  it('prefers one more person placed over a higher total score', () => {
    const s = check({
      personIds: ['a', 'b'],
      offers: [
        { id: 'x', freePositions: 1 },
        { id: 'y', freePositions: 1 },
      ],
      pairs: [
        { personId: 'a', offerId: 'x', score: 100 },
        { personId: 'a', offerId: 'y', score: 1 },
        { personId: 'b', offerId: 'x', score: 1 },
      ],
    });
    expect(s.assignments).toHaveLength(2);
    expect(s.totalScore).toBe(2);
  });

  it('fills several positions of one offer and leaves the rest unassigned', () => {
    const s = check({
      personIds: ['a', 'b', 'c'],
      offers: [{ id: 'x', freePositions: 2 }],
      pairs: ['a', 'b', 'c'].map((p, i) => ({ personId: p, offerId: 'x', score: 10 * (i + 1) })),
    });
    expect(s.assignments.map((a) => a.personId).sort()).toEqual(['b', 'c']);
    expect(s.unassigned).toEqual(['a']);
  });

  it('handles no persons, no offers, offers without positions and unknown ids', () => {
    expect(check({ personIds: [], offers: [], pairs: [] }).assignments).toEqual([]);
    expect(check({ personIds: ['a'], offers: [], pairs: [] }).unassigned).toEqual(['a']);
    expect(
      check({
        personIds: ['a'],
        offers: [{ id: 'x', freePositions: 0 }],
        pairs: [
          { personId: 'a', offerId: 'x', score: 80 },
          { personId: 'ghost', offerId: 'x', score: 80 },
        ],
      }).unassigned,
    ).toEqual(['a']);
  });

  it.each(Array.from({ length: 300 }, (_, i) => i + 1))(
    'matches exhaustive search on random instance %i',
    (seed) => {
      const input = randomInstance(seed);
      const s = check(input);
      const best = bruteForce(input);
      expect({ count: s.assignments.length, total: s.totalScore }).toEqual(best);
    },
  );
});

describe('hungarian', () => {
  it('finds the minimum-cost assignment of a square matrix', () => {
    // Classic example: optimum 4 + 1 + 2... checked against all permutations.
    const m = [
      [9, 2, 7, 8],
      [6, 4, 3, 7],
      [5, 8, 1, 8],
      [7, 6, 9, 4],
    ];
    const cols = hungarian(4, 4, m.flat());
    expect(cols.reduce((s, j, i) => s + m[i]![j]!, 0)).toBe(13);
    expect(new Set(cols).size).toBe(4);
  });

  it('refuses more rows than columns', () => {
    expect(() => hungarian(2, 1, [0, 0])).toThrow(RangeError);
  });
});
