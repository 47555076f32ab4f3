import { describe, expect, it } from 'vitest';
import { BOM, csvCell, type ExportColumn, looksLikeFormula, neutraliseCell, toCsv } from './cells';

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+33 6 00 00 00 00', "'+33 6 00 00 00 00"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    // Issue 16: what an import that trims fields, or a compatibility fold, turns into a formula.
    [' =1+1', "' =1+1"],
    ['\n=1', "'\n=1"],
    ['\u00A0=1', "'\u00A0=1"],
    ['\u3000+1', "'\u3000+1"],
    ['\u200B=1', "'\u200B=1"],
    ['\uFEFF@SUM(A1)', "'\uFEFF@SUM(A1)"],
    ['\u2060-1', "'\u2060-1"],
    ['\uFE66HYPERLINK("x")', '\'\uFE66HYPERLINK("x")'],
    ['\uFE62cmd', "'\uFE62cmd"],
    ['\uFE63cmd', "'\uFE63cmd"],
    ['\uFE6BSUM(A1)', "'\uFE6BSUM(A1)"],
    [' \t \uFF1D1', "' \t \uFF1D1"],
  ])('neutralises %j', (input, expected) => {
    expect(looksLikeFormula(input)).toBe(true);
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each([
    '',
    'Atelier du Pile',
    'AB12-CD34-EF56-GH78',
    '2026-11-23',
    '   ',
    ' a=b',
    'a=b',
    'x-1',
    "'=already quoted",
    '\u200B',
    'é=1',
    '#REF!',
    '%',
  ])('leaves %j as it is', (input) => {
    expect(looksLikeFormula(input)).toBe(false);
    expect(neutraliseCell(input)).toBe(input);
  });

  it('neutralises every dangerous first character and only those among printable ASCII', () => {
    const dangerous = new Set(['=', '+', '-', '@']);
    for (let c = 0x20; c < 0x7f; c++) {
      const ch = String.fromCharCode(c);
      expect(looksLikeFormula(`${ch}x`), ch).toBe(dangerous.has(ch));
    }
    // Control characters: only tab and carriage return start a re-parsed field.
    for (let c = 0; c < 0x20; c++)
      expect(looksLikeFormula(`${String.fromCharCode(c)}x`), `0x${c.toString(16)}`).toBe(c === 9 || c === 13);
  });

  it('neutralises every BMP character that folds to a formula start, alone or after spaces', () => {
    const starts = new Set(['=', '+', '-', '@']);
    let folded = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!starts.has(ch.normalize('NFKC').trim().charAt(0))) continue;
      folded++;
      expect(looksLikeFormula(`${ch}1`), `U+${c.toString(16)}`).toBe(true);
      expect(looksLikeFormula(` \u00A0${ch}1`), `U+${c.toString(16)} after spaces`).toBe(true);
    }
    // The full-width and small forms of = + - @, the superscript and subscript + - =, at least.
    expect(folded).toBeGreaterThanOrEqual(14);
  });
});

describe('csvCell', () => {
  it('quotes every cell and doubles inner quotes', () => {
    expect(csvCell('Atelier "du" Pile')).toBe('"Atelier ""du"" Pile"');
    expect(csvCell('a;b\r\nc')).toBe('"a;b\r\nc"');
    expect(csvCell(null)).toBe('""');
  });

  it('neutralises text before quoting', () => {
    expect(csvCell('=cmd|"/c calc"!A1')).toBe('"\'=cmd|""/c calc""!A1"');
    expect(csvCell('-1')).toBe('"\'-1"');
  });

  it('writes numbers typed with the decimal separator, never neutralised', () => {
    expect(csvCell(-1.5, 'number', ',')).toBe('"-1,5"');
    expect(csvCell(-1.5, 'number', '.')).toBe('"-1.5"');
    expect(csvCell(12, 'number')).toBe('"12"');
    expect(csvCell(Number.NaN, 'number')).toBe('""');
  });

  it('writes a percent column as a percentage with one decimal', () => {
    expect(csvCell(0.8567, 'percent', ',')).toBe('"85,7"');
    expect(csvCell(1, 'percent', '.')).toBe('"100"');
    expect(csvCell(0, 'percent')).toBe('"0"');
  });
});

describe('toCsv', () => {
  const columns: ExportColumn<'code' | 'site' | 'start' | 'rate'>[] = [
    { key: 'code', header: 'Code', type: 'text' },
    { key: 'site', header: '=Site', type: 'text' },
    { key: 'start', header: 'Début', type: 'date' },
    { key: 'rate', header: 'Présence (%)', type: 'percent' },
  ];

  it('starts with a BOM, separates with ";" and ends lines with CRLF', () => {
    const csv = toCsv(columns, [
      { code: 'AB12-CD34-EF56-GH78', site: '@evil', start: '2026-03-02', rate: 0.5 },
      { code: 'ZZ12-CD34-EF56-GH78', site: 'Rue; 1', start: null, rate: null },
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '"Code";"\'=Site";"Début";"Présence (%)"',
      '"AB12-CD34-EF56-GH78";"\'@evil";"2026-03-02";"50"',
      '"ZZ12-CD34-EF56-GH78";"Rue; 1";"";""',
      '',
    ]);
  });

  it('uses a dot for decimals with the comma separator', () => {
    const csv = toCsv(columns, [{ code: 'x', site: 'y', start: '2026-01-01', rate: 0.125 }], {
      separator: ',',
    });
    expect(csv.split('\r\n')[1]).toBe('"x","y","2026-01-01","12.5"');
  });
});
