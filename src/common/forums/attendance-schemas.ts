import Type, { type Static } from 'typebox';
import { IsoDateTime, NullFirst, Uuid } from '../kernel/schemas';
import { CHECK_IN_CODE_LENGTH } from './attendance-rules';
import { EVENT_KINDS, EVENT_STATUSES } from './schemas';

/** Check-in and attendance (migration 0050), shared by API and pages. Organiser's side only. */

export const RegistrationParams = Type.Object({ id: Uuid, registrationId: Uuid });

export const CheckInRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  organisation: NullFirst(Type.String()),
  status: Type.Enum(['confirmed', 'waiting', 'attended']),
  attendedAt: NullFirst(IsoDateTime),
});
export type CheckInRow = Static<typeof CheckInRow>;

export const HOME_COUNTRIES = ['FR', 'BE'] as const;

export const AttendanceCount = Type.Object(
  {
    homeCountry: NullFirst(Type.Enum([...HOME_COUNTRIES])),
    participants: Type.Integer({ minimum: 1, maximum: 5000 }),
    firstTime: Type.Integer({ minimum: 0, maximum: 5000 }),
  },
  { additionalProperties: false },
);
export type AttendanceCount = Static<typeof AttendanceCount>;

/** Attendance without identities: counts and the organiser's participant codes (normalised). */
export const AnonymousAttendance = Type.Object({
  counts: Type.Array(AttendanceCount),
  codes: Type.Array(Type.String()),
});
export type AnonymousAttendance = Static<typeof AnonymousAttendance>;

/** The check-in page: the people expected (confirmed, present, then the waiting list) and the counters. */
export const CheckInView = Type.Object({
  id: Uuid,
  kind: Type.Enum([...EVENT_KINDS]),
  titleFr: Type.String(),
  titleNl: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  venue: NullFirst(Type.String()),
  status: Type.Enum([...EVENT_STATUSES]),
  /** Whether attendance may be recorded now (from 12 hours before the start). */
  open: Type.Boolean(),
  /** Confirmed places (present included) and those marked present. */
  expected: Type.Integer(),
  present: Type.Integer(),
  rows: Type.Array(CheckInRow),
  anonymous: AnonymousAttendance,
});
export type CheckInView = Static<typeof CheckInView>;

export const CheckInLookup = Type.Object(
  { code: Type.String({ minLength: CHECK_IN_CODE_LENGTH, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' }) },
  { additionalProperties: false },
);
export const CheckInFound = Type.Object({ registrationId: Uuid });

export const AttendanceInput = Type.Object({ present: Type.Boolean() }, { additionalProperties: false });
export type AttendanceInput = Static<typeof AttendanceInput>;

export const AnonymousAttendanceInput = Type.Object(
  {
    counts: Type.Array(AttendanceCount, { maxItems: 2 }),
    /** Codes as typed: normalised and checked by the server (one error per refused code). */
    codes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type AnonymousAttendanceInput = Static<typeof AnonymousAttendanceInput>;

export const AttendanceSheetQuery = Type.Object(
  { blank: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })) },
  { additionalProperties: false },
);
