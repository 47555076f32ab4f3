import { type AttendanceStatus, weekEntryProblems } from '../../../../common/placements/followup-rules';
import {
  type AttendanceDayInput,
  type AttendanceDayView,
  AttendanceWeekBody,
  type AttendanceWeekView,
} from '../../../../common/placements/followup-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { schemaErrors } from '../../../../common/validation/text';
import { parseDecimal } from './format';

/** One day of the sheet as typed: numbers stay text until the week is sent. */
export interface DayState {
  status: AttendanceStatus;
  plannedHours: string;
  hours: string;
  note: string;
}
export type WeekState = Record<string, DayState>;
/** Errors by '<day>.<field>' (field: day, status, plannedHours, hours, note). */
export type DayErrors = Record<string, FieldError>;

/**
 * What the sheet shows for each open day: what was recorded, else "present for the planned hours" on a
 * planned day and "not planned" on the others (the tutor corrects the exceptions).
 */
export function initialWeek(v: AttendanceWeekView, dec: (n: number | null) => string): WeekState {
  const out: WeekState = {};
  for (const d of v.days) out[d.day] = initialDay(d, dec);
  return out;
}

function initialDay(d: AttendanceDayView, dec: (n: number | null) => string): DayState {
  const status = d.status ?? (d.plannedHours > 0 ? 'present' : 'not_planned');
  const hours = d.recorded ? d.hours : status === 'present' ? d.plannedHours : null;
  return { status, plannedHours: dec(d.plannedHours), hours: dec(hours), note: d.note ?? '' };
}

/** A change of status keeps the day coherent: hours only when present, nothing planned on a day off. */
export function withStatus(s: DayState, status: AttendanceStatus): DayState {
  if (status === 'present') return { ...s, status, hours: s.hours || s.plannedHours };
  if (status === 'not_planned') return { ...s, status, hours: '', plannedHours: '0' };
  return { ...s, status, hours: '' };
}

/**
 * The body to send for the open days, and what is wrong with it, checked with the API's own schema and
 * rules (the server checks again, with the period and today's date).
 */
export function buildWeek(
  v: AttendanceWeekView,
  state: WeekState,
): { days: AttendanceDayInput[]; sent: string[]; errors: DayErrors } {
  const errors: DayErrors = {};
  const open = v.days.filter((d) => d.open);
  const days = open.map((d): AttendanceDayInput => {
    const s = state[d.day] as DayState;
    const planned = parseDecimal(s.plannedHours);
    const hours = parseDecimal(s.hours);
    if (planned === null) errors[`${d.day}.plannedHours`] = { path: '', code: 'validation.required' };
    if (Number.isNaN(planned))
      errors[`${d.day}.plannedHours`] = { path: '', code: 'placements.followup.errors.not_a_number' };
    if (Number.isNaN(hours))
      errors[`${d.day}.hours`] = { path: '', code: 'placements.followup.errors.not_a_number' };
    const note = s.note.trim();
    return {
      day: d.day,
      status: s.status,
      plannedHours: planned === null || Number.isNaN(planned) ? 0 : planned,
      hours: hours === null || Number.isNaN(hours) ? null : hours,
      ...(note ? { note } : {}),
    };
  });
  const sent = open.map((d) => d.day);
  const schema = schemaErrors(AttendanceWeekBody, { days });
  // Days not open are not sent; the server alone knows today's date for sure.
  const rules = weekEntryProblems(
    days.map((d) => ({ ...d, hours: d.hours ?? null })),
    { week: v.week, period: v.period, today: '9999-12-31' },
  );
  for (const e of [...schema, ...rules]) {
    const key = dayKey(e.path, sent);
    if (key && !errors[key]) errors[key] = e;
  }
  return { days, sent, errors };
}

/** 'days.2.hours' → '<third day sent>.hours'; a path naming no day falls on the first one. */
export function dayKey(path: string, sent: readonly string[]): string | null {
  const m = /^days\.(\d+)(?:\.(\w+))?/.exec(path);
  const day = m ? sent[Number(m[1])] : sent[0];
  if (!day) return null;
  return `${day}.${m?.[2] ?? 'day'}`;
}
