import { addDays, isIsoDate } from '../../../../common/placements/dates';
import {
  attendanceSummary,
  dayProblem,
  defaultPlannedHours,
  mondayOf,
  weekDays,
  weekEntryProblems,
} from '../../../../common/placements/followup-rules';
import type {
  AttendanceDayView,
  AttendanceWeekBody,
  AttendanceWeekView,
} from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { assertRecording, type FollowUpAccess, followUpAccess, isRecording } from './access';
import { authoredOpener, authorSealer } from './sealed';
import * as store from './store';
import { followUpPerson } from './view';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The Monday of the asked week; without one, the current week brought inside the period. */
function weekOf(a: FollowUpAccess, week: string | undefined): string {
  if (week !== undefined && !isIsoDate(week))
    throw validationFailed([{ path: 'week', code: 'validation.format' }]);
  if (week) return mondayOf(week);
  const { start, end } = a.period;
  const day = a.today < start ? start : a.today > end && end >= start ? end : a.today;
  return mondayOf(day);
}

/** One week of the attendance sheet: seven days, recorded or with the planned hours by default. */
export async function getAttendanceWeek(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  week?: string,
): Promise<AttendanceWeekView> {
  const a = await followUpAccess(trx, actor, id, 'placement.attendance');
  return weekView(trx, masters, a, weekOf(a, week));
}

/** The week as the sheet shows it, naming the person as the grant allows: one audited read. */
async function weekView(
  trx: Tx,
  masters: MasterKeys,
  a: FollowUpAccess,
  monday: string,
): Promise<AttendanceWeekView> {
  const { row, period } = a;
  const person = await followUpPerson(trx, a);
  await auditPersonRead(trx, {
    personIds: [row.person_id],
    what: 'placement_attendance',
    detail: {
      placementId: row.id,
      side: a.side,
      week: monday,
      ...(person.name ? { fields: ['identity'] } : {}),
    },
  });
  const all = await store.attendance(trx, row.id);
  // The week's notes, each opened with its author's key (the summary needs none).
  const days7 = weekDays(monday);
  const recorded = await authoredOpener(trx, masters, [row.id])(
    all.filter((r) => days7.includes(r.day)),
    ['note', 'placement_attendance.note'],
  );
  const hoursPerWeek = row.hours_per_week === null ? null : Number(row.hours_per_week);
  const days = days7.map((day): AttendanceDayView => {
    const rec = recorded.find((r) => r.day === day);
    const problem = dayProblem(day, period, a.today);
    return {
      day,
      open: !problem,
      problem,
      recorded: !!rec,
      status: rec?.status ?? null,
      plannedHours: rec ? rec.plannedHours : defaultPlannedHours(day, hoursPerWeek, period),
      hours: rec?.hours ?? null,
      note: rec?.note ?? null,
    };
  });
  const previous = addDays(monday, -7);
  const next = addDays(monday, 7);
  return {
    placementId: row.id,
    status: a.status,
    person,
    siteName: row.site_name,
    hoursPerWeek,
    period,
    week: monday,
    previousWeek: previous >= mondayOf(period.start) ? previous : null,
    nextWeek: next <= period.end ? next : null,
    canEdit: isRecording(a.status),
    days,
    summary: attendanceSummary(all, period, a.today),
  };
}

/**
 * The tutor enters a whole week at once: the days sent replace everything recorded for that week, in one
 * transaction. Each day is checked (period, today, hours against status) and reported by its index.
 */
export async function saveAttendanceWeek(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  week: string | undefined,
  body: AttendanceWeekBody,
): Promise<AttendanceWeekView> {
  const a = await followUpAccess(trx, actor, id, 'placement.attendance');
  assertRecording(a);
  if (!week) throw validationFailed([{ path: 'week', code: 'validation.required' }]);
  const monday = weekOf(a, week);
  const days = body.days.map((d) => ({
    day: d.day,
    status: d.status,
    plannedHours: round1(d.plannedHours),
    hours: d.hours == null ? null : round1(d.hours),
    note: d.note?.trim() || null,
  }));
  const problems = weekEntryProblems(days, { week: monday, period: a.period, today: a.today });
  if (problems.length) throw validationFailed(problems);
  // The notes are sealed with the writing side's key, which becomes the author of the week's rows.
  const author = authorSealer(trx, masters, a);
  const rows = [];
  for (const d of days)
    rows.push({
      ...d,
      // Hours are those worked: an absence or a day off keeps none (a 0 sent with it is dropped).
      hours: d.status === 'present' ? d.hours : null,
      note: await author.seal('placement_attendance.note', d.note),
    });
  await store.replaceWeek(trx, a.row, monday, addDays(monday, 6), rows, {
    userId: actor.userId,
    orgId: author.orgId,
  });
  return weekView(trx, masters, a, monday);
}
