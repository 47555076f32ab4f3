import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../kernel/schemas';
import { ISO639_3_LANGUAGES } from '../people/languages';
import { SharedPerson } from '../people/shared-schemas';
import {
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  PLACE_COUNTRIES,
  REQUEST_ACTIONS,
  REQUEST_FIELDS,
  REQUEST_NEEDS,
  REQUEST_STATUSES,
  REQUEST_URGENCIES,
  TEAM_PROFESSIONS,
  TEAM_REGIONS,
} from './teams-rules';

/** Mobile teams, the requests they receive, their interventions and clinical notes (module accompaniment). */

const Lang = Type.Enum([...ISO639_3_LANGUAGES]);
const OrgRef = Type.Object({
  id: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  country: Type.String(),
});

export const Created = Type.Object({ id: Type.String() });
export type Created = Static<typeof Created>;

// ============================================================================ teams

export const TeamInput = Type.Object(
  {
    nameFr: Type.String({ minLength: 2, maxLength: 200 }),
    nameNl: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    languages: Type.Array(Lang, { maxItems: 40, uniqueItems: true }),
    regions: Type.Array(Type.Enum([...TEAM_REGIONS]), { minItems: 1, uniqueItems: true }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type TeamInput = Static<typeof TeamInput>;

const Professions = Type.Record(Type.String(), Type.Integer());

export const TeamSummary = Type.Object({
  id: Type.String(),
  org: OrgRef,
  nameFr: Type.String(),
  nameNl: Type.String(),
  description: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  active: Type.Boolean(),
  /** Members by profession (counts): what the network sees to choose a team. */
  professions: Professions,
  own: Type.Boolean(),
});
export type TeamSummary = Static<typeof TeamSummary>;
export const TeamList = Type.Object({ items: Type.Array(TeamSummary) });
export type TeamList = Static<typeof TeamList>;

export const TeamMember = Type.Object({
  id: Type.String(),
  userId: Nullable(Type.String()),
  name: Type.String(),
  profession: Type.Enum([...TEAM_PROFESSIONS]),
  hasAccount: Type.Boolean(),
});
export type TeamMember = Static<typeof TeamMember>;

export const TeamDetail = Type.Object({
  ...TeamSummary.properties,
  /** Only for the team's own organisation (empty otherwise). */
  members: Type.Array(TeamMember),
  /** The organisation's members who may be added (only for those who manage the team). */
  candidates: Type.Array(Type.Object({ userId: Type.String(), name: Type.String() })),
  canManage: Type.Boolean(),
});
export type TeamDetail = Static<typeof TeamDetail>;

export const MemberInput = Type.Object(
  {
    userId: Type.Optional(Nullable(Uuid)),
    displayName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    profession: Type.Enum([...TEAM_PROFESSIONS]),
  },
  { additionalProperties: false },
);
export type MemberInput = Static<typeof MemberInput>;
export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });

// ============================================================================ requests

export const RequestInput = Type.Object(
  {
    teamId: Uuid,
    personIds: Type.Array(Uuid, { minItems: 1, maxItems: 12, uniqueItems: true }),
    fields: Type.Array(Type.Enum([...REQUEST_FIELDS]), { minItems: 1, uniqueItems: true }),
    needs: Type.Array(Type.Enum([...REQUEST_NEEDS]), { minItems: 1, uniqueItems: true }),
    urgency: Type.Enum([...REQUEST_URGENCIES]),
    languages: Type.Array(Lang, { maxItems: 10, uniqueItems: true }),
    message: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    /** Without a valid consent: the reason of an override (consent.override permission). */
    overrideReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type RequestInput = Static<typeof RequestInput>;

export const RequestPreviewQuery = Type.Object(
  {
    teamId: Uuid,
    personIds: Type.String({ pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,11}$' }),
    fields: Type.String({ pattern: `^(${REQUEST_FIELDS.join('|')})(,(${REQUEST_FIELDS.join('|')}))*$` }),
  },
  { additionalProperties: false },
);
export type RequestPreviewQuery = Static<typeof RequestPreviewQuery>;

/** Per person of the household: the consent the share would rest on, or what it lacks. */
export const RequestPreview = Type.Object({
  persons: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      consent: Nullable(
        Type.Object({ id: Type.String(), givenOn: Type.String(), expiresOn: Nullable(Type.String()) }),
      ),
      gap: Nullable(Type.String()),
      missingFields: Type.Array(Type.String()),
      /** A guardian's consent is missing (an unaccompanied minor), when the records part tells. */
      guardianGap: Nullable(Type.String()),
    }),
  ),
  canOverride: Type.Boolean(),
});
export type RequestPreview = Static<typeof RequestPreview>;

export const RequestQuery = Type.Object(
  { box: Type.Optional(Type.Enum(['sent', 'received'])) },
  { additionalProperties: false },
);
export type RequestQuery = Static<typeof RequestQuery>;

export const RequestSummary = Type.Object({
  id: Type.String(),
  team: Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() }),
  requester: OrgRef,
  teamOrg: OrgRef,
  status: Type.Enum([...REQUEST_STATUSES]),
  urgency: Type.Enum([...REQUEST_URGENCIES]),
  needs: Type.Array(Type.String()),
  personCount: Type.Integer(),
  createdAt: Type.String(),
});
export type RequestSummary = Static<typeof RequestSummary>;
export const RequestList = Type.Object({ items: Type.Array(RequestSummary) });
export type RequestList = Static<typeof RequestList>;

export const InterventionView = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  durationMinutes: Type.Integer(),
  place: Type.String(),
  placeCountry: Type.Enum([...PLACE_COUNTRIES]),
  kind: Type.Enum([...INTERVENTION_KINDS]),
  language: Type.String(),
  personIds: Type.Array(Type.String()),
  otherParticipants: Type.Integer(),
  memberIds: Type.Array(Type.String()),
  status: Type.Enum([...INTERVENTION_STATUSES]),
  outcome: Nullable(Type.String()),
  onwardReferrals: Type.Array(Type.Object({ organisation: Type.String(), reason: Type.String() })),
  /** Derived: held in the other country, or a person followed in the other country. */
  crossBorder: Type.Boolean(),
});
export type InterventionView = Static<typeof InterventionView>;

export const RequestPerson = Type.Object({
  id: Type.String(),
  /** The requester's own person (names), or null for the team (see shared). */
  firstName: Nullable(Type.String()),
  lastName: Nullable(Type.String()),
  /** The team's view: only the granted field groups (absent once the grant ended). */
  shared: Nullable(SharedPerson),
});

export const RequestDetail = Type.Object({
  ...RequestSummary.properties,
  languages: Type.Array(Type.String()),
  fields: Type.Array(Type.String()),
  message: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  persons: Type.Array(RequestPerson),
  interventions: Type.Array(InterventionView),
  /** The team's members (the team's organisation only), for the members present. */
  members: Type.Array(TeamMember),
  side: Type.Enum(['requester', 'team']),
  canDecide: Type.Boolean(),
  canRecord: Type.Boolean(),
  /** The reader holds a clinical role of the team's organisation (the notes section shows). */
  clinical: Type.Boolean(),
});
export type RequestDetail = Static<typeof RequestDetail>;

export const DecisionInput = Type.Object(
  {
    action: Type.Enum([...REQUEST_ACTIONS]),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const InterventionInput = Type.Object(
  {
    startsAt: Type.String({ format: 'date-time' }),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
    place: Type.String({ minLength: 2, maxLength: 300 }),
    placeCountry: Type.Enum([...PLACE_COUNTRIES]),
    kind: Type.Enum([...INTERVENTION_KINDS]),
    language: Lang,
    personIds: Type.Array(Uuid, { minItems: 1, maxItems: 12, uniqueItems: true }),
    otherParticipants: Type.Integer({ minimum: 0, maximum: 500 }),
    memberIds: Type.Array(Uuid, { maxItems: 30, uniqueItems: true }),
    status: Type.Enum([...INTERVENTION_STATUSES]),
    outcome: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    onwardReferrals: Type.Array(
      Type.Object(
        {
          organisation: Type.String({ minLength: 2, maxLength: 200 }),
          reason: Type.String({ minLength: 2, maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type InterventionInput = Static<typeof InterventionInput>;

// ============================================================================ clinical notes

export const ClinicalNoteInput = Type.Object(
  {
    personId: Type.Optional(Nullable(Uuid)),
    body: Type.String({ minLength: 2, maxLength: 10000 }),
  },
  { additionalProperties: false },
);
export type ClinicalNoteInput = Static<typeof ClinicalNoteInput>;

export const ClinicalNoteList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      personId: Nullable(Type.String()),
      body: Type.String(),
      writtenBy: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});
export type ClinicalNoteList = Static<typeof ClinicalNoteList>;
