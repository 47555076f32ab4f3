import { describe, expect, it } from 'vitest';
import { availableActions, externalAccessOpen, feedbackOpen, slotError } from './interpreting-rules';

const startsAt = new Date('2030-03-10T09:00:00Z');
const endsAt = new Date('2030-03-10T09:45:00Z');
const H = 3_600_000;

describe('interpreter bookings', () => {
  it('opens the external link from 24 h before the start until the end of the slot', () => {
    const slot = { startsAt, endsAt };
    expect(externalAccessOpen(slot, new Date(startsAt.getTime() - 24 * H - 1))).toBe(false);
    expect(externalAccessOpen(slot, new Date(startsAt.getTime() - 24 * H))).toBe(true);
    expect(externalAccessOpen(slot, new Date(startsAt.getTime() + 30 * 60_000))).toBe(true);
    expect(externalAccessOpen(slot, endsAt)).toBe(false);
  });

  it('lets each side do its part of the workflow', () => {
    const before = new Date(startsAt.getTime() - H);
    const after = new Date(endsAt.getTime() + H);
    const ext = { status: 'requested' as const, external: true, startsAt };
    const member = { ...ext, external: false };
    expect(availableActions(ext, 'booker', before)).toEqual(['confirm', 'cancel']);
    expect(availableActions(member, 'booker', before)).toEqual(['cancel']);
    expect(availableActions(member, 'provider', before)).toEqual(['confirm', 'cancel']);
    expect(availableActions(ext, 'provider', before)).toEqual(['cancel']);
    const confirmed = { ...member, status: 'confirmed' as const };
    expect(availableActions(confirmed, 'booker', before)).toEqual(['cancel']);
    expect(availableActions(confirmed, 'booker', after)).toEqual(['cancel', 'done', 'no_show']);
    expect(availableActions(confirmed, 'provider', after)).toEqual(['cancel']);
    expect(availableActions({ ...member, status: 'done' }, 'booker', after)).toEqual([]);
  });

  it('checks the slot and when feedback opens', () => {
    expect(slotError(startsAt, endsAt)).toBeNull();
    expect(slotError(endsAt, startsAt)).toBe('slot_order');
    expect(slotError(startsAt, new Date(startsAt.getTime() + 13 * H))).toBe('slot_too_long');
    expect(feedbackOpen({ status: 'done', startsAt }, new Date(startsAt.getTime() - 1))).toBe(false);
    expect(feedbackOpen({ status: 'done', startsAt }, startsAt)).toBe(true);
    expect(feedbackOpen({ status: 'cancelled', startsAt }, endsAt)).toBe(false);
  });
});
