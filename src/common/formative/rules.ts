import type { FieldError } from '../validation/errors';

/**
 * The formative's pure rules, shared by the server (which enforces them) and the web (which shows them):
 * who may lead a partnership, the shape of its two years, and progress as hours done over hours planned.
 */

/** Only a CPAS of more than 150,000 inhabitants may lead such a partnership (FAMI, seed 003). */
export const MIN_LEAD_POPULATION = 150_000;

export type Eligibility =
  | { eligible: true }
  | { eligible: false; code: 'population_unknown' | 'lead_too_small'; params: Record<string, number> };

/** The lead's eligibility from its territory's population (null when the territory has none recorded). */
export function leadEligibility(population: number | null | undefined): Eligibility {
  if (population === null || population === undefined)
    return { eligible: false, code: 'population_unknown', params: { min: MIN_LEAD_POPULATION } };
  if (population <= MIN_LEAD_POPULATION)
    return { eligible: false, code: 'lead_too_small', params: { population, min: MIN_LEAD_POPULATION } };
  return { eligible: true };
}

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Each year lasts at most a year and a month; the application year starts after the immersion ends. */
export const MAX_YEAR_DAYS = 400;

export function checkPartnershipDates(d: {
  immersionStartsOn: string;
  immersionEndsOn: string;
  applicationStartsOn: string;
  applicationEndsOn: string;
}): FieldError[] {
  const problems: FieldError[] = [];
  const year = (from: string, to: string, path: string) => {
    if (to <= from) problems.push({ path, code: 'formative.partnerships.errors.end_before_start' });
    else if (daysBetween(from, to) > MAX_YEAR_DAYS)
      problems.push({ path, code: 'formative.partnerships.errors.year_too_long' });
  };
  year(d.immersionStartsOn, d.immersionEndsOn, 'immersionEndsOn');
  year(d.applicationStartsOn, d.applicationEndsOn, 'applicationEndsOn');
  if (d.applicationStartsOn <= d.immersionEndsOn)
    problems.push({
      path: 'applicationStartsOn',
      code: 'formative.partnerships.errors.application_overlaps',
    });
  return problems;
}

/** A session is held during the immersion year, and not in the future. */
export function checkSessionDay(
  heldOn: string,
  immersion: { startsOn: string; endsOn: string },
  today: string,
): FieldError[] {
  if (heldOn < immersion.startsOn || heldOn > immersion.endsOn)
    return [{ path: 'heldOn', code: 'formative.plan.errors.outside_immersion' }];
  if (heldOn > today) return [{ path: 'heldOn', code: 'formative.plan.errors.in_future' }];
  return [];
}

/** Hours done over hours planned, as a whole percentage capped at 100 (a progress bar). */
export function hoursPercent(done: number, planned: number): number {
  if (planned <= 0) return 0;
  return Math.min(100, Math.floor((done / planned) * 100 + 1e-9));
}

/** Hours done per module from the sessions (half hours, summed exactly). */
export function hoursByModule(sessions: ReadonlyArray<{ moduleId: string; hours: number }>) {
  const by = new Map<string, number>();
  for (const s of sessions) by.set(s.moduleId, ((by.get(s.moduleId) ?? 0) * 2 + s.hours * 2) / 2);
  return by;
}

/** The plan's totals: planned and done hours over every module (done counted up to each module's plan). */
export function planTotals(items: ReadonlyArray<{ plannedHours: number; doneHours: number }>) {
  const planned = items.reduce((s, i) => s + i.plannedHours, 0);
  const done = items.reduce((s, i) => s + i.doneHours, 0);
  const counted = items.reduce((s, i) => s + Math.min(i.doneHours, i.plannedHours), 0);
  return { plannedHours: planned, doneHours: done, hoursPercent: hoursPercent(counted, planned) };
}

export type ReviewState = 'draft' | 'partly_signed' | 'signed';
export const reviewState = (r: {
  traineeSignedAt: string | null;
  tutorSignedAt: string | null;
}): ReviewState =>
  r.traineeSignedAt && r.tutorSignedAt
    ? 'signed'
    : r.traineeSignedAt || r.tutorSignedAt
      ? 'partly_signed'
      : 'draft';

/** The text of a review may change until someone signed it. */
export const reviewEditable = (r: { traineeSignedAt: string | null; tutorSignedAt: string | null } | null) =>
  !r || reviewState(r) === 'draft';

/** The day `n` days after (or before) an ISO day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
