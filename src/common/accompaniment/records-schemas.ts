import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import {
  CURRENT_STATUSES,
  NEWCOMER_CATEGORIES,
  OUTCOMES,
  PERMIT_TYPES,
  STATUS_EVENT_KINDS,
} from './records-status';

/** The newcomer record of a person (issue 14, migration 0054): API contracts and forms alike. */

export const HOUSING_SITUATIONS = [
  'reception_centre',
  'emergency_shelter',
  'social_housing',
  'private_rental',
  'hosted',
  'street',
  'other',
] as const;
export type HousingSituation = (typeof HOUSING_SITUATIONS)[number];
export const HOUSEHOLD_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export const WHEREABOUTS = [
  'with_person',
  'country_of_origin',
  'elsewhere',
  'reunification_pending',
] as const;
export const INTEGRATION_SCHEMES = ['fr_cir', 'wal_parcours', 'vl_inburgering'] as const;
export type IntegrationScheme = (typeof INTEGRATION_SCHEMES)[number];
export const INTEGRATION_STATUSES = [
  'not_started',
  'in_progress',
  'completed',
  'exempted',
  'interrupted',
] as const;
export const SIDES = ['FR', 'BE'] as const;

const ShortText = (max = 200) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const PersonParams = Type.Object({ personId: Uuid });
export type PersonParams = Static<typeof PersonParams>;

export const ProfileInput = Type.Object(
  {
    category: Type.Enum([...NEWCOMER_CATEGORIES]),
    arrivalOn: Type.Optional(NullFirst(IsoDate)),
    /** Only the month of arrival is known (the day is then the 1st). */
    arrivalApproximate: Type.Optional(Type.Boolean()),
    firstReceptionCountry: Type.Optional(NullFirst(Type.Enum([...SIDES]))),
    housing: Type.Optional(NullFirst(Type.Enum([...HOUSING_SITUATIONS]))),
  },
  { additionalProperties: false },
);
export type ProfileInput = Static<typeof ProfileInput>;

export const StatusEventInput = Type.Object(
  {
    kind: Type.Enum([...STATUS_EVENT_KINDS]),
    occurredOn: IsoDate,
    outcome: Type.Optional(NullFirst(Type.Enum([...OUTCOMES]))),
    permitType: Type.Optional(NullFirst(Type.Enum([...PERMIT_TYPES]))),
    validFrom: Type.Optional(NullFirst(IsoDate)),
    expiresOn: Type.Optional(NullFirst(IsoDate)),
    note: Type.Optional(NullFirst(ShortText(500))),
  },
  { additionalProperties: false },
);
export type StatusEventInput = Static<typeof StatusEventInput>;

export const IntegrationInput = Type.Object(
  {
    scheme: Type.Enum([...INTEGRATION_SCHEMES]),
    status: Type.Enum([...INTEGRATION_STATUSES]),
    startedOn: Type.Optional(NullFirst(IsoDate)),
    endedOn: Type.Optional(NullFirst(IsoDate)),
    provider: Type.Optional(NullFirst(ShortText())),
  },
  { additionalProperties: false },
);
export type IntegrationInput = Static<typeof IntegrationInput>;

export const HouseholdMember = Type.Object(
  {
    relation: Type.Enum([...HOUSEHOLD_RELATIONS]),
    birthYear: Type.Optional(NullFirst(Type.Integer({ minimum: 1900, maximum: 2100 }))),
    whereabouts: Type.Enum([...WHEREABOUTS]),
    /** Another person record of the same organisation, when the member is followed too. */
    linkedPersonId: Type.Optional(NullFirst(Uuid)),
  },
  { additionalProperties: false },
);
export type HouseholdMember = Static<typeof HouseholdMember>;

export const HouseholdInput = Type.Object(
  { members: Type.Array(HouseholdMember, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type HouseholdInput = Static<typeof HouseholdInput>;

export const GuardianInput = Type.Object(
  {
    name: ShortText(),
    organisation: Type.Optional(NullFirst(ShortText())),
    contact: Type.Optional(NullFirst(ShortText())),
    /** The day the guardian consented to the accompaniment; absent until they have. */
    consentOn: Type.Optional(NullFirst(IsoDate)),
  },
  { additionalProperties: false },
);
export type GuardianInput = Static<typeof GuardianInput>;

export const PsychosocialInput = Type.Object(
  {
    needed: Type.Boolean(),
    /** The organisation or team the person was referred to: a name, never a clinical fact. */
    referredTo: Type.Optional(NullFirst(ShortText())),
    since: Type.Optional(NullFirst(IsoDate)),
  },
  { additionalProperties: false },
);
export type PsychosocialInput = Static<typeof PsychosocialInput>;

export const StatusEventView = Type.Object({
  id: Uuid,
  kind: Type.Enum([...STATUS_EVENT_KINDS]),
  occurredOn: IsoDate,
  outcome: Nullable(Type.Enum([...OUTCOMES])),
  permitType: Nullable(Type.Enum([...PERMIT_TYPES])),
  validFrom: Nullable(IsoDate),
  expiresOn: Nullable(IsoDate),
  note: Nullable(Type.String()),
});
export type StatusEventView = Static<typeof StatusEventView>;

export const NewcomerProfileView = Type.Object({
  category: Type.Enum([...NEWCOMER_CATEGORIES]),
  arrivalOn: Nullable(IsoDate),
  arrivalApproximate: Type.Boolean(),
  firstReceptionCountry: Nullable(Type.Enum([...SIDES])),
  housing: Nullable(Type.Enum([...HOUSING_SITUATIONS])),
  guardian: Nullable(
    Type.Object({
      name: Type.String(),
      organisation: Nullable(Type.String()),
      contact: Nullable(Type.String()),
      consentOn: Nullable(IsoDate),
    }),
  ),
  psychosocial: Type.Object({
    needed: Type.Boolean(),
    referredTo: Nullable(Type.String()),
    since: Nullable(IsoDate),
  }),
});
export type NewcomerProfileView = Static<typeof NewcomerProfileView>;

export const NewcomerRecord = Type.Object({
  personId: Uuid,
  profile: Nullable(NewcomerProfileView),
  status: Type.Enum([...CURRENT_STATUSES]),
  permit: Nullable(
    Type.Object({
      type: Nullable(Type.Enum([...PERMIT_TYPES])),
      validFrom: IsoDate,
      expiresOn: IsoDate,
      inForce: Type.Boolean(),
      daysLeft: Type.Integer(),
    }),
  ),
  events: Type.Array(StatusEventView),
  integration: Nullable(
    Type.Object({
      scheme: Type.Enum([...INTEGRATION_SCHEMES]),
      status: Type.Enum([...INTEGRATION_STATUSES]),
      startedOn: Nullable(IsoDate),
      endedOn: Nullable(IsoDate),
      provider: Nullable(Type.String()),
    }),
  ),
  household: Type.Array(
    Type.Object({
      relation: Type.Enum([...HOUSEHOLD_RELATIONS]),
      birthYear: Nullable(Type.Integer()),
      whereabouts: Type.Enum([...WHEREABOUTS]),
      linkedPersonId: Nullable(Uuid),
      linkedPersonName: Nullable(Type.String()),
    }),
  ),
  /** The scheme of the organisation's side, offered first (CIR in France; Wallonia or Flanders in Belgium). */
  suggestedScheme: Nullable(Type.Enum([...INTEGRATION_SCHEMES])),
  canManage: Type.Boolean(),
});
export type NewcomerRecord = Static<typeof NewcomerRecord>;

/** What another organisation sees of a newcomer, by the field groups granted to it. */
export const SharedNewcomer = Type.Object({
  personId: Uuid,
  fields: Type.Array(Type.String()),
  legalStatus: Type.Optional(
    Type.Object({
      category: Type.Enum([...NEWCOMER_CATEGORIES]),
      currentStatus: Type.Enum([...CURRENT_STATUSES]),
      permitExpiresOn: Nullable(IsoDate),
      integrationScheme: Nullable(Type.Enum([...INTEGRATION_SCHEMES])),
      integrationStatus: Nullable(Type.Enum([...INTEGRATION_STATUSES])),
    }),
  ),
  psychosocial: Type.Optional(
    Type.Object({
      needed: Type.Boolean(),
      referredTo: Nullable(Type.String()),
      since: Nullable(IsoDate),
    }),
  ),
});
export type SharedNewcomer = Static<typeof SharedNewcomer>;

export const CreatedEvent = Type.Object({ id: Uuid });
