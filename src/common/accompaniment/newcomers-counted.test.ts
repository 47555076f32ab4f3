import { describe, expect, it } from 'vitest';
import { type ActivityRow, countNewcomers } from './newcomers-counted';

/** The cases the database test runs too (records/newcomers-indicator.db.test.ts). */
const LVA = '00000000-0000-4000-8000-00000000000a';
const CRESAM = '00000000-0000-4000-8000-00000000000b';
const period = { from: '2026-01-01', to: '2026-06-30' };

const row = (r: Partial<ActivityRow> & Pick<ActivityRow, 'kind' | 'orgId' | 'on'>): ActivityRow => ({
  participantCode: null,
  outreachKey: null,
  ...r,
});

describe('newcomers accompanied', () => {
  it('counts a person once across activities and organisations, credited to the first', () => {
    const rows = [
      row({ kind: 'status_event', participantCode: 'AAAA-BBBB-CCCC-DDDD', orgId: LVA, on: '2026-02-01' }),
      row({ kind: 'request', participantCode: 'AAAA-BBBB-CCCC-DDDD', orgId: LVA, on: '2026-02-03' }),
      // The Walloon team's intervention for the same person: not a second person.
      row({ kind: 'intervention', participantCode: 'AAAA-BBBB-CCCC-DDDD', orgId: CRESAM, on: '2026-01-20' }),
    ];
    expect(countNewcomers(rows, period, true)).toEqual({ total: 1, byOrg: { [CRESAM]: 1 } });
  });

  it('counts a linked outreach contact as its person, an unlinked one by its key when asked', () => {
    const rows = [
      row({ kind: 'outreach', participantCode: 'AAAA-BBBB-CCCC-DDDD', orgId: CRESAM, on: '2026-03-01' }),
      row({ kind: 'request', participantCode: 'AAAA-BBBB-CCCC-DDDD', orgId: LVA, on: '2026-03-02' }),
      row({ kind: 'outreach', outreachKey: `${CRESAM}:nomad`, orgId: CRESAM, on: '2026-03-05' }),
      row({ kind: 'outreach', outreachKey: `${CRESAM}:nomad`, orgId: CRESAM, on: '2026-04-05' }),
    ];
    expect(countNewcomers(rows, period, true)).toEqual({ total: 2, byOrg: { [CRESAM]: 2 } });
    expect(countNewcomers(rows, period, false)).toEqual({ total: 1, byOrg: { [CRESAM]: 1 } });
  });

  it('leaves out activity outside the period, and credits ties to the smaller organisation id', () => {
    const rows = [
      row({ kind: 'interpreting', participantCode: 'EEEE-FFFF-GGGG-HHHH', orgId: LVA, on: '2025-12-31' }),
      row({ kind: 'request', participantCode: 'EEEE-FFFF-GGGG-HHHH', orgId: CRESAM, on: '2026-05-01' }),
      row({ kind: 'request', participantCode: 'EEEE-FFFF-GGGG-HHHH', orgId: LVA, on: '2026-05-01' }),
      row({ kind: 'status_event', participantCode: 'JJJJ-KKKK-MMMM-NNNN', orgId: LVA, on: '2026-07-01' }),
    ];
    expect(countNewcomers(rows, period, true)).toEqual({ total: 1, byOrg: { [LVA]: 1 } });
  });
});
