import { describe, expect, it } from 'vitest';
import { instantToWall, sameDay, wallToInstant } from './schedule';

describe('event schedule', () => {
  it('reads a day and time as Brussels time, winter and summer', () => {
    expect(wallToInstant('2027-01-15', '09:30')).toBe('2027-01-15T08:30:00.000Z');
    expect(wallToInstant('2027-07-15', '09:30')).toBe('2027-07-15T07:30:00.000Z');
  });

  it('refuses a missing or impossible day or time', () => {
    expect(wallToInstant('', '09:00')).toBeNull();
    expect(wallToInstant('2027-01-15', '')).toBeNull();
    expect(wallToInstant('2027-01-15', '24:00')).toBeNull();
    expect(wallToInstant('2027-02-30', '09:00')).toBeNull();
  });

  it('shows an instant as its Brussels day and time, and back', () => {
    expect(instantToWall('2027-03-01T23:30:00.000Z')).toEqual({ day: '2027-03-02', time: '00:30' });
    const w = instantToWall('2027-06-10T14:05:00.000Z');
    expect(wallToInstant(w.day, w.time)).toBe('2027-06-10T14:05:00.000Z');
  });

  it('tells a one-day event from one over several days', () => {
    expect(sameDay('2027-03-02T08:00:00Z', '2027-03-02T16:00:00Z')).toBe(true);
    expect(sameDay('2027-03-02T08:00:00Z', '2027-03-03T16:00:00Z')).toBe(false);
    // 23:30 UTC is already the next day in Brussels.
    expect(sameDay('2027-03-02T08:00:00Z', '2027-03-02T23:30:00Z')).toBe(false);
  });
});
