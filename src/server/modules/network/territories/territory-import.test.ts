import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../../common/network/geo';
import type { Territory } from '../../../../common/network/territory';
import {
  parseTerritoryFile,
  TERRITORY_IMPORT_ERROR_CODES,
  type TerritoryImportResult,
} from './territory-import';

const GEO_DIR = join(import.meta.dirname, '../../../../../../shared/data/geo');
const TOPO_FILE = join(GEO_DIR, 'communes-fr-be.topojson');
const CSV_FILE = join(GEO_DIR, 'communes-fr-be.csv');
const hasTopo = existsSync(TOPO_FILE);
const hasCsv = existsSync(CSV_FILE);

const HEADER =
  'geo_id,country,code,name_fr,name_nl,parent_code,region,population,centroid_lon,centroid_lat,label_lon,label_lat';
const MOUSCRON_ROW =
  'BE-57096,BE,57096,Mouscron,Moeskroen,57000,BE-WAL,58767,3.25090,50.73635,3.23308,50.73541';
const LILLE_ROW = 'FR-59350,FR,59350,Lille,Rijsel,59,FR-HDF,,3.04706,50.63178,3.05118,50.62924';

const square = (lon: number, lat: number, size = 0.1): Position[] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

const polygon = (lon: number, lat: number, size = 0.1): Geometry => ({
  type: 'Polygon',
  coordinates: [square(lon, lat, size)],
});

function featureOf(properties: Record<string, unknown> | null, geometry: unknown = polygon(3, 50)): Feature {
  return { type: 'Feature', properties, geometry } as Feature;
}

function geojson(...features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function byCode(result: TerritoryImportResult): Map<string, Territory> {
  return new Map(result.territories.map((t) => [t.code, t]));
}

/** The error codes of a result, with their location, in order. */
function errorsOf(result: TerritoryImportResult): string[] {
  return result.errors.map((e) =>
    [
      e.code,
      e.line !== undefined ? `line ${e.line}` : '',
      e.feature !== undefined ? `feature ${e.feature}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
}

describe('parseTerritoryFile on the shared data', () => {
  it.skipIf(!hasTopo)('reads the TopoJSON: 1,229 territories with geometry and computed centroids', () => {
    const result = parseTerritoryFile('communes-fr-be.topojson', readFileSync(TOPO_FILE));
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('topojson');
    expect(result.territories).toHaveLength(1229);
    expect(result.territories.filter((t) => t.country === 'FR')).toHaveLength(648);
    expect(result.territories.filter((t) => t.country === 'BE')).toHaveLength(581);
    expect(result.geometries.size).toBe(1229);
    const regions = new Map<string | null, number>();
    for (const t of result.territories) regions.set(t.region, (regions.get(t.region) ?? 0) + 1);
    expect(Object.fromEntries(regions)).toEqual({
      'FR-HDF': 648,
      'BE-VLG': 300,
      'BE-WAL': 262,
      'BE-BRU': 19,
    });

    const t = byCode(result);
    const lille = t.get('FR-59350')!;
    expect(lille).toMatchObject({
      country: 'FR',
      localCode: '59350',
      nameFr: 'Lille',
      nameNl: 'Rijsel',
      parentCode: 'FR-DEP-59',
      region: 'FR-HDF',
      population: null,
    });
    expect(Math.abs(lille.centroid!.lon - 3.06)).toBeLessThan(0.05);
    expect(Math.abs(lille.centroid!.lat - 50.63)).toBeLessThan(0.05);
    expect(lille.labelPoint).toEqual(lille.centroid);
    expect(['Polygon', 'MultiPolygon']).toContain(result.geometries.get('FR-59350')!.type);

    const mouscron = t.get('BE-57096')!;
    expect(mouscron).toMatchObject({
      nameFr: 'Mouscron',
      nameNl: 'Moeskroen',
      parentCode: 'BE-ARR-57000',
      region: 'BE-WAL',
    });
    expect(mouscron.population).toBeGreaterThan(50_000);
    expect(t.get('BE-58002')).toMatchObject({ nameFr: 'Binche', parentCode: 'BE-ARR-58000' });
    expect(t.get('BE-56011')).toBeUndefined(); // Binche's pre-2019 code
  });

  it.skipIf(!hasCsv)(
    'reads the CSV: the same 1,229 territories with the given centroids and label points',
    () => {
      const result = parseTerritoryFile('communes-fr-be.csv', readFileSync(CSV_FILE));
      expect(result.errors).toEqual([]);
      expect(result.format).toBe('csv');
      expect(result.territories).toHaveLength(1229);
      expect(result.territories.filter((t) => t.country === 'FR')).toHaveLength(648);
      expect(result.territories.filter((t) => t.country === 'BE')).toHaveLength(581);
      expect(result.geometries.size).toBe(0);

      const t = byCode(result);
      expect(t.get('FR-59350')).toEqual({
        code: 'FR-59350',
        country: 'FR',
        localCode: '59350',
        nameFr: 'Lille',
        nameNl: 'Rijsel',
        parentCode: 'FR-DEP-59',
        region: 'FR-HDF',
        population: null,
        centroid: { lon: 3.04706, lat: 50.63178 },
        labelPoint: { lon: 3.05118, lat: 50.62924 },
      });
      expect(t.get('BE-57096')).toMatchObject({
        nameNl: 'Moeskroen',
        parentCode: 'BE-ARR-57000',
        region: 'BE-WAL',
      });
      expect(t.get('BE-57096')!.population).toBeGreaterThan(50_000);
      expect(t.get('BE-58002')!.nameFr).toBe('Binche');
      expect(result.territories.reduce((sum, x) => sum + (x.population ?? 0), 0)).toBe(11_492_641);
    },
  );

  it.skipIf(!hasTopo || !hasCsv)('computes centroids within 200 m of the published ones', () => {
    const topo = byCode(parseTerritoryFile('communes-fr-be.topojson', readFileSync(TOPO_FILE)));
    const csv = parseTerritoryFile('communes-fr-be.csv', readFileSync(CSV_FILE)).territories;
    for (const row of csv) {
      const computed = topo.get(row.code)!;
      const { centroid: _c, labelPoint: _l, ...rest } = row;
      expect(computed).toMatchObject(rest);
      expect(haversineKm(computed.centroid!, row.centroid!), row.code).toBeLessThan(0.2);
    }
  });

  it.skipIf(!hasCsv)('infers the same parents and regions as the file gives', () => {
    const lines = readFileSync(CSV_FILE, 'utf8').trimEnd().split('\n');
    // Drop parent_code (column 6) and region (column 7).
    const stripped = lines
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 5 && i !== 6)
          .join(','),
      )
      .join('\n');
    const full = parseTerritoryFile('a.csv', lines.join('\n'));
    const inferred = parseTerritoryFile('b.csv', stripped);
    expect(inferred.errors).toEqual([]);
    expect(inferred.territories).toEqual(full.territories);
  });
});

describe('parseTerritoryFile: GeoJSON', () => {
  it('reads the shared schema and computes centroid and label point from the geometry', () => {
    const result = parseTerritoryFile(
      'x.geojson',
      geojson(
        featureOf(
          {
            geo_id: 'FR-59350',
            country: 'FR',
            code: '59350',
            name_fr: 'Lille',
            name_nl: 'Rijsel',
            parent_code: '59',
            region: 'FR-HDF',
            population: null,
          },
          polygon(3, 50.6, 0.1),
        ),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('geojson');
    const lille = result.territories[0]!;
    expect(lille.centroid).toEqual({ lon: 3.05, lat: 50.65 });
    expect(lille.labelPoint).toEqual({ lon: 3.05, lat: 50.65 });
    expect(result.geometries.get('FR-59350')).toEqual(polygon(3, 50.6, 0.1));
  });

  it('accepts the aliases of common sources and infers country, parent and region', () => {
    const result = parseTerritoryFile(
      'mixed.geojson',
      geojson(
        featureOf({ INSEE_COM: '59350', nom: 'Lille' }),
        featureOf({ code_insee: '59512', NOM: 'Roubaix' }),
        featureOf({ insee: '2a004', nom: 'Ajaccio' }),
        featureOf({ code: '59599', nom: 'Tourcoing' }), // france-geojson: 'nom' tells France
        featureOf({ NIS: 57096, NameFRE: 'Mouscron', NameDUT: 'Moeskroen' }),
        featureOf({ refnis: '34022', name_nl: 'Kortrijk' }),
        featureOf({ niscode: '57081', name_fr: 'Tournai', name_nl: 'Doornik' }),
        featureOf({ AdMuKey: '21004', NameFRE: 'Bruxelles', NameDUT: 'Brussel' }),
        featureOf({ code: 'BE-58002', name: 'Binche' }), // prefixed code tells the country
        { ...featureOf({ name_fr: 'Halluin' }), id: 'FR-59279' }, // TopoJSON-style id
        featureOf({ geo_id: 'BE-34027', name_fr: 'Menin', name_nl: 'Menen', population: '33 540' }),
      ),
    );
    expect(result.errors).toEqual([]);
    const t = byCode(result);
    expect([...t.keys()]).toEqual([
      'FR-59350',
      'FR-59512',
      'FR-2A004',
      'FR-59599',
      'BE-57096',
      'BE-34022',
      'BE-57081',
      'BE-21004',
      'BE-58002',
      'FR-59279',
      'BE-34027',
    ]);
    expect(t.get('FR-59350')).toMatchObject({
      country: 'FR',
      localCode: '59350',
      nameFr: 'Lille',
      nameNl: 'Lille', // defaults to the French name
      parentCode: 'FR-DEP-59',
      region: 'FR-HDF',
      population: null,
    });
    expect(t.get('FR-2A004')).toMatchObject({ localCode: '2A004', parentCode: 'FR-DEP-2A', region: null });
    expect(t.get('BE-57096')).toMatchObject({
      country: 'BE',
      nameFr: 'Mouscron',
      nameNl: 'Moeskroen',
      parentCode: 'BE-ARR-57000',
      region: 'BE-WAL',
    });
    expect(t.get('BE-34022')).toMatchObject({ nameFr: 'Kortrijk', nameNl: 'Kortrijk', region: 'BE-VLG' });
    expect(t.get('BE-21004')).toMatchObject({ parentCode: 'BE-ARR-21000', region: 'BE-BRU' });
    expect(t.get('BE-58002')).toMatchObject({
      nameFr: 'Binche',
      nameNl: 'Binche',
      parentCode: 'BE-ARR-58000',
    });
    expect(t.get('BE-34027')!.population).toBe(33_540);
    expect(result.geometries.size).toBe(11);
  });

  it('keeps given centroid and label point, and accepts a single Feature and null geometry', () => {
    const result = parseTerritoryFile(
      'one.json',
      JSON.stringify(
        featureOf(
          { geo_id: 'BE-57096', name_fr: 'Mouscron', centroid_lon: 3.2509, centroid_lat: '50.73635' },
          null,
        ),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.territories[0]).toMatchObject({
      centroid: { lon: 3.2509, lat: 50.73635 },
      labelPoint: { lon: 3.2509, lat: 50.73635 },
    });
    expect(result.geometries.size).toBe(0);
  });

  it('takes the main part of a multipolygon for the centroid', () => {
    const result = parseTerritoryFile(
      'x.geojson',
      geojson(
        featureOf(
          { geo_id: 'BE-13002', name_nl: 'Baarle-Hertog' },
          { type: 'MultiPolygon', coordinates: [[square(4.9, 51.4, 0.01)], [square(4.8, 51.2, 0.2)]] },
        ),
      ),
    );
    expect(result.territories[0]!.centroid).toEqual({ lon: 4.9, lat: 51.3 });
  });

  it('reports invalid and projected geometries', () => {
    const lambert93 = { type: 'Polygon', coordinates: [square(703_000, 7_059_000, 1000)] };
    const result = parseTerritoryFile(
      'x.geojson',
      geojson(
        featureOf(
          { geo_id: 'FR-59350', name_fr: 'Lille' },
          { type: 'Polygon', coordinates: [[['3', '50']]] },
        ),
        featureOf({ geo_id: 'FR-59512', name_fr: 'Roubaix' }, lambert93),
        { type: 'Point', coordinates: [3, 50] },
        featureOf({ geo_id: 'FR-59599', name_fr: 'Tourcoing' }),
      ),
    );
    expect(errorsOf(result)).toEqual([
      'invalid_geometry feature 1',
      'invalid_coordinates feature 2',
      'invalid_geometry feature 3',
    ]);
    expect(result.errors[1]!.params).toMatchObject({ field: 'geometry' });
    expect(result.territories.map((t) => t.code)).toEqual(['FR-59599']);
  });
});

describe('parseTerritoryFile: TopoJSON', () => {
  const topology = (geometries: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: 'Topology',
      arcs: [square(3, 50, 0.2), square(4, 51, 0.2)],
      objects: { communes: { type: 'GeometryCollection', geometries } },
      ...extra,
    });

  it('converts each geometry to GeoJSON and reads its properties', () => {
    const result = parseTerritoryFile(
      'small.topojson',
      topology([
        {
          type: 'Polygon',
          id: 'FR-59350',
          arcs: [[0]],
          properties: {
            geo_id: 'FR-59350',
            country: 'FR',
            code: '59350',
            name_fr: 'Lille',
            name_nl: 'Rijsel',
            parent_code: '59',
            region: 'FR-HDF',
            population: null,
          },
        },
        {
          type: 'Polygon',
          id: 'BE-57096',
          arcs: [[1]],
          properties: { name_fr: 'Mouscron', population: 58767 },
        },
        { type: null, properties: { geo_id: 'BE-21004', name_fr: 'Bruxelles', name_nl: 'Brussel' } },
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('topojson');
    expect(result.territories).toHaveLength(3);
    expect(result.territories[0]).toEqual({
      code: 'FR-59350',
      country: 'FR',
      localCode: '59350',
      nameFr: 'Lille',
      nameNl: 'Rijsel',
      parentCode: 'FR-DEP-59',
      region: 'FR-HDF',
      population: null,
      centroid: { lon: 3.1, lat: 50.1 },
      labelPoint: { lon: 3.1, lat: 50.1 },
    });
    expect(result.territories[1]).toMatchObject({ code: 'BE-57096', nameNl: 'Mouscron', population: 58767 });
    expect(result.territories[2]).toMatchObject({ code: 'BE-21004', centroid: null, labelPoint: null });
    expect(result.geometries.get('FR-59350')).toEqual({ type: 'Polygon', coordinates: [square(3, 50, 0.2)] });
    expect(result.geometries.has('BE-21004')).toBe(false);
  });

  it('decodes quantized topologies', () => {
    const result = parseTerritoryFile(
      'q.topojson',
      JSON.stringify({
        type: 'Topology',
        transform: { scale: [0.001, 0.001], translate: [3, 50] },
        arcs: [
          [
            [0, 0],
            [100, 0],
            [0, 100],
            [-100, 0],
            [0, -100],
          ],
        ],
        objects: {
          c: { type: 'Polygon', arcs: [[0]], properties: { geo_id: 'FR-59350', name_fr: 'Lille' } },
        },
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.territories[0]!.centroid).toEqual({ lon: 3.05, lat: 50.05 });
  });

  it('reports geometries that cannot be converted', () => {
    const result = parseTerritoryFile(
      'bad.topojson',
      topology([
        { type: 'Polygon', arcs: [[7]], properties: { geo_id: 'FR-59350', name_fr: 'Lille' } },
        'not an object',
        { type: 'Polygon', arcs: [[0]], properties: { geo_id: 'FR-59512', name_fr: 'Roubaix' } },
      ]),
    );
    expect(errorsOf(result)).toEqual(['invalid_geometry feature 1', 'invalid_geometry feature 2']);
    expect(result.territories.map((t) => t.code)).toEqual(['FR-59512']);
  });

  it('rejects a topology without arcs or objects, and an empty one', () => {
    expect(errorsOf(parseTerritoryFile('x.topojson', '{"type":"Topology","objects":{}}'))).toEqual([
      'unknown_format',
    ]);
    expect(errorsOf(parseTerritoryFile('x.topojson', topology([])))).toEqual(['empty_file']);
  });
});

describe('parseTerritoryFile: CSV', () => {
  it('reads the shared columns', () => {
    const result = parseTerritoryFile('x.csv', `${HEADER}\n${LILLE_ROW}\n${MOUSCRON_ROW}\n`);
    expect(result.errors).toEqual([]);
    expect(result.territories[1]).toEqual({
      code: 'BE-57096',
      country: 'BE',
      localCode: '57096',
      nameFr: 'Mouscron',
      nameNl: 'Moeskroen',
      parentCode: 'BE-ARR-57000',
      region: 'BE-WAL',
      population: 58767,
      centroid: { lon: 3.2509, lat: 50.73635 },
      labelPoint: { lon: 3.23308, lat: 50.73541 },
    });
  });

  it('detects ";", decimal commas, CRLF, and a BOM in a string or a buffer', () => {
    const semicolon = [
      'code;nom;population;centroid_lon;centroid_lat',
      '59350;Lille;;3,04706;50,63178',
      '59512;Roubaix;"98 089";3,18211;50,68838',
    ].join('\r\n');
    for (const content of [
      semicolon,
      `\uFEFF${semicolon}`,
      Buffer.from(`\uFEFF${semicolon}`, 'utf8'),
      Buffer.from(semicolon, 'utf8'),
    ]) {
      const result = parseTerritoryFile('export.csv', content);
      expect(result.errors).toEqual([]);
      expect(result.territories.map((t) => [t.code, t.nameFr, t.population, t.centroid])).toEqual([
        ['FR-59350', 'Lille', null, { lon: 3.04706, lat: 50.63178 }],
        ['FR-59512', 'Roubaix', 98089, { lon: 3.18211, lat: 50.68838 }],
      ]);
    }
    expect(Buffer.from('\uFEFF', 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('detects tabs and reads Belgian aliases', () => {
    const result = parseTerritoryFile(
      'nis.tsv',
      'NIS\tNameFRE\tNameDUT\n57097\tComines-Warneton\tKomen-Waasten\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.territories[0]).toMatchObject({
      code: 'BE-57097',
      nameNl: 'Komen-Waasten',
      region: 'BE-WAL',
    });
  });

  it('counts file lines across blank lines and quoted line breaks', () => {
    const content = [
      'geo_id,name_fr,population',
      'FR-59350,Lille,',
      '',
      'FR-59512,"Roubaix',
      '(multi-line)",',
      ',,',
      'FR-59599,Tourcoing,-1',
      'FR-59350,Lille again,',
    ].join('\n');
    const result = parseTerritoryFile('x.csv', content);
    expect(errorsOf(result)).toEqual(['invalid_population line 7', 'duplicate_code line 8']);
    expect(result.errors[1]!.params).toEqual({ code: 'FR-59350', first: 2 });
    expect(result.territories.map((t) => t.nameFr)).toEqual(['Lille', 'Roubaix\n(multi-line)']);
  });

  it('refuses a missing header, a header without code or name, and a header-only file', () => {
    expect(errorsOf(parseTerritoryFile('x.csv', `${LILLE_ROW}\n${MOUSCRON_ROW}\n`))).toEqual([
      'missing_header line 1',
    ]);
    expect(parseTerritoryFile('x.csv', 'name_fr,population\nLille,\n').errors).toEqual([
      { code: 'missing_column', line: 1, params: { column: 'code' } },
    ]);
    expect(parseTerritoryFile('x.csv', 'code,population\n59350,\n').errors).toEqual([
      { code: 'missing_column', line: 1, params: { column: 'name_fr' } },
    ]);
    expect(errorsOf(parseTerritoryFile('x.csv', `${HEADER}\n`))).toEqual(['empty_file']);
    expect(errorsOf(parseTerritoryFile('x.csv', `${HEADER}\n,,,\n,,\n`))).toEqual(['empty_file']);
  });

  it('reports malformed CSV', () => {
    expect(
      parseTerritoryFile('x.csv', `${HEADER}\n${LILLE_ROW}\nFR-59512,FR,59512,"Roubaix\n`).errors,
    ).toEqual([{ code: 'invalid_csv', line: 3, params: { reason: 'CSV_QUOTE_NOT_CLOSED' } }]);
    const tooMany = parseTerritoryFile('x.csv', `geo_id,name_fr\nFR-59350,Lille\nFR-59512,Roubaix,extra\n`);
    expect(tooMany.errors).toEqual([{ code: 'invalid_csv', line: 3, params: { expected: 2, found: 3 } }]);
    expect(tooMany.territories).toHaveLength(1);
  });
});

describe('parseTerritoryFile: validation', () => {
  const csv = (...rows: string[]) =>
    parseTerritoryFile(
      't.csv',
      ['geo_id,country,code,name_fr,name_nl,parent_code,region,population', ...rows].join('\n'),
    );

  it('reports every error of the file, each with its line, and keeps only valid records', () => {
    const result = csv(
      'FR-59350,FR,59350,Lille,Rijsel,59,FR-HDF,', // 2 ok
      ',,,Nowhere,,,,', // 3 missing_code
      ',FR,5935,Lile,,,,', // 4 invalid_code
      ',BE,57096,,,,,', // 5 missing_name
      'FR-59350,FR,59350,Lille,Rijsel,59,FR-HDF,', // 6 duplicate_code
      ',BE,57081,Tournai,Doornik,,,abc', // 7 invalid_population
      ',BE,58002,Binche,,,,', // 8 ok
      ',DE,10115,Berlin,,,,', // 9 invalid_country
      ',FR,59512,Roubaix,,5,,', // 10 invalid_parent_code
      ',FR,59599,Tourcoing,,,BE-VLG,', // 11 invalid_region
    );
    expect(errorsOf(result)).toEqual([
      'missing_code line 3',
      'invalid_code line 4',
      'missing_name line 5',
      'duplicate_code line 6',
      'invalid_population line 7',
      'invalid_country line 9',
      'invalid_parent_code line 10',
      'invalid_region line 11',
    ]);
    expect(result.territories.map((t) => t.code)).toEqual(['FR-59350', 'BE-58002']);
  });

  it('names a refused value cut short: a cell of a megabyte is not echoed back', () => {
    const result = csv(`,FR,${'9'.repeat(1_000_000)},Lille,,,,`);
    expect(errorsOf(result)).toEqual(['invalid_code line 2']);
    const value = String(result.errors[0]?.params?.value);
    expect(value.length).toBeLessThanOrEqual(121);
    expect(value.endsWith('…')).toBe(true);
  });

  it('reports all the errors of one record', () => {
    const result = csv(',BE,5709X,,,57,BE-XXX,-3');
    expect(result.errors.map((e) => e.code)).toEqual([
      'invalid_code',
      'missing_name',
      'invalid_parent_code',
      'invalid_region',
      'invalid_population',
    ]);
    expect(result.errors.every((e) => e.line === 2)).toBe(true);
    expect(result.territories).toEqual([]);
  });

  it('checks code shapes: FR 5 digits or 2A/2B + 3 digits, BE 5 digits', () => {
    const result = csv(
      ',FR,2B033,Bastia,,,,',
      ',FR,2C033,Nope,,,,',
      ',FR,593500,Nope,,,,',
      ',BE,ABCDE,Nope,,,,',
      ',BE,5709,Nope,,,,',
      'FR-59350,FR,59351,Mismatch,,,,',
      'BE-57096,,FR-57096,Mismatch,,,,',
    );
    expect(errorsOf(result)).toEqual([
      'invalid_code line 3',
      'invalid_code line 4',
      'invalid_code line 5',
      'invalid_code line 6',
      'invalid_code line 7',
      'invalid_code line 8',
    ]);
    expect(result.errors[0]!.params).toEqual({ value: '2C033' });
    expect(result.territories.map((t) => t.code)).toEqual(['FR-2B033']);
  });

  it('needs a country it can tell', () => {
    const result = csv(',,59350,Lille,,,,', 'FR-59350,BE,,Lille,,,,', 'be-57096,,,Mouscron,,,,');
    expect(result.errors).toEqual([
      { line: 2, code: 'invalid_country', params: { value: '' } },
      { line: 3, code: 'invalid_country', params: { value: 'BE' } },
    ]);
    expect(result.territories.map((t) => t.code)).toEqual(['BE-57096']);
  });

  it('accepts prefixed or bare parent codes and rejects the wrong country or shape', () => {
    const result = csv(
      ',FR,59350,Lille,,FR-59,,',
      ',BE,57096,Mouscron,,BE-57000,,',
      ',BE,57081,Tournai,,FR-57000,,',
      ',FR,59512,Roubaix,,59000,,',
    );
    expect(errorsOf(result)).toEqual(['invalid_parent_code line 4', 'invalid_parent_code line 5']);
    expect(result.territories.map((t) => t.parentCode)).toEqual(['FR-DEP-59', 'BE-ARR-57000']);
  });

  it('reads parents given as codes of the territory tree, of the level above municipalities only', () => {
    const result = csv(
      ',FR,59350,Lille,,FR-EPCI-200093201,,',
      ',FR,59512,Roubaix,,fr-dep-59,,',
      ',BE,57096,Mouscron,,BE-ARR-57000,,',
      ',BE,57081,Tournai,,BE-PROV-50000,,',
      ',BE,57097,Comines-Warneton,,FR-DEP-59,,',
      ',FR,59599,Tourcoing,,FR-REG-HDF,,',
    );
    expect(errorsOf(result)).toEqual([
      'invalid_parent_code line 5',
      'invalid_parent_code line 6',
      'invalid_parent_code line 7',
    ]);
    expect(result.territories.map((t) => t.parentCode)).toEqual([
      'FR-EPCI-200093201',
      'FR-DEP-59',
      'BE-ARR-57000',
    ]);
  });

  it('checks populations: non-negative integers, spaces tolerated', () => {
    const result = csv(
      ',BE,57096,Mouscron,,,,58767',
      ',BE,57081,Tournai,,,,69 083',
      ',BE,57097,Comines,,,,0',
      ',BE,34022,Kortrijk,,,,12.5',
      ',BE,34027,Menen,,,,-1',
      ',BE,34041,Wevelgem,,,,1e3',
    );
    expect(errorsOf(result)).toEqual([
      'invalid_population line 5',
      'invalid_population line 6',
      'invalid_population line 7',
    ]);
    expect(result.errors[0]!.params).toEqual({ value: '12.5' });
    expect(result.territories.map((t) => t.population)).toEqual([58767, 69083, 0]);
    const json = parseTerritoryFile(
      'p.geojson',
      geojson(featureOf({ geo_id: 'BE-57096', name_fr: 'Mouscron', population: 1.5 })),
    );
    expect(errorsOf(json)).toEqual(['invalid_population feature 1']);
  });

  it('checks coordinates: both given, numbers, in range', () => {
    const result = parseTerritoryFile(
      'c.csv',
      [
        'geo_id,name_fr,centroid_lon,centroid_lat,label_lon,label_lat',
        'FR-59350,Lille,3.04706,50.63178,,',
        'FR-59512,Roubaix,200,50,,',
        'FR-59599,Tourcoing,3.1,,,',
        'FR-59279,Halluin,east,50.7,,',
        'FR-59650,Wattrelos,3.2,50.7,3.2,-91',
        'FR-59009,Villeneuve,-180,90,180,-90',
      ].join('\n'),
    );
    expect(errorsOf(result)).toEqual([
      'invalid_coordinates line 3',
      'invalid_coordinates line 4',
      'invalid_coordinates line 5',
      'invalid_coordinates line 6',
    ]);
    expect(result.errors[0]!.params).toEqual({ field: 'centroid', value: '200 50' });
    expect(result.errors[3]!.params).toEqual({ field: 'label', value: '3.2 -91' });
    expect(result.territories.map((t) => t.code)).toEqual(['FR-59350', 'FR-59009']);
  });

  it('reports missing codes and names in GeoJSON by feature number', () => {
    const result = parseTerritoryFile(
      'x.geojson',
      geojson(featureOf(null), featureOf({ geo_id: 'FR-59350' }), featureOf({ nom: 'Lille' })),
    );
    expect(errorsOf(result)).toEqual([
      'missing_code feature 1',
      'missing_name feature 1',
      'missing_name feature 2',
      'missing_code feature 3',
    ]);
  });
});

describe('parseTerritoryFile: file-level errors', () => {
  it('reports empty files', () => {
    for (const content of ['', '  \n\r\n', '\uFEFF', Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf])]) {
      expect(parseTerritoryFile('x.csv', content).errors).toEqual([{ code: 'empty_file' }]);
    }
    expect(parseTerritoryFile('x.geojson', geojson()).errors).toEqual([{ code: 'empty_file' }]);
  });

  it('reports invalid JSON with its line', () => {
    const cases: Array<[string, number]> = [
      ['{\n  "type": "FeatureCollection",\n  "features": [\n}\n', 4],
      ['{\n"type": "Topology",\n"arcs": [],\n}', 4],
      ['{"type":\n"Feature"\n"properties": {}}', 3],
      ['{"type": "FeatureCollection", "features": [\n{"properties": {"nom": "Lille\u0001"}}]}', 2],
      ['{"a": "\\x"}', 1],
      ['[1, 2,\n\n3', 3],
      ['{"a": tru}', 1],
      ['{"a": 01}', 1],
      ['{} {}', 1],
    ];
    for (const [content, line] of cases) {
      expect(parseTerritoryFile('x.geojson', content).errors, content).toEqual([
        { code: 'invalid_json', line },
      ]);
    }
    // A JSON extension decides for content that is not JSON.
    expect(parseTerritoryFile('x.json', 'code,name\n').errors).toEqual([{ code: 'invalid_json', line: 1 }]);
  });

  it('reports unknown formats', () => {
    const unknown = [
      parseTerritoryFile('x.geojson', '{"type":"Point","coordinates":[3,50]}'),
      parseTerritoryFile('x.json', '[{"code":"59350"}]'),
      parseTerritoryFile('x.geojson', '{"type":"FeatureCollection","features":{}}'),
      parseTerritoryFile('x.kml', '<?xml version="1.0"?><kml></kml>'),
      parseTerritoryFile('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])),
      parseTerritoryFile('x.dat', 'hello world\n'),
    ];
    for (const r of unknown) {
      expect(r.errors).toEqual([{ code: 'unknown_format' }]);
      expect(r.format).toBeNull();
    }
  });

  it('reports content that is not UTF-8', () => {
    const latin1 = Buffer.from('code;nom\n59017;Armenti\xe8res\n', 'latin1');
    expect(parseTerritoryFile('x.csv', latin1).errors).toEqual([{ code: 'invalid_encoding' }]);
  });

  it('only uses declared error codes', () => {
    const codes = new Set<string>(TERRITORY_IMPORT_ERROR_CODES);
    for (const required of [
      'missing_code',
      'invalid_code',
      'missing_name',
      'duplicate_code',
      'invalid_population',
      'invalid_coordinates',
      'unknown_format',
      'invalid_json',
      'empty_file',
    ]) {
      expect(codes.has(required), required).toBe(true);
    }
    expect(codes.size).toBe(TERRITORY_IMPORT_ERROR_CODES.length);
  });
});
