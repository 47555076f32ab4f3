import { describe, expect, it } from 'vitest';
import { EXPECTED_PARTICIPATIONS, EXPECTED_PERSONS, trainedAttendances } from './trained-cases.testing';
import { countsForTraining, trainedCount } from './trained-rules';

const rows = trainedAttendances({ A: 'A', B: 'B' });

describe('professionals and volunteers trained', () => {
  it('counts participations: every attendance, a count row its participants', () => {
    expect(trainedCount(rows, false)).toEqual(EXPECTED_PARTICIPATIONS);
  });

  it('counts unique persons: an e-mail once across organisers, codes within theirs, first-timers', () => {
    expect(trainedCount(rows, true)).toEqual(EXPECTED_PERSONS);
  });

  it('counts only published trainings, network meetings and group sessions for professionals or volunteers', () => {
    expect(countsForTraining({ kind: 'group_session', audiences: ['volunteers'], status: 'published' })).toBe(
      true,
    );
    expect(countsForTraining({ kind: 'training', audiences: ['residents'], status: 'published' })).toBe(
      false,
    );
    expect(
      countsForTraining({ kind: 'thematic_forum', audiences: ['professionals'], status: 'published' }),
    ).toBe(false);
    expect(countsForTraining({ kind: 'training', audiences: ['professionals'], status: 'cancelled' })).toBe(
      false,
    );
  });
});
