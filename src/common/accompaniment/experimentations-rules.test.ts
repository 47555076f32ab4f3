import { describe, expect, it } from 'vitest';
import {
  CASE_EXPERIMENTATIONS,
  CASE_TRANSFERS,
  EXPECTED_RUN,
  EXPECTED_TRANSFERRED,
  PERIOD,
} from './experimentations-cases.testing';
import {
  countBy,
  countsAsRun,
  countsAsTransferred,
  otherSides,
  participantsTotal,
  sideOfRegion,
  transferProblem,
} from './experimentations-rules';
import { SIDES } from './experimentations-schemas';
import { experimentationWorkflow, transferWorkflow } from './experimentations-workflow';

describe('experimentation rules', () => {
  it('derives the side from the region, none for Brussels', () => {
    expect(sideOfRegion('FR-HDF')).toBe('FR');
    expect(sideOfRegion('BE-WAL')).toBe('WAL');
    expect(sideOfRegion('BE-VLG')).toBe('VLG');
    expect(sideOfRegion('BE-BRU')).toBeNull();
    expect(sideOfRegion(null)).toBeNull();
  });

  it('counts participants by category with a total', () => {
    expect(participantsTotal({ newcomers: 12, professionals: 3, volunteers: 5 })).toBe(20);
  });

  it('transfers an evaluated experimentation only to another side and another organisation', () => {
    const origin = { status: 'evaluated' as const, side: 'VLG' as const, orgId: 'wh' };
    expect(transferProblem(origin, { side: 'FR', orgId: 'lva' })).toBeNull();
    expect(transferProblem({ ...origin, status: 'closed' }, { side: 'WAL', orgId: 'cresam' })).toBeNull();
    expect(transferProblem(origin, { side: 'VLG', orgId: 'other' })).toBe('transfer_same_side');
    expect(transferProblem(origin, { side: 'FR', orgId: 'wh' })).toBe('transfer_same_org');
    expect(transferProblem({ ...origin, status: 'running' }, { side: 'FR', orgId: 'lva' })).toBe(
      'transfer_not_evaluated',
    );
    expect(otherSides('VLG', SIDES)).toEqual(['FR', 'WAL']);
  });
});

describe('the experimentation workflows', () => {
  const lead = ['coordinator'] as const;
  const to = (from: Parameters<typeof experimentationWorkflow.available>[0]) =>
    experimentationWorkflow.available(from, 'lead', [...lead]).map((a) => `${a.action}>${a.to}`);
  it('goes planned → running → evaluated → closed, abandoned while planned or running', () => {
    expect(to('planned')).toEqual(['start>running', 'abandon>abandoned']);
    expect(to('running')).toEqual(['evaluate>evaluated', 'abandon>abandoned']);
    expect(to('evaluated')).toEqual(['close>closed']);
    expect(to('closed')).toEqual([]);
    expect(to('abandoned')).toEqual([]);
  });

  it('evaluates only once findings are recorded, and only for experimentation.manage', () => {
    expect(experimentationWorkflow.check('running', 'evaluate', 'lead', [...lead], {})).toEqual({
      ok: false,
      code: 'guards_failed',
      failed: ['evaluation_recorded'],
    });
    expect(
      experimentationWorkflow.check('running', 'evaluate', 'lead', [...lead], { evaluation_recorded: true })
        .ok,
    ).toBe(true);
    expect(experimentationWorkflow.check('planned', 'start', 'lead', ['referent']).ok).toBe(false);
    expect(experimentationWorkflow.check('planned', 'close', 'lead', [...lead]).ok).toBe(false);
  });

  it('takes a transfer proposed → adapting → running → evaluated → adopted, abandoned until adopted', () => {
    const t = (from: Parameters<typeof transferWorkflow.available>[0]) =>
      transferWorkflow.available(from, 'taker', [...lead]).map((a) => `${a.action}>${a.to}`);
    expect(t('proposed')).toEqual(['adapt>adapting', 'abandon>abandoned']);
    expect(t('adapting')).toEqual(['start>running', 'abandon>abandoned']);
    expect(t('running')).toEqual(['evaluate>evaluated', 'abandon>abandoned']);
    expect(t('evaluated')).toEqual(['adopt>adopted', 'abandon>abandoned']);
    expect(t('adopted')).toEqual([]);
    expect(transferWorkflow.check('running', 'evaluate', 'taker', [...lead], {}).ok).toBe(false);
  });
});

describe('the counting rules on the shared cases', () => {
  const byKey = new Map(CASE_EXPERIMENTATIONS.map((e) => [e.key, e]));
  it('counts the pilot actions run jointly in the period (RCO84)', () => {
    const c = countBy(
      CASE_EXPERIMENTATIONS,
      (e) => e.org,
      (e) =>
        countsAsRun(
          { ...e, partners: e.partners.length, leadIsMember: e.org !== 'OUT' },
          PERIOD.from,
          PERIOD.to,
        ),
    );
    expect(c).toEqual(EXPECTED_RUN);
  });

  it('counts the solutions taken up: transfers running, evaluated or adopted in the period', () => {
    const c = countBy(
      CASE_TRANSFERS,
      (t) => t.org,
      (t) =>
        countsAsTransferred(
          { ...t, originLeadIsMember: byKey.get(t.of)!.org !== 'OUT' },
          PERIOD.from,
          PERIOD.to,
        ),
    );
    expect(c).toEqual(EXPECTED_TRANSFERRED);
  });
});
