import { countsForTraining, type TrainedAttendance } from './trained-rules';

/**
 * Test-only: the sessions counted by the pure rule (trained-rules.test.ts) and by the SQL functions on both
 * engines (the forums' trained db test), so that the two say the same. Organisers A and B.
 */
export interface TrainedSession {
  key: string;
  org: 'A' | 'B';
  kind: 'training' | 'network_meeting' | 'group_session' | 'awareness_session';
  audiences: Array<'professionals' | 'volunteers' | 'residents'>;
  status: 'published' | 'cancelled';
  present: string[];
  absent: string[];
  codes: string[];
  counts: Array<{ participants: number; firstTime: number }>;
}

export const TRAINED_SESSIONS: TrainedSession[] = [
  // A professionals' training: p and q present, r registered but absent.
  {
    key: 'T1',
    org: 'A',
    kind: 'training',
    audiences: ['professionals'],
    status: 'published',
    present: ['p@mail.example', 'q@mail.example'],
    absent: ['r@mail.example'],
    codes: [],
    counts: [],
  },
  // A network meeting: p again, and a counted group of 6, of whom 4 for the first time.
  {
    key: 'T2',
    org: 'A',
    kind: 'network_meeting',
    audiences: ['professionals', 'volunteers'],
    status: 'published',
    present: ['p@mail.example'],
    absent: [],
    codes: [],
    counts: [{ participants: 6, firstTime: 4 }],
  },
  // B's Mindspring group session for volunteers: p (a third time, at another organiser) and a code.
  {
    key: 'T3',
    org: 'B',
    kind: 'group_session',
    audiences: ['volunteers'],
    status: 'published',
    present: ['p@mail.example', 's@mail.example'],
    absent: [],
    codes: ['MS-01'],
    counts: [],
  },
  // Not counted: a training for residents only, an awareness session, a cancelled training.
  {
    key: 'T4',
    org: 'A',
    kind: 'training',
    audiences: ['residents'],
    status: 'published',
    present: ['x@mail.example'],
    absent: [],
    codes: [],
    counts: [],
  },
  {
    key: 'T5',
    org: 'A',
    kind: 'awareness_session',
    audiences: ['professionals'],
    status: 'published',
    present: ['y@mail.example'],
    absent: [],
    codes: [],
    counts: [],
  },
  {
    key: 'T6',
    org: 'B',
    kind: 'training',
    audiences: ['professionals'],
    status: 'cancelled',
    present: ['z@mail.example'],
    absent: [],
    codes: [],
    counts: [{ participants: 3, firstTime: 3 }],
  },
];

/** Participations: T1 2, T2 1 + 6, T3 2 + 1. */
export const EXPECTED_PARTICIPATIONS = { total: 12, byOrg: { A: 9, B: 3 } };
/** Unique persons: p, q, s, B's MS-01 and 4 first-timers; p counts for A and for B. */
export const EXPECTED_PERSONS = { total: 8, byOrg: { A: 6, B: 3 } };

/** The attendances the rule counts, with the organisers' ids. */
export const trainedAttendances = (orgIds: Record<'A' | 'B', string>): TrainedAttendance[] =>
  TRAINED_SESSIONS.filter(countsForTraining).flatMap((s) => [
    ...s.present.map((email) => ({ kind: 'registration' as const, orgId: orgIds[s.org], email })),
    ...s.codes.map((code) => ({ kind: 'code' as const, orgId: orgIds[s.org], code })),
    ...s.counts.map((c) => ({
      kind: 'count' as const,
      orgId: orgIds[s.org],
      participants: c.participants,
      firstTime: c.firstTime,
    })),
  ]);
