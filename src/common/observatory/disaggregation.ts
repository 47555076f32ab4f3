/**
 * Disaggregations of observatory values (migration 0036's `obs_values.disaggregation`): 'total', or ONE
 * category of one dimension: 'sex:F', 'sex:M', 'age:15-24', 'age:65+'. A value broken down by sex AND age
 * at once has no form here (the column holds one category), so a file giving both is refused line by line.
 *
 * Pure: shared by the import (reading `sex`/`age` cells in FR/NL/EN) and the map (its selector).
 */

export const TOTAL = 'total';
export const DISAGGREGATION_PATTERN = '^(total|[a-z_]{1,20}:[A-Za-z0-9_+-]{1,20})$';
const FORM = new RegExp(DISAGGREGATION_PATTERN);

export const DIMENSIONS = ['sex', 'age'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The dimension of a disaggregation ('sex' for 'sex:F'), null for the total. */
export function dimensionOf(d: string): string | null {
  if (d === TOTAL) return null;
  const i = d.indexOf(':');
  return i > 0 ? d.slice(0, i) : null;
}

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

const TOTAL_WORDS = new Set(['', 't', 'tot', 'total', 'totaal', 'all', 'alle', 'ensemble', 'tous', '_t']);
const FEMALE = new Set([
  'f',
  'fem',
  'femme',
  'femmes',
  'female',
  'females',
  'women',
  'woman',
  'v',
  'vrouw',
  'vrouwen',
  '2',
]);
const MALE = new Set(['m', 'h', 'homme', 'hommes', 'male', 'males', 'men', 'man', 'mannen', '1']);

export type Reading = { ok: true; disaggregation: string } | { ok: false };

/** A sex cell (INSEE/Statbel codes 1 = men, 2 = women; F/M/H/V; words in FR, NL, EN). */
export function readSex(cell: string): Reading {
  const k = key(cell);
  if (TOTAL_WORDS.has(k)) return { ok: true, disaggregation: TOTAL };
  if (FEMALE.has(k)) return { ok: true, disaggregation: 'sex:F' };
  if (MALE.has(k)) return { ok: true, disaggregation: 'sex:M' };
  return { ok: false };
}

/**
 * An age band cell: '15-24', '15 à 24', '15 tot 24', 'Y15-24', '15_24', '65+', '65 et plus', '65 en meer',
 * 'Y_GE65', or one age ('37'). Bands are kept as written, not re-cut: '15-24' and '15-29' stay distinct.
 */
export function readAge(cell: string): Reading {
  const k = key(cell).replace(/\s*(ans|jaar|years?)\s*$/, '');
  if (TOTAL_WORDS.has(k) || k === 'y_t' || k === 'total_age') return { ok: true, disaggregation: TOTAL };
  const band = /^y?_?(\d{1,3})\s*(?:-|_|a|à|tot|to|t)\s*(\d{1,3})$/.exec(k);
  if (band) {
    const from = Number(band[1]);
    const to = Number(band[2]);
    return from <= to ? { ok: true, disaggregation: `age:${from}-${to}` } : { ok: false };
  }
  const plus = /^(?:y_?ge_?)?(\d{1,3})\s*(?:\+|p|et plus|en meer|en ouder|and over|or over|or more)?$/.exec(
    k,
  );
  if (plus) {
    const open = k !== plus[1];
    return { ok: true, disaggregation: `age:${Number(plus[1])}${open ? '+' : ''}` };
  }
  return { ok: false };
}

/** A disaggregation cell: 'total', 'sex:F', 'age:15-24' as stored, or a sex or an age band as above. */
export function readDisaggregation(cell: string): Reading {
  const text = cell.trim();
  if (FORM.test(text)) {
    const dim = dimensionOf(text);
    if (dim === 'sex') return readSex(text.slice(4));
    if (dim === 'age') {
      const r = readAge(text.slice(4));
      return r.ok && r.disaggregation !== TOTAL ? r : { ok: false };
    }
    return { ok: true, disaggregation: text };
  }
  // Bare digits are a sex code in a sex column and an age in an age column: here they mean neither.
  if (/^\d+$/.test(text)) return { ok: false };
  const sex = readSex(text);
  if (sex.ok) return sex;
  return readAge(text);
}

/** Order for lists and selectors: total, then sex, then age bands by their lower bound. */
export function compareDisaggregations(a: string, b: string): number {
  const rank = (d: string) =>
    d === TOTAL ? 0 : dimensionOf(d) === 'sex' ? 1 : dimensionOf(d) === 'age' ? 2 : 3;
  const lower = (d: string) => Number(/^age:(\d+)/.exec(d)?.[1] ?? 0);
  return rank(a) - rank(b) || lower(a) - lower(b) || (a < b ? -1 : a > b ? 1 : 0);
}
