import { describe, expect, it } from 'vitest';
import { bodyOf, defaultParams, emptyState } from './form-state';

const specs = {
  minDurationDays: { kind: 'integer', min: 1, max: 1096, default: 56 },
  statuses: { kind: 'set', options: ['active', 'completed'], default: ['active'], minItems: 1 },
  activeOnly: { kind: 'boolean', default: true },
} as const;

describe('indicator form', () => {
  it('starts a rule with its defaults and sends them typed', () => {
    const s = {
      ...emptyState(),
      code: 'I1',
      labelFr: 'Personnes',
      labelNl: 'Personen',
      labelEn: 'Persons',
      target: '50',
      ruleCode: 'placements.persons_placed',
      params: defaultParams(specs),
      milestones: [{ dueOn: '2026-12-31', target: '25' }],
    };
    const { body, problems } = bodyOf(s, specs);
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      euCode: null,
      actionId: null,
      target: 50,
      baseline: 0,
      ruleParams: { minDurationDays: 56, statuses: ['active'], activeOnly: true },
      milestones: [{ dueOn: '2026-12-31', target: 25 }],
    });
  });

  it('names what is missing or not a whole number, and sends no parameters for a manual one', () => {
    const s = { ...emptyState(), target: '2.5', params: { minDurationDays: 'x' } };
    const { body, problems } = bodyOf(s, specs);
    expect(problems).toEqual(['code', 'labelFr', 'labelNl', 'labelEn', 'target']);
    expect(body.ruleCode).toBeNull();
    expect(body.ruleParams).toEqual({});
  });

  it('sends the sex and age breakdowns only for a rule that counts them so', () => {
    const s = {
      ...emptyState(),
      ruleCode: 'placements.persons_placed',
      breakdowns: ['partner', 'sex', 'age_band'],
    };
    expect(bodyOf(s, specs, true).body.breakdowns).toEqual(['partner', 'sex', 'age_band']);
    expect(bodyOf(s, specs, false).body.breakdowns).toEqual(['partner']);
    expect(bodyOf({ ...s, breakdowns: ['sex', 'religion'] }, specs, true).body.breakdowns).toEqual(['sex']);
  });
});
