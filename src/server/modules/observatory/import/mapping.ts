/**
 * Proposing a mapping from a header, so that the person importing only confirms or corrects it. Pure.
 *
 * INSEE column names carry their vintage:
 * - census (RP) columns `P21_POP`, `C22_FAMMONO`: element `P_POP`, `C_FAMMONO`; period the census's
 *   five-year collection window centred on the vintage (`P21_…` → '2019-2023', see period.ts
 *   censusWindow); older exhaustive censuses `D99_POP` → element `D_POP`, period '1999';
 * - two-year spans `NAIS1521` (births from 2015 to 2021) → element `NAIS`, period '2015-2021';
 * - everything else ending in two digits is a single year: Filosofi `MED21`, `TP6021`, `Q221`, `D121`,
 *   `TP60AGE121`, `DISP_MED21` → `MED`, `TP60`, `Q2`, `D1`, `TP60AGE1`, `DISP_MED`, period '2021';
 * - a census population column broken down by sex or age band feeds the population with that category:
 *   `P21_POPH` / `P21_POPF` → `P_POP` 'sex:M' / 'sex:F', `P21_POP1529` → `P_POP` 'age:15-29', `P21_POP90P`
 *   → 'age:90+' (other breakdowns, such as `P21_H1529`, men of 15 to 29, cross two: left as elements);
 * - columns without a vintage (LIBGEO, REG, DEP, EPCI…) are not proposed.
 * Two-digit years are read as 20yy unless that is later than next year (then 19yy).
 *
 * CAF: every column that is not the commune code, a name, a geographic attribute or the period column;
 * a trailing year (`NB_allocataires_2014`) gives the period, else the year in the file name
 * (`RSACom2014.csv`) becomes the mapping's period. Statbel: every `MS_*` column, the period from
 * `CD_YEAR`. IWEPS: each period column feeds one element named after the sheet's title or the file name.
 * Long: the detected columns, every element under its own code.
 */
import { headerKey, recogniseHeader } from './header';
import { censusWindow, normalisePeriod } from './period';
import type { ImportColumnMapping, ImportFormat, ImportMapping } from './types';

function fullYear(yy: number, now = new Date()): number {
  const next = (now.getUTCFullYear() + 1) % 100;
  return yy <= next ? 2000 + yy : 1900 + yy;
}

/** Columns of INSEE files that are labels or geographic attributes, not figures. */
const INSEE_LABELS = /^(LIB|NOM|REG|DEP|ARR|EPCI|CV|ZE|UU|AAV|BV|TUU|TAAV|TDUU|CATEAAV|DENS|TYPE|COM$)/;

/** A census population column's category: POPH → sex:M, POPF → sex:F, POP1529 → age:15-29, POP90P → age:90+. */
function censusCategory(name: string): { element: string; disaggregation: string } | null {
  const sex = /^POP([HF])$/.exec(name);
  if (sex) return { element: 'POP', disaggregation: sex[1] === 'H' ? 'sex:M' : 'sex:F' };
  const band = /^POP(\d{2})(\d{2})$/.exec(name);
  if (band && Number(band[1]) < Number(band[2]))
    return { element: 'POP', disaggregation: `age:${Number(band[1])}-${Number(band[2])}` };
  const open = /^POP(\d{2})P$/.exec(name);
  if (open) return { element: 'POP', disaggregation: `age:${Number(open[1])}+` };
  return null;
}

/** The element, period (and category) an INSEE column name implies (see the module comment); null for labels. */
export function inferInseeColumn(
  column: string,
): { element: string; period: string; disaggregation?: string } | null {
  const c = column.trim().toUpperCase();
  if (c === 'CODGEO' || INSEE_LABELS.test(c)) return null;
  const census = /^([PCD])(\d{2})_(\w+)$/.exec(c);
  if (census) {
    const yy = Number(census[2]);
    const kind = census[1]!;
    const category = censusCategory(census[3]!);
    return {
      element: `${kind}_${category?.element ?? census[3]}`,
      period: kind === 'D' ? String(fullYear(yy)) : censusWindow(fullYear(yy)),
      ...(category ? { disaggregation: category.disaggregation } : {}),
    };
  }
  const span = /^([A-Z][A-Z_]*?)_?(\d{2})(\d{2})$/.exec(c);
  if (span) {
    const from = fullYear(Number(span[2]));
    const to = fullYear(Number(span[3]));
    // 'TP6021' is TP60 of 2021, not a span from 1960: spans are short.
    if (from < to && to - from <= 10) return { element: span[1]!, period: `${from}-${to}` };
  }
  const year = /^(\w*[A-Z]\w*?)_?(\d{2})$/.exec(c);
  if (year) return { element: year[1]!, period: String(fullYear(Number(year[2]))) };
  return null;
}

const CAF_LABELS = new Set([
  'communes',
  'commune',
  'nom_commune',
  'nomcom',
  'libelle',
  'libelle_commune',
  'code_postal',
  'departement',
  'numdep',
  'nomdep',
  'code_departement',
  'region',
  'numreg',
  'nomreg',
  'code_region',
  'numepci',
  'nomepci',
  'epci',
  'statut',
  'altitude_moyenne',
  'superficie',
  'geo_point_2d',
  'geo_shape',
  'id_geofla',
  'code_canton',
  'code_arrondissement',
  'caf',
  'nom_caf',
]);

/** 'taux-chomage_walstat.xlsx' → 'TAUX_CHOMAGE_WALSTAT'. */
export function elementCodeOf(text: string): string {
  return headerKey(text.replace(/\.[a-z0-9]{2,4}$/i, ''))
    .toUpperCase()
    .slice(0, 40)
    .replace(/_+$/, '');
}

function yearIn(text: string | undefined): string | undefined {
  const years = text?.match(/(?:19|20)\d{2}/g);
  return years?.[years.length - 1];
}

export interface SuggestOptions {
  /** The uploaded file's name: a year in it dates files that carry none (CAF's yearly files). */
  fileName?: string;
  /** Text above a spreadsheet's header (WalStat's indicator name). */
  title?: string;
}

/** Proposes a mapping for a header of a given format (see the module comment). */
export function suggestMapping(
  format: ImportFormat,
  columns: readonly string[],
  options: SuggestOptions = {},
): ImportMapping {
  const recognised = recogniseHeader(columns);
  const found = recognised?.format === format ? recognised : null;
  const base: ImportMapping = { format, columns: [] };
  if (found) base.geoColumn = found.geoColumn;
  if (found?.periodColumn) base.periodColumn = found.periodColumn;
  if (found?.sexColumn) base.sexColumn = found.sexColumn;
  if (found?.ageColumn) base.ageColumn = found.ageColumn;
  if (found?.disaggregationColumn) base.disaggregationColumn = found.disaggregationColumn;

  switch (format) {
    case 'insee': {
      base.geoColumn ??= columns[0];
      for (const source of columns) {
        const inferred = inferInseeColumn(source);
        if (inferred) base.columns.push({ source, ...inferred });
      }
      return base;
    }
    case 'caf': {
      const skip = new Set([found?.geoColumn, found?.periodColumn]);
      for (const source of columns) {
        if (skip.has(source) || source.trim() === '' || CAF_LABELS.has(headerKey(source))) continue;
        const dated = /^(.+?)_?((?:19|20)\d{2})$/.exec(source.trim());
        const column: ImportColumnMapping = dated
          ? { source, element: dated[1]!.toUpperCase(), period: dated[2]! }
          : { source, element: source.trim().toUpperCase() };
        base.columns.push(column);
      }
      const year = yearIn(options.fileName);
      if (!base.periodColumn && year && base.columns.some((c) => !c.period)) base.period = year;
      return base;
    }
    case 'statbel': {
      for (const source of columns) {
        if (headerKey(source).startsWith('ms_'))
          base.columns.push({ source, element: source.trim().toUpperCase() });
      }
      return base;
    }
    case 'iweps': {
      const element =
        (options.title && elementCodeOf(options.title)) ||
        (options.fileName && elementCodeOf(options.fileName)) ||
        'IWEPS';
      if (found?.valueColumn && found.periodColumn) {
        base.columns.push({ source: found.valueColumn, element });
        return base;
      }
      for (const source of found?.periodColumns ?? []) {
        base.columns.push({ source, element, period: normalisePeriod(source)! });
      }
      return base;
    }
    case 'long': {
      if (found?.elementColumn) base.elementColumn = found.elementColumn;
      if (found?.valueColumn) base.valueColumn = found.valueColumn;
      if (!base.periodColumn) {
        const year = yearIn(options.fileName);
        if (year) base.period = year;
      }
      return base;
    }
  }
}
