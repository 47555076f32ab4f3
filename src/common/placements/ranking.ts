import { haversineKm, type LonLat } from '../network/geo';
import { overlaps, type Period } from './dates';

/**
 * Ranks placement offers for one person by how feasible they are, and says why. Pure and deterministic:
 * the referent sees the same order and the same reasons the server computed.
 */

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
export const cefrRank = (l: CefrLevel | null | undefined) => (l ? CEFR_LEVELS.indexOf(l) + 1 : 0);

export interface Place {
  code: string;
  country: 'FR' | 'BE';
  centroid: LonLat;
}

export interface RankingPerson {
  home: Place;
  /** How far the person travels today (recorded along the pathway); the goal is ≥ 30 km and across the border. */
  mobilityRadiusKm: number;
  /** Has already crossed the border alone to go to an activity. */
  hasCrossedBorder: boolean;
  /** Self-assessed or tested levels; a language missing is not spoken. */
  languages: Partial<Record<string, CefrLevel>>;
  /** When the person can start, and until when a placement may run. */
  available: Period;
}

export interface RankingOffer {
  id: string;
  place: Place;
  period: Period;
  freePositions: number;
  language: { code: string; level: CefrLevel } | null;
}

/** A known public transport line across the border, kept as data (lines change: see the domain brief). */
export interface TransitLine {
  id: string;
  name: string;
  mode: 'bus' | 'train' | 'tram';
  /** Municipality codes it serves. */
  serves: readonly string[];
  crossBorder: boolean;
}

export const RANKING_PARAMS = {
  /** Road and transit routes are longer than the straight line between municipality centroids. */
  detourFactor: 1.3,
  /** Beyond the radius by this factor an offer is a stretch; beyond twice the radius it is out of reach. */
  stretchFactor: 1.5,
  reachFactor: 2,
  /** An offer starting this many days after the person is available still fits, with a penalty. */
  lateStartDays: 45,
  weights: { distance: 40, language: 25, dates: 15, transit: 10, border: 10 },
} as const;

export type ReasonCode =
  | 'no_free_position'
  | 'dates_incompatible'
  | 'dates_fit'
  | 'starts_late'
  | 'within_radius'
  | 'stretch_distance'
  | 'out_of_reach'
  | 'same_municipality'
  | 'language_ok'
  | 'language_one_level_below'
  | 'language_insufficient'
  | 'no_language_needed'
  | 'direct_transit_line'
  | 'no_transit_line'
  | 'crosses_border_goal'
  | 'crosses_border_first_time_without_line'
  | 'same_country';

export interface Reason {
  code: ReasonCode;
  /** Points this reason adds (negative: removes); a blocking reason makes the offer infeasible. */
  points: number;
  blocking?: boolean;
  params?: Record<string, string | number>;
}

export interface RankedOffer {
  offerId: string;
  feasible: boolean;
  /** 0–100, integer; infeasible offers keep their score for information but always come after feasible ones. */
  score: number;
  straightKm: number;
  travelKm: number;
  crossesBorder: boolean;
  transitLine: string | null;
  reasons: Reason[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function lineBetween(a: string, b: string, lines: readonly TransitLine[]): TransitLine | null {
  return lines.find((l) => l.serves.includes(a) && l.serves.includes(b)) ?? null;
}

export function rankOffer(
  person: RankingPerson,
  offer: RankingOffer,
  lines: readonly TransitLine[],
): RankedOffer {
  const w = RANKING_PARAMS.weights;
  const reasons: Reason[] = [];
  const straightKm = round1(haversineKm(person.home.centroid, offer.place.centroid));
  const travelKm = round1(straightKm * RANKING_PARAMS.detourFactor);
  const crossesBorder = person.home.country !== offer.place.country;
  const line =
    person.home.code === offer.place.code ? null : lineBetween(person.home.code, offer.place.code, lines);

  if (offer.freePositions <= 0) reasons.push({ code: 'no_free_position', points: 0, blocking: true });

  // Dates: the offer must run inside the person's availability, starting soon enough.
  if (!overlaps(offer.period, person.available) || offer.period.start > person.available.end)
    reasons.push({ code: 'dates_incompatible', points: 0, blocking: true });
  else {
    const lateBy = Math.max(
      0,
      (Date.parse(offer.period.start) - Date.parse(person.available.start)) / 86_400_000,
    );
    if (lateBy > RANKING_PARAMS.lateStartDays)
      reasons.push({ code: 'starts_late', points: Math.round(w.dates / 3), params: { days: lateBy } });
    else reasons.push({ code: 'dates_fit', points: w.dates, params: { days: lateBy } });
  }

  // Distance against the person's current mobility radius; a direct line extends what is within reach.
  const radius = Math.max(person.mobilityRadiusKm, 1);
  if (person.home.code === offer.place.code)
    reasons.push({ code: 'same_municipality', points: w.distance, params: { km: travelKm } });
  else if (travelKm <= radius)
    reasons.push({ code: 'within_radius', points: w.distance, params: { km: travelKm, radius } });
  else if (
    travelKm <= radius * RANKING_PARAMS.stretchFactor ||
    (line && travelKm <= radius * RANKING_PARAMS.reachFactor)
  )
    reasons.push({
      code: 'stretch_distance',
      points: Math.round(w.distance / 2),
      params: { km: travelKm, radius },
    });
  else reasons.push({ code: 'out_of_reach', points: 0, blocking: true, params: { km: travelKm, radius } });

  if (person.home.code !== offer.place.code) {
    if (line) reasons.push({ code: 'direct_transit_line', points: w.transit, params: { line: line.name } });
    else reasons.push({ code: 'no_transit_line', points: 0 });
  }

  // Language: one CEFR level short is workable with support; more is not.
  if (!offer.language) reasons.push({ code: 'no_language_needed', points: w.language });
  else {
    const have = cefrRank(person.languages[offer.language.code]);
    const need = cefrRank(offer.language.level);
    const params = { language: offer.language.code, level: offer.language.level };
    if (have >= need) reasons.push({ code: 'language_ok', points: w.language, params });
    else if (have === need - 1)
      reasons.push({ code: 'language_one_level_below', points: Math.round(w.language / 2), params });
    else reasons.push({ code: 'language_insufficient', points: 0, blocking: true, params });
  }

  // Crossing the border is the programme's goal; a first crossing without a direct line is harder.
  if (!crossesBorder) reasons.push({ code: 'same_country', points: Math.round(w.border / 2) });
  else if (!person.hasCrossedBorder && !line)
    reasons.push({ code: 'crosses_border_first_time_without_line', points: 0 });
  else reasons.push({ code: 'crosses_border_goal', points: w.border });

  const score = Math.min(
    100,
    reasons.reduce((s, r) => s + r.points, 0),
  );
  return {
    offerId: offer.id,
    feasible: !reasons.some((r) => r.blocking),
    score,
    straightKm,
    travelKm,
    crossesBorder,
    transitLine: line?.name ?? null,
    reasons,
  };
}

/** Feasible offers first, then by score, then nearer, then by id so that the order is stable. */
export function compareRanked(a: RankedOffer, b: RankedOffer): number {
  return (
    Number(b.feasible) - Number(a.feasible) ||
    b.score - a.score ||
    a.travelKm - b.travelKm ||
    a.offerId.localeCompare(b.offerId)
  );
}

export function rankOffers(
  person: RankingPerson,
  offers: readonly RankingOffer[],
  lines: readonly TransitLine[],
): RankedOffer[] {
  return offers.map((o) => rankOffer(person, o, lines)).sort(compareRanked);
}
