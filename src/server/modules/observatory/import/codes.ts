/**
 * Territory codes of official files → the platform's form ('FR-59350', 'FR-2A004', 'BE-57096'). Pure.
 *
 * - French INSEE (COG) codes have 5 characters, Corsica's start with 2A/2B; a 4-digit French code is a
 *   code whose leading zero a spreadsheet dropped ('1001' → '01001').
 * - Belgian NIS/REFNIS codes have 5 digits.
 * - Prefixed codes are read whatever the file's country: 'FR-59350', 'fr59350', 'BE_57096' (Eurostat
 *   GISCO writes 'BE_57096').
 * - An unprefixed 5-digit code with no country (generic long files) is looked up in both countries among
 *   the known codes: found in one it is that one; in both or neither, or with nothing to look it up in, it
 *   is ambiguous.
 */
import { isValidLocalCode, type TerritoryCountry, territoryCode } from '../../../../common/network/territory';
import type { CellValue } from './values';

/** The territories the caller knows, by platform code ('FR-59350'). */
export type KnownCodes = ReadonlySet<string> | ((geoCode: string) => boolean);

export function isKnownCode(known: KnownCodes, geoCode: string): boolean {
  return typeof known === 'function' ? known(geoCode) : known.has(geoCode);
}

export type CodeReading =
  | { kind: 'code'; geoCode: string }
  | { kind: 'missing' }
  | { kind: 'invalid'; text: string }
  | { kind: 'ambiguous'; text: string };

/** The text of a code cell: spreadsheets give numbers ('59350' typed as 59350) and keep a leading "'". */
export function codeText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return cell.trim().replace(/^'/, '').trim();
}

/** Reads a territory code; `country` is the file's (null: generic file, prefix or known codes decide). */
export function readGeoCode(
  cell: CellValue,
  country: TerritoryCountry | null,
  known?: KnownCodes,
): CodeReading {
  const text = codeText(cell);
  if (text === '') return { kind: 'missing' };
  const upper = text.toUpperCase();
  const prefixed = /^(FR|BE)[-_\s]?([0-9A-Z]{4,5})$/.exec(upper);
  let local = prefixed ? prefixed[2]! : upper;
  let codeCountry: TerritoryCountry | null = prefixed ? (prefixed[1] as TerritoryCountry) : country;
  if (prefixed && country && prefixed[1] !== country) return { kind: 'invalid', text };
  if (!codeCountry && /^2[AB]\d{3}$/.test(local)) codeCountry = 'FR';
  if (/^\d{4}$/.test(local) && codeCountry !== 'BE') {
    local = `0${local}`;
  }
  if (codeCountry) {
    return isValidLocalCode(codeCountry, local)
      ? { kind: 'code', geoCode: territoryCode(codeCountry, local) }
      : { kind: 'invalid', text };
  }
  // No country: a 5-digit code may be French or Belgian.
  const fr = isValidLocalCode('FR', local) ? territoryCode('FR', local) : null;
  const be = isValidLocalCode('BE', local) ? territoryCode('BE', local) : null;
  if (!fr && !be) return { kind: 'invalid', text };
  if (fr && !be) return { kind: 'code', geoCode: fr };
  if (be && !fr) return { kind: 'code', geoCode: be };
  if (!known) return { kind: 'ambiguous', text };
  const inFr = isKnownCode(known, fr!);
  const inBe = isKnownCode(known, be!);
  if (inFr !== inBe) return { kind: 'code', geoCode: inFr ? fr! : be! };
  return { kind: 'ambiguous', text };
}
