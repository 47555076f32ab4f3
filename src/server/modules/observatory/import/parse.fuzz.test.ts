import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FileCase, fileCases } from '../../../../../test/fuzz/files';
import { HOSTILE_SAMPLES } from '../../../../../test/fuzz/hostile';
import { LANGUAGES } from '../../../../common/i18n/locales';
import { hasMessage, t } from '../../../platform/i18n';
import { suggestMapping } from './mapping';
import { parseAll } from './parse';
import { IMPORT_ERROR_CODES, IMPORT_ERROR_KEY_PREFIX, type ImportFormat } from './types';

/**
 * Issue 16, fuzzing the observatory's file import (INSEE, CAF, Statbel, long tables; CSV/TXT and XLSX):
 * whatever the bytes, the parser never throws; every problem is a known code with a positive line, whose
 * message formats in every language; values are numbers or null.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

const KNOWN_CODES = new Set<string>(IMPORT_ERROR_CODES);

async function problemsOf(file: FileCase, format: ImportFormat, header: string[]): Promise<string[]> {
  const mapping = suggestMapping(format, header);
  let parsed: Awaited<ReturnType<typeof parseAll>>;
  try {
    parsed = await parseAll(new Uint8Array(file.bytes), { mapping, maxErrors: 50, stallMs: 2_000 });
  } catch (e) {
    return [`threw ${String(e).slice(0, 300)}`];
  }
  const out: string[] = [];
  for (const e of parsed.errors) {
    if (!KNOWN_CODES.has(e.code)) out.push(`unknown code ${e.code}`);
    if (!Number.isInteger(e.line) || e.line < 1) out.push(`${e.code} at line ${e.line}`);
    const key = `${IMPORT_ERROR_KEY_PREFIX}${e.code}`;
    if (!hasMessage(key)) out.push(`no message ${key}`);
    for (const language of LANGUAGES)
      try {
        t(language, key, { ...e });
      } catch (err) {
        out.push(`${key} does not format in ${language}: ${err}`);
      }
  }
  for (const r of parsed.rows)
    if (r.value !== null && !Number.isFinite(r.value)) out.push(`value ${r.value} at line ${r.line}`);
  return out;
}

async function check(arb: fc.Arbitrary<FileCase>, format: ImportFormat, header: string[]) {
  await fc.assert(
    fc.asyncProperty(arb, async (file) => {
      const problems = await problemsOf(file, format, header);
      if (problems.length) throw new Error(`${file.how}: ${problems.join('; ')}`);
    }),
    { numRuns: RUNS },
  );
}

const headerOf = (bytes: Buffer) =>
  bytes
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .split(/\r?\n/)[0]!
    .split(/[;,\t]/);

const TEXT_FIXTURES: Array<[string, ImportFormat]> = [
  ['long.csv', 'long'],
  ['insee-rp-2021-utf8-bom.csv', 'insee'],
  ['insee-filosofi-2021-latin1.csv', 'insee'],
  ['caf-RSACom2014.csv', 'caf'],
  ['statbel-TF_PSNL_INC_TAX_MUNTY.txt', 'statbel'],
];

describe('observatory import parser, fuzzed', () => {
  for (const [name, format] of TEXT_FIXTURES)
    it(`${name}: truncated, re-encoded, hostile cells, broken quotes, huge cells`, async () => {
      const valid = fixture(name);
      await check(fileCases(valid, { text: true }), format, headerOf(valid));
    }, 180_000);

  it('XLSX: truncated or flipped workbooks, hostile cell text and formulas', async () => {
    const header = ['geo_code', 'period', 'element', 'value'];
    const book = async (cells: unknown[]) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Données').addRows([header, ['FR-59350', '2021', 'RSA_FOYERS', 14876], cells]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const valid = await book(['BE-57096', '2021', 'RIS_BENEF', 2104]);
    const hostile = fc.tuple(fc.constantFrom(...HOSTILE_SAMPLES), fc.nat(3)).chain(([s, i]) => {
      const cells: unknown[] = ['BE-57096', '2021', 'RIS_BENEF', 2104];
      cells[i] = s;
      return fc.constant(cells);
    });
    const hostileBooks = hostile.map((cells) => cells);
    await check(fileCases(valid, { text: false }), 'long', header);
    // Hostile cells (formulas, markup, surrogates) in a well-formed workbook.
    for (const cells of fc.sample(hostileBooks, { numRuns: Math.min(RUNS, 20), seed: 16 })) {
      const problems = await problemsOf({ bytes: await book(cells), how: 'hostile' }, 'long', header);
      expect(problems, JSON.stringify(cells)).toEqual([]);
    }
    const formula = new ExcelJS.Workbook();
    formula
      .addWorksheet('x')
      .addRows([
        header,
        ['FR-59350', '2021', 'RSA_FOYERS', { formula: 'HYPERLINK("http://evil.example","1")', result: 1 }],
      ]);
    const formulaBook = Buffer.from(await formula.xlsx.writeBuffer());
    expect(await problemsOf({ bytes: formulaBook, how: 'formula' }, 'long', header)).toEqual([]);
  }, 180_000);
});
