/**
 * Reading an uploaded file as a table: the header (recognised with header.ts) and then the records, in
 * batches, without holding the file in memory.
 *
 * - Text files are decoded chunk by chunk (decode.ts) and split by csv-parse, portion by portion.
 * - XLSX workbooks are read by exceljs's streaming reader; the first sheet whose first 30 rows hold a
 *   recognised header is used (rows above it are taken as the title: WalStat puts the indicator's name
 *   there).
 * - Old binary XLS and OpenDocument spreadsheets are refused with `unsupported_spreadsheet` (exceljs reads
 *   neither): save them as XLSX or CSV.
 *
 * Problems met after the header (bad bytes, a broken quote, a truncated workbook) are passed to `report`;
 * the records then stop.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { CsvError } from 'csv-parse';
import { parse as csvParseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { StreamingTextDecoder, type TextEncodingName } from './decode';
import { detectTextHeader, type HeaderRecognition, recogniseHeader } from './header';
import type { ImportError } from './types';
import type { CellValue } from './values';

/** A file held in memory, or one that can be opened as a stream of bytes (any number of times). */
export type ImportSource = Uint8Array | ImportStreamSource;

export interface ImportStreamSource {
  open(): AsyncIterable<Uint8Array | string>;
  /** Size in bytes, for progress; unknown when absent. */
  size?: number;
}

/** A file on disk (an upload spooled to a temporary file) as a source. */
export async function fileSource(path: string): Promise<ImportStreamSource> {
  const { size } = await stat(path);
  return { size, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

export function sourceSize(source: ImportSource): number | null {
  return source instanceof Uint8Array ? source.length : (source.size ?? null);
}

const CHUNK = 64 * 1024;

async function* chunksOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

/** The bytes of a source, counted as they are read, with a look at the first ones. */
class ByteStream implements AsyncIterable<Uint8Array> {
  bytesRead = 0;
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private readonly pending: Uint8Array[] = [];
  private done = false;

  constructor(
    source: ImportSource,
    private readonly onBytes?: (bytesRead: number) => void,
  ) {
    const iterable = source instanceof Uint8Array ? chunksOf(source) : source.open();
    this.iterator = iterable[Symbol.asyncIterator]();
  }

  private async pull(): Promise<Uint8Array | null> {
    if (this.done) return null;
    const r = await this.iterator.next();
    if (r.done) {
      this.done = true;
      return null;
    }
    const chunk = typeof r.value === 'string' ? new TextEncoder().encode(r.value) : r.value;
    this.bytesRead += chunk.length;
    this.onBytes?.(this.bytesRead);
    return chunk;
  }

  /** The first `n` bytes (fewer at the end of the file), kept for the iteration. */
  async peek(n: number): Promise<Uint8Array> {
    let have = this.pending.reduce((s, c) => s + c.length, 0);
    while (have < n) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.pending.push(chunk);
      have += chunk.length;
    }
    return Buffer.concat(this.pending).subarray(0, n);
  }

  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    try {
      while (this.pending.length > 0) yield this.pending.shift()!;
      for (let chunk = await this.pull(); chunk; chunk = await this.pull()) yield chunk;
    } finally {
      await this.close();
    }
  }
}

export interface TableRecord {
  /** 1-based line of a text file, row number of a spreadsheet. */
  line: number;
  cells: CellValue[];
}

export type Container = 'text' | 'xlsx';

export interface TableHeader {
  container: Container | null;
  /** Text files. */
  encoding?: TextEncodingName;
  bom?: boolean;
  delimiter?: string;
  /** Spreadsheets: the sheet used and the text above its header. */
  sheet?: string;
  title?: string;
  /** Line (text) or row (spreadsheet) of the header. */
  headerLine: number;
  columns: string[];
  recognition: HeaderRecognition | null;
  /** Problems found before the first record; when not empty there are no records. */
  errors: ImportError[];
}

export interface OpenedTable {
  header: TableHeader;
  /** The records after the header, a few thousand at a time. */
  batches: AsyncIterable<TableRecord[]>;
  /** Releases the source when the records are not read to the end. */
  close(): Promise<void>;
}

export interface TableOptions {
  onBytes?: (bytesRead: number) => void;
  /** A spreadsheet whose reader makes no progress this long is refused as damaged (default 10 s). */
  stallMs?: number;
  /** Receives problems met while reading the records. */
  report?: (error: ImportError) => void;
}

const HEADER_SCAN_ROWS = 30;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function* noRecords(): AsyncIterable<TableRecord[]> {}

/** Opens a source: reads up to its header, recognises it, and returns the records that follow. */
export async function openTable(source: ImportSource, options: TableOptions = {}): Promise<OpenedTable> {
  const bytes = new ByteStream(source, options.onBytes);
  const report = options.report ?? (() => {});
  const head = await bytes.peek(512);
  const refused = async (error: ImportError, container: Container | null = null): Promise<OpenedTable> => {
    await bytes.close();
    return {
      header: { container, headerLine: 1, columns: [], recognition: null, errors: [error] },
      batches: noRecords(),
      close: async () => {},
    };
  };
  if (head.length === 0) return refused({ line: 1, code: 'empty_file' });
  if (startsWith(head, OLE2)) return refused({ line: 1, code: 'unsupported_spreadsheet', value: 'XLS' });
  if (startsWith(head, ZIP)) {
    // OpenDocument puts its uncompressed "mimetype" entry first.
    if (Buffer.from(head).toString('latin1').includes('application/vnd.oasis.opendocument')) {
      return refused({ line: 1, code: 'unsupported_spreadsheet', value: 'ODS' }, 'xlsx');
    }
    return openXlsx(bytes, report, options.stallMs ?? XLSX_STALL_MS);
  }
  return openText(bytes, report);
}

// ---------------------------------------------------------------------------------------------------------
// Text

async function openText(bytes: ByteStream, report: (e: ImportError) => void): Promise<OpenedTable> {
  const decoder = new StreamingTextDecoder();
  const iterator = bytes[Symbol.asyncIterator]();
  let text = '';
  let ended = false;
  // Decode until the first non-blank line is complete.
  let headerStart = 0;
  let headerLine = 1;
  for (;;) {
    let newline = text.indexOf('\n', headerStart);
    while (newline !== -1 && text.slice(headerStart, newline).trim() === '') {
      headerStart = newline + 1;
      headerLine++;
      newline = text.indexOf('\n', headerStart);
    }
    if (newline !== -1 || ended || decoder.error) break;
    const r = await iterator.next();
    if (r.done) {
      text += decoder.end();
      ended = true;
    } else text += decoder.write(r.value);
  }
  const base = {
    container: 'text' as const,
    encoding: decoder.encoding,
    bom: decoder.bom,
    headerLine,
  };
  const close = async () => {
    await iterator.return?.();
  };
  if (decoder.error) {
    await close();
    return {
      header: { ...base, columns: [], recognition: null, errors: [decoder.error] },
      batches: noRecords(),
      close,
    };
  }
  const newline = text.indexOf('\n', headerStart);
  const line = text.slice(headerStart, newline === -1 ? text.length : newline).replace(/\r$/, '');
  if (line.trim() === '') {
    await close();
    return {
      header: { ...base, columns: [], recognition: null, errors: [{ line: 1, code: 'empty_file' }] },
      batches: noRecords(),
      close,
    };
  }
  const detected = detectTextHeader(line);
  const header: TableHeader = {
    ...base,
    ...(detected.delimiter ? { delimiter: detected.delimiter } : {}),
    columns: detected.columns,
    recognition: detected.recognition,
    errors: [],
  };
  if (detected.wrongDelimiter !== undefined) {
    // A tab is invisible in a message: the catalogue words it.
    const value = detected.wrongDelimiter === '\t' ? 'tab' : detected.wrongDelimiter;
    header.errors.push({ line: headerLine, code: 'wrong_separator', value });
  } else if (!detected.recognition) {
    header.errors.push({ line: headerLine, code: 'unknown_format' });
  }
  if (header.errors.length > 0) {
    await close();
    return { header, batches: noRecords(), close };
  }

  const delimiter = detected.delimiter ?? ';';
  const csvOptions = {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  } as const;

  /**
   * The text is parsed in portions that end at a line break outside quotes, so that csv-parse runs
   * synchronously on each (one await per portion, not per line: several times faster on long files).
   * The scan also remembers where the quote still open was opened: csv-parse only says where the text
   * ended.
   */
  let pending = text.slice(headerStart);
  let pendingLine = headerLine; // file line of pending's first character
  let scanned = 0; // pending[0..scanned) was scanned
  let scanLine = headerLine;
  let quoteLine = 0; // line of the open quote, 0 when none
  let cut = 0; // pending[0..cut) ends at a line break outside quotes
  let cutLine = headerLine; // file line just after the cut
  let skipHeader = true;
  const QUOTE_OR_NEWLINE = /["\n]/g;
  const scan = () => {
    QUOTE_OR_NEWLINE.lastIndex = scanned;
    for (let m = QUOTE_OR_NEWLINE.exec(pending); m; m = QUOTE_OR_NEWLINE.exec(pending)) {
      if (m[0] === '"') quoteLine = quoteLine === 0 ? scanLine : 0;
      else {
        scanLine++;
        if (quoteLine === 0) {
          cut = m.index + 1;
          cutLine = scanLine;
        }
      }
    }
    scanned = pending.length;
  };

  /** Parses pending[0..end); null after a CSV error (reported). */
  const parsePortion = (end: number): TableRecord[] | null => {
    const portion = pending.slice(0, end);
    const firstLine = pendingLine;
    if (!portion.includes('"') && !LONE_CR.test(portion)) {
      const records = splitPlain(portion, delimiter, firstLine, skipHeader);
      skipHeader = false;
      return records;
    }
    let parsed: Array<{ record: string[]; info: { lines: number } }>;
    try {
      parsed = csvParseSync(portion, {
        ...csvOptions,
        from_line: skipHeader ? 2 : 1,
      }) as unknown as typeof parsed;
    } catch (e) {
      const error = e as CsvError;
      const line =
        error.code === 'CSV_QUOTE_NOT_CLOSED' && quoteLine > 0
          ? quoteLine
          : (typeof error.lines === 'number' ? error.lines : 1) + firstLine - 1;
      report({ line, code: 'invalid_csv' });
      return null;
    }
    skipHeader = false;
    const out: TableRecord[] = new Array(parsed.length);
    for (let i = 0; i < parsed.length; i++) {
      const { record, info } = parsed[i]!;
      // info.lines is where the record ends; a quoted field may span lines.
      let newlines = 0;
      for (const v of record) if (v.includes('\n')) newlines += v.split('\n').length - 1;
      out[i] = { line: info.lines - newlines + firstLine - 1, cells: record };
    }
    return out;
  };

  const PORTION = 256 * 1024;
  async function* batches(): AsyncIterable<TableRecord[]> {
    try {
      scan();
      let done = ended;
      while (!done) {
        const r = await iterator.next();
        if (r.done) {
          pending += decoder.end();
          done = true;
        } else {
          pending += decoder.write(r.value);
        }
        scan();
        if (decoder.error) break;
        if (cut >= PORTION) {
          const records = parsePortion(cut);
          if (!records) return;
          pending = pending.slice(cut);
          pendingLine = cutLine;
          scanned -= cut;
          cut = 0;
          if (records.length > 0) yield records;
        }
      }
      if (decoder.error) {
        // Keep the complete lines before the bad byte; what follows it is not text.
        const records = parsePortion(cut);
        report(decoder.error);
        const before = records?.filter((r) => r.line < decoder.error!.line) ?? [];
        if (before.length > 0) yield before;
        return;
      }
      if (pending.trim() !== '') {
        const records = parsePortion(pending.length);
        if (records && records.length > 0) yield records;
      }
    } finally {
      await close();
    }
  }

  return { header, batches: batches(), close };
}

const LONE_CR = /\r(?!\n)/;

/**
 * Splits text without any quote character into records, as csv-parse would (line breaks \n or \r\n, empty
 * lines skipped) but many times faster: official files (INSEE, Statbel) never quote.
 */
export function splitPlain(
  text: string,
  delimiter: string,
  firstLine: number,
  skipFirst: boolean,
): TableRecord[] {
  const out: TableRecord[] = [];
  let start = 0;
  let line = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start && !(skipFirst && line === firstLine)) {
      out.push({ line, cells: text.slice(start, stop).split(delimiter) });
    }
    start = end + 1;
    line++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

type RawCell = ExcelJS.CellValue | undefined;

/** An exceljs cell value → a plain cell: rich text joined, formulas by their result, links by their text. */
export function plainCell(value: RawCell): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      return plainCell((value as { result?: RawCell }).result as RawCell);
    }
    if ('text' in value) return plainCell((value as { text: RawCell }).text);
  }
  return null;
}

function headerText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function rowCells(values: unknown): CellValue[] {
  // exceljs rows are 1-based sparse arrays.
  const arr = Array.isArray(values) ? (values as RawCell[]) : [];
  const out: CellValue[] = [];
  for (let i = 1; i < arr.length; i++) out.push(plainCell(arr[i]));
  return out;
}

const XLSX_STALL_MS = 10_000;

class StalledSpreadsheet extends Error {}

/**
 * Some damaged zips make the streaming reader stop without an error or an end (fuzzing found workbooks
 * with a few flipped bytes whose import never answered). Every wait on the reader is raced against the
 * time since anything happened: a byte read, a sheet or a row given.
 */
function progressWatch(stallMs: number) {
  let last = Date.now();
  return {
    touch: () => {
      last = Date.now();
    },
    async guard<T>(pending: Promise<T>): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        const check = () => {
          const idle = Date.now() - last;
          if (idle >= stallMs) reject(new StalledSpreadsheet());
          else timer = setTimeout(check, stallMs - idle);
        };
        timer = setTimeout(check, stallMs);
      });
      try {
        const value = await Promise.race([pending, stalled]);
        last = Date.now();
        return value;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function openXlsx(
  bytes: ByteStream,
  report: (e: ImportError) => void,
  stallMs: number,
): Promise<OpenedTable> {
  const watch = progressWatch(stallMs);
  // The zip reader wants Buffers, not objects.
  async function* buffers(): AsyncIterable<Buffer> {
    for await (const chunk of bytes) {
      watch.touch();
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  const input = Readable.from(buffers(), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // dates come as Date only with the styles
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const close = async () => {
    input.destroy();
    await bytes.close();
  };
  const failed = async (error: ImportError): Promise<OpenedTable> => {
    await close();
    return {
      header: { container: 'xlsx', headerLine: 1, columns: [], recognition: null, errors: [error] },
      batches: noRecords(),
      close,
    };
  };

  const sheets = reader[Symbol.asyncIterator]();
  try {
    for (let s = await watch.guard(sheets.next()); !s.done; s = await watch.guard(sheets.next())) {
      const sheet = s.value;
      const rows = sheet[Symbol.asyncIterator]();
      const seen: TableRecord[] = [];
      for (
        let r = await watch.guard(rows.next());
        !r.done && seen.length < HEADER_SCAN_ROWS;
        r = await watch.guard(rows.next())
      ) {
        const record = { line: r.value.number, cells: rowCells(r.value.values) };
        seen.push(record);
        const columns = record.cells.map(headerText);
        const recognition = recogniseHeader(columns);
        if (!recognition) continue;
        const title = seen
          .slice(0, -1)
          .map((x) => x.cells.map(headerText).find((t) => t !== '') ?? '')
          .filter((t) => t !== '')
          .join(' — ');
        const header: TableHeader = {
          container: 'xlsx',
          sheet: (sheet as unknown as { name?: string }).name ?? '',
          ...(title ? { title } : {}),
          headerLine: record.line,
          columns,
          recognition,
          errors: [],
        };
        async function* batches(): AsyncIterable<TableRecord[]> {
          let batch: TableRecord[] = [];
          try {
            for (
              let next = await watch.guard(rows.next());
              !next.done;
              next = await watch.guard(rows.next())
            ) {
              batch.push({ line: next.value.number, cells: rowCells(next.value.values) });
              if (batch.length >= 1000) {
                yield batch;
                batch = [];
              }
            }
          } catch {
            report({ line: 1, code: 'invalid_spreadsheet' });
          } finally {
            await close();
          }
          if (batch.length > 0) yield batch;
        }
        return { header, batches: batches(), close };
      }
      // No header in this sheet's first rows: the reader moves on to the next sheet.
    }
  } catch {
    return failed({ line: 1, code: 'invalid_spreadsheet' });
  }
  return failed({ line: 1, code: 'unknown_format' });
}
