/**
 * What a placement convention carries besides its dates and tasks (issue 9, item 9): a structured weekly
 * timetable, the placement's aim, a job code, an emergency contact and the protective equipment. Schemas
 * the API validates with and the web forms reuse, and the rules a schema cannot say. Shared by offers
 * (timetable, job code, equipment: the host's defaults) and agreements (all of them).
 */
import Type, { type Static } from 'typebox';
import type { FieldError } from '../validation/errors';
import { normalisePhone } from '../validation/identifiers';
import { MultilineText } from '../validation/text';

/** Why the person goes: to discover a job, to confirm a project, or as the first step of a hiring. */
export const PLACEMENT_AIMS = ['discover_job', 'confirm_project', 'start_hiring'] as const;
export type PlacementAim = (typeof PLACEMENT_AIMS)[number];

/** ROME (France Travail's job list, e.g. K1201) or ISCO-08 (the international unit group, e.g. 9112). */
export const JOB_CODE_KINDS = ['rome', 'isco'] as const;
export type JobCodeKind = (typeof JOB_CODE_KINDS)[number];
const JOB_CODE_FORMAT: Record<JobCodeKind, RegExp> = { rome: /^[A-N][0-9]{4}$/, isco: /^[0-9]{4}$/ };

/** A day's hours may not exceed this (the 10-hour daily maximum of both countries' trainees). */
export const TIMETABLE_MAX_DAY_HOURS = 10;
/** The weekly maximum, the same as hoursPerWeek's. */
export const TIMETABLE_MAX_WEEK_HOURS = 48;

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** One working day of the week: ISO weekday (1 Monday … 7 Sunday), hours and an unpaid break. */
export const TimetableDay = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7 }),
    from: Type.String({ pattern: HHMM }),
    to: Type.String({ pattern: HHMM }),
    breakMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  },
  { additionalProperties: false },
);
export type TimetableDay = Static<typeof TimetableDay>;
export const Timetable = Type.Array(TimetableDay, { minItems: 1, maxItems: 7 });
export type Timetable = Static<typeof Timetable>;

export const conventionFields = {
  timetable: Timetable,
  aim: Type.Enum([...PLACEMENT_AIMS]),
  jobCodeKind: Type.Enum([...JOB_CODE_KINDS]),
  jobCode: Type.String({ minLength: 4, maxLength: 5, pattern: '^[A-Za-z]?[0-9]{4}$' }),
  emergencyContactName: Type.String({ minLength: 2, maxLength: 200 }),
  emergencyContactPhone: Type.String({ minLength: 6, maxLength: 40 }),
  emergencyContactRelation: Type.String({ minLength: 1, maxLength: 100 }),
  protectiveEquipment: MultilineText({ minLength: 1, maxLength: 1000 }),
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Hours worked on one day: from start to end, less the break. */
export const dayHours = (d: TimetableDay) => (minutes(d.to) - minutes(d.from) - (d.breakMinutes ?? 0)) / 60;

/** The weekly hours a timetable gives, to the half hour the agreement states them in (null below one). */
export const timetableHours = (t: readonly TimetableDay[]) => {
  const h = Math.min(TIMETABLE_MAX_WEEK_HOURS, Math.round(weekHours(t) * 2) / 2);
  return h >= 1 ? h : null;
};

/** Hours of the whole week (days with an impossible range count as zero). */
export const weekHours = (t: readonly TimetableDay[]) =>
  t.reduce((sum, d) => sum + Math.max(0, dayHours(d)), 0);

/**
 * The timetable's rules: each day once, ending after it starts, a break shorter than the day, at most
 * 10 hours a day and 48 a week; and when the weekly hours are also given, the timetable adds up to them
 * (within half an hour, the step hoursPerWeek is stated in). Paths: `timetable.<index>.<field>`.
 */
export function timetableProblems(
  t: readonly TimetableDay[] | null | undefined,
  hoursPerWeek?: number | null,
): FieldError[] {
  if (!t?.length) return [];
  const out: FieldError[] = [];
  const seen = new Set<number>();
  const E = 'placements.convention.errors.';
  t.forEach((d, i) => {
    if (seen.has(d.day)) out.push({ path: `timetable.${i}.day`, code: `${E}day_twice` });
    seen.add(d.day);
    const span = minutes(d.to) - minutes(d.from);
    if (span <= 0) out.push({ path: `timetable.${i}.to`, code: `${E}end_before_start` });
    else if ((d.breakMinutes ?? 0) >= span)
      out.push({ path: `timetable.${i}.breakMinutes`, code: `${E}break_too_long` });
    else if (dayHours(d) > TIMETABLE_MAX_DAY_HOURS)
      out.push({
        path: `timetable.${i}.to`,
        code: `${E}day_too_long`,
        params: { max: TIMETABLE_MAX_DAY_HOURS },
      });
  });
  const total = weekHours(t);
  if (total > TIMETABLE_MAX_WEEK_HOURS)
    out.push({ path: 'timetable', code: `${E}week_too_long`, params: { max: TIMETABLE_MAX_WEEK_HOURS } });
  else if (hoursPerWeek != null && Math.abs(total - hoursPerWeek) >= 0.5)
    out.push({
      path: 'hoursPerWeek',
      code: `${E}hours_mismatch`,
      params: { total: Math.round(total * 100) / 100 },
    });
  return out;
}

/** The days in weekday order, as they are stored and printed. */
export const sortedTimetable = (t: readonly TimetableDay[]): TimetableDay[] =>
  [...t].sort((a, b) => a.day - b.day);

/** A job code in its stored form (ROME letters upper-case), or null when it does not fit its kind. */
export function normaliseJobCode(kind: JobCodeKind, code: string): string | null {
  const c = code.trim().toUpperCase();
  return JOB_CODE_FORMAT[kind].test(c) ? c : null;
}

export interface ConventionRuleInput {
  timetable?: readonly TimetableDay[] | null;
  hoursPerWeek?: number | null;
  jobCodeKind?: JobCodeKind | null;
  jobCode?: string | null;
  emergencyContactName?: string | null;
  emergencyContactPhone?: string | null;
}

const given = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/**
 * Rules across fields, on the values as they will be saved: the timetable's; a job code and its kind go
 * together and the code fits the kind; an emergency contact has both a name and a plausible phone number.
 */
export function conventionProblems(v: ConventionRuleInput, country: 'FR' | 'BE' = 'BE'): FieldError[] {
  const E = 'placements.convention.errors.';
  const out = timetableProblems(v.timetable, v.hoursPerWeek);
  if (given(v.jobCode) && !v.jobCodeKind) out.push({ path: 'jobCodeKind', code: `${E}job_kind_required` });
  else if (v.jobCodeKind && !given(v.jobCode)) out.push({ path: 'jobCode', code: `${E}job_code_required` });
  else if (v.jobCodeKind && v.jobCode && !normaliseJobCode(v.jobCodeKind, v.jobCode))
    out.push({ path: 'jobCode', code: `${E}job_code_${v.jobCodeKind}` });
  const name = given(v.emergencyContactName);
  const phone = given(v.emergencyContactPhone);
  if (name && !phone) out.push({ path: 'emergencyContactPhone', code: `${E}emergency_phone_required` });
  if (phone && !name) out.push({ path: 'emergencyContactName', code: `${E}emergency_name_required` });
  if (phone && !normalisePhone(v.emergencyContactPhone!, country))
    out.push({ path: 'emergencyContactPhone', code: 'validation.phone' });
  return out;
}

/** The country of an organisation's region ('FR-HDF' → FR, the Belgian regions → BE): how phones are read. */
export const countryOfRegion = (region: string | null): 'FR' | 'BE' =>
  region?.startsWith('FR') ? 'FR' : 'BE';
