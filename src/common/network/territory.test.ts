import { describe, expect, it } from 'vitest';
import {
  inferParentCode,
  inferRegion,
  isValidLocalCode,
  isValidParentLocalCode,
  TERRITORY_REGIONS,
  territoryCode,
} from './territory';

describe('territory codes', () => {
  it('prefixes the local code with the country', () => {
    expect(territoryCode('FR', '59350')).toBe('FR-59350');
    expect(territoryCode('BE', '57096')).toBe('BE-57096');
  });

  it('validates INSEE (5 digits, or 2A/2B + 3 digits) and NIS (5 digits) codes', () => {
    for (const c of ['59350', '01001', '2A004', '2B033', '97411'])
      expect(isValidLocalCode('FR', c), c).toBe(true);
    for (const c of ['5935', '593500', '2C004', '2a004', 'AB123', '59 350']) {
      expect(isValidLocalCode('FR', c), c).toBe(false);
    }
    for (const c of ['57096', '21004', '11001']) expect(isValidLocalCode('BE', c), c).toBe(true);
    for (const c of ['5709', '570960', '2A004', 'ABCDE']) expect(isValidLocalCode('BE', c), c).toBe(false);
  });

  it('validates parent codes: départements and arrondissements', () => {
    for (const c of ['59', '62', '2A', '2B', '974']) expect(isValidParentLocalCode('FR', c), c).toBe(true);
    for (const c of ['5', '590', '59000', '2C']) expect(isValidParentLocalCode('FR', c), c).toBe(false);
    for (const c of ['57000', '21000']) expect(isValidParentLocalCode('BE', c), c).toBe(true);
    for (const c of ['57', '57096', '5700']) expect(isValidParentLocalCode('BE', c), c).toBe(false);
  });
});

describe('inferParentCode', () => {
  it('gives the French département', () => {
    expect(inferParentCode('FR', '59350')).toBe('FR-59');
    expect(inferParentCode('FR', '01001')).toBe('FR-01');
    expect(inferParentCode('FR', '2A004')).toBe('FR-2A');
    expect(inferParentCode('FR', '97411')).toBe('FR-974');
  });

  it('gives the Belgian arrondissement', () => {
    expect(inferParentCode('BE', '57096')).toBe('BE-57000');
    expect(inferParentCode('BE', '58002')).toBe('BE-58000');
    expect(inferParentCode('BE', '21004')).toBe('BE-21000');
  });
});

describe('inferRegion', () => {
  it('maps Belgian provinces and Brussels to their region', () => {
    const cases: Array<[string, string]> = [
      ['11002', 'BE-VLG'], // Antwerpen
      ['21004', 'BE-BRU'], // Bruxelles
      ['23088', 'BE-VLG'], // Vilvoorde (Flemish Brabant)
      ['24062', 'BE-VLG'], // Leuven (Flemish Brabant)
      ['25072', 'BE-WAL'], // Walloon Brabant
      ['34022', 'BE-VLG'], // Kortrijk
      ['45041', 'BE-VLG'], // Ronse
      ['52011', 'BE-WAL'], // Charleroi
      ['57096', 'BE-WAL'], // Mouscron
      ['63023', 'BE-WAL'], // Eupen
      ['71022', 'BE-VLG'], // Hasselt
      ['85045', 'BE-WAL'], // Luxembourg province
      ['92094', 'BE-WAL'], // Namur
    ];
    for (const [code, region] of cases) expect(inferRegion('BE', code), code).toBe(region);
  });

  it('gives FR-HDF for the Hauts-de-France départements only', () => {
    for (const c of ['02001', '59350', '60001', '62041', '80021'])
      expect(inferRegion('FR', c), c).toBe('FR-HDF');
    for (const c of ['75056', '2A004', '97411']) expect(inferRegion('FR', c), c).toBeNull();
  });

  it('only returns known regions', () => {
    expect(TERRITORY_REGIONS).toEqual(['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU']);
  });
});
