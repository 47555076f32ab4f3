import fc from 'fast-check';
import { HOSTILE_SAMPLES, hostileString } from './hostile';

/**
 * Files as a careless exporter or an attacker makes them, derived from a valid one: truncated, bytes
 * flipped, re-encoded (Latin-1, UTF-16 with BOM), a cell replaced by hostile text, a line cut or doubled,
 * a cell of a megabyte, or nothing of the original at all.
 */
export interface FileCase {
  bytes: Buffer;
  how: string;
}

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

/** Replaces the n-th cell (separator-split) of a text file by `text`. */
function replaceCell(src: string, n: number, text: string, separators = /[;,\t]/): string {
  const lines = src.split('\n');
  const li = lines.length > 1 ? 1 + (n % (lines.length - 1)) : 0;
  const cells = lines[li]!.split(separators);
  cells[n % cells.length] = text;
  const sep = /;/.test(lines[li]!) ? ';' : /\t/.test(lines[li]!) ? '\t' : ',';
  lines[li] = cells.join(sep);
  return lines.join('\n');
}

export function fileCases(valid: Buffer, options: { text: boolean }): fc.Arbitrary<FileCase> {
  const text = valid.toString('utf8');
  const cases: fc.Arbitrary<FileCase>[] = [
    fc.nat(valid.length).map((n) => ({ bytes: valid.subarray(0, n), how: `truncated at ${n}` })),
    fc
      .array(fc.tuple(fc.nat(Math.max(0, valid.length - 1)), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((flips) => {
        const b = Buffer.from(valid);
        for (const [i, v] of flips) b[i] = v;
        return { bytes: b, how: `bytes flipped ${JSON.stringify(flips)}` };
      }),
    fc.uint8Array({ maxLength: 2000 }).map((a) => ({ bytes: Buffer.from(a), how: 'random bytes' })),
    fc.constantFrom(
      { bytes: Buffer.alloc(0), how: 'empty' },
      { bytes: Buffer.from('\uFEFF'), how: 'a BOM only' },
      { bytes: Buffer.from('PK\u0003\u0004garbage-not-a-zip'), how: 'zip signature, not a zip' },
      { bytes: Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), how: 'a PDF' },
      { bytes: Buffer.from('<?xml version="1.0"?><a/>'), how: 'XML' },
      { bytes: Buffer.from('\n\n\n;;;\n,,,\n'), how: 'separators only' },
    ),
  ];
  if (options.text)
    cases.push(
      fc.constant({ bytes: Buffer.from(text, 'latin1'), how: 'Latin-1' }),
      fc.constant({ bytes: utf16le(text), how: 'UTF-16 LE with BOM' }),
      fc.constant({ bytes: utf16be(text), how: 'UTF-16 BE with BOM' }),
      fc.constant({ bytes: Buffer.from(text.replace(/\n/g, '\r')), how: 'CR line ends' }),
      fc.tuple(fc.nat(200), fc.oneof(hostileString, fc.constantFrom(...HOSTILE_SAMPLES))).map(([n, s]) => ({
        bytes: Buffer.from(replaceCell(text, n, s)),
        how: `cell ${n} = ${JSON.stringify(s.slice(0, 60))}`,
      })),
      fc.nat(200).map((n) => ({
        bytes: Buffer.from(replaceCell(text, n, 'x'.repeat(300_000))),
        how: `cell ${n} of 300 kB`,
      })),
      fc.nat(200).map((n) => ({
        bytes: Buffer.from(replaceCell(text, n, '"unclosed')),
        how: `cell ${n} with an unclosed quote`,
      })),
      fc.nat(50).map((n) => {
        const lines = text.split('\n');
        lines.splice(n % lines.length, 1);
        return { bytes: Buffer.from(lines.join('\n')), how: `line ${n % lines.length} removed` };
      }),
      fc.nat(50).map((n) => {
        const lines = text.split('\n');
        const i = n % lines.length;
        lines.splice(i, 0, lines[i]!);
        return { bytes: Buffer.from(lines.join('\n')), how: `line ${i} doubled` };
      }),
    );
  return fc.oneof(...cases);
}

/** Every path into a JSON document (keys and indexes), up to a depth. */
function jsonPaths(
  v: unknown,
  at: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
  depth = 0,
) {
  out.push(at);
  if (depth > 8 || typeof v !== 'object' || v === null) return out;
  for (const [k, x] of Object.entries(v))
    jsonPaths(x, [...at, Array.isArray(v) ? Number(k) : k], out, depth + 1);
  return out;
}

/** A JSON document with one node replaced by a value of the wrong kind. */
export function jsonNodeReplaced(doc: unknown, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<FileCase> {
  const paths = jsonPaths(doc).filter((p) => p.length > 0);
  return fc.tuple(fc.constantFrom(...paths), wrong).map(([path, value]) => {
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    let cur = copy;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    cur[path[path.length - 1]!] = value;
    return {
      bytes: Buffer.from(JSON.stringify(copy)),
      how: `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)}`,
    };
  });
}
