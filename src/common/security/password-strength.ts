/**
 * Password policy, shared by the browser (live feedback) and the server (the rule that counts).
 *
 * Follows NIST SP 800-63B rather than composition rules: a minimum length, a maximum that still allows
 * passphrases, and refusal of passwords that are guessable — common passwords and words (French, Dutch,
 * English), the user's own name, e-mail or organisation, repetitions and keyboard or alphabet sequences.
 * Problems are codes, translated by the UI as `auth.password.<code>`.
 *
 * No Node.js imports here: this module runs in the browser too.
 */
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'common'
  | 'contains_personal'
  | 'repetitive'
  | 'sequence'
  | 'low_variety';

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordCheck {
  /** True when there is no problem. */
  ok: boolean;
  /** 0 (very weak) to 4 (strong), from length and character variety, capped when there are problems. */
  score: PasswordScore;
  /** In a stable order: the order of the `PasswordProblem` union. */
  problems: PasswordProblem[];
}

export interface PasswordContext {
  email?: string | null;
  displayName?: string | null;
  orgNames?: ReadonlyArray<string | null | undefined>;
}

/** Personal words shorter than this are not looked for (too many accidental matches). */
const MIN_PERSONAL_LENGTH = 4;
/** Sequences of this many characters or more are refused. */
const MIN_SEQUENCE_LENGTH = 5;

const PROBLEM_ORDER: readonly PasswordProblem[] = [
  'too_short',
  'too_long',
  'common',
  'contains_personal',
  'repetitive',
  'sequence',
  'low_variety',
];

/** Generic words of organisation names, which say nothing about a particular organisation. */
const ORG_STOPWORDS: ReadonlySet<string> = new Set([
  'centre',
  'center',
  'centrum',
  'public',
  'publique',
  'publics',
  'action',
  'social',
  'sociale',
  'sociaux',
  'sociaal',
  'communal',
  'communale',
  'intercommunal',
  'intercommunale',
  'openbaar',
  'openbare',
  'maatschappelijk',
  'maatschappelijke',
  'welzijn',
  'ville',
  'commune',
  'gemeente',
  'stad',
  'pour',
  'voor',
  'dans',
  'service',
  'services',
  'dienst',
  'diensten',
  'association',
  'vereniging',
  'asbl',
  'huis',
  'maison',
]);

/** Keyboard rows and alphabets; a run of MIN_SEQUENCE_LENGTH characters of one of them (either way) is refused. */
const SEQUENCES: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qsdfghjklm',
  'wxcvbn',
  'qwertzuiop',
  'yxcvbnm',
  // Number rows of the French and Belgian AZERTY keyboards, typed without Shift.
  '&é"\'(-è_çà)=',
  '&é"\'(§è!çà)-',
];

const LEET_COMMON: Readonly<Record<string, string>> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Lowercase, without diacritics ('É' → 'e', 'ç' → 'c'). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Leet-speak undone, with '1' read as `one` ('i' or 'l'). */
function unleet(s: string, one: 'i' | 'l'): string {
  let out = '';
  for (const c of s) out += c === '1' ? one : (LEET_COMMON[c] ?? c);
  return out;
}

const alnum = (s: string) => s.replace(/[^a-z0-9]/g, '');
/** Removes leading and trailing characters that are not letters (digits, symbols, spaces). */
const stripNonLetterEdges = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** Removes leading and trailing digits (after leet decoding, what remains of years and counters). */
const stripDigitEdges = (s: string) => s.replace(/^\d+|\d+$/g, '');

/** The forms of a password compared with the common words: folded, leet-decoded, edges stripped. */
function commonForms(password: string): Set<string> {
  const folded = fold(password);
  const forms = new Set<string>();
  for (const source of [folded, stripNonLetterEdges(folded)]) {
    for (const one of ['i', 'l'] as const) {
      const form = alnum(unleet(source, one));
      forms.add(form);
      forms.add(stripDigitEdges(form));
    }
  }
  forms.delete('');
  return forms;
}

/** True when `s` is one common word, or two joined ('soleilmarseille'). */
function isCommon(s: string): boolean {
  if (COMMON_PASSWORDS.has(s)) return true;
  for (let i = 4; i <= s.length - 4; i++) {
    if (COMMON_PASSWORDS.has(s.slice(0, i)) && COMMON_PASSWORDS.has(s.slice(i))) return true;
  }
  return false;
}

/** Folded alphanumeric forms of a password used to look for personal words inside it. */
function containmentForms(password: string): Set<string> {
  const folded = fold(password);
  return new Set([alnum(folded), alnum(unleet(folded, 'i')), alnum(unleet(folded, 'l'))]);
}

/** The personal words of the context: e-mail local part, name parts, organisation names and words. */
export function personalTokens(context: PasswordContext): string[] {
  const tokens = new Set<string>();
  const addWhole = (s: string) => {
    const t = alnum(fold(s));
    if (t.length >= MIN_PERSONAL_LENGTH) tokens.add(t);
  };
  const addParts = (s: string, stopwords?: ReadonlySet<string>) => {
    for (const part of fold(s).split(/[^a-z0-9]+/)) {
      const word = part.replace(/\d+/g, '');
      if (word.length >= MIN_PERSONAL_LENGTH && !stopwords?.has(word)) tokens.add(word);
    }
  };
  if (context.email) {
    const at = context.email.lastIndexOf('@');
    // The '+tag' of 'name+tag@domain' is not part of the person.
    const local = (at >= 0 ? context.email.slice(0, at) : context.email).replace(/\+.*$/, '');
    addWhole(local);
    addParts(local);
  }
  if (context.displayName) {
    addWhole(context.displayName);
    addParts(context.displayName);
  }
  for (const org of context.orgNames ?? []) {
    if (!org) continue;
    addWhole(org);
    addParts(org, ORG_STOPWORDS);
  }
  return [...tokens];
}

function containsPersonal(password: string, context: PasswordContext): boolean {
  const forms = containmentForms(password);
  for (const token of personalTokens(context)) {
    const tokenForms = [token, unleet(token, 'i'), unleet(token, 'l')];
    for (const form of forms) if (tokenForms.some((t) => form.includes(t))) return true;
  }
  return false;
}

/**
 * Repetitive: one character 4 times or more in a row ('aaaa', '!!!!'), or a short chunk repeated so
 * that the repetition makes up most (60 %) of the password ('abcabcabcabc', 'bonjourbonjour').
 */
function isRepetitive(password: string): boolean {
  const chars = Array.from(password.toLowerCase());
  const n = chars.length;
  let run = 1;
  for (let i = 1; i < n; i++) {
    run = chars[i] === chars[i - 1] ? run + 1 : 1;
    if (run >= 4) return true;
  }
  const at = (i: number, len: number) => chars.slice(i, i + len).join('\u0000');
  for (let len = 1; len * 2 <= n; len++) {
    for (let i = 0; i + len * 2 <= n; i++) {
      const chunk = at(i, len);
      let reps = 1;
      while (i + (reps + 1) * len <= n && at(i + reps * len, len) === chunk) reps++;
      if (reps >= 2 && reps * len >= 0.6 * n) return true;
    }
  }
  return false;
}

function hasSequence(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = new Set([lower, fold(password)]);
  for (const text of candidates) {
    const chars = Array.from(text);
    for (let i = 0; i + MIN_SEQUENCE_LENGTH <= chars.length; i++) {
      const window = chars.slice(i, i + MIN_SEQUENCE_LENGTH).join('');
      const reversed = Array.from(window).reverse().join('');
      if (SEQUENCES.some((seq) => seq.includes(window) || seq.includes(reversed))) return true;
    }
  }
  return false;
}

/** Fewer than 5 different characters, or digits only and shorter than 16. */
function isLowVariety(password: string): boolean {
  const chars = Array.from(password);
  if (new Set(chars).size < 5) return true;
  return /^\d+$/.test(password) && chars.length < 16;
}

/** Size of the alphabet the password draws from, by character class. */
function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[!-/:-@[-`{-~]/.test(password)) pool += 33;
  if (/\s/.test(password)) pool += 1;
  if (/[^\p{ASCII}]/u.test(password)) pool += 64;
  return pool;
}

/**
 * 0–4 from the estimated brute-force entropy: length × log2 of the alphabet size, where the length
 * counted is at most twice the number of distinct characters (so 'aaaaaaaaaaaa' scores as 2 characters).
 */
function entropyScore(chars: readonly string[], pool: number): PasswordScore {
  const effectiveLength = Math.min(chars.length, new Set(chars).size * 2);
  const bits = pool > 1 ? effectiveLength * Math.log2(pool) : 0;
  if (bits < 30) return 0;
  if (bits < 45) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}

/**
 * Checks a password against the policy. `context` holds what an attacker targeting this user would try
 * first: their e-mail, name and organisations' names.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const normalised = password.normalize('NFC');
  const chars = Array.from(normalised);
  const length = chars.length;
  const found = new Set<PasswordProblem>();
  if (length < PASSWORD_MIN_LENGTH) found.add('too_short');
  if (length > PASSWORD_MAX_LENGTH) {
    // Too long to be worth analysing (and bounded work for hostile input).
    return { ok: false, score: 0, problems: ['too_long'] };
  }
  for (const form of commonForms(normalised)) {
    if (isCommon(form)) {
      found.add('common');
      break;
    }
  }
  if (containsPersonal(normalised, context)) found.add('contains_personal');
  if (isRepetitive(normalised)) found.add('repetitive');
  if (hasSequence(normalised)) found.add('sequence');
  if (isLowVariety(normalised)) found.add('low_variety');

  let score = entropyScore(chars, poolSize(normalised));
  if (found.has('common')) score = 0;
  else if (found.size > 0) score = Math.min(score, 1) as PasswordScore;
  const problems = PROBLEM_ORDER.filter((p) => found.has(p));
  return { ok: problems.length === 0, score, problems };
}
