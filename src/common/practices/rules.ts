import { can, type Role } from '../access/permissions';
import {
  type PracticeInput,
  type PracticeLanguage,
  type PracticeStatus,
  PUBLISHED_STATUSES,
  type TakeUpInput,
} from './schemas';

/**
 * Pure rules of the practice library, shared by the API (which enforces them) and the forms (which show
 * them before sending). Problems are `{ path, code }` with codes under `practices.sheets.errors.*` or
 * `practices.takeups.errors.*`.
 */
export interface Problem {
  path: string;
  code: string;
}

/** What a sheet's version in a language is: the one written first, a translation of it, or absent. */
export type VersionMark = 'original' | 'translation' | 'missing';

export function versionMark(
  language: PracticeLanguage,
  originalLanguage: PracticeLanguage,
  present: boolean,
): VersionMark {
  if (!present) return 'missing';
  return language === originalLanguage ? 'original' : 'translation';
}

/** The original version must be written; the sheet then has one or two versions. */
export function sheetProblems(input: PracticeInput): Problem[] {
  const problems: Problem[] = [];
  if (!input[input.originalLanguage])
    problems.push({ path: input.originalLanguage, code: 'practices.sheets.errors.original_missing' });
  return problems;
}

/** Who may change a sheet in a status: writers while it is a draft, publishers also once published. */
export function canEdit(status: PracticeStatus, roles: readonly Role[]): boolean {
  if (status === 'draft') return can(roles, 'practice.write') || can(roles, 'practice.publish');
  if (PUBLISHED_STATUSES.includes(status)) return can(roles, 'practice.publish');
  return false;
}

/**
 * A take-up record's dates: an end on or after the start; an abandoned practice says when it was dropped;
 * only a plan may lie in the future (trying, adopted and abandoned have happened).
 */
export function takeUpProblems(input: TakeUpInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const code = (c: string) => `practices.takeups.errors.${c}`;
  if (input.endsOn && input.endsOn < input.startsOn)
    problems.push({ path: 'endsOn', code: code('ends_before_start') });
  if (input.status === 'abandoned' && !input.endsOn)
    problems.push({ path: 'endsOn', code: code('end_required') });
  if (input.status !== 'planned' && input.startsOn > today)
    problems.push({ path: 'startsOn', code: code('start_in_future') });
  if (input.status !== 'planned' && input.endsOn && input.endsOn > today)
    problems.push({ path: 'endsOn', code: code('end_in_future') });
  return problems;
}

/** The distinct organisations involved in a sheet: the owner and its listed partner organisations. */
export function organisationsInvolved(ownerId: string, partnerOrgIds: readonly string[]): number {
  return new Set([ownerId, ...partnerOrgIds].map((x) => x.toLowerCase())).size;
}
