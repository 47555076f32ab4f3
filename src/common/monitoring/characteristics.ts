import { isPrimarySensitive, type Shown, suppressBreakdown } from './suppression';

/**
 * Participant characteristics of an indicator (ESF+, Regulation (EU) 2021/1057, Annex I: participants by
 * sex and by age): which breakdowns an indicator is published with, the ESF+ age bands, and the counts by
 * sex and by age band as a reader sees them, with the same small-number suppression as the partner
 * breakdown (suppression.ts).
 */

export const INDICATOR_BREAKDOWNS = ['partner', 'sex', 'age_band'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

/** The declared breakdowns of a stored indicator, unknown names left out, in their fixed order. */
export const breakdownsOf = (stored: readonly string[] | null | undefined): IndicatorBreakdown[] =>
  INDICATOR_BREAKDOWNS.filter((k) => (stored ?? []).includes(k));

/** The sexes a person record may hold (migration 0022) and the part of those with none recorded. */
export const SEX_CATEGORIES = ['female', 'male', 'non_binary', 'not_recorded'] as const;
export type SexCategory = (typeof SEX_CATEGORIES)[number];

/** ESF+ age bands: under 18, 18–29, 30–54, 55 and over. */
export const AGE_BANDS = ['under_18', '18_29', '30_54', '55_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age in whole years on a day (ISO dates; someone born on 29 February turns a year older on 1 March). */
export function ageAt(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOf(age: number): AgeBand {
  if (age < 18) return 'under_18';
  if (age < 30) return '18_29';
  if (age < 55) return '30_54';
  return '55_plus';
}

/**
 * The age band of a record: the person's age at the record's start (a placement's first day, a pathway's
 * entry) or, for a record without a date, at the end of the counted period.
 */
export const ageBandAt = (birthDate: string, startsOn: string | null, periodEnd: string): AgeBand =>
  ageBandOf(ageAt(birthDate, startsOn ?? periodEnd));

/** One row of a rule's profile (SQL `<rule>_profile`): counted rows of one sex and one age in years. */
export interface ProfileRow {
  sex: string | null;
  age: number;
  n: number;
}

export interface Profile {
  bySex: Array<{ category: SexCategory; n: number }>;
  byAgeBand: Array<{ category: AgeBand; n: number }>;
}

/** The rows summed by sex (unknown or missing: not recorded) and by age band, every category present. */
export function profileOf(rows: readonly ProfileRow[]): Profile {
  const sex = new Map<SexCategory, number>(SEX_CATEGORIES.map((c) => [c, 0]));
  const band = new Map<AgeBand, number>(AGE_BANDS.map((c) => [c, 0]));
  for (const r of rows) {
    const s = (SEX_CATEGORIES as readonly string[]).includes(r.sex ?? '')
      ? (r.sex as SexCategory)
      : 'not_recorded';
    sex.set(s, (sex.get(s) ?? 0) + r.n);
    const b = ageBandOf(r.age);
    band.set(b, (band.get(b) ?? 0) + r.n);
  }
  return {
    bySex: SEX_CATEGORIES.map((category) => ({ category, n: sex.get(category) ?? 0 })),
    byAgeBand: AGE_BANDS.map((category) => ({ category, n: band.get(category) ?? 0 })),
  };
}

export interface PublishedProfile {
  bySex: Array<{ category: SexCategory; n: Shown }>;
  byAgeBand: Array<{ category: AgeBand; n: Shown }>;
  suppressed: boolean;
}

/**
 * The profile as a reader sees it. The lead organisation sees every number. Others see each breakdown
 * suppressed like the partner breakdown (small parts hidden, and one more so that the total minus the
 * shown parts gives none away). The parts add up to the indicator's value, which the reader may see: when
 * that value is hidden, or a breakdown could not keep its total, the whole breakdown is hidden.
 */
export function publishProfile(profile: Profile, seesAll: boolean, valueShown: boolean): PublishedProfile {
  if (seesAll) return { ...profile, suppressed: false };
  const one = <C extends string>(parts: ReadonlyArray<{ category: C; n: number }>) => {
    const total = parts.reduce((s, p) => s + p.n, 0);
    const b = suppressBreakdown(parts.map((p) => p.n));
    const hideAll = !valueShown || b.total === null || isPrimarySensitive(total);
    return parts.map((p, i) => ({ category: p.category, n: hideAll ? null : (b.parts[i] ?? null) }));
  };
  const bySex = one(profile.bySex);
  const byAgeBand = one(profile.byAgeBand);
  return {
    bySex,
    byAgeBand,
    suppressed: [...bySex, ...byAgeBand].some((p) => p.n === null),
  };
}
