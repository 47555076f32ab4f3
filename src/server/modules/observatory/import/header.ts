/**
 * Recognising an official file from its header row. Pure functions (detect.ts reads the first bytes or
 * rows of a file and applies them).
 *
 * Formats, tried in this order:
 * - `long`: a generic long table, one value per row: a territory column (geo, geo_code, code_geo, geo_id,
 *   territory, territoire, code, codgeo, code_insee, nis, refnis…), an element column (element, indicator,
 *   indicateur, variable, data_element…), a value column (value, valeur, waarde, obs_value) and usually a
 *   period column (period, periode, année, year, jaar, time_period…). CSV separated by ',', ';' or tab.
 * - `insee`: first column `CODGEO`, ';'-separated (the separator is checked: a ',' file is refused with
 *   `wrong_separator`, since INSEE's decimal commas would then be ambiguous).
 * - `statbel`: a `CD_MUNTY_REFNIS` (or `CD_REFNIS`) column and `MS_*` columns, '|'-separated TXT (checked
 *   like INSEE's) or XLSX; the period is in `CD_YEAR` (or `DT_REFDATE`).
 * - `caf`: a commune-code column named `Codes_Insee`, `Code_Insee`, `NUMCOM`, `Code_Commune`, `CODECOM`
 *   or, failing those, `Commune`/`Communes`/`COM` (the 2009–2014 files put the name in `Communes` and the
 *   code in `Codes_Insee`; current Cafdata exports use `NUMCOM`); an optional period column (`Annee`,
 *   `Date_ref`, `DTREFF`…). Any separator among ';', ',' and tab.
 * - `iweps`: WalStat's one-indicator tables. Assumed layout (WalStat's downloads are not documented): a
 *   few title rows, then a header with an entity-code column (`Code INS`, `Code NIS`, `INS`, `NIS`,
 *   `REFNIS`, `Code`…) and either one column per period (headers such as 2019, '2019', '2017-2019') — the
 *   wide layout — or a period column and a value column (still one element, so read as a wide table with a
 *   period column); name columns are ignored.
 *   Usually XLSX; the same table saved as CSV is accepted.
 *
 * Header cells are compared after trimming, lower-casing, removing accents and turning every run of other
 * characters into '_' ("Code INS" → code_ins, "Année" → annee).
 */
import { normalisePeriod } from './period';
import type { ImportFormat, ImportLayout } from './types';

export interface HeaderRecognition {
  format: ImportFormat;
  layout: ImportLayout;
  /** Column names as written in the file. */
  geoColumn: string;
  periodColumn?: string;
  elementColumn?: string;
  valueColumn?: string;
  /** IWEPS wide layout: the columns whose header is a period. */
  periodColumns?: string[];
  /** Long and Statbel layouts: columns giving each row's category (sex, age band, or one as stored). */
  sexColumn?: string;
  ageColumn?: string;
  disaggregationColumn?: string;
}

/** "Code INS" → 'code_ins', "Année" → 'annee', " CODGEO" → 'codgeo'. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const LONG_GEO = [
  'geo',
  'geo_code',
  'code_geo',
  'geocode',
  'geo_id',
  'gisco_id',
  'territory',
  'territory_code',
  'territoire',
  'code_territoire',
  'territorium',
  'code',
  'codgeo',
  'code_insee',
  'nis',
  'nis_code',
  'refnis',
  'lau_id',
];
const LONG_ELEMENT = [
  'element',
  'element_code',
  'code_element',
  'data_element',
  'indicator',
  'indicator_code',
  'indicateur',
  'code_indicateur',
  'indicatorcode',
  'variable',
];
const VALUE = ['value', 'valeur', 'waarde', 'val', 'obs_value'];
const PERIOD = [
  'period',
  'periode',
  'time_period',
  'time',
  'annee',
  'year',
  'jaar',
  'date',
  'date_ref',
  'date_reference',
  'date_de_reference',
  'dtref',
  'dtreff',
];
const SEX = ['sex', 'sexe', 'geslacht', 'gender', 'genre', 'cd_sex'];
const AGE = [
  'age',
  'age_band',
  'age_group',
  'tranche_age',
  'tranche_d_age',
  'classe_age',
  'classe_d_age',
  'leeftijd',
  'leeftijdsklasse',
  'leeftijdsgroep',
  'cd_age',
  'cd_age_group',
];
const DISAGGREGATION = ['disaggregation', 'desagregation', 'ventilation', 'uitsplitsing', 'breakdown'];
const STATBEL_GEO = ['cd_munty_refnis', 'cd_refnis'];
const STATBEL_PERIOD = ['cd_year', 'dt_refdate', 'cd_period'];
const CAF_GEO = ['codes_insee', 'code_insee', 'numcom', 'num_com', 'code_commune', 'codecommune', 'codecom'];
const CAF_GEO_FALLBACK = ['commune', 'communes', 'com'];
const IWEPS_GEO = [
  'code_ins',
  'code_nis',
  'ins',
  'nis',
  'code_refnis',
  'refnis',
  'cd_refnis',
  'code',
  'code_entite',
  'entite_code',
];

/** The first column whose key is in `keys`, taking `keys` in order of preference. */
function find(
  columns: readonly string[],
  keyed: readonly string[],
  keys: readonly string[],
): string | undefined {
  for (const k of keys) {
    const i = keyed.indexOf(k);
    if (i !== -1) return columns[i];
  }
  return undefined;
}

/** True when a header names a period (WalStat's year columns: 2019, '2019', '2017-2019', '2021T1'). */
export function isPeriodHeader(header: string): boolean {
  return /^\s*\d{4}/.test(header) && normalisePeriod(header) !== null;
}

/** Recognises the format of a header row; null when it is none of them. */
export function recogniseHeader(columns: readonly string[]): HeaderRecognition | null {
  const keyed = columns.map(headerKey);
  if (keyed.every((k) => k === '')) return null;

  const longGeo = find(columns, keyed, LONG_GEO);
  const element = find(columns, keyed, LONG_ELEMENT);
  const value = find(columns, keyed, VALUE);
  const period = find(columns, keyed, PERIOD);
  // The row's category, read where a row may carry one (long files, Statbel's CD_SEX / CD_AGE).
  const sex = find(columns, keyed, SEX);
  const age = find(columns, keyed, AGE);
  const disaggregation = find(columns, keyed, DISAGGREGATION);
  const categories = {
    ...(sex ? { sexColumn: sex } : {}),
    ...(age ? { ageColumn: age } : {}),
    ...(disaggregation ? { disaggregationColumn: disaggregation } : {}),
  };
  if (longGeo && element && value) {
    return {
      format: 'long',
      layout: 'long',
      geoColumn: longGeo,
      elementColumn: element,
      valueColumn: value,
      ...(period ? { periodColumn: period } : {}),
      ...categories,
    };
  }

  if (keyed[0] === 'codgeo') return { format: 'insee', layout: 'wide', geoColumn: columns[0]! };

  const statbelGeo = find(columns, keyed, STATBEL_GEO);
  if (statbelGeo && keyed.some((k) => k.startsWith('ms_'))) {
    const statbelPeriod = find(columns, keyed, STATBEL_PERIOD);
    return {
      format: 'statbel',
      layout: 'wide',
      geoColumn: statbelGeo,
      ...(statbelPeriod ? { periodColumn: statbelPeriod } : {}),
      ...categories,
    };
  }

  const periodColumns = columns.filter((c) => isPeriodHeader(c));
  const iwepsGeo = find(columns, keyed, IWEPS_GEO);
  if (iwepsGeo && periodColumns.length > 0) {
    return { format: 'iweps', layout: 'wide', geoColumn: iwepsGeo, periodColumns };
  }
  if (iwepsGeo && period && value && !find(columns, keyed, CAF_GEO)) {
    // One indicator per file: its value column is a wide layout's only column, the period is per row.
    return { format: 'iweps', layout: 'wide', geoColumn: iwepsGeo, periodColumn: period, valueColumn: value };
  }

  const cafGeo = find(columns, keyed, CAF_GEO) ?? find(columns, keyed, CAF_GEO_FALLBACK);
  if (cafGeo)
    return { format: 'caf', layout: 'wide', geoColumn: cafGeo, ...(period ? { periodColumn: period } : {}) };

  return null;
}

/** The separator a recognised text file must use, when its publisher fixes one. */
export const REQUIRED_DELIMITER: Partial<Record<ImportFormat, string>> = { insee: ';', statbel: '|' };

export const DELIMITERS = [';', '|', '\t', ','] as const;

/** Counts each candidate separator outside double quotes in a header line; the most frequent wins. */
export function guessDelimiter(headerLine: string): string | null {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string | null = null;
  for (const d of DELIMITERS) if (counts.get(d)! > (best ? counts.get(best)! : 0)) best = d;
  return best;
}

/** Splits one header line on `delimiter`, honouring double quotes ("a;b" stays one cell, "" is a quote). */
export function splitHeaderLine(line: string, delimiter: string | null): string[] {
  if (!delimiter) return [unquote(line)];
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

export interface TextHeaderDetection {
  recognition: HeaderRecognition | null;
  delimiter: string | null;
  columns: string[];
  /** Set when the header is recognised but uses a separator its format does not allow. */
  wrongDelimiter?: string;
}

/**
 * Recognises a text file's first line: with the most frequent separator first, then with the others (a
 * header can hold more of another character than of its separator).
 */
export function detectTextHeader(headerLine: string): TextHeaderDetection {
  const guessed = guessDelimiter(headerLine);
  const order = [guessed, ...DELIMITERS.filter((d) => d !== guessed)];
  for (const delimiter of order) {
    if (delimiter !== guessed && !headerLine.includes(delimiter ?? '')) continue;
    const columns = splitHeaderLine(headerLine, delimiter);
    const recognition = recogniseHeader(columns);
    if (!recognition) continue;
    const required = REQUIRED_DELIMITER[recognition.format];
    if (required && delimiter !== null && delimiter !== required) {
      return { recognition, delimiter, columns, wrongDelimiter: delimiter };
    }
    return { recognition, delimiter: delimiter ?? required ?? null, columns };
  }
  return { recognition: null, delimiter: guessed, columns: splitHeaderLine(headerLine, guessed) };
}
