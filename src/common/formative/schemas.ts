import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { PartnershipDocument } from './documents';

/** Schemas of the immersion formative (issue 11), shared by the API and the forms. */

export const PROGRESS_LEVELS = ['discovering', 'practising', 'autonomous', 'transferring'] as const;
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];
export const REVIEW_KINDS = ['mid_year', 'end_of_year', 'final'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const PROJECT_STATUSES = ['planned', 'running', 'completed', 'abandoned'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const OrNull = NullFirst;
const Text = (max: number) => OrNull(Type.String({ minLength: 1, maxLength: max }));
const Hours = Type.Number({ minimum: 0.5, maximum: 12, multipleOf: 0.5 });

/** What the lead writes of a partnership (its parties are fixed once created). */
export const PartnershipEdit = Type.Object(
  {
    hostUnitId: Uuid,
    tutorUserId: Uuid,
    immersionStartsOn: IsoDate,
    immersionEndsOn: IsoDate,
    applicationStartsOn: IsoDate,
    applicationEndsOn: IsoDate,
    conventionOn: OrNull(IsoDate),
    fundingOrderOn: OrNull(IsoDate),
    hiredOn: OrNull(IsoDate),
  },
  { additionalProperties: false },
);
export type PartnershipEdit = Static<typeof PartnershipEdit>;

export const PartnershipInput = Type.Object(
  {
    ...PartnershipEdit.properties,
    programmeId: Uuid,
    partnerOrgId: Uuid,
    /** The trainee's address: the lead cannot list the partner's staff, it names the one it agreed on. */
    traineeEmail: Type.String({ format: 'email', maxLength: 200 }),
    plan: Type.Array(
      Type.Object(
        { moduleId: Uuid, plannedHours: Type.Integer({ minimum: 1, maximum: 2000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type PartnershipInput = Static<typeof PartnershipInput>;

export const SessionInput = Type.Object(
  {
    moduleId: Uuid,
    heldOn: IsoDate,
    hours: Hours,
    summary: Type.String({ minLength: 3, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type SessionInput = Static<typeof SessionInput>;

export const ProgressInput = Type.Object(
  {
    level: Type.Enum([...PROGRESS_LEVELS]),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    comment: Text(2000),
  },
  { additionalProperties: false },
);
export type ProgressInput = Static<typeof ProgressInput>;

export const ReviewInput = Type.Object(
  {
    heldOn: IsoDate,
    strengths: Text(4000),
    improvements: Text(4000),
    nextSteps: Text(4000),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const ProjectInput = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    objectives: Text(4000),
    actions: Text(4000),
    /** Counted, never named. */
    participants: Type.Integer({ minimum: 0, maximum: 100000 }),
    partners: Text(2000),
    results: Text(4000),
    status: Type.Enum([...PROJECT_STATUSES]),
    startsOn: OrNull(IsoDate),
    endsOn: OrNull(IsoDate),
  },
  { additionalProperties: false },
);
export type ProjectInput = Static<typeof ProjectInput>;

const Names = { nameFr: Type.String(), nameNl: Type.String() };

export const PartnershipSummary = Type.Object({
  id: Uuid,
  /** Which side the caller's organisation is on. */
  side: Type.Enum(['lead', 'partner']),
  programme: Type.Object({ id: Uuid, acronym: Nullable(Type.String()), ...Names }),
  lead: Type.Object({ id: Uuid, shortName: Nullable(Type.String()), ...Names }),
  partner: Type.Object({ id: Uuid, shortName: Nullable(Type.String()), ...Names }),
  unit: Type.Object({ id: Uuid, nameFr: Nullable(Type.String()), nameNl: Nullable(Type.String()) }),
  traineeName: Type.String(),
  tutorName: Type.String(),
  immersionStartsOn: IsoDate,
  immersionEndsOn: IsoDate,
  applicationStartsOn: IsoDate,
  applicationEndsOn: IsoDate,
});
export type PartnershipSummary = Static<typeof PartnershipSummary>;

export const PartnershipList = Type.Object({
  items: Type.Array(PartnershipSummary),
  canCreate: Type.Boolean(),
  /** Defines its organisation's training modules (formative.manage, in an organisation). */
  canManageModules: Type.Boolean(),
});
export type PartnershipList = Static<typeof PartnershipList>;

export const Milestone = Type.Object({
  code: Type.Enum(['convention', 'funding_order', 'hired', 'immersion_start', 'application_start']),
  occursOn: IsoDate,
});

export const PlanItemView = Type.Object({
  id: Uuid,
  moduleId: Uuid,
  code: Type.String(),
  ...Names,
  plannedHours: Type.Integer(),
  doneHours: Type.Number(),
  /** Hours done over planned, 0–100 (capped): the progress bar. */
  hoursPercent: Type.Integer(),
  level: Nullable(Type.Enum([...PROGRESS_LEVELS])),
  percent: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  progressAt: Nullable(IsoDateTime),
  progressByName: Nullable(Type.String()),
});
export type PlanItemView = Static<typeof PlanItemView>;

export const SessionView = Type.Object({
  id: Uuid,
  moduleId: Uuid,
  heldOn: IsoDate,
  hours: Type.Number(),
  summary: Type.String(),
  recordedByName: Type.String(),
  mine: Type.Boolean(),
});
export type SessionView = Static<typeof SessionView>;

export const ReviewView = Type.Object({
  kind: Type.Enum([...REVIEW_KINDS]),
  heldOn: IsoDate,
  strengths: Nullable(Type.String()),
  improvements: Nullable(Type.String()),
  nextSteps: Nullable(Type.String()),
  traineeSignedAt: Nullable(IsoDateTime),
  tutorSignedAt: Nullable(IsoDateTime),
});
export type ReviewView = Static<typeof ReviewView>;

export const ProjectView = Type.Object({
  id: Uuid,
  ...ProjectInput.properties,
  practiceId: Nullable(Uuid),
});
export type ProjectView = Static<typeof ProjectView>;

export const PartnershipView = Type.Object({
  partnership: PartnershipSummary,
  convention: Type.Object({
    conventionOn: Nullable(IsoDate),
    fundingOrderOn: Nullable(IsoDate),
    hiredOn: Nullable(IsoDate),
  }),
  tutorUserId: Uuid,
  milestones: Type.Array(Milestone),
  /** The signed convention and funding order, documents of the programme (one entry per kind). */
  documents: Type.Array(PartnershipDocument),
  plan: Type.Array(PlanItemView),
  totals: Type.Object({
    plannedHours: Type.Integer(),
    doneHours: Type.Number(),
    hoursPercent: Type.Integer(),
  }),
  sessions: Type.Array(SessionView),
  reviews: Type.Array(ReviewView),
  projects: Type.Array(ProjectView),
  /** Who the caller is in it, and what they may do. */
  me: Type.Object({
    role: Type.Enum(['trainee', 'tutor', 'lead_staff', 'partner_staff', 'admin']),
    canEdit: Type.Boolean(),
    canRecord: Type.Boolean(),
    canWriteProjects: Type.Boolean(),
    /** Attaches the signed documents: the lead's coordinator who may also change the programme. */
    canAttach: Type.Boolean(),
  }),
});
export type PartnershipView = Static<typeof PartnershipView>;

/** What the lead needs to create a partnership: its eligibility, programmes, units, staff and modules. */
export const PartnershipOptions = Type.Object({
  eligibility: Type.Object({ population: Nullable(Type.Integer()), eligible: Type.Boolean() }),
  programmes: Type.Array(
    Type.Object({
      id: Uuid,
      acronym: Nullable(Type.String()),
      ...Names,
      partners: Type.Array(Type.Object({ id: Uuid, ...Names })),
    }),
  ),
  units: Type.Array(
    Type.Object({ id: Uuid, nameFr: Nullable(Type.String()), nameNl: Nullable(Type.String()) }),
  ),
  staff: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  /** The modules a new plan may draw from (retired ones left out), with the unit each belongs to. */
  modules: Type.Array(Type.Object({ id: Uuid, unitId: Nullable(Uuid), code: Type.String(), ...Names })),
});
export type PartnershipOptions = Static<typeof PartnershipOptions>;
