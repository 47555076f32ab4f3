import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FileCase, fileCases, jsonNodeReplaced } from '../../../../../test/fuzz/files';
import { wrongValue } from '../../../../../test/fuzz/hostile';
import { LANGUAGES } from '../../../../common/i18n/locales';
import { hasMessage, t } from '../../../platform/i18n';
import { parseTerritoryFile, TERRITORY_IMPORT_ERROR_CODES } from './territory-import';

/**
 * Issue 16, fuzzing the territory import (CSV, GeoJSON, TopoJSON): whatever the bytes, the parser
 * never throws, and every problem is a known code whose message formats in every language with the
 * parameters the route gives it; a problem about one record names its line or feature.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const CSV = [
  'geo_id,country,code,name_fr,name_nl,parent_code,region,population,centroid_lon,centroid_lat,label_lon,label_lat',
  'BE-57096,BE,57096,Mouscron,Moeskroen,57000,BE-WAL,58767,3.25090,50.73635,3.23308,50.73541',
  'FR-59350,FR,59350,Lille,Rijsel,59,FR-HDF,,3.04706,50.63178,3.05118,50.62924',
].join('\n');
const square = (lon: number, lat: number) => [
  [lon, lat],
  [lon + 0.1, lat],
  [lon + 0.1, lat + 0.1],
  [lon, lat + 0.1],
  [lon, lat],
];
const PROPS = {
  geo_id: 'FR-59350',
  country: 'FR',
  code: '59350',
  name_fr: 'Lille',
  name_nl: 'Rijsel',
  parent_code: '59',
  region: 'FR-HDF',
};
const GEOJSON = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: PROPS, geometry: { type: 'Polygon', coordinates: [square(3, 50)] } },
  ],
};
const TOPOJSON = {
  type: 'Topology',
  arcs: [square(3, 50)],
  objects: {
    communes: {
      type: 'GeometryCollection',
      geometries: [{ type: 'Polygon', arcs: [[0]], properties: PROPS }],
    },
  },
};

const KNOWN = new Set<string>(TERRITORY_IMPORT_ERROR_CODES);
const PER_RECORD = new Set<string>(
  TERRITORY_IMPORT_ERROR_CODES.slice(TERRITORY_IMPORT_ERROR_CODES.indexOf('missing_code')),
);

/** The problems with the parser's answer to one file. */
function problemsOf(name: string, file: FileCase): string[] {
  let result: ReturnType<typeof parseTerritoryFile>;
  try {
    result = parseTerritoryFile(name, file.bytes);
  } catch (e) {
    return [`threw ${String(e)}`];
  }
  const out: string[] = [];
  for (const e of result.errors) {
    if (!KNOWN.has(e.code)) out.push(`unknown code ${e.code}`);
    if (PER_RECORD.has(e.code) && e.line === undefined && e.feature === undefined)
      out.push(`${e.code} names no line or feature`);
    const key = `network.territories.errors.${e.code}`;
    if (!hasMessage(key)) out.push(`no message ${key}`);
    const params = {
      ...e.params,
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.feature !== undefined ? { feature: e.feature } : {}),
    };
    for (const language of LANGUAGES)
      try {
        t(language, key, params);
      } catch (err) {
        out.push(`${key} does not format in ${language} with ${JSON.stringify(params)}: ${err}`);
      }
  }
  if (result.errors.length === 0 && result.format === null) out.push('no error and no format');
  return out;
}

const check = (name: string, arb: fc.Arbitrary<FileCase>) =>
  fc.assert(
    fc.property(arb, (file) => {
      const problems = problemsOf(name, file);
      if (problems.length) throw new Error(`${file.how}: ${problems.join('; ')}`);
    }),
    { numRuns: RUNS },
  );

describe('territory import, fuzzed', () => {
  it('CSV: truncated, re-encoded, hostile cells, broken quotes, huge cells', () => {
    check('communes.csv', fileCases(Buffer.from(CSV), { text: true }));
  }, 120_000);

  it('GeoJSON: broken bytes and any node of the wrong kind', () => {
    const valid = Buffer.from(JSON.stringify(GEOJSON));
    check(
      'communes.geojson',
      fc.oneof(fileCases(valid, { text: false }), jsonNodeReplaced(GEOJSON, wrongValue)),
    );
  }, 120_000);

  it('TopoJSON: broken bytes and any node of the wrong kind', () => {
    const valid = Buffer.from(JSON.stringify(TOPOJSON));
    check(
      'communes.topojson',
      fc.oneof(fileCases(valid, { text: false }), jsonNodeReplaced(TOPOJSON, wrongValue)),
    );
  }, 120_000);

  it('the valid samples import cleanly (so the faults above are what the parser refuses)', () => {
    expect(parseTerritoryFile('c.csv', CSV).errors).toEqual([]);
    expect(parseTerritoryFile('c.geojson', JSON.stringify(GEOJSON)).errors).toEqual([]);
    expect(parseTerritoryFile('c.topojson', JSON.stringify(TOPOJSON)).errors).toEqual([]);
  });
});
