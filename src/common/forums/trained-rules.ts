import { type Attendance, personKey } from './attendance-rules';

/**
 * Professionals and volunteers trained (issue 14, migration 0057): the attendance at the programme's
 * published trainings, network meetings and group sessions for professionals or volunteers. The same count
 * the SQL function app.ind_forum_trained_count makes, tested on the same cases (trained-cases.testing.ts).
 */
export const TRAINING_KINDS = ['training', 'network_meeting', 'group_session'] as const;
export const TRAINED_AUDIENCES = ['professionals', 'volunteers'] as const;

/** Whether a session's attendance counts: its kind, its audiences, published. */
export const countsForTraining = (e: { kind: string; audiences: readonly string[]; status: string }) =>
  e.status === 'published' &&
  (TRAINING_KINDS as readonly string[]).includes(e.kind) &&
  e.audiences.some((a) => (TRAINED_AUDIENCES as readonly string[]).includes(a));

/** One attendance at a counted session: a count row also says how many participants it stands for. */
export type TrainedAttendance =
  | Exclude<Attendance, { kind: 'count' }>
  | { kind: 'count'; orgId: string; participants: number; firstTime: number };

/**
 * As participations (every attendance; a count row its participants), or as unique persons (an e-mail
 * across organisers, a code within its organiser, a count row its first-timers); by organiser and in total.
 */
export function trainedCount(rows: readonly TrainedAttendance[], uniquePersons: boolean) {
  const byOrg = new Map<string, { keys: Set<string>; n: number }>();
  const keys = new Set<string>();
  let n = 0;
  for (const a of rows) {
    const o = byOrg.get(a.orgId) ?? { keys: new Set<string>(), n: 0 };
    byOrg.set(a.orgId, o);
    const add = a.kind === 'count' ? (uniquePersons ? a.firstTime : a.participants) : 1;
    if (a.kind !== 'count' && uniquePersons) {
      keys.add(personKey(a));
      o.keys.add(personKey(a));
    } else {
      n += add;
      o.n += add;
    }
  }
  return {
    total: keys.size + n,
    byOrg: Object.fromEntries([...byOrg].map(([org, o]) => [org, o.keys.size + o.n])),
  };
}
