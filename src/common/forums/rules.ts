import type { RegistrationStatus } from './schemas';

/**
 * The pure rules of an event's places: who gets a place, who waits, who is promoted when a place frees.
 * A place is held by a confirmed or attended registration; the waiting list is served in order of arrival
 * (position), whatever the order the rows come in.
 */

export interface PlaceClaim {
  id: string;
  status: RegistrationStatus;
  position: number;
}

const holdsPlace = (s: RegistrationStatus) => s === 'confirmed' || s === 'attended';

export const placesTaken = (regs: readonly PlaceClaim[]) => regs.filter((r) => holdsPlace(r.status)).length;

export const freePlaces = (capacity: number, regs: readonly PlaceClaim[]) =>
  Math.max(0, capacity - placesTaken(regs));

/** What a new registration gets: a place while one is free, else the waiting list. */
export const statusForNew = (capacity: number, regs: readonly PlaceClaim[]): 'confirmed' | 'waiting' =>
  freePlaces(capacity, regs) > 0 ? 'confirmed' : 'waiting';

/** The waiting list in order of arrival. */
export const waitingList = <T extends PlaceClaim>(regs: readonly T[]): T[] =>
  regs.filter((r) => r.status === 'waiting').sort((a, b) => a.position - b.position);

/**
 * The waiting registrations to promote now, first come first served: as many as there are free places (a
 * cancellation frees one; a larger capacity may free several).
 */
export const toPromote = <T extends PlaceClaim>(capacity: number, regs: readonly T[]): T[] =>
  waitingList(regs).slice(0, freePlaces(capacity, regs));

/** The next position in the event: after every registration, cancelled ones included (arrival order). */
export const nextPosition = (regs: readonly Pick<PlaceClaim, 'position'>[]) =>
  regs.reduce((m, r) => Math.max(m, r.position), 0) + 1;

/** Registration is open for a published event that has not started. */
export const registrationOpen = (e: { status: string; startsAt: string | Date }, now: Date) =>
  e.status === 'published' && new Date(e.startsAt).getTime() > now.getTime();

/** The reminder goes out the day before: from 24 hours before the start, never after it. */
export const reminderDue = (startsAt: Date, now: Date) => {
  const left = startsAt.getTime() - now.getTime();
  return left > 0 && left <= 24 * 60 * 60 * 1000;
};
