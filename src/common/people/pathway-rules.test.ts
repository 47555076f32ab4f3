import { describe, expect, it } from 'vitest';
import {
  ACTION_TRANSITIONS,
  actionDoneOn,
  actionWorkflow,
  MOBILITY_GOAL_KM,
  mobilityDateErrors,
  mobilitySummary,
  noteEditable,
  notInFuture,
  OBJECTIVE_TRANSITIONS,
  objectiveWorkflow,
  pathwayDateErrors,
  pathwaySummary,
  tooShort,
} from './pathway-rules';
import {
  ACTION_STATUSES,
  type ActionStatus,
  OBJECTIVE_STATUSES,
  type ObjectiveStatus,
} from './pathway-schemas';

describe('status transitions', () => {
  it('lists only known statuses and never a status as its own successor', () => {
    for (const s of OBJECTIVE_STATUSES) {
      expect(OBJECTIVE_TRANSITIONS[s].every((t) => OBJECTIVE_STATUSES.includes(t) && t !== s)).toBe(true);
    }
    for (const s of ACTION_STATUSES) {
      expect(ACTION_TRANSITIONS[s].every((t) => ACTION_STATUSES.includes(t) && t !== s)).toBe(true);
    }
  });

  it('allows each objective move of the table and nothing else', () => {
    const allowed = objectiveWorkflow.moves('home').map((m) => `${m.from}>${m.to}`);
    expect(allowed.sort()).toEqual(
      [
        'planned>in_progress',
        'planned>achieved',
        'planned>abandoned',
        'in_progress>planned',
        'in_progress>achieved',
        'in_progress>abandoned',
        'achieved>in_progress',
        'abandoned>planned',
        'abandoned>in_progress',
      ].sort(),
    );
    const move = (from: ObjectiveStatus, to: ObjectiveStatus) =>
      objectiveWorkflow.check(from, to, 'home', ['referent']).ok;
    expect(move('achieved', 'planned')).toBe(false);
    expect(move('achieved', 'abandoned')).toBe(false);
    // Only those who manage the person move it; the web offers the moves with their tone.
    expect(objectiveWorkflow.check('planned', 'achieved', 'home', ['org_admin']).ok).toBe(false);
    expect(objectiveWorkflow.available('planned', 'home', ['referent']).map((a) => [a.to, a.tone])).toEqual([
      ['in_progress', 'secondary'],
      ['achieved', 'primary'],
      ['abandoned', 'danger'],
    ]);
  });

  it('lets a done action be reopened but not cancelled directly', () => {
    const move = (from: ActionStatus, to: ActionStatus) =>
      actionWorkflow.check(from, to, 'home', ['referent']).ok;
    expect(move('planned', 'done')).toBe(true);
    expect(move('done', 'in_progress')).toBe(true);
    expect(move('done', 'cancelled')).toBe(false);
    expect(move('done', 'planned')).toBe(false);
    expect(move('cancelled', 'done')).toBe(false);
    expect(move('cancelled', 'planned')).toBe(true);
  });
});

describe('done date of an action', () => {
  it('is set on done (today unless given), kept while done, cleared otherwise', () => {
    expect(actionDoneOn('done', null, undefined, '2026-05-01')).toBe('2026-05-01');
    expect(actionDoneOn('done', null, '2026-04-20', '2026-05-01')).toBe('2026-04-20');
    expect(actionDoneOn('done', '2026-03-01', undefined, '2026-05-01')).toBe('2026-03-01');
    expect(actionDoneOn('in_progress', '2026-03-01', undefined, '2026-05-01')).toBeNull();
  });
});

describe('pathway dates', () => {
  const today = '2026-06-30';
  it('accepts an open pathway and a closed one with a reason', () => {
    expect(pathwayDateErrors({ entryOn: '2026-01-01', exitOn: null, exitReason: null }, today)).toEqual([]);
    expect(
      pathwayDateErrors({ entryOn: '2026-01-01', exitOn: '2026-01-01', exitReason: 'Emploi' }, today),
    ).toEqual([]);
  });
  it('refuses an exit before entry, in the future, or without a reason', () => {
    expect(
      pathwayDateErrors({ entryOn: '2026-02-01', exitOn: '2026-01-31', exitReason: 'x y' }, today),
    ).toEqual([{ path: 'exitOn', code: 'validation.date_order' }]);
    expect(
      pathwayDateErrors({ entryOn: '2026-02-01', exitOn: '2026-07-01', exitReason: 'ok' }, today),
    ).toEqual([{ path: 'exitOn', code: 'people.pathways.errors.future_date' }]);
    expect(
      pathwayDateErrors({ entryOn: '2026-02-01', exitOn: '2026-03-01', exitReason: '  ' }, today),
    ).toEqual([{ path: 'exitReason', code: 'validation.required' }]);
    expect(pathwayDateErrors({ entryOn: '2026-02-01', exitOn: null, exitReason: 'Emploi' }, today)).toEqual([
      { path: 'exitOn', code: 'validation.required' },
    ]);
  });
  it('keeps mobility records within the pathway and not in the future', () => {
    const p = { entryOn: '2026-01-10', exitOn: '2026-05-31' };
    expect(mobilityDateErrors('2026-01-10', p, today)).toEqual([]);
    expect(mobilityDateErrors('2026-01-09', p, today)[0]?.code).toBe('people.pathways.errors.before_entry');
    expect(mobilityDateErrors('2026-06-01', p, today)[0]?.code).toBe('people.pathways.errors.after_exit');
    expect(mobilityDateErrors('2026-07-01', { ...p, exitOn: null }, today)[0]?.code).toBe(
      'people.pathways.errors.future_date',
    );
    expect(notInFuture('x', undefined, today)).toEqual([]);
  });
  it('counts a blank text as too short', () => {
    expect(tooShort('title', '   a ', 2)).toEqual([
      { path: 'title', code: 'validation.min_length', params: { limit: 2 } },
    ]);
    expect(tooShort('title', ' ab ', 2)).toEqual([]);
    expect(tooShort('title', undefined, 2)).toEqual([]);
  });
});

describe('notes', () => {
  const written = new Date('2026-05-01T10:00:00Z');
  const note = { authorUserId: 'u1', createdAt: written };
  it('may be corrected by their author within 24 hours only', () => {
    expect(noteEditable(note, 'u1', new Date('2026-05-02T09:59:59Z'))).toBe(true);
    expect(noteEditable(note, 'u1', new Date('2026-05-02T10:00:00Z'))).toBe(false);
    expect(noteEditable(note, 'u2', new Date('2026-05-01T10:05:00Z'))).toBe(false);
    expect(
      noteEditable({ ...note, createdAt: written.toISOString() }, 'u1', new Date('2026-05-01T11:00:00Z')),
    ).toBe(true);
  });
});

describe('mobility and progress', () => {
  const rec = (recordedOn: string, radiusKm: number, crossedBorder = false) => ({
    recordedOn,
    radiusKm,
    crossedBorder,
  });

  it('has no radius and no goal without records', () => {
    expect(mobilitySummary([])).toEqual({
      currentRadiusKm: null,
      crossedBorder: false,
      firstBorderCrossingOn: null,
      goalReached: false,
      goalReachedOn: null,
    });
  });

  it('needs both the radius and a border crossing', () => {
    expect(mobilitySummary([rec('2026-01-01', 45)]).goalReached).toBe(false);
    expect(mobilitySummary([rec('2026-01-01', MOBILITY_GOAL_KM - 1, true)]).goalReached).toBe(false);
    const reached = mobilitySummary([
      rec('2026-01-01', 5),
      rec('2026-02-01', 15, true),
      rec('2026-03-01', MOBILITY_GOAL_KM),
    ]);
    expect(reached).toEqual({
      currentRadiusKm: 30,
      crossedBorder: true,
      firstBorderCrossingOn: '2026-02-01',
      goalReached: true,
      goalReachedOn: '2026-03-01',
    });
  });

  it('reads the current radius from the latest record whatever the order given', () => {
    const s = mobilitySummary([rec('2026-03-01', 12), rec('2026-01-01', 40, true), rec('2026-02-01', 35)]);
    expect(s.currentRadiusKm).toBe(12);
    expect(s.goalReached).toBe(false);
    // It was reached once, on the first record with both conditions.
    expect(s.goalReachedOn).toBe('2026-01-01');
  });

  it('derives objective and action counts, leaving out abandoned and cancelled work', () => {
    const s = pathwaySummary(
      [
        { status: 'achieved', actions: [{ status: 'done' }, { status: 'cancelled' }] },
        { status: 'in_progress', actions: [{ status: 'planned' }, { status: 'done' }] },
        { status: 'planned', actions: [] },
        { status: 'abandoned', actions: [{ status: 'done' }] },
      ],
      [rec('2026-01-01', 5), rec('2026-04-01', 32, true)],
    );
    expect(s).toMatchObject({
      objectivesTotal: 3,
      objectivesAchieved: 1,
      objectivesOpen: 2,
      actionsTotal: 3,
      actionsDone: 2,
      currentRadiusKm: 32,
      goalReached: true,
    });
  });
});
