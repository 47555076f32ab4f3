/**
 * Bytes → text for the observatory's text files (INSEE, CAF, Statbel TXT, long CSV).
 *
 * - UTF-8, with or without BOM (the BOM is dropped and reported);
 * - UTF-16 LE/BE when the file starts with their BOM (Excel's "Unicode text" export);
 * - otherwise Windows-1252 (the superset of Latin-1 that INSEE's and Excel's "CSV (;)" files use) when the
 *   bytes are not valid UTF-8.
 *
 * The decoder streams: it starts as UTF-8 and switches to Windows-1252 at the first invalid sequence as
 * long as everything before was ASCII (identical in both encodings, so nothing already emitted changes).
 * Invalid UTF-8 after valid non-ASCII UTF-8 is a file mixing two encodings: an `invalid_encoding` error at
 * the line of the first bad byte. NUL bytes without a UTF-16 BOM mean a binary file: `invalid_encoding`.
 */
import type { ImportError } from './types';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The file started with a byte order mark. */
  bom: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Offset of the first byte that does not start a valid UTF-8 sequence, or -1; and whether a valid
 * multi-byte sequence came before it. `bytes` must not end inside a sequence (see {@link completeLength}).
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; nonAsciiBefore: boolean } {
  let nonAsciiBefore = false;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { offset: i, nonAsciiBefore };
    if (i + need >= n) return { offset: i, nonAsciiBefore }; // cut short by the end of the bytes
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return { offset: i, nonAsciiBefore };
    }
    nonAsciiBefore = true;
    i += need + 1;
  }
  return { offset: -1, nonAsciiBefore };
}

/**
 * Length of the prefix of `bytes` that does not end inside a UTF-8 sequence: a lead byte near the end
 * whose continuation bytes have not arrived yet is held back for the next chunk.
 */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? n - back : n;
  }
  return n;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let lines = 0;
  let i = bytes.indexOf(10);
  while (i !== -1 && i < end) {
    lines++;
    i = bytes.indexOf(10, i + 1);
  }
  return lines;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Incremental decoder: feed chunks with {@link write}, then call {@link end}. At a bad byte `error` is
 * set, the call returns the text before that byte, and nothing more is decoded.
 */
export class StreamingTextDecoder {
  encoding: TextEncodingName = 'utf-8';
  bom = false;
  error: ImportError | null = null;

  private started = false;
  private head: Uint8Array = new Uint8Array(0);
  private carry: Uint8Array = new Uint8Array(0);
  private sawNonAscii = false;
  /** 1-based line at the start of the bytes not yet decoded (UTF-8 mode only, to locate an error). */
  private line = 1;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private other: TextDecoder | null = null;

  write(chunk: Uint8Array): string {
    if (this.error || chunk.length === 0) return '';
    if (!this.started) {
      // Wait for enough bytes to see a BOM.
      this.head = concat(this.head, chunk);
      if (this.head.length < 3) return '';
      return this.start(this.head, false);
    }
    return this.decode(chunk, false);
  }

  end(): string {
    if (this.error) return '';
    if (!this.started) return this.start(this.head, true);
    return this.decode(new Uint8Array(0), true);
  }

  private start(bytes: Uint8Array, last: boolean): string {
    this.started = true;
    this.head = new Uint8Array(0);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.bom = true;
      bytes = bytes.subarray(3);
    } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      this.bom = true;
      this.encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      this.other = new TextDecoder(this.encoding, { ignoreBOM: true });
      bytes = bytes.subarray(2);
    } else if (bytes.subarray(0, 65536).includes(0)) {
      this.error = { line: 1, code: 'invalid_encoding' };
      return '';
    }
    return this.decode(bytes, last);
  }

  private decode(chunk: Uint8Array, last: boolean): string {
    if (this.other) return this.other.decode(chunk, { stream: !last });
    const bytes = concat(this.carry, chunk);
    const usable = last ? bytes.length : completeLength(bytes);
    this.carry = bytes.slice(usable);
    const part = bytes.subarray(0, usable);
    try {
      const text = this.utf8.decode(part);
      if (!this.sawNonAscii && NON_ASCII.test(text)) this.sawNonAscii = true;
      this.line += countNewlines(part, part.length);
      return text;
    } catch {
      const { offset, nonAsciiBefore } = firstInvalidUtf8(part);
      if (!this.sawNonAscii && !nonAsciiBefore) {
        // Everything so far was ASCII: the file is in a single-byte encoding from the start.
        this.encoding = 'windows-1252';
        this.other = new TextDecoder('windows-1252');
        const carried = this.carry;
        this.carry = new Uint8Array(0);
        return this.other.decode(concat(part, carried), { stream: !last });
      }
      this.error = {
        line: this.line + countNewlines(part, Math.max(offset, 0)),
        code: 'invalid_encoding',
      };
      // The text before the bad byte is good: the caller may keep its complete lines.
      return offset > 0 ? this.utf8.decode(part.subarray(0, offset)) : '';
    }
  }
}

/** Decodes a whole buffer (see the module comment). */
export function decodeBytes(bytes: Uint8Array): DecodedText | { error: ImportError } {
  const decoder = new StreamingTextDecoder();
  const text = decoder.write(bytes) + decoder.end();
  if (decoder.error) return { error: decoder.error };
  return { text, encoding: decoder.encoding, bom: decoder.bom };
}
