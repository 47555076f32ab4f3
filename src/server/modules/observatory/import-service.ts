import { createHash } from 'node:crypto';
import { resolveCode } from '../../../common/observatory/code-history';
import { compareDisaggregations } from '../../../common/observatory/disaggregation';
import type {
  ImportCommitView,
  ImportMapping,
  ImportPreviewView,
  ImportProblem,
  ImportSettings,
} from '../../../common/observatory/import-schemas';
import { ImportMapping as ImportMappingSchema } from '../../../common/observatory/import-schemas';
import { schemaErrors } from '../../../common/validation/text';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { AppError, forbidden } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { O } from './catalogue';
import {
  detectFile,
  IMPORT_ERROR_KEY_PREFIX,
  type ImportError,
  type ImportRow,
  type ImportSource,
  parseAll,
  suggestMapping,
} from './import';
import { geographyDate, historyOf } from './map-values';
import * as store from './store';

/**
 * Importing an official file (issue 12): recognised from its header, read through a mapping (the one given,
 * else the one saved for this source, else one suggested from the header), every value checked (known
 * territory, or a code known as a retired one, period, number, no duplicate, existing data element, a
 * vintage no other organisation owns), then
 * written all at once or not at all. Re-importing a vintage replaces its values. The import is recorded
 * with the file's checksum and audited; the mapping is saved for the next file of the same source.
 *
 * A code known only as a retired one (Mouscron's 54007, a commune merged into a commune nouvelle) is stored
 * as published, so that a vintage stays faithful to its source; the map carries it onto the current code
 * when it reads it (map-values.ts), and the preview says which.
 */

export interface UploadedFile {
  filename: string;
  /** In memory, or streamed from the temporary file an upload was spooled to (its checksum taken then). */
  content: ImportSource;
  checksum?: string;
}

const MAX_PROBLEMS = 200;
const SAMPLE = 20;

/** The same source's files share their format and header: the key their mapping is saved under. */
const sourceKey = (format: string, columns: string[]) =>
  `${format}:${createHash('sha256').update(columns.join('\u001f')).digest('hex').slice(0, 32)}`;

interface Read {
  view: ImportPreviewView;
  rows: ImportRow[];
  mapping: ImportMapping | null;
  key: string | null;
  elementIds: Map<string, string>;
}

/** The catalogue key and parameters each problem's message was made of (for the refusal of a commit). */
const messageOf = new WeakMap<ImportProblem, { key: string; params: Record<string, string | number> }>();

async function read(trx: Tx, actor: Actor, file: UploadedFile, settings: ImportSettings): Promise<Read> {
  requirePermission(actor, 'observatory.import');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  const lang = actor.language;
  const problem = (e: ImportError | { line: number; column?: string; code: string; value?: string }) => {
    const key = e.code.includes('.') ? e.code : `${IMPORT_ERROR_KEY_PREFIX}${e.code}`;
    const params = {
      line: e.line,
      column: e.column ?? '',
      value: 'value' in e ? (e.value ?? '') : '',
      firstLine: 'firstLine' in e ? (e.firstLine ?? '') : '',
    };
    const p: ImportProblem = {
      line: e.line,
      column: e.column ?? null,
      code: e.code,
      message: t(lang, key, params),
    };
    messageOf.set(p, { key, params });
    return p;
  };
  const checksum =
    file.checksum ??
    createHash('sha256')
      .update(file.content as Uint8Array)
      .digest('hex');
  const detection = await detectFile(file.content, { fileName: file.filename });
  const format = settings.format ?? detection.format;
  const base: ImportPreviewView = {
    format: format ?? null,
    encoding: detection.encoding ?? (detection.container === 'xlsx' ? 'xlsx' : null),
    columns: detection.columns,
    mapping: null,
    savedMapping: false,
    elements: [],
    values: 0,
    secret: 0,
    territories: 0,
    skippedUnknown: 0,
    replaces: 0,
    sample: [],
    problems: [],
    problemCount: 0,
    checksum,
  };
  if (!format || (detection.errors.length && !settings.format)) {
    const problems = detection.errors.map(problem);
    return {
      view: {
        ...base,
        problems: problems.slice(0, MAX_PROBLEMS),
        problemCount: Math.max(1, problems.length),
      },
      rows: [],
      mapping: null,
      key: null,
      elementIds: new Map(),
    };
  }
  const key = sourceKey(format, detection.columns);
  const saved = settings.mapping
    ? null
    : ((await store.savedMapping(trx, orgId, key)) as ImportMapping | null);
  const mapping: ImportMapping =
    settings.mapping ??
    saved ??
    ((detection.format === format ? detection.suggestedMapping : null) as ImportMapping | null) ??
    (suggestMapping(format, detection.columns, { fileName: file.filename }) as ImportMapping);
  // A mapping suggested from a header samen cannot hold (a file whose line ends were not recognised reads
  // as one header of thousands of columns, names beyond 100 characters): the header is not recognised,
  // rather than an answer that breaks its own schema (a 500 found by fuzzing, issue 16).
  if (schemaErrors(ImportMappingSchema, { ...mapping, format }).length) {
    const problems = [problem({ line: detection.headerLine, code: 'unknown_format' })];
    return {
      view: { ...base, problems, problemCount: 1 },
      rows: [],
      mapping: null,
      key: null,
      elementIds: new Map(),
    };
  }
  const territories = await store.knownTerritoryCodes(trx);
  const { history } = historyOf(await store.codeChanges(trx));
  // Every code a change retired: accepted even when no longer a territory, and named in the preview.
  const retired = new Set(history.map((c) => c.from));
  const parsed = await parseAll(file.content, {
    mapping: { ...mapping, format },
    knownCodes: (code: string) => territories.has(code) || retired.has(code),
    unknownCodes: settings.skipUnknown ? 'skip' : 'error',
    maxErrors: MAX_PROBLEMS,
  });
  const problems: ImportProblem[] = parsed.errors.map(problem);
  let problemCount = parsed.stats.errorCount;

  // Every element the file feeds must be defined; a vintage belongs to the organisation that imported it.
  const codes = [
    ...new Set([...mapping.columns.map((c) => c.element), ...parsed.rows.map((r) => r.element)]),
  ];
  const known = new Map((await store.elementsByCode(trx, codes)).map((e) => [e.code, e]));
  for (const code of codes.filter((c) => !known.has(c))) {
    const column = mapping.columns.find((c) => c.element === code)?.source;
    problems.push(
      problem({ line: 1, ...(column ? { column } : {}), code: O('unknown_element'), value: code }),
    );
    problemCount += 1;
  }
  // samen computes these from its own records (own-records/): no file feeds them (the database refuses too).
  for (const e of [...known.values()].filter((x) => x.source === 'samen')) {
    const column = mapping.columns.find((c) => c.element === e.code)?.source;
    problems.push(
      problem({ line: 1, ...(column ? { column } : {}), code: O('samen_element'), value: e.code }),
    );
    problemCount += 1;
  }
  const ids = [...known.values()].map((e) => e.id);
  const held = await store.vintageCounts(trx, ids, settings.vintage.trim());
  if ([...held.keys()].some((o) => o !== orgId)) {
    problems.push(problem({ line: 1, code: O('vintage_elsewhere'), value: settings.vintage.trim() }));
    problemCount += 1;
  }
  if (parsed.rows.length === 0 && problemCount === 0) {
    problems.push(problem({ line: 1, code: O('no_values') }));
    problemCount += 1;
  }
  const byElement = new Map<string, { values: number; periods: Set<string>; categories: Set<string> }>();
  // Each old code once, with the current code(s) its values will be shown on.
  const oldCodes = new Map<string, string[]>();
  for (const r of parsed.rows) {
    const e = byElement.get(r.element) ?? {
      values: 0,
      periods: new Set<string>(),
      categories: new Set<string>(),
    };
    e.values += 1;
    e.periods.add(r.period);
    e.categories.add(r.disaggregation ?? 'total');
    byElement.set(r.element, e);
    if (retired.has(r.geoCode) && !oldCodes.has(r.geoCode))
      oldCodes.set(
        r.geoCode,
        resolveCode(r.geoCode, history, geographyDate(r.period, settings.geoVintage)).map((t) => t.code),
      );
  }
  const label = (code: string) => {
    const e = known.get(code);
    if (!e) return null;
    return (lang === 'nl' ? e.label_nl : lang === 'en' ? (e.label_en ?? e.label_fr) : e.label_fr) || e.code;
  };
  const view: ImportPreviewView = {
    ...base,
    format,
    mapping: { ...mapping, format },
    savedMapping: saved !== null,
    elements: [...byElement.entries()].map(([code, e]) => ({
      code,
      label: label(code),
      exists: known.has(code),
      values: e.values,
      periods: [...e.periods].sort(),
      disaggregations: [...e.categories].sort(compareDisaggregations),
    })),
    values: parsed.rows.length,
    secret: parsed.stats.secret,
    territories: new Set(parsed.rows.map((r) => r.geoCode)).size,
    skippedUnknown: parsed.stats.skippedUnknown,
    replaces: held.get(orgId) ?? 0,
    sample: parsed.rows.slice(0, SAMPLE).map((r) => ({
      line: r.line,
      geoCode: r.geoCode,
      period: r.period,
      element: r.element,
      disaggregation: r.disaggregation ?? 'total',
      value: r.value,
      secret: r.secret,
      ...(oldCodes.has(r.geoCode) ? { mappedTo: oldCodes.get(r.geoCode)! } : {}),
    })),
    oldCodes: [...oldCodes].slice(0, MAX_PROBLEMS).map(([code, mappedTo]) => ({ code, mappedTo })),
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount,
  };
  return {
    view,
    rows: parsed.rows,
    mapping: view.mapping,
    key,
    elementIds: new Map([...known.values()].map((e) => [e.code, e.id])),
  };
}

/** What the import would write, and every problem; nothing is written. */
export async function previewImport(trx: Tx, actor: Actor, file: UploadedFile, settings: ImportSettings) {
  return (await read(trx, actor, file, settings)).view;
}

/** Writes the whole file, or nothing: any problem refuses it with the same list the preview gives. */
export async function commitImport(
  trx: Tx,
  actor: Actor,
  file: UploadedFile,
  settings: ImportSettings,
): Promise<ImportCommitView> {
  const r = await read(trx, actor, file, settings);
  const orgId = actor.orgId as string;
  if (r.view.problemCount > 0 || !r.mapping || !r.key || !r.view.format)
    throw new AppError(
      400,
      'observatory.errors.import_refused',
      { n: r.view.problemCount },
      // Each problem as a field error the error handler translates again: its catalogue key and parameters
      // (a bare parser code such as 'invalid_number' is no key, and would reach the user untranslated).
      r.view.problems.map((p) => {
        const m = messageOf.get(p);
        return {
          path: `line.${p.line}${p.column ? `.${p.column}` : ''}`,
          code: m?.key ?? p.code,
          ...(m ? { params: m.params } : {}),
        };
      }),
    );
  const vintage = settings.vintage.trim();
  // A blank cell is no data (nothing stored); a withheld one is kept as the source's secret.
  const kept = r.rows.filter((row) => row.value !== null || row.secret);
  const imp = await trx
    .insertInto('obs_imports')
    .values({
      org_id: orgId,
      format: r.view.format,
      filename: file.filename.slice(0, 300) || 'file',
      checksum: r.view.checksum,
      vintage,
      geo_vintage: settings.geoVintage?.trim() || null,
      mapping: JSON.stringify(r.mapping),
      value_count: kept.length,
      imported_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const replaced = await store.deleteVintage(trx, orgId, [...r.elementIds.values()], vintage);
  await store.insertValues(
    trx,
    kept.map((row) => ({
      element_id: r.elementIds.get(row.element)!,
      geo_code: row.geoCode,
      period: row.period,
      disaggregation: row.disaggregation ?? 'total',
      vintage,
      value: row.value,
      secret: row.secret,
      org_id: orgId,
      import_id: imp.id,
    })),
  );
  await store.saveMapping(trx, orgId, r.key, r.mapping, actor.userId);
  return { importId: imp.id, values: kept.length, replaced };
}
