import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** Modules a pathway can follow (migration 0003 checks the same list). */
export const PATHWAY_MODULES = [
  'social_insertion',
  'socio_professional_insertion',
  'activation_volunteering',
  'placement',
] as const;
export type PathwayModule = (typeof PATHWAY_MODULES)[number];

export const OBJECTIVE_STATUSES = ['planned', 'in_progress', 'achieved', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

const clearable = <T extends TSchema>(s: T) => Type.Optional(Nullable(s));

const modules = Type.Array(Type.Enum([...PATHWAY_MODULES]), { minItems: 1, uniqueItems: true });
const referents = Type.Array(Uuid, { minItems: 1, maxItems: 5, uniqueItems: true });
const title = Type.String({ minLength: 2, maxLength: 300 });
const noteBody = MultilineText({ minLength: 1, maxLength: 10000 });

/** Starting a pathway for a person. */
export const PathwayCreateBody = Type.Object(
  {
    entryOn: IsoDate,
    modules,
    referentUserIds: referents,
    programmeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type PathwayCreateBody = Static<typeof PathwayCreateBody>;

/** Changing a pathway: absent fields stay; exitOn with exitReason closes it, null reopens it. */
export const PathwayPatchBody = Type.Object(
  {
    entryOn: Type.Optional(IsoDate),
    modules: Type.Optional(modules),
    referentUserIds: Type.Optional(referents),
    programmeId: clearable(Uuid),
    exitOn: clearable(IsoDate),
    exitReason: clearable(MultilineText({ minLength: 2, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PathwayPatchBody = Static<typeof PathwayPatchBody>;

export const ObjectiveCreateBody = Type.Object(
  { title, dueOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type ObjectiveCreateBody = Static<typeof ObjectiveCreateBody>;

export const ObjectivePatchBody = Type.Object(
  {
    title: Type.Optional(title),
    dueOn: clearable(IsoDate),
    status: Type.Optional(Type.Enum([...OBJECTIVE_STATUSES])),
  },
  { additionalProperties: false },
);
export type ObjectivePatchBody = Static<typeof ObjectivePatchBody>;

export const ActionCreateBody = Type.Object(
  { title, dueOn: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export type ActionCreateBody = Static<typeof ActionCreateBody>;

export const ActionPatchBody = Type.Object(
  {
    title: Type.Optional(title),
    dueOn: clearable(IsoDate),
    status: Type.Optional(Type.Enum([...ACTION_STATUSES])),
    /** When the action was done; defaults to today when it becomes done. */
    doneOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ActionPatchBody = Static<typeof ActionPatchBody>;

export const NoteCreateBody = Type.Object(
  { notedOn: IsoDate, body: noteBody, confidential: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type NoteCreateBody = Static<typeof NoteCreateBody>;

/** Only the author, within 24 hours of writing it; a later correction is a new note. */
export const NotePatchBody = Type.Object(
  {
    notedOn: Type.Optional(IsoDate),
    body: Type.Optional(noteBody),
    confidential: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NotePatchBody = Static<typeof NotePatchBody>;

export const MobilityCreateBody = Type.Object(
  {
    recordedOn: IsoDate,
    radiusKm: Type.Integer({ minimum: 0, maximum: 500 }),
    crossedBorder: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type MobilityCreateBody = Static<typeof MobilityCreateBody>;

// ---------------------------------------------------------------------------- responses

export const UserRef = Type.Object({ id: Type.String(), displayName: Type.String() });
export type UserRef = Static<typeof UserRef>;

export const ProgrammeRef = Type.Object({
  id: Type.String(),
  acronym: Nullable(Type.String()),
  nameFr: Type.String(),
  nameNl: Type.String(),
});
export type ProgrammeRef = Static<typeof ProgrammeRef>;

export const PathwayAction = Type.Object({
  id: Type.String(),
  objectiveId: Type.String(),
  title: Type.String(),
  status: Type.Enum([...ACTION_STATUSES]),
  dueOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
});
export type PathwayAction = Static<typeof PathwayAction>;

export const PathwayObjective = Type.Object({
  id: Type.String(),
  pathwayId: Type.String(),
  title: Type.String(),
  status: Type.Enum([...OBJECTIVE_STATUSES]),
  dueOn: Nullable(Type.String()),
  actions: Type.Array(PathwayAction),
});
export type PathwayObjective = Static<typeof PathwayObjective>;

export const PathwayNote = Type.Object({
  id: Type.String(),
  pathwayId: Type.String(),
  notedOn: Type.String(),
  body: Type.String(),
  confidential: Type.Boolean(),
  author: Nullable(UserRef),
  createdAt: Type.String(),
  /** The reader wrote it less than 24 hours ago. */
  editable: Type.Boolean(),
});
export type PathwayNote = Static<typeof PathwayNote>;

export const MobilityRecord = Type.Object({
  id: Type.String(),
  recordedOn: Type.String(),
  radiusKm: Type.Integer(),
  crossedBorder: Type.Boolean(),
  note: Nullable(Type.String()),
});
export type MobilityRecord = Static<typeof MobilityRecord>;

/** Derived from the records, never stored. */
export const PathwaySummary = Type.Object({
  objectivesTotal: Type.Integer(),
  objectivesAchieved: Type.Integer(),
  objectivesOpen: Type.Integer(),
  actionsTotal: Type.Integer(),
  actionsDone: Type.Integer(),
  currentRadiusKm: Nullable(Type.Integer()),
  crossedBorder: Type.Boolean(),
  firstBorderCrossingOn: Nullable(Type.String()),
  goalReached: Type.Boolean(),
  goalReachedOn: Nullable(Type.String()),
});
export type PathwaySummary = Static<typeof PathwaySummary>;

const pathwayBase = {
  id: Type.String(),
  personId: Type.String(),
  programme: Nullable(ProgrammeRef),
  modules: Type.Array(Type.Enum([...PATHWAY_MODULES])),
  referents: Type.Array(UserRef),
  entryOn: Type.String(),
  exitOn: Nullable(Type.String()),
  exitReason: Nullable(Type.String()),
};

export const PathwayListItem = Type.Object(pathwayBase);
export type PathwayListItem = Static<typeof PathwayListItem>;
export const PathwayList = Type.Object({ items: Type.Array(PathwayListItem) });
export type PathwayList = Static<typeof PathwayList>;

export const PathwayDetail = Type.Object({
  ...pathwayBase,
  person: Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String() }),
  objectives: Type.Array(PathwayObjective),
  notes: Type.Array(PathwayNote),
  mobility: Type.Array(MobilityRecord),
  summary: PathwaySummary,
  canManage: Type.Boolean(),
  updatedAt: Type.String(),
});
export type PathwayDetail = Static<typeof PathwayDetail>;

export const NoteList = Type.Object({ items: Type.Array(PathwayNote) });
export type NoteList = Static<typeof NoteList>;

/** Members of the organisation who may be named referent of a pathway. */
export const ReferentOptions = Type.Object({ items: Type.Array(UserRef) });
export type ReferentOptions = Static<typeof ReferentOptions>;
