/**
 * Territories: French communes (INSEE code) and Belgian municipalities (NIS/REFNIS code) that
 * organisations, services and indicators are attached to, and the levels above them (migration 0035):
 *
 *   depth 0  country          FR                      BE (REFNIS 01000)
 *   depth 1  region           FR-REG-HDF (INSEE 32)    BE-REG-VLG / BE-REG-WAL / BE-REG-BRU (REFNIS 02000…04000)
 *   depth 2  département      FR-DEP-59               province BE-PROV-30000 (none for Brussels)
 *   depth 3  EPCI (SIREN)     FR-EPCI-200093201       arrondissement BE-ARR-57000
 *   depth 4  municipality     FR-59350                BE-57096
 *
 * A non-municipal code always carries a letter tag after the country, so it can never be read as a
 * municipality code (BE-57000 is a municipality-shaped code, BE-ARR-57000 the arrondissement). The region
 * suffix is the ISO 3166-2 one, the same the `region` column has held since 0002 (FR-HDF → FR-REG-HDF).
 * The geometry is kept apart (maps only). Pure code: shared by the server and the browser.
 */
import { isValidMunicipalityCode } from '../validation/identifiers';
import type { LonLat } from './geo';

export const TERRITORY_COUNTRIES = ['FR', 'BE'] as const;
export type TerritoryCountry = (typeof TERRITORY_COUNTRIES)[number];

export const TERRITORY_REGIONS = ['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU'] as const;
export type TerritoryRegion = (typeof TERRITORY_REGIONS)[number];

/** From the country down; the order is the tree's, see LEVEL_DEPTH for the depth shared across the border. */
export const TERRITORY_LEVELS = [
  'country',
  'region',
  'departement',
  'province',
  'epci',
  'arrondissement',
  'municipality',
] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/**
 * Depth in the tree (0 = country). French and Belgian levels of the same depth are compared with each other:
 * département ↔ province, EPCI ↔ arrondissement (the level where medians are taken, never re-aggregated).
 */
export const LEVEL_DEPTH: Readonly<Record<TerritoryLevel, number>> = {
  country: 0,
  region: 1,
  departement: 2,
  province: 2,
  epci: 3,
  arrondissement: 3,
  municipality: 4,
};

/** The levels each country uses (Brussels' arrondissement hangs directly under its region). */
export const COUNTRY_LEVELS: Readonly<Record<TerritoryCountry, readonly TerritoryLevel[]>> = {
  FR: ['country', 'region', 'departement', 'epci', 'municipality'],
  BE: ['country', 'region', 'province', 'arrondissement', 'municipality'],
};

const MUNICIPALITY_CODE = '(?:FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})';

/** The shape of each level's codes (the migration's check constraint says the same). */
export const LEVEL_CODE_PATTERNS: Readonly<Record<TerritoryLevel, string>> = {
  country: '(?:FR|BE)',
  region: '(?:FR|BE)-REG-[A-Z]{3}',
  departement: 'FR-DEP-(?:[0-9]{2}|2[AB]|97[0-9])',
  province: 'BE-PROV-[0-9]{5}',
  epci: 'FR-EPCI-[0-9]{9}',
  arrondissement: 'BE-ARR-[0-9]{2}000',
  municipality: MUNICIPALITY_CODE,
};

/** Any territory code of any level, as a schema pattern. */
export const TERRITORY_CODE_PATTERN = `^(?:${Object.values(LEVEL_CODE_PATTERNS).join('|')})$`;

const LEVEL_REGEXPS = TERRITORY_LEVELS.map(
  (level) => [level, new RegExp(`^${LEVEL_CODE_PATTERNS[level]}$`)] as const,
);

/** The level a code's shape says, or null when it is no territory code. */
export function territoryLevelOf(code: string): TerritoryLevel | null {
  for (const [level, re] of LEVEL_REGEXPS) if (re.test(code)) return level;
  return null;
}

export const isTerritoryCode = (code: string) => territoryLevelOf(code) !== null;

/** The country of any territory code ('FR-DEP-59' → 'FR', 'BE' → 'BE'). */
export function countryOfCode(code: string): TerritoryCountry | null {
  const c = code.slice(0, 2);
  return isTerritoryCode(code) && (c === 'FR' || c === 'BE') ? c : null;
}

/** The region's own territory: 'FR-HDF' → 'FR-REG-HDF'. */
export const regionTerritoryCode = (region: TerritoryRegion) =>
  `${region.slice(0, 2)}-REG-${region.slice(3)}`;

/** Belgian regions by REFNIS code. */
const BE_REGION_REFNIS: Readonly<Record<string, TerritoryRegion>> = {
  '02000': 'BE-VLG',
  '03000': 'BE-WAL',
  '04000': 'BE-BRU',
};

/**
 * The territory of any Belgian REFNIS code, whatever its level (Statbel files key every level alike):
 * 01000 the kingdom, 02000–04000 the regions, X0000 and 2000X the provinces, XX000 the arrondissements,
 * anything else of five digits a municipality. Null when it is not five digits.
 */
export function refnisTerritoryCode(refnis: string): string | null {
  const r = refnis.trim();
  if (!/^[0-9]{5}$/.test(r)) return null;
  if (r === '01000') return 'BE';
  const region = BE_REGION_REFNIS[r];
  if (region) return regionTerritoryCode(region);
  if (/^[1-9]0000$/.test(r) || /^2000[12]$/.test(r)) return `BE-PROV-${r}`;
  if (/^[0-9]{2}000$/.test(r)) return `BE-ARR-${r}`;
  return `BE-${r}`;
}

/** INSEE region codes of the regions the platform serves. */
const FR_REGION_INSEE: Readonly<Record<string, TerritoryRegion>> = { '32': 'FR-HDF' };

/**
 * The territory of a French code of a given level (INSEE commune or département, SIREN of an EPCI,
 * INSEE region among those served); null when the code does not fit the level.
 */
export function frenchTerritoryCode(
  level: 'municipality' | 'departement' | 'epci' | 'region',
  code: string,
): string | null {
  const c = code.trim().toUpperCase();
  const out =
    level === 'municipality'
      ? `FR-${c}`
      : level === 'departement'
        ? `FR-DEP-${c}`
        : level === 'epci'
          ? `FR-EPCI-${c}`
          : FR_REGION_INSEE[c]
            ? regionTerritoryCode(FR_REGION_INSEE[c]!)
            : null;
  return out !== null && territoryLevelOf(out) === level ? out : null;
}

export interface Territory {
  /** Country-prefixed code, unique across both countries: 'FR-59350', 'BE-57096', 'BE-ARR-57000'. */
  code: string;
  /** Municipality when absent (the import files and the demo list hold municipalities). */
  level?: TerritoryLevel;
  country: TerritoryCountry;
  /** INSEE commune code (FR, e.g. '59350', '2A004') or NIS code (BE, e.g. '57096'). */
  localCode: string;
  nameFr: string;
  nameNl: string;
  /**
   * The territory one level up: a municipality's EPCI ('FR-EPCI-200093201') or, when none is known, its
   * département ('FR-DEP-59'); a Belgian municipality's arrondissement ('BE-ARR-57000'); null at the top.
   */
  parentCode: string | null;
  region: TerritoryRegion | null;
  population: number | null;
  /** Area centroid (may fall outside a concave shape). */
  centroid: LonLat | null;
  /** A point inside the shape, for labels and markers. */
  labelPoint: LonLat | null;
}

/** 'FR' + '59350' → 'FR-59350'. */
export function territoryCode(country: TerritoryCountry, localCode: string): string {
  return `${country}-${localCode}`;
}

/** True when `localCode` is a valid municipality code of `country` (FR: 59350, 2A004; BE: 57096). */
export function isValidLocalCode(country: TerritoryCountry, localCode: string): boolean {
  return isValidMunicipalityCode(country, localCode);
}

/** The local part of a municipality's parent: FR département ('59', '2A', '971'), BE arrondissement ('57000'). */
export function isValidParentLocalCode(country: TerritoryCountry, parent: string): boolean {
  return country === 'FR' ? /^(?:\d{2}|2[AB]|97\d)$/.test(parent) : /^\d{2}000$/.test(parent);
}

/** The parent territory of a municipality from the local part of its parent ('59' → 'FR-DEP-59', '57000' → 'BE-ARR-57000'). */
export function parentTerritoryCode(country: TerritoryCountry, parentLocal: string): string {
  return country === 'FR' ? `FR-DEP-${parentLocal}` : `BE-ARR-${parentLocal}`;
}

/**
 * The parent implied by a valid municipality code: the French département (first two characters, three
 * overseas: '59350' → 'FR-DEP-59', '97411' → 'FR-DEP-974') or the Belgian arrondissement (first two digits
 * + '000': '57096' → 'BE-ARR-57000'). The EPCI cannot be told from the code.
 */
export function inferParentCode(country: TerritoryCountry, localCode: string): string {
  if (country === 'FR')
    return parentTerritoryCode('FR', localCode.slice(0, localCode.startsWith('97') ? 3 : 2));
  return parentTerritoryCode('BE', `${localCode.slice(0, 2)}000`);
}

/** Départements of Hauts-de-France: Aisne, Nord, Oise, Pas-de-Calais, Somme. */
const HAUTS_DE_FRANCE = new Set(['02', '59', '60', '62', '80']);

/**
 * The region implied by a valid municipality code. Belgium: the NIS code's province digit (arrondissement
 * 21 is Brussels-Capital, 23–24 Flemish Brabant, 25 Walloon Brabant; provinces 1, 3, 4, 7 Flemish, 5, 6, 8,
 * 9 Walloon). France: FR-HDF for the five départements of Hauts-de-France, otherwise null (not served).
 */
export function inferRegion(country: TerritoryCountry, localCode: string): TerritoryRegion | null {
  if (country === 'FR') return HAUTS_DE_FRANCE.has(localCode.slice(0, 2)) ? 'FR-HDF' : null;
  const arrondissement = localCode.slice(0, 2);
  if (arrondissement === '21') return 'BE-BRU';
  if (arrondissement === '23' || arrondissement === '24') return 'BE-VLG';
  return '1347'.includes(localCode[0]!) ? 'BE-VLG' : 'BE-WAL';
}
