import { describe, expect, it } from 'vitest';
import { countriesOf, isCrossBorder, ranDuring } from './rules';
import { initiativeWorkflow } from './workflow';

describe('cross-border initiatives', () => {
  it('is cross-border only with partners from both countries', () => {
    expect(isCrossBorder(countriesOf({ country: 'FR' }, [{ country: 'BE' }]))).toBe(true);
    expect(isCrossBorder(countriesOf({ country: 'BE' }, [{ country: 'BE' }, { country: 'FR' }]))).toBe(true);
    expect(isCrossBorder(countriesOf({ country: 'FR' }, [{ country: 'FR' }]))).toBe(false);
    expect(isCrossBorder(countriesOf({ country: 'BE' }, []))).toBe(false);
    expect(countriesOf({ country: 'FR' }, [{ country: 'FR' }, { country: 'BE' }])).toEqual(['FR', 'BE']);
  });

  it('ran in a period when started on or before its end and not ended before its start', () => {
    const from = '2026-01-01';
    const to = '2026-12-31';
    expect(ranDuring({ startedOn: null, endedOn: null }, from, to)).toBe(false);
    expect(ranDuring({ startedOn: '2025-06-01', endedOn: null }, from, to)).toBe(true);
    expect(ranDuring({ startedOn: '2025-06-01', endedOn: '2025-12-31' }, from, to)).toBe(false);
    expect(ranDuring({ startedOn: '2025-06-01', endedOn: '2026-01-01' }, from, to)).toBe(true);
    expect(ranDuring({ startedOn: '2027-01-01', endedOn: null }, from, to)).toBe(false);
    expect(ranDuring({ startedOn: '2026-12-31', endedOn: null }, from, to)).toBe(true);
  });
});

describe('the initiative workflow', () => {
  const lead = ['volunteer_coordinator'] as const;
  it('goes idea → preparing → running → ended, and may be abandoned until it ends', () => {
    const to = (from: Parameters<typeof initiativeWorkflow.available>[0]) =>
      initiativeWorkflow.available(from, 'lead', [...lead]).map((a) => `${a.action}>${a.to}`);
    expect(to('idea')).toEqual(['prepare>preparing', 'abandon>abandoned']);
    expect(to('preparing')).toEqual(['start>running', 'abandon>abandoned']);
    expect(to('running')).toEqual(['end>ended', 'abandon>abandoned']);
    expect(to('ended')).toEqual([]);
    expect(to('abandoned')).toEqual([]);
    expect(initiativeWorkflow.isTerminal('ended')).toBe(true);
  });

  it('lets only initiatives.manage holders of the lead move it', () => {
    expect(initiativeWorkflow.check('idea', 'prepare', 'lead', ['referent']).ok).toBe(false);
    expect(initiativeWorkflow.check('idea', 'prepare', null, [...lead]).ok).toBe(false);
    expect(initiativeWorkflow.check('idea', 'start', 'lead', [...lead])).toEqual({
      ok: false,
      code: 'unknown_action',
    });
    expect(initiativeWorkflow.check('preparing', 'start', 'lead', ['coordinator']).ok).toBe(true);
  });
});
