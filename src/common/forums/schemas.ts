import Type, { type Static } from 'typebox';
import { IsoDateTime, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** Forums and events with their public registration (issue 13, migration 0044), shared by API and pages. */

export const EVENT_KINDS = [
  'thematic_forum',
  'awareness_session',
  'information_session',
  'training',
  'network_meeting',
  'group_session',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** The kinds led by a pair of trainers (migration 0057): trainings, network meetings, group sessions. */
export const TRAINER_KINDS: readonly EventKind[] = ['training', 'network_meeting', 'group_session'];
export const hasTrainers = (kind: string) => (TRAINER_KINDS as readonly string[]).includes(kind);
export const EVENT_AUDIENCES = ['professionals', 'volunteers', 'associations', 'residents'] as const;
export const EVENT_LANGUAGES = ['fr', 'nl'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REGISTRATION_LANGUAGES = ['fr', 'nl', 'en'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

const Title = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });

/** A trainer of the pair: a name, and the user account when the trainer has one. */
export const Trainer = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' }),
    userId: Type.Optional(NullFirst(Uuid)),
  },
  { additionalProperties: false },
);
export type Trainer = Static<typeof Trainer>;
const Trainers = Type.Array(Trainer, { maxItems: 2 });
const Description = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 5000 })));

export const EventInput = Type.Object(
  {
    kind: Type.Enum([...EVENT_KINDS]),
    titleFr: Title,
    titleNl: Title,
    descriptionFr: Description,
    descriptionNl: Description,
    theme: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }))),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    venue: Type.Optional(NullFirst(Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }))),
    onlineUrl: Type.Optional(NullFirst(Type.String({ maxLength: 500, pattern: '^https://\\S+$' }))),
    languages: Type.Array(Type.Enum([...EVENT_LANGUAGES]), { minItems: 1, maxItems: 2, uniqueItems: true }),
    interpreting: Type.Boolean(),
    capacity: Type.Integer({ minimum: 1, maximum: 5000 }),
    audiences: Type.Array(Type.Enum([...EVENT_AUDIENCES]), { minItems: 1, maxItems: 4, uniqueItems: true }),
    partnerOrgIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }),
    programmeId: Type.Optional(NullFirst(Uuid)),
    /** Trainings, network meetings and group sessions only: the trainer pair (none, one or two). */
    trainers: Type.Optional(Trainers),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventInput>;

export const EventTransition = Type.Object(
  { to: Type.Enum(['published', 'cancelled']) },
  { additionalProperties: false },
);
export type EventTransition = Static<typeof EventTransition>;

export const EventCounts = Type.Object({
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
  cancelled: Type.Integer(),
  attended: Type.Integer(),
});
export type EventCounts = Static<typeof EventCounts>;

export const EventSummary = Type.Object({
  id: Uuid,
  kind: Type.Enum([...EVENT_KINDS]),
  title: Type.String(),
  organisation: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  status: Type.Enum([...EVENT_STATUSES]),
  capacity: Type.Integer(),
  /** Counts for the organiser only (null for other readers). */
  counts: NullFirst(EventCounts),
  canEdit: Type.Boolean(),
});
export type EventSummary = Static<typeof EventSummary>;

export const EventList = Type.Object({ items: Type.Array(EventSummary), canCreate: Type.Boolean() });
export type EventList = Static<typeof EventList>;

export const PartnerView = Type.Object({ id: Uuid, name: Type.String() });

export const RegistrationView = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  organisation: NullFirst(Type.String()),
  language: Type.Enum([...REGISTRATION_LANGUAGES]),
  accessibilityNeeds: NullFirst(Type.String()),
  consentContact: Type.Boolean(),
  status: Type.Enum([...REGISTRATION_STATUSES]),
  createdAt: IsoDateTime,
  cancelledAt: NullFirst(IsoDateTime),
  promotedAt: NullFirst(IsoDateTime),
});
export type RegistrationView = Static<typeof RegistrationView>;

export const EventDetail = Type.Object({
  id: Uuid,
  orgId: Uuid,
  organisation: Type.String(),
  kind: Type.Enum([...EVENT_KINDS]),
  titleFr: Type.String(),
  titleNl: Type.String(),
  descriptionFr: NullFirst(Type.String()),
  descriptionNl: NullFirst(Type.String()),
  theme: NullFirst(Type.String()),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  venue: NullFirst(Type.String()),
  onlineUrl: NullFirst(Type.String()),
  languages: Type.Array(Type.Enum([...EVENT_LANGUAGES])),
  interpreting: Type.Boolean(),
  capacity: Type.Integer(),
  audiences: Type.Array(Type.Enum([...EVENT_AUDIENCES])),
  partners: Type.Array(PartnerView),
  programmeId: NullFirst(Uuid),
  /** The trainer pair of a training, network meeting or group session (migration 0057). */
  trainers: Type.Optional(Type.Array(Type.Object({ name: Type.String(), userId: NullFirst(Uuid) }))),
  status: Type.Enum([...EVENT_STATUSES]),
  canEdit: Type.Boolean(),
  /** The organiser's view: counts and registrations (confirmed, waiting list in order, cancelled). */
  counts: NullFirst(EventCounts),
  registrations: Type.Array(RegistrationView),
});
export type EventDetail = Static<typeof EventDetail>;

export const EventCreated = Type.Object({ id: Uuid });

export const PublicEventQuery = Type.Object(
  { lang: Type.Optional(Type.Enum([...EVENT_LANGUAGES])) },
  { additionalProperties: false },
);

/** A published event for anyone: nothing about its registrants beyond whether places remain. */
export const PublicEventView = Type.Object({
  id: Uuid,
  language: Type.Enum([...EVENT_LANGUAGES]),
  kind: Type.Enum([...EVENT_KINDS]),
  title: Type.String(),
  description: NullFirst(Type.String()),
  theme: NullFirst(Type.String()),
  organisation: Type.String(),
  partners: Type.Array(Type.String()),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  venue: NullFirst(Type.String()),
  onlineUrl: NullFirst(Type.String()),
  languages: Type.Array(Type.Enum([...EVENT_LANGUAGES])),
  interpreting: Type.Boolean(),
  audiences: Type.Array(Type.Enum([...EVENT_AUDIENCES])),
  status: Type.Enum(['published', 'cancelled']),
  /** Whether a new registration is confirmed or goes to the waiting list (no count is given). */
  full: Type.Boolean(),
  /** Registration is closed once the event has started or was cancelled. */
  open: Type.Boolean(),
});
export type PublicEventView = Static<typeof PublicEventView>;

export const RegistrationInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' }),
    email: Type.String({ format: 'email', minLength: 3, maxLength: 254 }),
    organisation: Type.Optional(NullFirst(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }))),
    language: Type.Enum([...REGISTRATION_LANGUAGES]),
    accessibilityNeeds: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 1000 }))),
    consentContact: Type.Boolean(),
    /** The honeypot: a field people never see nor fill; a robot filling it is answered as anyone else. */
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RegistrationInput = Static<typeof RegistrationInput>;

/** The same answer whatever happened (new, already registered, robot): the details arrive by e-mail. */
export const RegistrationReceived = Type.Object({ received: Type.Literal(true) });

export const CancelInput = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
export const CancelDone = Type.Object({ title: Type.String() });
