import { describe, expect, it } from 'vitest';
import { checkDocument, DOCUMENT_MAX_BYTES, safeFilename } from './programme-documents';

const bytes = (...b: number[]) => new Uint8Array([...b, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');

describe('checkDocument', () => {
  it('accepts PDF, office files and images whose bytes match their extension', () => {
    expect(checkDocument('Convention.PDF', PDF)).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      filename: 'Convention.PDF',
    });
    expect(checkDocument('budget.xlsx', ZIP)).toMatchObject({
      ok: true,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(checkDocument('photo.png', PNG)).toMatchObject({ ok: true, mediaType: 'image/png' });
  });

  it('refuses a page disguised as a PDF, a type not on the list, and a file without extension', () => {
    const type = { ok: false, code: 'network.programmes.errors.document_type' };
    expect(checkDocument('convention.pdf', HTML)).toEqual(type);
    expect(checkDocument('page.html', HTML)).toEqual(type);
    expect(checkDocument('dessin.svg', HTML)).toEqual(type);
    expect(checkDocument('budget.xlsx', PDF)).toEqual(type);
    expect(checkDocument('convention', PDF)).toEqual(type);
  });

  it('refuses an empty file and one over 10 MB', () => {
    const size = { ok: false, code: 'network.programmes.errors.document_size' };
    expect(checkDocument('a.pdf', new Uint8Array())).toEqual(size);
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkDocument('a.pdf', big)).toEqual(size);
  });
});

describe('safeFilename', () => {
  it('keeps the last path segment and replaces what a header or a file system would misread', () => {
    expect(safeFilename('C:\\temp\\..\\convention.pdf')).toBe('convention.pdf');
    expect(safeFilename('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFilename('a"b;\r\nc.pdf')).toBe('a_b___c.pdf');
    expect(safeFilename('Arrêté ministériel.pdf')).toBe('Arrêté ministériel.pdf');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const s = safeFilename(`${'x'.repeat(300)}.docx`);
    expect(s).toHaveLength(200);
    expect(s.endsWith('.docx')).toBe(true);
  });
});
