import { describe, expect, it } from 'vitest';
import { haversineKm } from '../network/geo';
import {
  compareRanked,
  type Place,
  RANKING_PARAMS,
  type RankingOffer,
  type RankingPerson,
  rankOffer,
  rankOffers,
  type TransitLine,
} from './ranking';

// Centroids of demo municipalities (rounded).
const MOUSCRON = { code: 'BE-57096', country: 'BE' as const, centroid: { lon: 3.234, lat: 50.741 } };
const ROUBAIX = { code: 'FR-59512', country: 'FR' as const, centroid: { lon: 3.181, lat: 50.69 } };
const WATTRELOS = { code: 'FR-59650', country: 'FR' as const, centroid: { lon: 3.227, lat: 50.703 } };
const KORTRIJK = { code: 'BE-34022', country: 'BE' as const, centroid: { lon: 3.264, lat: 50.827 } };
const LILLE = { code: 'FR-59350', country: 'FR' as const, centroid: { lon: 3.047, lat: 50.632 } };
const CHARLEROI = { code: 'BE-52011', country: 'BE' as const, centroid: { lon: 4.444, lat: 50.411 } };

const LINES: TransitLine[] = [
  { id: 'mwr', name: 'MWR', mode: 'bus', serves: ['BE-57096', 'FR-59650', 'FR-59512'], crossBorder: true },
  {
    id: 'lk',
    name: 'Lille–Kortrijk',
    mode: 'train',
    serves: ['FR-59350', 'FR-59512', 'BE-34022'],
    crossBorder: true,
  },
];

const person = (over: Partial<RankingPerson> = {}): RankingPerson => ({
  home: MOUSCRON,
  mobilityRadiusKm: 10,
  hasCrossedBorder: false,
  languages: { fr: 'C2', nl: 'A2' },
  available: { start: '2027-01-04', end: '2027-12-31' },
  ...over,
});
const offer = (id: string, place: Place = ROUBAIX, over: Partial<RankingOffer> = {}): RankingOffer => ({
  id,
  place,
  period: { start: '2027-02-01', end: '2027-05-31' },
  freePositions: 2,
  language: { code: 'fr', level: 'B1' },
  ...over,
});
const codes = (r: ReturnType<typeof rankOffer>) => r.reasons.map((x) => x.code);

describe('ranking one offer', () => {
  it('computes distances from centroids with the detour factor', () => {
    const r = rankOffer(person(), offer('a'), LINES);
    const straight = haversineKm(MOUSCRON.centroid, ROUBAIX.centroid);
    expect(r.straightKm).toBeCloseTo(straight, 1);
    expect(r.travelKm).toBeCloseTo(straight * RANKING_PARAMS.detourFactor, 1);
    expect(r.crossesBorder).toBe(true);
    expect(r.transitLine).toBe('MWR');
  });

  it('explains a cross-border offer reached by a direct bus within the radius', () => {
    const r = rankOffer(person(), offer('a'), LINES);
    expect(r.feasible).toBe(true);
    expect(codes(r)).toEqual([
      'dates_fit',
      'within_radius',
      'direct_transit_line',
      'language_ok',
      'crosses_border_goal',
    ]);
    expect(r.score).toBe(100);
  });

  it('blocks full offers, past or later offers, and too-far offers', () => {
    expect(codes(rankOffer(person(), offer('a', ROUBAIX, { freePositions: 0 }), LINES))).toContain(
      'no_free_position',
    );
    expect(
      rankOffer(person(), offer('a', ROUBAIX, { period: { start: '2026-01-01', end: '2026-03-31' } }), LINES)
        .feasible,
    ).toBe(false);
    expect(
      rankOffer(person(), offer('a', ROUBAIX, { period: { start: '2028-02-01', end: '2028-05-31' } }), LINES)
        .reasons[0],
    ).toMatchObject({ code: 'dates_incompatible', blocking: true });
    const far = rankOffer(person(), offer('a', CHARLEROI, { language: null }), LINES);
    expect(far.feasible).toBe(false);
    expect(codes(far)).toContain('out_of_reach');
  });

  it('treats a late start as possible but weaker', () => {
    const late = rankOffer(
      person(),
      offer('a', ROUBAIX, { period: { start: '2027-04-01', end: '2027-07-31' } }),
      LINES,
    );
    expect(late.feasible).toBe(true);
    expect(codes(late)).toContain('starts_late');
    expect(late.score).toBeLessThan(rankOffer(person(), offer('b'), LINES).score);
  });

  it('accepts a language one CEFR level short with a penalty, blocks two levels short', () => {
    const nlB1 = rankOffer(person(), offer('a', KORTRIJK, { language: { code: 'nl', level: 'B1' } }), LINES);
    expect(codes(nlB1)).toContain('language_one_level_below');
    const nlB2 = rankOffer(person(), offer('a', KORTRIJK, { language: { code: 'nl', level: 'B2' } }), LINES);
    expect(codes(nlB2)).toContain('language_insufficient');
    expect(nlB2.feasible).toBe(false);
    const noLanguage = rankOffer(
      person({ languages: {} }),
      offer('a', ROUBAIX, { language: { code: 'nl', level: 'A1' } }),
      LINES,
    );
    expect(codes(noLanguage)).toContain('language_one_level_below');
  });

  it('stretches the radius a little, and further along a direct line', () => {
    // Mouscron–Kortrijk ≈ 12 km straight, ≈ 16 km travel: a stretch for a 10 km radius, no line.
    const k = rankOffer(person({ mobilityRadiusKm: 11 }), offer('k', KORTRIJK, { language: null }), LINES);
    expect(codes(k)).toContain('stretch_distance');
    expect(codes(k)).toContain('no_transit_line');
    // Mouscron–Lille ≈ 17 km straight (22 travel): beyond 1.5 × 10 km, no direct line → out of reach.
    expect(codes(rankOffer(person(), offer('l', LILLE), LINES))).toContain('out_of_reach');
    // From Roubaix the Lille–Kortrijk train reaches Kortrijk although it is beyond 1.5 × the radius.
    const fromRoubaix = person({ home: ROUBAIX, mobilityRadiusKm: 12, languages: { fr: 'C2', nl: 'B1' } });
    const viaTrain = rankOffer(
      fromRoubaix,
      offer('k', KORTRIJK, { language: { code: 'nl', level: 'A2' } }),
      LINES,
    );
    expect(viaTrain.travelKm).toBeGreaterThan(12 * RANKING_PARAMS.stretchFactor);
    expect(viaTrain.feasible).toBe(true);
    expect(viaTrain.transitLine).toBe('Lille–Kortrijk');
  });

  it('marks a first crossing without a direct line, and rewards crossing once the person has crossed', () => {
    const first = rankOffer(person({ mobilityRadiusKm: 20 }), offer('w', WATTRELOS), []);
    expect(codes(first)).toContain('crosses_border_first_time_without_line');
    const seasoned = rankOffer(
      person({ mobilityRadiusKm: 20, hasCrossedBorder: true }),
      offer('w', WATTRELOS),
      [],
    );
    expect(codes(seasoned)).toContain('crosses_border_goal');
    expect(seasoned.score).toBeGreaterThan(first.score);
  });

  it('keeps the score within 0–100', () => {
    for (const place of [MOUSCRON, ROUBAIX, WATTRELOS, KORTRIJK, LILLE, CHARLEROI]) {
      const r = rankOffer(person({ mobilityRadiusKm: 200 }), offer('x', place), LINES);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
    }
  });
});

describe('ranking a list', () => {
  it('puts feasible offers first, then higher scores, then nearer, stable by id', () => {
    const offers = [
      offer('far', CHARLEROI),
      offer('full', ROUBAIX, { freePositions: 0 }),
      offer('wattrelos', WATTRELOS),
      offer('roubaix', ROUBAIX),
      offer('late', ROUBAIX, { period: { start: '2027-04-01', end: '2027-07-31' } }),
    ];
    const ranked = rankOffers(person({ mobilityRadiusKm: 12 }), offers, LINES);
    expect(ranked.map((r) => r.offerId)).toEqual(['wattrelos', 'roubaix', 'late', 'full', 'far']);
    for (let i = 1; i < ranked.length; i++)
      expect(compareRanked(ranked[i - 1]!, ranked[i]!)).toBeLessThanOrEqual(0);
  });
});
