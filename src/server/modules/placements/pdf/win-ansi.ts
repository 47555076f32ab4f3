/**
 * PDFKit's built-in Helvetica writes text in WinAnsi (Windows-1252): every French and Dutch letter, œ, ’,
 * « », –, € and the middle dot are there; a character outside it would print as a wrong glyph. Intl
 * formatting emits thin and narrow no-break spaces (fr-FR "1 234,5"), which become ordinary no-break
 * spaces; anything else that cannot be encoded becomes '?', visibly, rather than a silent wrong letter.
 */

/** Code points outside Latin-1 that WinAnsi encodes, with their byte (its 0x80–0x9F range). */
export const WIN_ANSI_EXTRA = new Map<number, number>([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

export function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(c);
}

const SPACES = /[\u2000-\u200a\u202f\u205f]/g;
const HYPHENS = /[\u2010\u2011\u2212]/g;

export function toWinAnsi(text: string): string {
  const s = text.replace(/\r\n?/g, '\n').replace(SPACES, '\u00a0').replace(HYPHENS, '-');
  let out = '';
  for (const ch of s) out += ch === '\t' ? ' ' : isWinAnsi(ch) ? ch : '?';
  return out;
}
