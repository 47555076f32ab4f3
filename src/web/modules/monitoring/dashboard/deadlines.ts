import type { ReportSummary } from '../../../../common/monitoring/report-schemas';

/** What the dashboard's deadline list shows: reports to hand in, the programme's milestones, its end. */
export type Deadline =
  | { kind: 'report'; key: string; on: string; report: ReportSummary }
  | { kind: 'milestone'; key: string; on: string; labelFr: string; labelNl: string; labelEn: string | null }
  | { kind: 'target'; key: string; on: string; code: string; target: number }
  | { kind: 'end'; key: string; on: string };

const DAY_MS = 86_400_000;

/** Whole days from one calendar day ('YYYY-MM-DD') to another: negative when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The deadlines in date order: every report not yet submitted (overdue ones too, they are the most
 * urgent), the programme's milestones and its indicators' upcoming milestones from today on, and its
 * end date (shown even once past).
 */
export function deadlines(
  today: string,
  reports: readonly ReportSummary[],
  milestones: readonly {
    id: string;
    occursOn: string;
    labelFr: string;
    labelNl: string;
    labelEn: string | null;
  }[],
  endsOn: string | null,
  indicators: readonly {
    id: string;
    code: string;
    milestones: readonly { dueOn: string; target: number; status: string }[];
  }[] = [],
): Deadline[] {
  const out: Deadline[] = [
    ...reports
      .filter((r) => r.status !== 'submitted')
      .map((r): Deadline => ({ kind: 'report', key: `r-${r.id}`, on: r.dueOn, report: r })),
    ...milestones
      .filter((m) => m.occursOn >= today)
      .map(
        (m): Deadline => ({
          kind: 'milestone',
          key: `m-${m.id}`,
          on: m.occursOn,
          labelFr: m.labelFr,
          labelNl: m.labelNl,
          labelEn: m.labelEn,
        }),
      ),
    ...indicators.flatMap((i) =>
      i.milestones
        .filter((m) => m.status === 'upcoming' && m.dueOn >= today)
        .map(
          (m): Deadline => ({
            kind: 'target',
            key: `t-${i.id}-${m.dueOn}`,
            on: m.dueOn,
            code: i.code,
            target: m.target,
          }),
        ),
    ),
    ...(endsOn ? [{ kind: 'end', key: 'end', on: endsOn } as const] : []),
  ];
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}
