import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Uuid } from '../kernel/schemas';
import { IMMERSION_KINDS } from './request-rules';
import { REQUEST_STATUSES } from './request-workflow';

/**
 * Immersion calendars (issue 11): the reader's own immersions, their teams' hosting, a programme's; and
 * the reader's secret iCalendar feed.
 */

export const CALENDAR_SCOPES = ['mine', 'team', 'programme'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

/** The statuses a calendar shows: what takes place; "mine" also what still waits for approval. */
export const CALENDAR_STATUSES = ['agreed', 'in_progress', 'completed'] as const;
export const PENDING_STATUSES = ['awaiting_manager', 'awaiting_host'] as const;

/** The longest window one calendar answer covers (days between from and to). */
export const CALENDAR_MAX_DAYS = 400;

export const CalendarQuery = Type.Object(
  {
    scope: Type.Optional(Type.Enum([...CALENDAR_SCOPES])),
    programmeId: Type.Optional(Uuid),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarItem = Type.Object({
  /** The request, for a party of it (mine, team); null in the programme's calendar. */
  requestId: Nullable(Uuid),
  startsOn: IsoDate,
  endsOn: IsoDate,
  kind: Type.Enum([...IMMERSION_KINDS]),
  status: Type.Enum([...REQUEST_STATUSES]),
  /** Still waiting for the manager's or the host's approval (only in "mine"). */
  pending: Type.Boolean(),
  hostOrgName: Type.String(),
  unitName: Nullable(Type.String()),
  visitorOrgName: Type.String(),
  /** The professional's name, only to the visitor's and the host's organisations; never to a programme. */
  visitorName: Nullable(Type.String()),
  /** Professionals the line stands for (more than one in the programme's calendar). */
  visitors: Type.Integer(),
});
export type CalendarItem = Static<typeof CalendarItem>;

export const CalendarView = Type.Object({
  scope: Type.Enum([...CALENDAR_SCOPES]),
  from: IsoDate,
  to: IsoDate,
  programmeId: Nullable(Uuid),
  /** The programmes the reader's organisation leads or is a partner of (the programme scope's choice). */
  programmes: Type.Array(Type.Object({ id: Uuid, acronym: Type.String() })),
  items: Type.Array(CalendarItem),
});
export type CalendarView = Static<typeof CalendarView>;

export const FeedState = Type.Object({
  /** Since when the live feed exists; null when the reader has none (never created, or revoked). */
  createdAt: Nullable(IsoDateTime),
});
export type FeedState = Static<typeof FeedState>;

/** The feed's address, shown once: only its hash is kept. */
export const FeedCreated = Type.Object({ url: Type.String(), createdAt: IsoDateTime });
export type FeedCreated = Static<typeof FeedCreated>;

/** The feed's token, in the query string: request logs keep query keys but never their values. */
export const FeedQuery = Type.Object(
  { token: Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
