import { describe, expect, it } from 'vitest';
import { civilDay, fixedClock } from './clock';

describe('clock', () => {
  // Between midnight and 01:00 (winter) or 02:00 (summer) Brussels time, UTC is still on yesterday.
  it('gives the Brussels day, not the UTC one', () => {
    expect(civilDay(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(civilDay(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(civilDay(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
  });

  it('stops at a day or an instant for tests', () => {
    expect(fixedClock('2026-03-01').today()).toBe('2026-03-01');
    expect(fixedClock('2026-12-31T23:30:00Z').today()).toBe('2027-01-01');
    const c = fixedClock('2026-05-05');
    expect(c.now().getTime()).toBe(c.now().getTime());
  });
});
