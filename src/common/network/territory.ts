/**
 * Territories: French communes (INSEE code) and Belgian municipalities (NIS/REFNIS code) that
 * organisations, services and indicators are attached to. The geometry is kept apart (maps only).
 * Pure code: shared by the server and the browser.
 */
import { isValidMunicipalityCode } from '../validation/identifiers';
import type { LonLat } from './geo';

export const TERRITORY_COUNTRIES = ['FR', 'BE'] as const;
export type TerritoryCountry = (typeof TERRITORY_COUNTRIES)[number];

export const TERRITORY_REGIONS = ['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU'] as const;
export type TerritoryRegion = (typeof TERRITORY_REGIONS)[number];

export interface Territory {
  /** Country-prefixed code, unique across both countries: 'FR-59350', 'BE-57096'. */
  code: string;
  country: TerritoryCountry;
  /** INSEE commune code (FR, e.g. '59350', '2A004') or NIS code (BE, e.g. '57096'). */
  localCode: string;
  nameFr: string;
  nameNl: string;
  /** French département ('FR-59') or Belgian arrondissement ('BE-57000'). */
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

/** The local part of a parent code: FR département ('59', '2A', '971'), BE arrondissement ('57000'). */
export function isValidParentLocalCode(country: TerritoryCountry, parent: string): boolean {
  return country === 'FR' ? /^(?:\d{2}|2[AB]|97\d)$/.test(parent) : /^\d{2}000$/.test(parent);
}

/**
 * The parent implied by a valid municipality code: the French département (first two characters, three
 * overseas: '59350' → 'FR-59', '97411' → 'FR-974') or the Belgian arrondissement (first two digits + '000':
 * '57096' → 'BE-57000').
 */
export function inferParentCode(country: TerritoryCountry, localCode: string): string {
  if (country === 'FR') return territoryCode('FR', localCode.slice(0, localCode.startsWith('97') ? 3 : 2));
  return territoryCode('BE', `${localCode.slice(0, 2)}000`);
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
