import { parseParticipantCode } from './participant-code';

/**
 * What the caseload's single search box holds: a birth date (31/12/1980, 31.12.1980 or 1980-12-31), a
 * participant code (16 characters with a digit or dashes, so that a long name is not read as a code), or
 * a name.
 */
export function parseSearch(text: string): { q?: string; birthDate?: string; code?: string } {
  const s = text.trim();
  if (!s) return {};
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const date = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (date) {
    const [y, m, d] = date.map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d)
      return { birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  }
  if (/[\d-]/.test(s)) {
    const code = parseParticipantCode(s);
    if (code) return { code };
  }
  return { q: s };
}
