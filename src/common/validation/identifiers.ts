/**
 * Validation and normalisation of the identifiers the platform stores: French SIRET, Belgian enterprise
 * numbers (KBO/BCE), phone numbers (E.164), e-mail addresses and municipality codes.
 *
 * Pure functions, no I/O: shared by the server and the browser.
 */

export type IdentifierResult = { ok: true; value: string } | { ok: false; code: 'format' | 'checksum' };

export type BusinessIdType = 'siret' | 'kbo';

/** La Poste's SIREN: its establishments' SIRET follow a digit-sum rule instead of the Luhn checksum. */
const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a string of digits (rightmost digit is the check digit). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const c of digits) sum += c.charCodeAt(0) - 48;
  return sum;
}

/**
 * French establishment number: 14 digits (spaces allowed in the input), Luhn checksum. La Poste's
 * establishments (SIREN 356000000) use a digit sum divisible by 5 instead (its head office, 356 000 000 00048,
 * satisfies Luhn, which is accepted too). The normalised value is the 14 digits without spaces.
 */
export function validateSiret(s: string): IdentifierResult {
  const value = s.replace(/\s+/g, '');
  if (!/^\d{14}$/.test(value)) return { ok: false, code: 'format' };
  if (luhnValid(value)) return { ok: true, value };
  if (value.startsWith(LA_POSTE_SIREN) && digitSum(value) % 5 === 0) return { ok: true, value };
  return { ok: false, code: 'checksum' };
}

/** The check number of the first 8 digits of a Belgian enterprise number (97 - n mod 97). */
function kboCheck(first8: string): number {
  return 97 - (Number(first8) % 97);
}

/**
 * Belgian enterprise number (KBO/BCE): accepts 'BE0123.456.789', 'BE 0123 456 789', '0123456789',
 * '0123-456-789' and the old 9-digit form '123456789' (a leading 0 is added). Ten digits starting with
 * 0 or 1; the last two digits equal 97 - (first eight mod 97). Normalised form: '0123.456.789'.
 */
export function validateKbo(s: string): IdentifierResult {
  let raw = s.trim().replace(/^be/i, '');
  raw = raw.replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(raw)) return { ok: false, code: 'format' };
  const digits = raw.length === 9 ? `0${raw}` : raw;
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, code: 'format' };
  if (kboCheck(digits.slice(0, 8)) !== Number(digits.slice(8))) return { ok: false, code: 'checksum' };
  return { ok: true, value: `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` };
}

export function validateBusinessId(type: BusinessIdType, s: string): IdentifierResult {
  return type === 'siret' ? validateSiret(s) : validateKbo(s);
}

export type PhoneCountry = 'FR' | 'BE';

/** Separators people type in phone numbers; removed before parsing. */
const PHONE_SEPARATORS = /[\s.\-/()]/g;

function frenchSubscriber(national: string): string | null {
  // 9 digits after the country code, the first one 1–9 (01–05 landlines, 06/07 mobiles, 08, 09).
  return /^[1-9]\d{8}$/.test(national) ? `+33${national}` : null;
}

function belgianSubscriber(national: string): string | null {
  // 8 digits (landlines, e.g. 2 123 45 67; 69 12 34 56) or 9 digits for mobiles (4xx xx xx xx).
  if (/^[1-9]\d{7}$/.test(national)) return `+32${national}`;
  if (/^4\d{8}$/.test(national)) return `+32${national}`;
  return null;
}

/**
 * Normalises a French or Belgian phone number to E.164 ('+33…' / '+32…'), or returns null if it is not
 * a plausible number. National formats are read with `defaultCountry` (FR: 10 digits '0X XX XX XX XX';
 * BE: 9 digits '0X XXX XX XX' or 10 digits '04XX XX XX XX'). International forms '+33', '+32', '0033',
 * '0032' are always recognised, with or without the trunk '(0)'; any other '+'/'00' number is accepted
 * when it has 8–15 digits.
 */
export function normalisePhone(s: string, defaultCountry: PhoneCountry): string | null {
  let t = s.trim();
  if (t === '') return null;
  // '+33 (0)6 …': the '(0)' is the national trunk prefix, not part of the international number.
  t = t.replace(/\(0\)/g, '');
  t = t.replace(PHONE_SEPARATORS, '');
  let international: string | null = null;
  if (t.startsWith('+')) international = t.slice(1);
  else if (t.startsWith('00')) international = t.slice(2);
  if (international !== null) {
    if (!/^\d+$/.test(international)) return null;
    if (international.startsWith('33')) return frenchSubscriber(international.slice(2).replace(/^0/, ''));
    if (international.startsWith('32')) return belgianSubscriber(international.slice(2).replace(/^0/, ''));
    if (international.startsWith('0')) return null;
    return international.length >= 8 && international.length <= 15 ? `+${international}` : null;
  }
  if (!/^0\d+$/.test(t)) return null;
  if (defaultCountry === 'FR') return t.length === 10 ? frenchSubscriber(t.slice(1)) : null;
  return t.length === 9 || t.length === 10 ? belgianSubscriber(t.slice(1)) : null;
}

/**
 * A pragmatic e-mail check: one '@', a non-empty local part without spaces (max 64), a domain of
 * dot-separated labels (letters, digits, hyphens, not at a label's ends) with a top-level domain of at
 * least two letters; at most 254 characters. Internationalised domain labels (non-ASCII letters) pass.
 */
export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0 || at !== s.indexOf('@')) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64) return false;
  if (!/^[^\s@"(),:;<>[\\\]]+$/u.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label)) return false;
  }
  const tld = labels[labels.length - 1]!;
  return /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu.test(tld);
}

export type MunicipalityCountry = 'FR' | 'BE';

export interface MunicipalityCode {
  country: MunicipalityCountry;
  /** INSEE code (FR, e.g. '59350', '2A004') or NIS/INS code (BE, e.g. '57081'). */
  code: string;
}

const MUNICIPALITY_CODE_PATTERNS: Record<MunicipalityCountry, RegExp> = {
  FR: /^(?:\d{2}|2[AB])\d{3}$/,
  BE: /^\d{5}$/,
};

/** True when `code` is a valid municipality code of `country` (INSEE for FR, NIS for BE), uppercase. */
export function isValidMunicipalityCode(country: MunicipalityCountry, code: string): boolean {
  return MUNICIPALITY_CODE_PATTERNS[country].test(code);
}

/**
 * Parses a prefixed municipality code: 'FR-59350' → { country: 'FR', code: '59350' }, 'FR-2A004',
 * 'BE-57081'. Case-insensitive ('fr-2a004' is read as 'FR-2A004'); returns null when invalid.
 */
export function parseMunicipalityCode(s: string): MunicipalityCode | null {
  const m = /^(FR|BE)-([0-9A-Z]{5})$/.exec(s.trim().toUpperCase());
  if (!m) return null;
  const country = m[1] as MunicipalityCountry;
  const code = m[2]!;
  return isValidMunicipalityCode(country, code) ? { country, code } : null;
}

/** Builds the prefixed form ('FR-59350'); throws a RangeError if the code is not valid for the country. */
export function toMunicipalityCode(country: MunicipalityCountry, code: string): string {
  const c = code.trim().toUpperCase();
  if (!isValidMunicipalityCode(country, c))
    throw new RangeError(`invalid ${country} municipality code: ${code}`);
  return `${country}-${c}`;
}

/** The remainder of a long decimal string divided by 97, digit by digit (no precision loss). */
function mod97(digits: string): number {
  let r = 0;
  for (const c of digits) r = (r * 10 + (c.charCodeAt(0) - 48)) % 97;
  return r;
}

/**
 * Belgian national register or BIS number (NISS/INSZ/NN): 11 digits, 'YY.MM.DD-SSS.CC' with any dots,
 * dashes or spaces. The check number CC is 97 - (first nine digits mod 97), with a leading 2 for people
 * born from 2000 on; both readings are accepted since the century is not in the number. Normalised form:
 * the 11 digits.
 */
export function validateNiss(s: string): IdentifierResult {
  const value = s.replace(/[\s.\-/]/g, '');
  if (!/^\d{11}$/.test(value)) return { ok: false, code: 'format' };
  const first9 = value.slice(0, 9);
  const check = Number(value.slice(9));
  if (97 - mod97(first9) === check || 97 - mod97(`2${first9}`) === check) return { ok: true, value };
  return { ok: false, code: 'checksum' };
}

/**
 * French social security number (NIR): 13 characters (sex, year, month, department — 2A/2B for Corsica —,
 * commune, order) and a 2-digit key equal to 97 - (number mod 97), where 2A counts as 19 and 2B as 18.
 * Spaces allowed in the input; normalised form: the 15 characters, upper case.
 */
export function validateNir(s: string): IdentifierResult {
  const value = s.replace(/\s+/g, '').toUpperCase();
  if (!/^[1-478]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$/.test(value)) return { ok: false, code: 'format' };
  const body = value
    .slice(0, 13)
    .replace(/^(.{5})2A/, '$119')
    .replace(/^(.{5})2B/, '$118');
  if (97 - mod97(body) === Number(value.slice(13))) return { ok: true, value };
  return { ok: false, code: 'checksum' };
}

/** A national identifier of the person's country: NISS for Belgium, NIR for France. */
export function validateNationalId(country: 'FR' | 'BE', s: string): IdentifierResult {
  return country === 'BE' ? validateNiss(s) : validateNir(s);
}
