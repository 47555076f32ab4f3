/**
 * The convention's structured terms (issue 9, item 9) as the forms hold them: text as typed, the timetable
 * as rows. Turned into the API's fields, checked with the same schemas and rules as the server.
 */
import Type from 'typebox';
import { NullFirst } from '../../../../common/kernel/schemas';
import {
  conventionFields,
  conventionProblems,
  type JobCodeKind,
  type TimetableDay,
  timetableHours,
} from '../../../../common/placements/convention-terms';
import type { FieldError } from '../../../../common/validation/errors';
import { schemaErrors } from '../../../../common/validation/text';

export interface TimetableRow {
  day: number;
  from: string;
  to: string;
  breakMinutes: string;
}

export interface ConventionValues {
  timetable: TimetableRow[];
  aim: string;
  jobCodeKind: string;
  jobCode: string;
  protectiveEquipment: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelation: string;
}

/** The parts a form edits: an offer has no aim nor emergency contact (they are the person's). */
export type ConventionPart = 'offer' | 'agreement';

/** What the forms start from: an offer's or an agreement's values (absent ones empty). */
export interface ConventionSource {
  timetable?: readonly TimetableDay[] | null;
  aim?: string | null;
  jobCodeKind?: string | null;
  jobCode?: string | null;
  protectiveEquipment?: string | null;
  emergencyContact?: { name: string; phone: string; relation: string | null } | null;
}

export function conventionValues(s: ConventionSource = {}): ConventionValues {
  return {
    timetable: (s.timetable ?? []).map((d) => ({
      day: d.day,
      from: d.from,
      to: d.to,
      breakMinutes: d.breakMinutes ? String(d.breakMinutes) : '',
    })),
    aim: s.aim ?? '',
    jobCodeKind: s.jobCodeKind ?? '',
    jobCode: s.jobCode ?? '',
    protectiveEquipment: s.protectiveEquipment ?? '',
    emergencyContactName: s.emergencyContact?.name ?? '',
    emergencyContactPhone: s.emergencyContact?.phone ?? '',
    emergencyContactRelation: s.emergencyContact?.relation ?? '',
  };
}

/** The rows as the API's timetable (a typed break in minutes as a number; blank: none). */
export function timetableOf(rows: readonly TimetableRow[]): TimetableDay[] | null {
  if (!rows.length) return null;
  return rows.map((r) => {
    const b = r.breakMinutes.trim();
    const day: TimetableDay = { day: r.day, from: r.from.trim(), to: r.to.trim() };
    // Anything but digits becomes NaN, which the schema refuses on that field.
    return b ? { ...day, breakMinutes: /^\d+$/.test(b) ? Number(b) : Number.NaN } : day;
  });
}

/** The weekly hours the rows give, as the hours field shows them ('' when they give none). */
export function rowsHours(rows: readonly TimetableRow[]): string {
  const t = timetableOf(rows);
  const ok = t?.every((d) => /^\d\d:\d\d$/.test(d.from) && /^\d\d:\d\d$/.test(d.to));
  const h = t && ok ? timetableHours(t) : null;
  return h === null ? '' : String(h);
}

const AGREEMENT_ONLY = ['aim', 'emergencyContactName', 'emergencyContactPhone', 'emergencyContactRelation'];

/** Every value as the API names it, blank as null, for the part the form edits. */
export function conventionFieldsOf(v: ConventionValues, part: ConventionPart): Record<string, unknown> {
  const out: Record<string, unknown> = { timetable: timetableOf(v.timetable) };
  for (const k of Object.keys(v) as Array<keyof ConventionValues>) {
    if (k === 'timetable' || (part === 'offer' && AGREEMENT_ONLY.includes(k))) continue;
    const s = (v[k] as string).trim();
    out[k] = s ? s : null;
  }
  return out;
}

/** For a new record: only the values given. */
export function conventionCreate(v: ConventionValues, part: ConventionPart): Record<string, unknown> {
  return Object.fromEntries(Object.entries(conventionFieldsOf(v, part)).filter(([, x]) => x !== null));
}

/** For a change: only what differs from what was read (a cleared value as null). */
export function conventionPatch(
  before: ConventionValues,
  v: ConventionValues,
  part: ConventionPart,
): Record<string, unknown> {
  const was = conventionFieldsOf(before, part);
  return Object.fromEntries(
    Object.entries(conventionFieldsOf(v, part)).filter(
      ([k, x]) => JSON.stringify(x) !== JSON.stringify(was[k]),
    ),
  );
}

const Schema = Type.Object({
  timetable: Type.Optional(NullFirst(conventionFields.timetable)),
  aim: Type.Optional(NullFirst(conventionFields.aim)),
  jobCodeKind: Type.Optional(NullFirst(conventionFields.jobCodeKind)),
  jobCode: Type.Optional(NullFirst(conventionFields.jobCode)),
  protectiveEquipment: Type.Optional(NullFirst(conventionFields.protectiveEquipment)),
  emergencyContactName: Type.Optional(NullFirst(conventionFields.emergencyContactName)),
  emergencyContactPhone: Type.Optional(NullFirst(conventionFields.emergencyContactPhone)),
  emergencyContactRelation: Type.Optional(NullFirst(conventionFields.emergencyContactRelation)),
});

/**
 * The schema's problems on each field, then the rules across fields (the server's): days, hours, a job
 * code fitting its list, an emergency contact with both a name and a phone.
 */
export function conventionFormProblems(
  v: ConventionValues,
  part: ConventionPart,
  hoursPerWeek: number | null,
  country: 'FR' | 'BE' = 'BE',
): FieldError[] {
  const fields = conventionFieldsOf(v, part);
  const out = schemaErrors(Schema, fields);
  // The rules read only well-formed values; a field the schema refused shows that error alone.
  const bad = (path: string) => out.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  const rules = conventionProblems(
    {
      timetable: bad('timetable') ? null : (fields.timetable as TimetableDay[] | null),
      hoursPerWeek,
      jobCodeKind: (fields.jobCodeKind as JobCodeKind | null) ?? null,
      jobCode: bad('jobCode') ? null : (fields.jobCode as string | null),
      emergencyContactName: fields.emergencyContactName as string | null | undefined,
      emergencyContactPhone: fields.emergencyContactPhone as string | null | undefined,
    },
    country,
  );
  return [...out, ...rules.filter((r) => !bad(r.path))];
}

/** The typed values as the read-only lists show them (the wizard's review step, before anything is saved). */
export function conventionReview(v: ConventionValues): ConventionSource {
  const f = conventionFieldsOf(v, 'agreement');
  const given = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : null);
  const name = given('emergencyContactName');
  const phone = given('emergencyContactPhone');
  return {
    timetable: f.timetable as TimetableDay[] | null,
    aim: given('aim'),
    jobCodeKind: given('jobCodeKind'),
    jobCode: given('jobCode'),
    protectiveEquipment: given('protectiveEquipment'),
    emergencyContact: name && phone ? { name, phone, relation: given('emergencyContactRelation') } : null,
  };
}
