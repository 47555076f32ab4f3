/**
 * The pure rules of attendance at an event (migration 0050): when check-in opens, the check-in code,
 * participant codes (pseudonymous attendance, never names) and the unique persons made aware (SAM
 * indicator 5), the same count the SQL function app.ind_forum_persons_aware_count makes.
 */

/** Check-in opens 12 hours before the start (the desk is set up early), and stays open afterwards so that
 * the paper sheet can be entered later; never for a draft or a cancelled event. */
export const CHECK_IN_LEAD_MS = 12 * 3600_000;
export const checkInOpen = (e: { status: string; startsAt: string | Date }, now: Date) =>
  e.status === 'published' && now.getTime() >= new Date(e.startsAt).getTime() - CHECK_IN_LEAD_MS;

/**
 * A check-in code: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits: short
 * enough to be typed from a phone, not guessable (and it opens nothing without an organiser's session).
 */
export const CHECK_IN_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 10;

/** A code from random bytes (one byte per character, rejection-free: 256 mod 31 bias is negligible here). */
export const checkInCodeFrom = (bytes: Uint8Array) =>
  [...bytes.slice(0, CHECK_IN_CODE_LENGTH)]
    .map((b) => CHECK_IN_ALPHABET[b % CHECK_IN_ALPHABET.length])
    .join('');

/** A typed or scanned code: capitals, without spaces and hyphens. */
export const normaliseCheckInCode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

/** Participant codes: the organiser's own pseudonyms (e.g. the file numbers of their centre). */
export type CodeProblem = 'code_email' | 'code_national_number' | 'code_format' | 'code_no_digit';

/**
 * Normalises one participant code (capitals; spaces, dots, slashes and underscores become hyphens) or says
 * why it is refused: an e-mail address, a run of nine digits (a NISS/NIR-like number), a code without any
 * digit (a name is not a code), or characters or a length outside 3–24.
 */
export function normaliseParticipantCode(raw: string): { code: string } | { problem: CodeProblem } {
  const s = raw.trim();
  if (s.includes('@')) return { problem: 'code_email' };
  const code = s
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s._/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (/[0-9]{9}/.test(code.replace(/-/g, ''))) return { problem: 'code_national_number' };
  if (!/^[A-Z0-9][A-Z0-9-]{1,22}[A-Z0-9]$/.test(code)) return { problem: 'code_format' };
  if (!/[0-9]/.test(code)) return { problem: 'code_no_digit' };
  return { code };
}

/** A pasted list (lines, commas or semicolons) as its codes, without blanks. */
export const splitCodes = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

export interface CountRow {
  homeCountry: 'FR' | 'BE' | null;
  participants: number;
  firstTime: number;
}
export type CountProblem = 'count_first_time' | 'count_country_twice' | 'count_mixed';

/** Counts either unsplit (one row) or by home country (FR and/or BE, once each); first-timers ≤ participants. */
export function countProblems(rows: readonly CountRow[]): Array<{ index: number; problem: CountProblem }> {
  const out: Array<{ index: number; problem: CountProblem }> = [];
  const seen = new Set<string>();
  const split = rows.some((r) => r.homeCountry !== null);
  rows.forEach((r, index) => {
    if (r.firstTime > r.participants) out.push({ index, problem: 'count_first_time' });
    if (split && r.homeCountry === null) out.push({ index, problem: 'count_mixed' });
    const key = r.homeCountry ?? '-';
    if (seen.has(key)) out.push({ index, problem: 'count_country_twice' });
    seen.add(key);
  });
  return out;
}

/** One attendance as indicator 5 sees it, at a session of an organiser. */
export type Attendance =
  | { kind: 'registration'; orgId: string; email: string }
  | { kind: 'code'; orgId: string; code: string }
  | { kind: 'count'; orgId: string; firstTime: number };

/** The person a registration or a code stands for: an e-mail across organisers, a code within its own. */
export const personKey = (a: Exclude<Attendance, { kind: 'count' }>) =>
  a.kind === 'registration' ? `e:${a.email.trim().toLowerCase()}` : `c:${a.orgId}:${a.code}`;

/**
 * Unique persons made aware: distinct persons among registrations and codes (a person at three sessions
 * is one), plus the first-timers of each count; by organiser (a person at two organisers' sessions counts
 * for each) and in total (once). No cross-matching between kinds: a code and an e-mail never meet.
 */
export function uniquePersonsAware(rows: readonly Attendance[]) {
  const keys = new Set<string>();
  const byOrg = new Map<string, { keys: Set<string>; counted: number }>();
  let counted = 0;
  for (const a of rows) {
    const o = byOrg.get(a.orgId) ?? { keys: new Set<string>(), counted: 0 };
    byOrg.set(a.orgId, o);
    if (a.kind === 'count') {
      counted += a.firstTime;
      o.counted += a.firstTime;
    } else {
      keys.add(personKey(a));
      o.keys.add(personKey(a));
    }
  }
  return {
    total: keys.size + counted,
    byOrg: Object.fromEntries([...byOrg].map(([org, o]) => [org, o.keys.size + o.counted])),
  };
}

/** Whether a registration matches what the organiser typed: name, e-mail or organisation, accents ignored. */
export function matchesSearch(
  r: { name: string; email?: string | null; organisation: string | null },
  q: string,
): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(q).split(/\s+/).filter(Boolean);
  const hay = fold([r.name, r.email ?? '', r.organisation ?? ''].join(' '));
  return words.every((w) => hay.includes(w));
}
