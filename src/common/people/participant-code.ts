/**
 * The network-wide participant code is a keyed hash of a person's normalised name and birth date. This
 * file holds the pure part (normalisation and rendering) shared by the server and the browser; the key
 * never leaves the server (src/server/modules/people/persons/participant-code.ts).
 */

/** Folds accents and case, keeps only letters: "Dupont-Élise" → ["dupont", "elise"]. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/**
 * The text that is hashed: every name token of first and last names, sorted (so that swapped names,
 * hyphens, double spaces, accents or case give the same code; a single name gives its own tokens), then
 * the birth date.
 *
 * An exact birth date is hashed as the ISO date ("dupont jean|1985-07-30"): codes computed before birth
 * date precisions existed are unchanged. A non-exact one (precision 'year' or 'estimated', migration 0053)
 * is hashed as its year and a marker ("tesfay yonas|1998~"): correcting an estimated date within the same
 * year, or going from "year only" to an estimate in that year, keeps the code; the marker keeps such a code
 * apart from an exact date's. Making a date exact (or changing its year) changes the code, as for any
 * corrected identity.
 */
export function normaliseIdentity(
  firstName: string,
  lastName: string,
  birthDate: string,
  precision: 'exact' | 'year' | 'estimated' = 'exact',
): string {
  const tokens = [...nameTokens(firstName), ...nameTokens(lastName)].sort();
  const date = precision === 'exact' ? birthDate.slice(0, 10) : `${birthDate.slice(0, 4)}~`;
  return `${tokens.join(' ')}|${date}`;
}

/** Crockford's alphabet (no I, L, O, U): codes read aloud or copied by hand are not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 base-32 characters (80 bits) of a digest, in four groups: "7K3M-Q9XD-2HBR-T0VA". */
export function renderCode(digest: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === 16) break;
  }
  if (out.length < 16) throw new Error('digest too short for a participant code');
  return out.match(/.{4}/g)!.join('-');
}

export const PARTICIPANT_CODE_PATTERN = '^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$';

/** A code as typed (lower case, without dashes, with O/I/L for 0/1) in its stored form, or null. */
export function parseParticipantCode(s: string): string | null {
  const raw = s.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-Z]{16}$/.test(raw)) return null;
  return raw.match(/.{4}/g)!.join('-');
}
