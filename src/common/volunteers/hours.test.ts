import { describe, expect, it } from 'vitest';
import { hoursSummary } from './hours';
import { assignmentTarget, dayOverfull } from './rules';
import type { VolunteerAssignment } from './schemas';

const LILLE = { id: 'lille', nameFr: 'CCAS de Lille', nameNl: 'CCAS Rijsel' };
const MOUSCRON = { id: 'mouscron', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' };
const a = (over: Partial<VolunteerAssignment>): VolunteerAssignment => ({
  id: Math.random().toString(36),
  org: LILLE,
  eventId: null,
  eventTitle: null,
  initiativeId: null,
  initiativeTitle: null,
  activityTitle: null,
  assignedOn: '2026-03-01',
  hours: 1,
  insured: true,
  ...over,
});

describe('hoursSummary', () => {
  it('sums one year per organisation and per event, initiative or activity, most hours first', () => {
    const s = hoursSummary(
      [
        a({ eventId: 'e1', eventTitle: 'Forum', hours: 2.25 }),
        a({ eventId: 'e1', eventTitle: 'Forum', hours: 0.5, org: MOUSCRON }),
        a({ initiativeId: 'i1', initiativeTitle: 'Jardin', hours: 4 }),
        a({ activityTitle: 'Atelier ', hours: 0.1 }),
        a({ activityTitle: 'atelier', hours: 0.2 }),
        // Another year is not counted.
        a({ activityTitle: 'Atelier', hours: 9, assignedOn: '2025-12-31' }),
      ],
      2026,
      (o) => o.nameFr,
    );
    expect(s.total).toBe(7.05);
    expect(s.byOrganisation).toEqual([
      { org: LILLE, hours: 6.55 },
      { org: MOUSCRON, hours: 0.5 },
    ]);
    expect(s.byActivity).toEqual([
      { kind: 'initiative', id: 'i1', title: 'Jardin', hours: 4 },
      { kind: 'event', id: 'e1', title: 'Forum', hours: 2.75 },
      { kind: 'activity', id: null, title: 'Atelier', hours: 0.3 },
    ]);
  });

  it('is empty for a year without assignments', () => {
    expect(hoursSummary([a({ assignedOn: '2025-01-01' })], 2026, (o) => o.nameFr)).toEqual({
      year: 2026,
      total: 0,
      byOrganisation: [],
      byActivity: [],
    });
  });
});

describe('assignmentTarget', () => {
  it('takes exactly one of an event, an initiative or a titled activity', () => {
    expect(assignmentTarget({ eventId: 'e' })).toEqual({ kind: 'event', id: 'e' });
    expect(assignmentTarget({ initiativeId: 'i', activityTitle: ' ' })).toEqual({
      kind: 'initiative',
      id: 'i',
    });
    expect(assignmentTarget({ activityTitle: ' Atelier ' })).toEqual({ kind: 'activity', title: 'Atelier' });
    expect(assignmentTarget({})).toBe('event_or_activity');
    expect(assignmentTarget({ activityTitle: '   ', eventId: null })).toBe('event_or_activity');
    expect(assignmentTarget({ eventId: 'e', initiativeId: 'i' })).toBe('only_one_target');
    expect(assignmentTarget({ eventId: 'e', activityTitle: 'x' })).toBe('only_one_target');
  });
});

describe('dayOverfull', () => {
  it('allows a full day exactly, not a quarter hour more', () => {
    expect(dayOverfull([{ hours: 20 }], 4, 24)).toBe(false);
    expect(dayOverfull([{ hours: 20 }, { hours: 4 }], 0.25, 24)).toBe(true);
    expect(dayOverfull([{ hours: 0.1 }, { hours: 0.2 }], 23.7, 24)).toBe(false);
  });
});
