import { describe, expect, it } from 'vitest';
import {
  COUNTRY_LEVELS,
  countryOfCode,
  frenchTerritoryCode,
  inferParentCode,
  inferRegion,
  isValidLocalCode,
  isValidParentLocalCode,
  LEVEL_DEPTH,
  refnisTerritoryCode,
  regionTerritoryCode,
  TERRITORY_CODE_PATTERN,
  TERRITORY_LEVELS,
  TERRITORY_REGIONS,
  territoryCode,
  territoryLevelOf,
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
    expect(inferParentCode('FR', '59350')).toBe('FR-DEP-59');
    expect(inferParentCode('FR', '01001')).toBe('FR-DEP-01');
    expect(inferParentCode('FR', '2A004')).toBe('FR-DEP-2A');
    expect(inferParentCode('FR', '97411')).toBe('FR-DEP-974');
  });

  it('gives the Belgian arrondissement', () => {
    expect(inferParentCode('BE', '57096')).toBe('BE-ARR-57000');
    expect(inferParentCode('BE', '58002')).toBe('BE-ARR-58000');
    expect(inferParentCode('BE', '21004')).toBe('BE-ARR-21000');
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

describe('the territory tree codes', () => {
  const cases: Array<[string, string | null]> = [
    ['FR-59350', 'municipality'],
    ['FR-2A004', 'municipality'],
    ['BE-57096', 'municipality'],
    ['BE-57000', 'municipality'], // municipality-shaped: the arrondissement is BE-ARR-57000
    ['FR-EPCI-200093201', 'epci'],
    ['BE-ARR-57000', 'arrondissement'],
    ['FR-DEP-59', 'departement'],
    ['FR-DEP-2A', 'departement'],
    ['FR-DEP-974', 'departement'],
    ['BE-PROV-30000', 'province'],
    ['BE-PROV-20001', 'province'],
    ['FR-REG-HDF', 'region'],
    ['BE-REG-BRU', 'region'],
    ['FR', 'country'],
    ['BE', 'country'],
    ['FR-59', null],
    ['FR-EPCI-20009320', null],
    ['BE-ARR-57096', null],
    ['FR-DEP-590', null],
    ['BE-PROV-3000', null],
    ['FR-REG-32', null],
    ['DE', null],
    ['fr-59350', null],
    ['BE-ARR-57000 ', null],
  ];

  it('tells the level from the code, and no code of one level has the shape of another', () => {
    for (const [code, level] of cases) expect(territoryLevelOf(code), code).toBe(level);
    const re = new RegExp(TERRITORY_CODE_PATTERN);
    for (const [code, level] of cases) expect(re.test(code), code).toBe(level !== null);
  });

  it('knows the country of any code', () => {
    expect(countryOfCode('FR-EPCI-200093201')).toBe('FR');
    expect(countryOfCode('BE')).toBe('BE');
    expect(countryOfCode('BE-REG-WAL')).toBe('BE');
    expect(countryOfCode('FR-59')).toBeNull();
  });

  it('places French and Belgian levels of one depth side by side', () => {
    expect(LEVEL_DEPTH.departement).toBe(LEVEL_DEPTH.province);
    expect(LEVEL_DEPTH.epci).toBe(LEVEL_DEPTH.arrondissement);
    for (const country of ['FR', 'BE'] as const) {
      const depths = COUNTRY_LEVELS[country].map((l) => LEVEL_DEPTH[l]);
      expect(depths, country).toEqual([0, 1, 2, 3, 4]);
    }
    expect(new Set(TERRITORY_LEVELS).size).toBe(7);
  });

  it('reads any Belgian REFNIS code', () => {
    const refnis: Array<[string, string | null]> = [
      ['01000', 'BE'],
      ['02000', 'BE-REG-VLG'],
      ['03000', 'BE-REG-WAL'],
      ['04000', 'BE-REG-BRU'],
      ['30000', 'BE-PROV-30000'],
      ['20001', 'BE-PROV-20001'],
      ['20002', 'BE-PROV-20002'],
      ['21000', 'BE-ARR-21000'],
      ['34000', 'BE-ARR-34000'],
      ['57096', 'BE-57096'],
      [' 34027 ', 'BE-34027'],
      ['5709', null],
      ['ABCDE', null],
    ];
    for (const [code, out] of refnis) expect(refnisTerritoryCode(code), code).toBe(out);
  });

  it('reads French codes of a given level', () => {
    expect(frenchTerritoryCode('municipality', '59350')).toBe('FR-59350');
    expect(frenchTerritoryCode('departement', '59')).toBe('FR-DEP-59');
    expect(frenchTerritoryCode('epci', '200093201')).toBe('FR-EPCI-200093201');
    expect(frenchTerritoryCode('region', '32')).toBe('FR-REG-HDF');
    expect(frenchTerritoryCode('region', '11')).toBeNull(); // Île-de-France: not served
    expect(frenchTerritoryCode('epci', '59350')).toBeNull();
    expect(frenchTerritoryCode('departement', '5935')).toBeNull();
  });

  it('names a region territory after the ISO region', () => {
    expect(TERRITORY_REGIONS.map(regionTerritoryCode)).toEqual([
      'FR-REG-HDF',
      'BE-REG-WAL',
      'BE-REG-VLG',
      'BE-REG-BRU',
    ]);
  });
});
