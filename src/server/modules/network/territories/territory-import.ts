/**
 * Reads a territory file (municipalities) into territories plus their geometries, reporting every problem
 * at once so that the caller can refuse the whole import. Pure: no database, no I/O.
 *
 * Formats (detected from the content, the file name only breaks ties):
 * - TopoJSON: every geometry of every object is one territory (converted with topojson-client);
 * - GeoJSON: a FeatureCollection (or one Feature);
 * - CSV with a header row, ',' ';' or tab separated, UTF-8 with or without BOM.
 *
 * Records use the columns of the shared `communes-fr-be` files (geo_id, country, code, name_fr, name_nl,
 * parent_code, region, population, centroid_lon, centroid_lat, label_lon, label_lat); keys are read
 * case-insensitively and common aliases of other sources are accepted (INSEE_COM, nom, NIS, NameFRE…).
 * Parent and region are inferred from the code when absent. The parent is read as a territory code of the
 * tree (migration 0035): parent_code '59' or 'FR-59' gives 'FR-DEP-59', '57000' gives 'BE-ARR-57000'
 * (storing then puts a commune under its EPCI when that is known, see store.upsertTerritories). The
 * centroid is computed from the geometry when absent and also serves as label point when none is given.
 *
 * Error codes are message keys under `network.territories.errors.` (see TERRITORY_IMPORT_ERROR_CODES). `line` is the
 * 1-based line of the file (CSV, JSON syntax errors), `feature` the 1-based index of the feature or
 * TopoJSON geometry.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import {
  bboxOf,
  geometryCentroid,
  isGeoJsonGeometry,
  isValidLonLat,
  type LonLat,
} from '../../../../common/network/geo';
import {
  countryOfCode,
  inferParentCode,
  inferRegion,
  isValidLocalCode,
  isValidParentLocalCode,
  parentTerritoryCode,
  TERRITORY_REGIONS,
  type Territory,
  type TerritoryCountry,
  type TerritoryRegion,
  territoryCode,
  territoryLevelOf,
} from '../../../../common/network/territory';

export const TERRITORY_IMPORT_ERROR_CODES = [
  // whole file
  'empty_file',
  'unknown_format',
  'invalid_json',
  'invalid_encoding',
  'invalid_csv',
  'missing_header',
  'missing_column',
  // per record
  'missing_code',
  'invalid_code',
  'invalid_country',
  'missing_name',
  'duplicate_code',
  'invalid_parent_code',
  'invalid_region',
  'invalid_population',
  'invalid_coordinates',
  'invalid_geometry',
] as const;

export type TerritoryImportErrorCode = (typeof TERRITORY_IMPORT_ERROR_CODES)[number];

export interface TerritoryImportError {
  /** 1-based line of the file. */
  line?: number;
  /** 1-based index of the GeoJSON feature or TopoJSON geometry. */
  feature?: number;
  code: TerritoryImportErrorCode;
  params?: Record<string, string | number>;
}

export type TerritoryFileFormat = 'topojson' | 'geojson' | 'csv';

export interface TerritoryImportResult {
  /** The format the content was read as; null when it could not be recognised. */
  format: TerritoryFileFormat | null;
  /** The valid records, in file order. */
  territories: Territory[];
  /** Geometry by territory code ('FR-59350'), for the valid records that have one. */
  geometries: Map<string, Geometry>;
  /** Every problem found; the import must be refused when this is not empty. */
  errors: TerritoryImportError[];
}

type Location = { line: number } | { feature: number };

// Keys (lowercase) read from properties / CSV columns, first non-blank wins.
const GEO_ID_KEYS = ['geo_id', 'geoid'];
const CODE_KEYS = ['code'];
const FR_CODE_KEYS = ['insee', 'code_insee', 'insee_com', 'codgeo', 'code_commune_insee'];
const BE_CODE_KEYS = ['nis', 'refnis', 'niscode', 'nis_code', 'cd_refnis', 'admukey'];
const COUNTRY_KEYS = ['country'];
const FR_NAME_KEYS = ['nom', 'nom_com'];
const BE_NAME_FR_KEYS = ['namefre', 'tx_descr_fr'];
const BE_NAME_NL_KEYS = ['namedut', 'tx_descr_nl'];
const NAME_FR_KEYS = ['name_fr'];
const NAME_NL_KEYS = ['name_nl'];
const NAME_KEYS = ['name'];
const PARENT_KEYS = ['parent_code', 'parent'];
const REGION_KEYS = ['region'];
const POPULATION_KEYS = ['population'];
const CENTROID_KEYS = [
  ['centroid_lon', 'lon', 'longitude'],
  ['centroid_lat', 'lat', 'latitude'],
] as const;
const LABEL_KEYS = [['label_lon'], ['label_lat']] as const;

const ANY_CODE_KEYS = [...GEO_ID_KEYS, ...CODE_KEYS, ...FR_CODE_KEYS, ...BE_CODE_KEYS];
const ANY_NAME_KEYS = [
  ...NAME_FR_KEYS,
  ...NAME_NL_KEYS,
  ...NAME_KEYS,
  ...FR_NAME_KEYS,
  ...BE_NAME_FR_KEYS,
  ...BE_NAME_NL_KEYS,
];
const KNOWN_KEYS = new Set([
  ...ANY_CODE_KEYS,
  ...ANY_NAME_KEYS,
  ...COUNTRY_KEYS,
  ...PARENT_KEYS,
  ...REGION_KEYS,
  ...POPULATION_KEYS,
  ...CENTROID_KEYS.flat(),
  ...LABEL_KEYS.flat(),
]);

const JSON_EXTENSIONS = new Set(['json', 'geojson', 'topojson']);
const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

/** Parses a territory file; see the module comment. Never throws on bad content. */
export function parseTerritoryFile(filename: string, content: string | Buffer): TerritoryImportResult {
  const result: TerritoryImportResult = { format: null, territories: [], geometries: new Map(), errors: [] };
  const decoded = decode(content);
  if (typeof decoded !== 'string') {
    result.errors.push({ code: decoded.error });
    return result;
  }
  const text = decoded;
  if (text.trim() === '') {
    result.errors.push({ code: 'empty_file' });
    return result;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(filename.trim())?.[1]?.toLowerCase() ?? '';
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || JSON_EXTENSIONS.has(extension)) {
    readJson(text, result);
  } else if (first === '<') {
    result.errors.push({ code: 'unknown_format' });
  } else {
    readCsv(text, extension === '' || CSV_EXTENSIONS.has(extension), result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Decoding and format readers

function decode(content: string | Buffer): string | { error: TerritoryImportErrorCode } {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  if (content.length === 0) return { error: 'empty_file' };
  // Binary files (zip-based spreadsheets, shapefiles) and UTF-16 text have NUL bytes early on.
  if (content.subarray(0, 4096).includes(0)) return { error: 'unknown_format' };
  try {
    // The decoder drops a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return { error: 'invalid_encoding' };
  }
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A JSON number, true, false or null, matched at lastIndex. */
const JSON_LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * Offset of the first JSON syntax error in `text` (a small recursive-descent scan, run only after
 * JSON.parse failed, because V8's messages do not always give a position).
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const eat = (c: string) => (text[i] === c ? i++ : fail());
  const string = () => {
    eat('"');
    while (text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (i >= text.length || c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          eat(':');
        }
        value();
        ws();
        if (text[i] === close) {
          i++;
          return;
        }
        eat(',');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    JSON_LITERAL.lastIndex = i;
    const m = JSON_LITERAL.exec(text);
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
  return text.length;
}

function readJson(text: string, result: TerritoryImportResult): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    result.errors.push({ code: 'invalid_json', line: lineAt(text, jsonErrorOffset(text)) });
    return;
  }
  const type = isObject(doc) ? doc.type : undefined;
  if (isObject(doc) && type === 'Topology') readTopology(doc, result);
  else if (isObject(doc) && (type === 'FeatureCollection' || type === 'Feature')) readGeoJson(doc, result);
  else result.errors.push({ code: 'unknown_format' });
}

function readTopology(doc: Record<string, unknown>, result: TerritoryImportResult): void {
  if (!Array.isArray(doc.arcs) || !isObject(doc.objects)) {
    result.errors.push({ code: 'unknown_format' });
    return;
  }
  result.format = 'topojson';
  const topology = doc as unknown as Topology;
  const objects: unknown[] = [];
  for (const object of Object.values(doc.objects)) {
    if (isObject(object) && object.type === 'GeometryCollection' && Array.isArray(object.geometries)) {
      objects.push(...object.geometries);
    } else {
      objects.push(object);
    }
  }
  if (objects.length === 0) {
    result.errors.push({ code: 'empty_file' });
    return;
  }
  const collector = new Collector(result);
  objects.forEach((object, i) => {
    const location = { feature: i + 1 };
    if (!isObject(object)) {
      collector.error(location, 'invalid_geometry');
      return;
    }
    let geometry: Geometry | null;
    try {
      const converted: unknown = topoFeature(topology, object as unknown as GeometryObject);
      if (!isObject(converted) || converted.type !== 'Feature') throw new TypeError('not a feature');
      geometry = (converted.geometry ?? null) as Geometry | null;
      if (geometry !== null && !isGeoJsonGeometry(geometry)) throw new TypeError('invalid geometry');
    } catch {
      collector.error(location, 'invalid_geometry');
      return;
    }
    collector.add(location, isObject(object.properties) ? object.properties : {}, object.id, geometry);
  });
}

function readGeoJson(doc: Record<string, unknown>, result: TerritoryImportResult): void {
  const features = doc.type === 'Feature' ? [doc] : doc.features;
  if (!Array.isArray(features)) {
    result.errors.push({ code: 'unknown_format' });
    return;
  }
  result.format = 'geojson';
  if (features.length === 0) {
    result.errors.push({ code: 'empty_file' });
    return;
  }
  const collector = new Collector(result);
  features.forEach((f: unknown, i) => {
    const location = { feature: i + 1 };
    if (!isObject(f) || f.type !== 'Feature') {
      collector.error(location, 'invalid_geometry');
      return;
    }
    const geometry = f.geometry ?? null;
    if (geometry !== null && !isGeoJsonGeometry(geometry)) {
      collector.error(location, 'invalid_geometry');
      return;
    }
    collector.add(location, isObject(f.properties) ? f.properties : {}, f.id, geometry);
  });
}

/** The most frequent of ',', ';' and tab outside quotes in the header line (',' when none). */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

/** Line of the quote left open at the end of the text ('""' escapes toggle twice), if any. */
function unclosedQuoteLine(text: string): number | undefined {
  let open = -1;
  for (let i = 0; i < text.length; i++) if (text[i] === '"') open = open === -1 ? i : -1;
  return open === -1 ? undefined : lineAt(text, open);
}

function readCsv(text: string, csvByName: boolean, result: TerritoryImportResult): void {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const reason = isObject(e) && typeof e.code === 'string' ? e.code : 'CSV_PARSE';
    // An unclosed quote is reported where it opens, not at the end of the file.
    const line =
      reason === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : isObject(e) ? e.lines : undefined;
    result.errors.push({
      code: 'invalid_csv',
      ...(typeof line === 'number' ? { line } : {}),
      params: { reason },
    });
    return;
  }
  const header = rows[0]?.record.map((h) => h.trim().toLowerCase()) ?? [];
  if (!header.some((h) => KNOWN_KEYS.has(h))) {
    result.errors.push(csvByName ? { code: 'missing_header', line: 1 } : { code: 'unknown_format' });
    return;
  }
  result.format = 'csv';
  let headerOk = true;
  if (!header.some((h) => ANY_CODE_KEYS.includes(h))) {
    result.errors.push({ code: 'missing_column', line: 1, params: { column: 'code' } });
    headerOk = false;
  }
  if (!header.some((h) => ANY_NAME_KEYS.includes(h))) {
    result.errors.push({ code: 'missing_column', line: 1, params: { column: 'name_fr' } });
    headerOk = false;
  }
  if (!headerOk) return;
  const collector = new Collector(result);
  let records = 0;
  for (const { record, info } of rows.slice(1)) {
    if (record.every((v) => v.trim() === '')) continue; // a row of separators only, as spreadsheets write
    records++;
    // info.lines is the line where the record ends; quoted fields may span lines.
    const newlines = record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const location = { line: info.lines - newlines };
    if (record.length > header.length) {
      collector.error(location, 'invalid_csv', { expected: header.length, found: record.length });
      continue;
    }
    const properties: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (!(h in properties)) properties[h] = record[i];
    });
    collector.add(location, properties, undefined, null);
  }
  if (records === 0) result.errors.push({ code: 'empty_file' });
}

// ---------------------------------------------------------------------------------------------------------
// Records

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return isBlank(v) ? '' : JSON.stringify(v);
}

type Lookup = (keys: readonly string[]) => unknown;

/** Case-insensitive reader of a record's fields: the first non-blank value among `keys`. */
function lookupOf(properties: Record<string, unknown>): Lookup {
  const byKey = new Map<string, unknown>();
  for (const [k, v] of Object.entries(properties)) {
    const key = k.trim().toLowerCase();
    if (!byKey.has(key) || isBlank(byKey.get(key))) byKey.set(key, v);
  }
  return (keys) => {
    for (const k of keys) {
      const v = byKey.get(k);
      if (!isBlank(v)) return v;
    }
    return undefined;
  };
}

/** 'FR-59350', 'fr59350', 'BE_57096' → country + local part; anything else → the value, no country. */
function splitPrefixed(value: string): { country: TerritoryCountry | null; local: string } {
  const m = /^(FR|BE)[-_\s]?(.*)$/i.exec(value.trim());
  if (!m) return { country: null, local: value.trim().toUpperCase() };
  return { country: m[1]!.toUpperCase() as TerritoryCountry, local: m[2]!.trim().toUpperCase() };
}

/**
 * A municipality's parent as the file names it: a territory code of the level above municipalities
 * ('FR-DEP-59', 'FR-EPCI-200093201', 'BE-ARR-57000'), or the local part of the département or
 * arrondissement, bare or country-prefixed as the shared files and earlier exports write it ('59',
 * 'FR-59', '57000', 'BE-57000'). Null when it is none of these, or of another country.
 */
function parentCodeOf(country: TerritoryCountry, value: string): string | null {
  const upper = value.trim().toUpperCase();
  const level = territoryLevelOf(upper);
  if (level === 'departement' || level === 'epci' || level === 'arrondissement')
    return countryOfCode(upper) === country ? upper : null;
  const p = splitPrefixed(value);
  if ((p.country && p.country !== country) || !isValidParentLocalCode(country, p.local)) return null;
  return parentTerritoryCode(country, p.local);
}

/** A number from a JSON number or a string ('3.06', '3,06' as spreadsheets write it); null when invalid. */
function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!/^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s.replace(',', '.'));
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

/** An error names the value it refuses, cut short: a cell can hold a megabyte, the answer must not. */
const MAX_ECHO = 120;
const shortened = (params: Record<string, string | number>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && v.length > MAX_ECHO ? `${v.slice(0, MAX_ECHO)}…` : v,
    ]),
  );

class Collector {
  private readonly seen = new Map<string, number>();

  constructor(private readonly result: TerritoryImportResult) {}

  error(location: Location, code: TerritoryImportErrorCode, params?: Record<string, string | number>): void {
    this.result.errors.push(
      params ? { ...location, code, params: shortened(params) } : { ...location, code },
    );
  }

  /** Validates one record; adds the territory (and its geometry) when it has no error. */
  add(location: Location, properties: Record<string, unknown>, id: unknown, geometry: Geometry | null): void {
    const before = this.result.errors.length;
    const territory = this.normalise(location, lookupOf(properties), id, geometry);
    if (!territory || this.result.errors.length > before) return;
    const previous = this.seen.get(territory.code);
    if (previous !== undefined) {
      this.error(location, 'duplicate_code', { code: territory.code, first: previous });
      return;
    }
    this.seen.set(territory.code, 'line' in location ? location.line : location.feature);
    this.result.territories.push(territory);
    if (geometry) this.result.geometries.set(territory.code, geometry);
  }

  private normalise(
    location: Location,
    get: Lookup,
    id: unknown,
    geometry: Geometry | null,
  ): Territory | null {
    const fail = (code: TerritoryImportErrorCode, params?: Record<string, string | number>) =>
      this.error(location, code, params);

    // Code and country.
    let geoId = text(get(GEO_ID_KEYS));
    if (!geoId && typeof id === 'string' && /^(FR|BE)-/i.test(id)) geoId = id.trim();
    const frCode = text(get(FR_CODE_KEYS));
    const beCode = text(get(BE_CODE_KEYS));
    const code = text(get(CODE_KEYS)) || frCode || beCode;
    // Which source's vocabulary the record uses hints at its country (INSEE/nom: France, NIS/NameFRE: Belgium).
    const aliasCountry: TerritoryCountry | null = frCode
      ? 'FR'
      : beCode
        ? 'BE'
        : get(FR_NAME_KEYS) !== undefined
          ? 'FR'
          : get([...BE_NAME_FR_KEYS, ...BE_NAME_NL_KEYS]) !== undefined
            ? 'BE'
            : null;
    const fromId = geoId ? splitPrefixed(geoId) : null;
    const fromCode = code ? splitPrefixed(code) : null;
    const local = fromCode?.local || fromId?.local || '';

    const countryValue = text(get(COUNTRY_KEYS));
    let country: TerritoryCountry | null = null;
    let countryOk = true;
    if (countryValue) {
      const c = countryValue.toUpperCase();
      if (c === 'FR' || c === 'BE') country = c;
      else {
        fail('invalid_country', { value: countryValue });
        countryOk = false;
      }
    }
    const prefixed = fromCode?.country ?? fromId?.country ?? null;
    if (countryOk && country && prefixed && prefixed !== country) {
      fail('invalid_country', { value: countryValue });
      countryOk = false;
    }
    country ??= prefixed ?? aliasCountry ?? (/^2[AB]\d{3}$/.test(local) ? 'FR' : null);

    let codeOk = false;
    if (!local) {
      fail('missing_code');
    } else if (fromId && fromCode && fromId.local !== fromCode.local) {
      fail('invalid_code', { value: geoId });
    } else if (fromId && fromCode?.country && fromId.country !== fromCode.country) {
      fail('invalid_code', { value: geoId });
    } else if (!country) {
      if (countryOk) fail('invalid_country', { value: '' });
    } else if (!isValidLocalCode(country, local)) {
      fail('invalid_code', { value: fromCode ? code : geoId });
    } else {
      codeOk = countryOk;
    }

    // Names: each language falls back on the other.
    const generic = text(get(NAME_KEYS));
    const nameFr = text(get(NAME_FR_KEYS)) || text(get([...FR_NAME_KEYS, ...BE_NAME_FR_KEYS])) || generic;
    const nameNl = text(get(NAME_NL_KEYS)) || text(get(BE_NAME_NL_KEYS)) || generic;
    if (!nameFr && !nameNl) fail('missing_name');

    // Parent (département / arrondissement) and region: checked when given, else implied by the code.
    let parentCode: string | null = null;
    const parentValue = text(get(PARENT_KEYS));
    if (parentValue && country) {
      parentCode = parentCodeOf(country, parentValue);
      if (parentCode === null) fail('invalid_parent_code', { value: parentValue });
    } else if (codeOk && country) {
      parentCode = inferParentCode(country, local);
    }
    let region: TerritoryRegion | null = null;
    const regionValue = text(get(REGION_KEYS));
    if (regionValue) {
      const r = regionValue.toUpperCase() as TerritoryRegion;
      if (!TERRITORY_REGIONS.includes(r) || (country && !r.startsWith(`${country}-`))) {
        fail('invalid_region', { value: regionValue });
      } else {
        region = r;
      }
    } else if (codeOk && country) {
      region = inferRegion(country, local);
    }

    // Population: a non-negative integer; spaces as thousands separators are tolerated.
    let population: number | null = null;
    const populationValue = get(POPULATION_KEYS);
    if (populationValue !== undefined) {
      const s = typeof populationValue === 'string' ? populationValue.replace(/[\s\u00a0\u202f]/g, '') : '';
      const n =
        typeof populationValue === 'number' ? populationValue : /^\d+$/.test(s) ? Number(s) : Number.NaN;
      if (Number.isSafeInteger(n) && n >= 0) population = n;
      else fail('invalid_population', { value: text(populationValue) });
    }

    // Points and geometry.
    const point = (keys: readonly (readonly string[])[], field: string): LonLat | null => {
      const lonValue = get(keys[0]!);
      const latValue = get(keys[1]!);
      if (lonValue === undefined && latValue === undefined) return null;
      const p = { lon: toNumber(lonValue), lat: toNumber(latValue) };
      if (p.lon === null || p.lat === null || !isValidLonLat(p as LonLat)) {
        fail('invalid_coordinates', { field, value: `${text(lonValue)} ${text(latValue)}`.trim() });
        return null;
      }
      return p as LonLat;
    };
    const givenCentroid = point(CENTROID_KEYS, 'centroid');
    const givenLabel = point(LABEL_KEYS, 'label');
    let centroid = givenCentroid;
    if (geometry) {
      const box = bboxOf(geometry);
      if (
        box &&
        !(isValidLonLat({ lon: box[0], lat: box[1] }) && isValidLonLat({ lon: box[2], lat: box[3] }))
      ) {
        fail('invalid_coordinates', { field: 'geometry', value: box.map(round5).join(' ') });
      } else if (!centroid) {
        const c = geometryCentroid(geometry);
        centroid = c && { lon: round5(c.lon), lat: round5(c.lat) };
      }
    }

    if (!codeOk || !country || (!nameFr && !nameNl)) return null;
    return {
      code: territoryCode(country, local),
      country,
      localCode: local,
      nameFr: nameFr || nameNl,
      nameNl: nameNl || nameFr,
      parentCode,
      region,
      population,
      centroid,
      labelPoint: givenLabel ?? centroid,
    };
  }
}
