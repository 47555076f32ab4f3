import Type, { type Static } from 'typebox';
import { IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import {
  BOOKING_STATUSES,
  DOMAINS,
  FEEDBACK_FLAGS,
  GENDER_PREFERENCES,
  MODALITIES,
} from './interpreting-rules';

/** Interpreter bookings (part interpreting of the accompaniment module, migration 0056). */

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Language = Type.String({ pattern: '^[a-z]{3}$' });

export const BookingInput = Type.Object({
  language: Language,
  dialect: Type.Optional(NullFirst(Text(100))),
  modality: Type.Enum([...MODALITIES]),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: Type.Optional(NullFirst(Text(300, 2))),
  phone: Type.Optional(NullFirst(Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$' }))),
  videoUrl: Type.Optional(NullFirst(Type.String({ pattern: '^https://', maxLength: 500 }))),
  domain: Type.Enum([...DOMAINS]),
  genderPreference: Type.Enum([...GENDER_PREFERENCES]),
  personId: Type.Optional(NullFirst(Uuid)),
  briefing: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 1000 }))),
  /** A samen organisation offering interpreting, or… */
  providerOrgId: Type.Optional(NullFirst(Uuid)),
  /** …an external service named by the booker. */
  externalService: Type.Optional(NullFirst(Text(200, 2))),
  costCentre: Type.Optional(NullFirst(Text(100))),
});
export type BookingInput = Static<typeof BookingInput>;

export const BookingActionInput = Type.Object({
  action: Type.Enum(['confirm', 'cancel', 'done', 'no_show']),
  interpreterName: Type.Optional(NullFirst(Text(200, 2))),
  /** An external service's interpreter: the address the time-boxed link goes to. */
  interpreterEmail: Type.Optional(NullFirst(Type.String({ format: 'email', maxLength: 254 }))),
  providerReference: Type.Optional(NullFirst(Text(100))),
  reason: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 500 }))),
});
export type BookingActionInput = Static<typeof BookingActionInput>;

export const FeedbackInput = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 2000 }))),
  flags: Type.Array(Type.Enum([...FEEDBACK_FLAGS]), { maxItems: FEEDBACK_FLAGS.length, uniqueItems: true }),
});
export type FeedbackInput = Static<typeof FeedbackInput>;

const OrgName = Type.Object({ id: Uuid, name: Type.String() });

export const BookingSummary = Type.Object({
  id: Uuid,
  language: Type.String(),
  dialect: Nullable(Type.String()),
  modality: Type.Enum([...MODALITIES]),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  domain: Type.Enum([...DOMAINS]),
  status: Type.Enum([...BOOKING_STATUSES]),
  booker: OrgName,
  provider: Type.String(),
  /** Whether the reader's organisation is the provider (else the booker). */
  asProvider: Type.Boolean(),
  interpreterName: Nullable(Type.String()),
});
export type BookingSummary = Static<typeof BookingSummary>;

export const BookingListQuery = Type.Object({
  view: Type.Optional(Type.Enum(['mine', 'provider'])),
});
export type BookingListQuery = Static<typeof BookingListQuery>;

export const BookingList = Type.Object({
  items: Type.Array(BookingSummary),
  canBook: Type.Boolean(),
  canProvide: Type.Boolean(),
});
export type BookingList = Static<typeof BookingList>;

export const BookingDetail = Type.Object({
  ...BookingSummary.properties,
  place: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  genderPreference: Type.Enum([...GENDER_PREFERENCES]),
  briefing: Nullable(Type.String()),
  /** The person concerned: to the booking organisation only. */
  person: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  providerOrgId: Nullable(Uuid),
  externalService: Nullable(Type.String()),
  providerReference: Nullable(Type.String()),
  costCentre: Nullable(Type.String()),
  /** Whether a time-boxed link was sent to an external interpreter (never the address to the provider). */
  externalLinkSent: Type.Boolean(),
  interpreterEmail: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  feedback: Nullable(
    Type.Object({
      rating: Type.Integer(),
      comment: Nullable(Type.String()),
      flags: Type.Array(Type.String()),
    }),
  ),
  actions: Type.Array(Type.Enum(['confirm', 'cancel', 'done', 'no_show'])),
  canGiveFeedback: Type.Boolean(),
});
export type BookingDetail = Static<typeof BookingDetail>;

export const ProviderList = Type.Object({ items: Type.Array(OrgName) });
export type ProviderList = Static<typeof ProviderList>;

/** What a person's record says of their interpreter need, to prefill a booking (people module, if known). */
export const PrefillQuery = Type.Object({ personId: Uuid });
export const Prefill = Type.Object({
  language: Nullable(Type.String()),
  dialect: Nullable(Type.String()),
  modality: Nullable(Type.String()),
  genderPreference: Nullable(Type.String()),
});
export type Prefill = Static<typeof Prefill>;

/** The external interpreter's page: the token travels in the body (it came in the URL fragment). */
export const ExternalAccessInput = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const ExternalBooking = Type.Object({
  id: Uuid,
  language: Type.String(),
  dialect: Nullable(Type.String()),
  modality: Type.Enum([...MODALITIES]),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  domain: Type.Enum([...DOMAINS]),
  briefing: Nullable(Type.String()),
  interpreterName: Nullable(Type.String()),
  booker: Type.Object({ nameFr: Type.String(), nameNl: Type.String() }),
});
export type ExternalBooking = Static<typeof ExternalBooking>;

export const Created = Type.Object({ id: Uuid });
