import Type, { type Static } from 'typebox';
import { Email } from '../auth/schemas';
import { IsoDate, Nullable, NullFirst, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** The volunteer registry (issue 13). Migration 0045 checks the same lists. */
export const VOLUNTEER_STATUSES = ['pending', 'active', 'inactive'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const VOLUNTEER_LANGUAGES = [
  'fr',
  'nl',
  'en',
  'de',
  'ar',
  'es',
  'it',
  'pt',
  'pl',
  'ro',
  'tr',
  'uk',
  'ru',
  'fa',
  'ps',
  'ti',
  'so',
  'vls',
  'other',
] as const;
export const VOLUNTEER_SKILLS = [
  'interpreting',
  'accompaniment',
  'administrative_help',
  'digital_help',
  'driving',
  'cooking',
  'tutoring',
  'language_practice',
  'childcare',
  'event_support',
  'repair',
  'listening',
  'other',
] as const;

const Skills = Type.Array(Type.Enum([...VOLUNTEER_SKILLS]), { maxItems: 20, uniqueItems: true });
const Name = Type.String({ minLength: 2, maxLength: 200 });
const Phone = Type.String({ minLength: 4, maxLength: 40, pattern: '^[0-9+ ().\\-/]+$' });
const Availability = MultilineText({ maxLength: 1000 });

/**
 * The public self-registration (no account). `website` is a honeypot: people leave it empty, robots fill
 * it; a filled one is answered like any other and stored nowhere. The benefit status is never asked here.
 */
export const VolunteerRegistration = Type.Object(
  {
    name: Name,
    email: Email,
    phone: Type.Optional(NullFirst(Phone)),
    languages: Type.Array(Type.Enum([...VOLUNTEER_LANGUAGES]), {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
    }),
    skills: Skills,
    availability: Type.Optional(NullFirst(Availability)),
    orgId: Uuid,
    consent: Type.Literal(true),
    website: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type VolunteerRegistration = Static<typeof VolunteerRegistration>;

/** The organisations a volunteer may choose on the public form (the network's active organisations). */
export const VolunteerOrgOption = Type.Object({
  id: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  country: Type.String(),
  kind: Type.String(),
});
export type VolunteerOrgOption = Static<typeof VolunteerOrgOption>;
export const VolunteerOrgOptions = Type.Array(VolunteerOrgOption);

export const VolunteerQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...VOLUNTEER_STATUSES])),
    language: Type.Optional(Type.Enum([...VOLUNTEER_LANGUAGES])),
    skill: Type.Optional(Type.Enum([...VOLUNTEER_SKILLS])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type VolunteerQuery = Static<typeof VolunteerQuery>;

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });
export type OrgRef = Static<typeof OrgRef>;

export const VolunteerListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  languages: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  status: Type.Enum([...VOLUNTEER_STATUSES]),
  coordinator: OrgRef,
  createdAt: Type.String(),
});
export type VolunteerListItem = Static<typeof VolunteerListItem>;
export const VolunteerPage = Paged(VolunteerListItem);
export type VolunteerPage = Static<typeof VolunteerPage>;

export const VolunteerTraining = Type.Object({
  id: Type.String(),
  title: Type.String(),
  followedOn: Type.String(),
  org: OrgRef,
  /** Recorded by the caller's organisation, which alone may remove it. */
  canRemove: Type.Boolean(),
});
export const VolunteerDeclaration = Type.Object({
  id: Type.String(),
  centre: OrgRef,
  declaredOn: Type.String(),
  acknowledgedBy: Type.String(),
  acknowledgedAt: Type.String(),
});
export type VolunteerDeclaration = Static<typeof VolunteerDeclaration>;
export const VolunteerAssignment = Type.Object({
  id: Type.String(),
  org: OrgRef,
  eventId: Nullable(Type.String()),
  /** In the caller's language (FR or NL title). */
  eventTitle: Nullable(Type.String()),
  initiativeId: Nullable(Type.String()),
  initiativeTitle: Nullable(Type.String()),
  activityTitle: Nullable(Type.String()),
  assignedOn: Type.String(),
  hours: Type.Number(),
  insured: Type.Boolean(),
});
export type VolunteerAssignment = Static<typeof VolunteerAssignment>;

export const HoursSummary = Type.Object({
  year: Type.Integer(),
  total: Type.Number(),
  byOrganisation: Type.Array(Type.Object({ org: OrgRef, hours: Type.Number() })),
  /** Events and initiatives by id, free activities by title. */
  byActivity: Type.Array(
    Type.Object({
      kind: Type.Enum(['event', 'initiative', 'activity']),
      id: Nullable(Type.String()),
      title: Type.String(),
      hours: Type.Number(),
    }),
  ),
});
export type HoursSummary = Static<typeof HoursSummary>;

export const VolunteerDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  availability: Nullable(Type.String()),
  status: Type.Enum([...VOLUNTEER_STATUSES]),
  consentGivenAt: Type.String(),
  validatedAt: Nullable(Type.String()),
  coordinator: OrgRef,
  benefitCentre: Nullable(OrgRef),
  organisations: Type.Array(OrgRef),
  trainings: Type.Array(VolunteerTraining),
  declarations: Type.Array(VolunteerDeclaration),
  assignments: Type.Array(VolunteerAssignment),
  totalHours: Type.Number(),
  /** This year's hours per organisation and per event / initiative / activity (src/common/volunteers/hours.ts). */
  summary: HoursSummary,
  /** The caller's organisation coordinates the volunteer and the caller holds volunteers.manage. */
  canManage: Type.Boolean(),
  /** The caller may record trainings and assignments for its organisation. */
  canAssign: Type.Boolean(),
});
export type VolunteerDetail = Static<typeof VolunteerDetail>;

export const VOLUNTEER_ACTIONS = ['validate', 'deactivate', 'reactivate'] as const;
export type VolunteerAction = (typeof VOLUNTEER_ACTIONS)[number];
export const VolunteerStatusBody = Type.Object(
  { action: Type.Enum([...VOLUNTEER_ACTIONS]) },
  { additionalProperties: false },
);
export type VolunteerStatusBody = Static<typeof VolunteerStatusBody>;

/** Records (or clears) the Belgian centre the volunteer receives a benefit from. */
export const BenefitCentreBody = Type.Object(
  { centreOrgId: NullFirst(Uuid) },
  { additionalProperties: false },
);
export type BenefitCentreBody = Static<typeof BenefitCentreBody>;

export const DeclarationBody = Type.Object(
  { centreOrgId: Uuid, declaredOn: IsoDate },
  { additionalProperties: false },
);
export type DeclarationBody = Static<typeof DeclarationBody>;

export const VolunteerOrgBody = Type.Object({ orgId: Uuid }, { additionalProperties: false });
export type VolunteerOrgBody = Static<typeof VolunteerOrgBody>;

export const TrainingBody = Type.Object(
  { title: Name, followedOn: IsoDate },
  { additionalProperties: false },
);
export type TrainingBody = Static<typeof TrainingBody>;

/** A day has 24 hours: one assignment, and a volunteer's assignments of one day together, stay within it. */
export const MAX_HOURS_PER_DAY = 24;

/** Exactly one of an event, an initiative or a free activity title (src/common/volunteers/rules.ts). */
export const AssignmentBody = Type.Object(
  {
    eventId: Type.Optional(NullFirst(Uuid)),
    initiativeId: Type.Optional(NullFirst(Uuid)),
    activityTitle: Type.Optional(NullFirst(Name)),
    assignedOn: IsoDate,
    hours: Type.Number({ exclusiveMinimum: 0, maximum: MAX_HOURS_PER_DAY, multipleOf: 0.25 }),
  },
  { additionalProperties: false },
);
export type AssignmentBody = Static<typeof AssignmentBody>;
export const AssignmentCreated = Type.Object({ id: Type.String(), insured: Type.Boolean() });

export const InsuranceBody = Type.Object(
  {
    insurer: Name,
    policyNumber: Type.String({ minLength: 1, maxLength: 100 }),
    validFrom: IsoDate,
    validTo: Type.Optional(NullFirst(IsoDate)),
  },
  { additionalProperties: false },
);
export type InsuranceBody = Static<typeof InsuranceBody>;
export const InsuranceView = Type.Object({
  id: Type.String(),
  insurer: Type.String(),
  policyNumber: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
});
export type InsuranceView = Static<typeof InsuranceView>;
export const InsuranceList = Type.Object({
  items: Type.Array(InsuranceView),
  /** Whether one of them covers today. */
  coveredToday: Type.Boolean(),
  canManage: Type.Boolean(),
});
export type InsuranceList = Static<typeof InsuranceList>;
