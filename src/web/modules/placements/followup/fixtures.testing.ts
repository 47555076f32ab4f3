import { attendanceSummary } from '../../../../common/placements/followup-rules';
import type { AttendanceWeekView, FollowUpView } from '../../../../common/placements/followup-schemas';

/** Test-only: a placement's follow-up and one week of its attendance sheet, as the API answers them. */

const period = { start: '2026-10-26', end: '2027-01-22' };

/** The week of Monday 16 November 2026, seen on Friday 20: Friday to Sunday still to come. */
export function week(over: Partial<AttendanceWeekView> = {}): AttendanceWeekView {
  const days = ['16', '17', '18', '19', '20', '21', '22'].map((d, i) => ({
    day: `2026-11-${d}`,
    open: i < 4,
    problem: i < 4 ? null : ('future' as const),
    recorded: false,
    status: null,
    plannedHours: i < 5 ? 7 : 0,
    hours: null,
    note: null,
  }));
  return {
    placementId: 'p1',
    status: 'active',
    person: { name: 'Nora Fictive', participantCode: 'AB12-CD34-EF56-GH78' },
    siteName: 'Atelier du Pile',
    hoursPerWeek: 35,
    period,
    week: '2026-11-16',
    previousWeek: '2026-11-09',
    nextWeek: '2026-11-23',
    canEdit: true,
    days,
    summary: attendanceSummary([], period, '2026-11-20'),
    ...over,
  };
}

export function followUp(over: Partial<FollowUpView> = {}): FollowUpView {
  return {
    placementId: 'p1',
    side: 'home',
    status: 'active',
    person: { name: 'Nora Fictive', participantCode: 'AB12-CD34-EF56-GH78' },
    hostAccessUntil: '2027-02-21',
    period,
    today: '2026-11-20',
    canRecord: true,
    canEvaluate: true,
    summary: {
      plannedDays: 15,
      plannedHours: 105,
      presentDays: 12,
      presentHours: 84,
      justifiedAbsences: 2,
      unjustifiedAbsences: 1,
      realisedHours: 84,
      attendanceRate: 0.8,
      missingWeeks: ['2026-11-09'],
    },
    midpoint: '2026-12-09',
    evaluations: [],
    incidents: [],
    mobility: [],
    firstCrossingOn: null,
    stays: [
      { id: 's1', startsOn: '2026-11-02', endsOn: '2026-11-09', days: 8, reason: 'Semaine résidentielle' },
    ],
    canRecordStays: true,
    stayAlerts: [{ code: 'stay_7_days', startsOn: '2026-11-02', endsOn: '2026-11-09', year: null, days: 8 }],
    outcomes: [
      { kind: 'exit', opensOn: null, dueBy: null, open: false, outcome: null },
      { kind: 'six_months', opensOn: null, dueBy: null, open: false, outcome: null },
    ],
    warnings: [],
    ...over,
  };
}
