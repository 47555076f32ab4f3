// Placement matching benchmark, pure and in-process (no database): the ranking of 5,000 offers for one
// person, and the cohort suggestion for 200 persons × 1,000 offers (pairs ranked, then the optimal
// assignment). Run with
//   node --import tsx bench/placements.ts [--offers=5000] [--persons=200] [--cohort-offers=1000] [--runs=20]
// Prints a table and writes JSON to bench/results/placements-<time>.json. Data are generated with a
// seeded generator over the built-in municipalities and the demo transit lines, so runs are comparable.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CohortPair, suggestCohort } from '../src/common/placements/cohort';
import { addDays } from '../src/common/placements/dates';
import {
  CEFR_LEVELS,
  type Place,
  type RankingOffer,
  type RankingPerson,
  rankOffer,
  rankOffers,
} from '../src/common/placements/ranking';
import { DEMO_TRANSIT_LINES } from '../src/common/placements/transit-lines';
import { DEMO_TERRITORIES } from '../src/server/modules/network/territories/demo-territories';
import { summarise } from './stats';

const arg = (name: string, def: string) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def);
const OFFERS = arg('offers', '5000');
const PERSONS = arg('persons', '200');
const COHORT_OFFERS = arg('cohort-offers', '1000');
const RUNS = arg('runs', '20');

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261123);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

// The Eurometropolis area only (Charleroi, Binche and Brussels are beyond any commute in these tests).
const PLACES: Place[] = DEMO_TERRITORIES.filter(
  (t) => t.centroid && !['BE-52011', 'BE-58001', 'BE-58002', 'BE-21004'].includes(t.code),
).map((t) => ({ code: t.code, country: t.country as 'FR' | 'BE', centroid: t.centroid! }));
const TODAY = '2026-12-01';

function offers(n: number): RankingOffer[] {
  return Array.from({ length: n }, (_, i) => {
    const start = addDays(TODAY, Math.floor(random() * 200));
    const place = pick(PLACES);
    const needs = random() < 0.6;
    return {
      id: `offer-${String(i).padStart(5, '0')}`,
      place,
      period: { start, end: addDays(start, 60 + Math.floor(random() * 120)) },
      freePositions: 1 + Math.floor(random() * 4),
      language: needs
        ? {
            code: place.country === 'BE' && random() < 0.6 ? 'nl' : 'fr',
            level: pick(CEFR_LEVELS.slice(0, 4)),
          }
        : null,
    };
  });
}

function person(): RankingPerson {
  return {
    home: pick(PLACES),
    mobilityRadiusKm: 5 + Math.floor(random() * 30),
    hasCrossedBorder: random() < 0.3,
    languages: {
      fr: pick(['B1', 'B2', 'C1', 'C2'] as const),
      ...(random() < 0.3 ? { nl: pick(CEFR_LEVELS) } : {}),
    },
    available: { start: TODAY, end: addDays(TODAY, 365) },
  };
}

const time = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

// 1. One person, many offers.
const manyOffers = offers(OFFERS);
const one = person();
rankOffers(one, manyOffers, DEMO_TRANSIT_LINES); // warm-up
const rankTimes = Array.from({ length: RUNS }, () =>
  time(() => rankOffers(one, manyOffers, DEMO_TRANSIT_LINES)),
);
const ranking = summarise(rankTimes, 1, 0);

// 2. A cohort: every pair ranked, feasible ones kept, then the optimal assignment.
const cohortOffers = offers(COHORT_OFFERS);
const persons = Array.from({ length: PERSONS }, (_, i) => ({ id: `person-${i}`, p: person() }));
let pairs: CohortPair[] = [];
const pairTimes: number[] = [];
const assignTimes: number[] = [];
let assigned = 0;
const cohortRuns = Math.max(1, Math.ceil(RUNS / 4));
for (let run = 0; run < cohortRuns; run++) {
  pairTimes.push(
    time(() => {
      pairs = [];
      for (const { id, p } of persons)
        for (const o of cohortOffers) {
          const r = rankOffer(p, o, DEMO_TRANSIT_LINES);
          if (r.feasible) pairs.push({ personId: id, offerId: o.id, score: r.score });
        }
    }),
  );
  assignTimes.push(
    time(() => {
      assigned = suggestCohort({
        personIds: persons.map((x) => x.id),
        offers: cohortOffers.map((o) => ({ id: o.id, freePositions: o.freePositions })),
        pairs,
      }).assignments.length;
    }),
  );
}
const pairStats = summarise(pairTimes, 1, 0);
const assignStats = summarise(assignTimes, 1, 0);

const rows = [
  { name: `rankOffers: 1 person × ${OFFERS} offers`, runs: RUNS, p50: ranking.p50, p95: ranking.p95 },
  {
    name: `cohort pairs: ${PERSONS} persons × ${COHORT_OFFERS} offers (${pairs.length} feasible)`,
    runs: cohortRuns,
    p50: pairStats.p50,
    p95: pairStats.p95,
  },
  {
    name: `suggestCohort: ${PERSONS} persons, ${assigned} assigned`,
    runs: cohortRuns,
    p50: assignStats.p50,
    p95: assignStats.p95,
  },
];
console.log(`${'scenario'.padEnd(72)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)}`);
for (const r of rows)
  console.log(
    `${r.name.padEnd(72)} ${String(r.runs).padStart(5)} ${r.p50.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(9)}`,
  );

const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `placements-${new Date().toISOString().replaceAll(':', '-').replace('.', '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      params: { offers: OFFERS, persons: PERSONS, cohortOffers: COHORT_OFFERS, runs: RUNS },
      results: rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten ${file}`);
