import type { Attendance } from './attendance-rules';

/**
 * Test-only: one set of sessions counted by the pure rule (attendance-rules.test.ts) and by the SQL
 * functions on both engines (forums indicators db test), so that the two say the same. Organisers A
 * (France) and B (Belgium); B is a partner of A's sessions S1, S2 and S4; S3 is B's alone.
 */
export interface CaseSession {
  key: string;
  org: 'A' | 'B';
  kind: 'awareness_session' | 'information_session' | 'training';
  withPartner: boolean;
  status: 'published' | 'cancelled';
  /** Registrations by e-mail: present or only confirmed. */
  present: string[];
  absent: string[];
  codes: string[];
  counts: Array<{ participants: number; firstTime: number }>;
}

export const CASE_SESSIONS: CaseSession[] = [
  {
    key: 'S1',
    org: 'A',
    kind: 'awareness_session',
    withPartner: true,
    status: 'published',
    present: ['x@mail.example', 'y@mail.example'],
    absent: ['z@mail.example'],
    codes: ['K-001'],
    counts: [{ participants: 8, firstTime: 5 }],
  },
  {
    key: 'S2',
    org: 'A',
    kind: 'information_session',
    withPartner: true,
    status: 'published',
    present: ['x@mail.example'],
    absent: [],
    codes: ['K-001', 'K-002'],
    counts: [],
  },
  {
    key: 'S3',
    org: 'B',
    kind: 'awareness_session',
    withPartner: false,
    status: 'published',
    present: ['x@mail.example'],
    absent: [],
    codes: ['K-001'],
    counts: [{ participants: 3, firstTime: 2 }],
  },
  {
    key: 'S4',
    org: 'A',
    kind: 'training',
    withPartner: true,
    status: 'published',
    present: ['w@mail.example'],
    absent: [],
    codes: [],
    counts: [],
  },
  {
    key: 'S5',
    org: 'A',
    kind: 'awareness_session',
    withPartner: true,
    status: 'cancelled',
    present: ['v@mail.example'],
    absent: [],
    codes: ['K-009'],
    counts: [{ participants: 4, firstTime: 4 }],
  },
];

/** SAM 5: x, y and A's K-001, K-002, B's K-001, plus 5 + 2 first-timers; x counts for A and for B. */
export const EXPECTED_AWARE = { total: 12, byOrg: { A: 9, B: 4 } };
/** RCO81: S1 2 + 1 + 8, S2 1 + 2, S4 1 (S3 has no partner across the border, S5 is cancelled). */
export const EXPECTED_PARTICIPATIONS = { total: 15, byOrg: { A: 15 } };

const AWARENESS = new Set(['awareness_session', 'information_session']);

/** The attendances indicator 5 counts, with the organisers' ids. */
export const caseAttendances = (orgIds: Record<'A' | 'B', string>): Attendance[] =>
  CASE_SESSIONS.filter((s) => s.status === 'published' && AWARENESS.has(s.kind)).flatMap((s) => [
    ...s.present.map((email) => ({ kind: 'registration' as const, orgId: orgIds[s.org], email })),
    ...s.codes.map((code) => ({ kind: 'code' as const, orgId: orgIds[s.org], code })),
    ...s.counts.map((c) => ({ kind: 'count' as const, orgId: orgIds[s.org], firstTime: c.firstTime })),
  ]);
