import { describe, expect, it } from 'vitest';
import { milestoneStatus, percentOf, publish, publishMilestoneValues } from './achievement';

describe('publishing an indicator figure', () => {
  const count = {
    total: 12,
    byPartner: [
      { orgId: 'a', n: 9 },
      { orgId: 'b', n: 3 },
    ],
  };

  it('shows every number to the lead organisation', () => {
    expect(publish(count, 'persons', ['a', 'b', 'c'], true)).toEqual({
      value: 12,
      byPartner: [
        { orgId: 'a', n: 9 },
        { orgId: 'b', n: 3 },
        { orgId: 'c', n: 0 },
      ],
      suppressed: false,
    });
  });

  it('hides a small part and the part that would give it away, for aggregate readers', () => {
    const p = publish(count, 'persons', ['a', 'b', 'c'], false);
    // 3 is hidden; total − 9 would give it away, so 9 is hidden too; zero stays shown.
    expect(p.byPartner).toEqual([
      { orgId: 'a', n: null },
      { orgId: 'b', n: null },
      { orgId: 'c', n: 0 },
    ]);
    expect(p.value).toBe(12);
    expect(p.suppressed).toBe(true);
  });

  it('hides a small total of unique persons even when the parts add up to more', () => {
    const twice = {
      total: 3,
      byPartner: [
        { orgId: 'a', n: 3 },
        { orgId: 'b', n: 3 },
      ],
    };
    expect(publish(twice, 'persons', ['a', 'b'], false).value).toBeNull();
  });

  it('never suppresses organisations or services, which are no persons', () => {
    const orgs = {
      total: 2,
      byPartner: [
        { orgId: 'a', n: 1 },
        { orgId: 'b', n: 1 },
      ],
    };
    expect(publish(orgs, 'organisations', ['a', 'b'], false)).toMatchObject({ value: 2, suppressed: false });
  });

  it('lists a partner that counted but is no member of the programme after the members', () => {
    const p = publish({ total: 6, byPartner: [{ orgId: 'x', n: 6 }] }, 'persons', ['a'], false);
    expect(p.byPartner.map((x) => x.orgId)).toEqual(['a', 'x']);
    expect(p.byPartner[1]?.n).toBe(6);
  });
});

describe('targets and milestones', () => {
  it('gives the share of the target to one decimal', () => {
    expect(percentOf(23, 60)).toBe(38.3);
    expect(percentOf(0, 50)).toBe(0);
  });

  it('tells a past milestone reached or missed, a future one upcoming', () => {
    expect(milestoneStatus({ dueOn: '2026-06-30', target: 10 }, 12, '2026-12-01')).toBe('reached');
    expect(milestoneStatus({ dueOn: '2026-06-30', target: 10 }, 9, '2026-12-01')).toBe('missed');
    expect(milestoneStatus({ dueOn: '2026-06-30', target: 10 }, null, '2026-12-01')).toBe('missed');
    expect(milestoneStatus({ dueOn: '2027-06-30', target: 10 }, 0, '2026-12-01')).toBe('upcoming');
  });
});

describe("milestones' values for aggregate readers", () => {
  it('hides a value that is small, or a few persons away from one already shown', () => {
    // 40 is 2 away from the total 42: shown, it would tell that 2 persons came since.
    expect(publishMilestoneValues(42, [3, 40, 30, null], true)).toEqual([null, null, 30, null]);
    expect(publishMilestoneValues(null, [20, 22], true)).toEqual([20, null]);
  });

  it('shows every value to the lead organisation', () => {
    expect(publishMilestoneValues(42, [3, 40, null], false)).toEqual([3, 40, null]);
  });
});
