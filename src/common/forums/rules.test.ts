import { describe, expect, it } from 'vitest';
import {
  freePlaces,
  nextPosition,
  type PlaceClaim,
  registrationOpen,
  reminderDue,
  statusForNew,
  toPromote,
  waitingList,
} from './rules';

const r = (id: string, status: PlaceClaim['status'], position: number): PlaceClaim => ({
  id,
  status,
  position,
});

describe('event places', () => {
  it('confirms while a place is free, then puts people on the waiting list', () => {
    expect(statusForNew(2, [])).toBe('confirmed');
    expect(statusForNew(2, [r('a', 'confirmed', 1)])).toBe('confirmed');
    expect(statusForNew(2, [r('a', 'confirmed', 1), r('b', 'attended', 2)])).toBe('waiting');
    // A cancelled registration holds no place.
    expect(statusForNew(2, [r('a', 'confirmed', 1), r('b', 'cancelled', 2)])).toBe('confirmed');
    expect(freePlaces(1, [r('a', 'confirmed', 1), r('b', 'confirmed', 2)])).toBe(0);
  });

  it('serves the waiting list in order of arrival, whatever the order of the rows', () => {
    const regs = [r('c', 'waiting', 7), r('a', 'confirmed', 1), r('b', 'waiting', 3), r('d', 'waiting', 5)];
    expect(waitingList(regs).map((x) => x.id)).toEqual(['b', 'd', 'c']);
  });

  it('promotes the first waiting person when a place frees, and no one while the event is full', () => {
    const full = [r('a', 'confirmed', 1), r('b', 'confirmed', 2), r('c', 'waiting', 4), r('d', 'waiting', 3)];
    expect(toPromote(2, full)).toEqual([]);
    const freed = full.map((x) => (x.id === 'a' ? { ...x, status: 'cancelled' as const } : x));
    expect(toPromote(2, freed).map((x) => x.id)).toEqual(['d']);
    // A larger capacity frees several places: promoted in order, never more than the waiting list.
    expect(toPromote(4, full).map((x) => x.id)).toEqual(['d', 'c']);
    expect(toPromote(10, full).map((x) => x.id)).toEqual(['d', 'c']);
    // A smaller capacity never takes a place back.
    expect(toPromote(1, full)).toEqual([]);
  });

  it('gives each registration the next position, cancelled ones included', () => {
    expect(nextPosition([])).toBe(1);
    expect(nextPosition([r('a', 'cancelled', 4), r('b', 'confirmed', 2)])).toBe(5);
  });

  it('opens registration for a published event not yet started', () => {
    const now = new Date('2027-03-01T10:00:00Z');
    expect(registrationOpen({ status: 'published', startsAt: '2027-03-02T09:00:00Z' }, now)).toBe(true);
    expect(registrationOpen({ status: 'published', startsAt: '2027-03-01T09:00:00Z' }, now)).toBe(false);
    expect(registrationOpen({ status: 'draft', startsAt: '2027-03-02T09:00:00Z' }, now)).toBe(false);
    expect(registrationOpen({ status: 'cancelled', startsAt: '2027-03-02T09:00:00Z' }, now)).toBe(false);
  });

  it('reminds within the last day before the start only', () => {
    const starts = new Date('2027-03-02T09:00:00Z');
    expect(reminderDue(starts, new Date('2027-03-01T09:00:01Z'))).toBe(true);
    expect(reminderDue(starts, new Date('2027-03-01T08:59:59Z'))).toBe(false);
    expect(reminderDue(starts, new Date('2027-03-02T09:00:00Z'))).toBe(false);
  });
});
