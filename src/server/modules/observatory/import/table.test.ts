import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openTable, splitPlain, type TableRecord } from './table';

async function readAll(bytes: Uint8Array, chunk = 4096) {
  const errors: unknown[] = [];
  const table = await openTable(
    {
      async *open() {
        for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
      },
    },
    { report: (e) => errors.push(e) },
  );
  const records: TableRecord[] = [];
  for await (const batch of table.batches) records.push(...batch);
  return { header: table.header, records, errors };
}

describe('splitPlain', () => {
  it('splits quote-free text exactly as csv-parse does', () => {
    const text = 'a;b;c\r\n1;2;3\r\n\r\n4;;6\r\n;;\r\n7;8\r\n';
    const ours = splitPlain(text, ';', 1, false).map((r) => [r.line, r.cells]);
    const theirs = (
      parse(text, {
        delimiter: ';',
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as unknown as Array<{
        record: string[];
        info: { lines: number };
      }>
    ).map((r) => [r.info.lines, r.record]);
    expect(ours).toEqual(theirs);
    expect(splitPlain(text, ';', 10, true)[0]).toEqual({ line: 11, cells: ['1', '2', '3'] });
  });
});

describe('openTable on text', () => {
  it('keeps line numbers across portions, whether a portion has quotes or not', async () => {
    const lines = ['geo,period,element,value'];
    for (let i = 0; i < 30_000; i++) lines.push(`FR-59350,2021,E${i},${i}`);
    // A quoted field spanning two lines, far into the file (in a later portion than the first).
    lines.push('FR-59350,2021,"E\nsuite",1');
    lines.push('FR-59512,2021,F,2');
    const { records, errors, header } = await readAll(Buffer.from(lines.join('\n')));
    expect(errors).toEqual([]);
    expect(header.columns).toEqual(['geo', 'period', 'element', 'value']);
    expect(records).toHaveLength(30_002);
    expect(records[0]).toEqual({ line: 2, cells: ['FR-59350', '2021', 'E0', '0'] });
    expect(records[29_999]).toEqual({ line: 30_001, cells: ['FR-59350', '2021', 'E29999', '29999'] });
    expect(records[30_000]).toEqual({ line: 30_002, cells: ['FR-59350', '2021', 'E\nsuite', '1'] });
    expect(records[30_001]).toEqual({ line: 30_004, cells: ['FR-59512', '2021', 'F', '2'] });
  });

  it('skips blank lines before the header and counts them', async () => {
    const { header, records } = await readAll(Buffer.from('\n\r\nCODGEO;MED21\r\n59350;20150\r\n'), 3);
    expect(header).toMatchObject({ headerLine: 3, columns: ['CODGEO', 'MED21'], delimiter: ';' });
    expect(records).toEqual([{ line: 4, cells: ['59350', '20150'] }]);
  });
});
