import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8, StreamingTextDecoder } from './decode';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/** Decodes `bytes` fed in chunks of `size` bytes. */
function streamed(bytes: Uint8Array, size: number) {
  const d = new StreamingTextDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
  text += d.end();
  return { text, encoding: d.encoding, bom: d.bom, error: d.error };
}

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(utf8('CODGEO;LIBGEO\n59410;Mons-en-Barœul\n'))).toEqual({
      text: 'CODGEO;LIBGEO\n59410;Mons-en-Barœul\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('drops and reports a UTF-8 BOM', () => {
    const r = decodeBytes(fixture('insee-rp-2021-utf8-bom.csv'));
    expect(r).toMatchObject({ encoding: 'utf-8', bom: true });
    expect('text' in r && r.text.startsWith('CODGEO;')).toBe(true);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (INSEE Filosofi file)', () => {
    const r = decodeBytes(fixture('insee-filosofi-2021-latin1.csv'));
    expect(r).toMatchObject({ encoding: 'windows-1252', bom: false });
    // œ is 0x9C in Windows-1252 (absent from ISO-8859-1), û and é are shared.
    expect('text' in r && r.text).toContain('59410;Mons-en-Barœul;');
    expect('text' in r && r.text).toContain('59152;Deûlémont;');
  });

  it('reads UTF-16 with its BOM (Excel "Unicode text")', () => {
    const text = 'geo\tperiod\telement\tvalue\nFR-59350\t2021\tMED\t20150\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + 2 * i] = text.charCodeAt(i);
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le', bom: true });
  });

  it('refuses a file mixing UTF-8 and Latin-1, at the line of the first bad byte', () => {
    expect(decodeBytes(fixture('insee-mixed-encoding.csv'))).toEqual({
      error: { line: 4, code: 'invalid_encoding' },
    });
  });

  it('refuses binary content (NUL bytes without a UTF-16 BOM)', () => {
    expect(decodeBytes(Uint8Array.from([0x43, 0x4f, 0, 0x44, 0x47]))).toEqual({
      error: { line: 1, code: 'invalid_encoding' },
    });
  });

  it('reads an empty buffer as empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('StreamingTextDecoder', () => {
  it('joins a UTF-8 character cut between two chunks', () => {
    const bytes = utf8('a;Barœul;é\n');
    for (const size of [1, 2, 3, 5])
      expect(streamed(bytes, size)).toMatchObject({ text: 'a;Barœul;é\n', encoding: 'utf-8' });
  });

  it('switches to Windows-1252 at the first bad byte when all before was ASCII, even chunks later', () => {
    const bytes = latin1(`${'CODGEO;LIBGEO\n59350;Lille\n'.repeat(20)}59152;Deûlémont\n`);
    const r = streamed(bytes, 16);
    expect(r.error).toBeNull();
    expect(r.encoding).toBe('windows-1252');
    expect(r.text.endsWith('59152;Deûlémont\n')).toBe(true);
  });

  it('reports the line of a bad byte after valid UTF-8 when streaming', () => {
    const bytes = new Uint8Array([...utf8('h\né\nx\n'), ...latin1('y\nDeûlémont\n')]);
    expect(streamed(bytes, 4).error).toEqual({ line: 5, code: 'invalid_encoding' });
  });

  it('treats a BOM followed by Latin-1 bytes as Latin-1 (the BOM is no content)', () => {
    const r = streamed(new Uint8Array([0xef, 0xbb, 0xbf, ...latin1('Deûlémont\n')]), 2);
    expect(r).toMatchObject({ text: 'Deûlémont\n', encoding: 'windows-1252', bom: true, error: null });
  });

  it('refuses a UTF-8 sequence cut short by the end of the file when non-ASCII came before', () => {
    const bytes = new Uint8Array([...utf8('é\n'), 0xc3]);
    expect(streamed(bytes, 1).error).toEqual({ line: 2, code: 'invalid_encoding' });
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong forms, surrogates and stray continuation bytes', () => {
    expect(firstInvalidUtf8(utf8('abc'))).toEqual({ offset: -1, nonAsciiBefore: false });
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toEqual({
      offset: 1,
      nonAsciiBefore: false,
    });
    expect(firstInvalidUtf8(Uint8Array.from([0xc3, 0xa9, 0xed, 0xa0, 0x80]))).toEqual({
      offset: 2,
      nonAsciiBefore: true,
    });
    expect(firstInvalidUtf8(Uint8Array.from([0x80]))).toEqual({ offset: 0, nonAsciiBefore: false });
  });
});
