/**
 * Interpreter bookings (issue 14): the workflow, who may move it, and the window in which an external
 * interpreter's link opens the booking. Migration 0056 checks the same moves.
 */
export const MODALITIES = ['on_site', 'phone', 'video'] as const;
export type Modality = (typeof MODALITIES)[number];
export const DOMAINS = ['health', 'social', 'legal', 'administrative', 'education'] as const;
export type Domain = (typeof DOMAINS)[number];
export const GENDER_PREFERENCES = ['none', 'female', 'male'] as const;
export const BOOKING_STATUSES = ['requested', 'confirmed', 'done', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const FEEDBACK_FLAGS = [
  'late',
  'absent',
  'language_mismatch',
  'quality',
  'confidentiality',
  'technical',
  'other',
] as const;

/** How long before the start an external interpreter's link opens the booking (until the slot's end). */
export const EXTERNAL_ACCESS_LEAD_HOURS = 24;
/** The longest slot. */
export const MAX_SLOT_HOURS = 12;

export type BookingAction = 'confirm' | 'cancel' | 'done' | 'no_show';
export type Side = 'booker' | 'provider';

const MOVES: Record<BookingAction, { from: readonly BookingStatus[]; to: BookingStatus }> = {
  confirm: { from: ['requested'], to: 'confirmed' },
  cancel: { from: ['requested', 'confirmed'], to: 'cancelled' },
  done: { from: ['confirmed'], to: 'done' },
  no_show: { from: ['confirmed'], to: 'no_show' },
};

/**
 * What one side may do now. The provider organisation confirms or cancels a booking addressed to it; the
 * booker confirms only a booking with an external service (it records the interpreter the service
 * named), cancels, and after the start records the outcome (done or no-show).
 */
export function availableActions(
  b: { status: BookingStatus; external: boolean; startsAt: Date },
  side: Side,
  now: Date,
): BookingAction[] {
  const out: BookingAction[] = [];
  for (const [action, m] of Object.entries(MOVES) as [BookingAction, (typeof MOVES)[BookingAction]][]) {
    if (!m.from.includes(b.status)) continue;
    if (action === 'confirm' && side === 'booker' && !b.external) continue;
    if (action === 'confirm' && side === 'provider' && b.external) continue;
    if ((action === 'done' || action === 'no_show') && (side !== 'booker' || now < b.startsAt)) continue;
    out.push(action);
  }
  return out;
}

export const targetStatus = (a: BookingAction): BookingStatus => MOVES[a].to;

/** Whether an external interpreter's link opens the booking at `now`: from 24 h before start to its end. */
export function externalAccessOpen(slot: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  const opens = slot.startsAt.getTime() - EXTERNAL_ACCESS_LEAD_HOURS * 3600_000;
  return now.getTime() >= opens && now.getTime() < slot.endsAt.getTime();
}

/** Problems with a slot: end after start, at most 12 hours. */
export function slotError(startsAt: Date, endsAt: Date): 'slot_order' | 'slot_too_long' | null {
  if (!(endsAt.getTime() > startsAt.getTime())) return 'slot_order';
  if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_HOURS * 3600_000) return 'slot_too_long';
  return null;
}

/** Feedback is given once the slot has started, on a booking that took place or whose interpreter did not come. */
export const feedbackOpen = (b: { status: BookingStatus; startsAt: Date }, now: Date) =>
  (b.status === 'done' || b.status === 'no_show' || b.status === 'confirmed') && now >= b.startsAt;
