/**
 * What is this file? Reads only the beginning of a source (the first line of a text file, the first rows
 * of a workbook's sheets), recognises the format from the header (rules in header.ts) and proposes a
 * mapping (mapping.ts). Problems that make the file unreadable are returned as errors, never thrown.
 */
import type { TextEncodingName } from './decode';
import type { HeaderRecognition } from './header';
import { suggestMapping } from './mapping';
import { type Container, type ImportSource, openTable } from './table';
import type { ImportError, ImportFormat, ImportLayout, ImportMapping } from './types';

export interface FileDetection {
  /** null when the file was not recognised (see `errors`). */
  format: ImportFormat | null;
  layout: ImportLayout | null;
  container: Container | null;
  encoding?: TextEncodingName;
  bom?: boolean;
  delimiter?: string;
  sheet?: string;
  title?: string;
  headerLine: number;
  /** The header's cells as written in the file. */
  columns: string[];
  geoColumn?: string;
  periodColumn?: string;
  elementColumn?: string;
  valueColumn?: string;
  /** IWEPS wide layout: the columns whose header is a period. */
  periodColumns?: string[];
  /** A mapping to propose, when the format is recognised. */
  suggestedMapping: ImportMapping | null;
  errors: ImportError[];
}

function columnsOf(r: HeaderRecognition | null): Partial<FileDetection> {
  if (!r) return {};
  return {
    geoColumn: r.geoColumn,
    ...(r.periodColumn ? { periodColumn: r.periodColumn } : {}),
    ...(r.elementColumn ? { elementColumn: r.elementColumn } : {}),
    ...(r.valueColumn ? { valueColumn: r.valueColumn } : {}),
    ...(r.periodColumns ? { periodColumns: r.periodColumns } : {}),
  };
}

/** Recognises a file from its header; `fileName` helps date files that carry no period (CAF). */
export async function detectFile(
  source: ImportSource,
  options: { fileName?: string } = {},
): Promise<FileDetection> {
  const table = await openTable(source);
  await table.close();
  const h = table.header;
  const recognition = h.errors.length === 0 ? h.recognition : null;
  // A header recognised with the wrong separator still names its format, so the error can say which.
  const format = h.recognition?.format ?? null;
  return {
    format,
    layout: h.recognition?.layout ?? null,
    container: h.container,
    ...(h.encoding ? { encoding: h.encoding, bom: h.bom ?? false } : {}),
    ...(h.delimiter ? { delimiter: h.delimiter } : {}),
    ...(h.sheet !== undefined ? { sheet: h.sheet } : {}),
    ...(h.title ? { title: h.title } : {}),
    headerLine: h.headerLine,
    columns: h.columns,
    ...columnsOf(h.recognition),
    suggestedMapping: recognition
      ? suggestMapping(recognition.format, h.columns, {
          ...(options.fileName ? { fileName: options.fileName } : {}),
          ...(h.title ? { title: h.title } : {}),
        })
      : null,
    errors: h.errors,
  };
}
