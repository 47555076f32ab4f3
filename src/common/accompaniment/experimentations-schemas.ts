import Type, { type Static } from 'typebox';
import { IsoDate, NullFirst, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/**
 * AB Réfugiés module 3 (issue 14, migration 0057): the experimentation each side runs, its evaluation and
 * its transfers to the other sides; the deliverables and communication material of each programme module.
 */

/** The three sides of the France-Wallonia-Flanders programme. */
export const SIDES = ['FR', 'WAL', 'VLG'] as const;
export type Side = (typeof SIDES)[number];
export const EXPERIMENTATION_THEMES = [
  'integration_ambassadors',
  'collective_actions',
  'language_meetups',
  'other',
] as const;
export type ExperimentationTheme = (typeof EXPERIMENTATION_THEMES)[number];
export const EXPERIMENTATION_STATUSES = ['planned', 'running', 'evaluated', 'closed', 'abandoned'] as const;
export type ExperimentationStatus = (typeof EXPERIMENTATION_STATUSES)[number];
export const TRANSFER_STATUSES = [
  'proposed',
  'adapting',
  'running',
  'evaluated',
  'adopted',
  'abandoned',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const DELIVERABLE_KINDS = [
  'deliverable',
  'communication',
  'digital_tool',
  'training_material',
] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];
export const DELIVERABLE_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;

const Title = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });
const LongText = Type.Optional(NullFirst(MultilineText({ minLength: 1, maxLength: 5000 })));
const Count = Type.Integer({ minimum: 0, maximum: 100000 });
const Day = Type.Optional(NullFirst(IsoDate));

/** Participants counted by category, never named. */
export const Participants = Type.Object({
  newcomers: Count,
  professionals: Count,
  volunteers: Count,
});
export type Participants = Static<typeof Participants>;
export const ParticipantsView = Type.Object({
  newcomers: Type.Integer(),
  professionals: Type.Integer(),
  volunteers: Type.Integer(),
  total: Type.Integer(),
});

export const ExperimentationInput = Type.Object(
  {
    programmeId: Uuid,
    actionId: Type.Optional(NullFirst(Uuid)),
    /** Needed only when the lead's region does not say it (e.g. Brussels). */
    side: Type.Optional(NullFirst(Type.Enum([...SIDES]))),
    titleFr: Title,
    titleNl: Title,
    theme: Type.Enum([...EXPERIMENTATION_THEMES]),
    objectives: LongText,
    startsOn: Day,
    endsOn: Day,
    participants: Participants,
    partnerOrgIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type ExperimentationInput = Static<typeof ExperimentationInput>;

export const EvaluationInput = Type.Object(
  {
    findings: MultilineText({ minLength: 2, maxLength: 5000 }),
    whatWorked: LongText,
    transferConditions: LongText,
    recommendTransfer: Type.Optional(NullFirst(Type.Boolean())),
  },
  { additionalProperties: false },
);
export type EvaluationInput = Static<typeof EvaluationInput>;

export const ActionInput = Type.Object(
  { action: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }) },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionInput>;

export const ExperimentationQuery = Type.Object(
  {
    side: Type.Optional(Type.Enum([...SIDES])),
    status: Type.Optional(Type.Enum([...EXPERIMENTATION_STATUSES])),
    theme: Type.Optional(Type.Enum([...EXPERIMENTATION_THEMES])),
    programmeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ExperimentationQuery = Static<typeof ExperimentationQuery>;

export const OrgRef = Type.Object({ id: Uuid, name: Type.String(), side: NullFirst(Type.Enum([...SIDES])) });
export type OrgRef = Static<typeof OrgRef>;

export const ExperimentationSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  side: Type.Enum([...SIDES]),
  theme: Type.Enum([...EXPERIMENTATION_THEMES]),
  status: Type.Enum([...EXPERIMENTATION_STATUSES]),
  lead: OrgRef,
  programme: Type.String(),
  startsOn: NullFirst(IsoDate),
  endsOn: NullFirst(IsoDate),
  participants: ParticipantsView,
  transfers: Type.Integer(),
});
export type ExperimentationSummary = Static<typeof ExperimentationSummary>;

export const ExperimentationList = Type.Object({
  items: Type.Array(ExperimentationSummary),
  canCreate: Type.Boolean(),
});
export type ExperimentationList = Static<typeof ExperimentationList>;

export const Evaluation = Type.Object({
  findings: NullFirst(Type.String()),
  whatWorked: NullFirst(Type.String()),
  transferConditions: NullFirst(Type.String()),
  recommendTransfer: NullFirst(Type.Boolean()),
  evaluatedOn: NullFirst(IsoDate),
});

export const WorkflowAction = Type.Object({
  action: Type.String(),
  to: Type.String(),
  tone: Type.String(),
  blockedBy: Type.Array(Type.String()),
});
export type WorkflowAction = Static<typeof WorkflowAction>;

export const PracticeRef = NullFirst(
  Type.Object({ id: Uuid, reference: Type.String(), status: Type.String() }),
);

export const TransferView = Type.Object({
  id: Uuid,
  organisation: OrgRef,
  side: Type.Enum([...SIDES]),
  status: Type.Enum([...TRANSFER_STATUSES]),
  adaptations: NullFirst(Type.String()),
  startsOn: NullFirst(IsoDate),
  endsOn: NullFirst(IsoDate),
  participants: ParticipantsView,
  findings: NullFirst(Type.String()),
  whatWorked: NullFirst(Type.String()),
  evaluatedOn: NullFirst(IsoDate),
  canEdit: Type.Boolean(),
  actions: Type.Array(WorkflowAction),
  practice: PracticeRef,
  canDrawPractice: Type.Boolean(),
});
export type TransferView = Static<typeof TransferView>;

export const ExperimentationDetail = Type.Object({
  id: Uuid,
  titleFr: Type.String(),
  titleNl: Type.String(),
  side: Type.Enum([...SIDES]),
  theme: Type.Enum([...EXPERIMENTATION_THEMES]),
  status: Type.Enum([...EXPERIMENTATION_STATUSES]),
  objectives: NullFirst(Type.String()),
  programmeId: Uuid,
  programme: Type.String(),
  actionId: NullFirst(Uuid),
  action: NullFirst(Type.String()),
  lead: OrgRef,
  partners: Type.Array(OrgRef),
  startsOn: NullFirst(IsoDate),
  endsOn: NullFirst(IsoDate),
  participants: ParticipantsView,
  evaluation: Evaluation,
  transfers: Type.Array(TransferView),
  practice: PracticeRef,
  canEdit: Type.Boolean(),
  canDrawPractice: Type.Boolean(),
  /** Whether the actor's organisation may take it up now (evaluated, another side, none live yet). */
  canTakeUp: Type.Boolean(),
  /** The sides it may still go to. */
  transferSides: Type.Array(Type.Enum([...SIDES])),
  actions: Type.Array(WorkflowAction),
});
export type ExperimentationDetail = Static<typeof ExperimentationDetail>;

export const TransferInput = Type.Object(
  {
    /** The taking-up organisation: the actor's own, or (the origin's lead proposing) another one. */
    orgId: Type.Optional(NullFirst(Uuid)),
    side: Type.Optional(NullFirst(Type.Enum([...SIDES]))),
    adaptations: LongText,
    startsOn: Day,
    endsOn: Day,
    participants: Participants,
  },
  { additionalProperties: false },
);
export type TransferInput = Static<typeof TransferInput>;

export const TransferUpdate = Type.Object(
  { adaptations: LongText, startsOn: Day, endsOn: Day, participants: Participants },
  { additionalProperties: false },
);
export type TransferUpdate = Static<typeof TransferUpdate>;

export const TransferEvaluationInput = Type.Object(
  { findings: MultilineText({ minLength: 2, maxLength: 5000 }), whatWorked: LongText },
  { additionalProperties: false },
);
export type TransferEvaluationInput = Static<typeof TransferEvaluationInput>;

export const Created = Type.Object({ id: Uuid });

/** The programmes with their modules (actions) and the organisations, for the forms. */
export const ExperimentationOptions = Type.Object({
  programmes: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      actions: Type.Array(Type.Object({ id: Uuid, code: Type.String(), title: Type.String() })),
    }),
  ),
  organisations: Type.Array(OrgRef),
  ownSide: NullFirst(Type.Enum([...SIDES])),
});
export type ExperimentationOptions = Static<typeof ExperimentationOptions>;

export const DeliverableInput = Type.Object(
  {
    actionId: Uuid,
    title: Title,
    kind: Type.Enum([...DELIVERABLE_KINDS]),
    languages: Type.Array(Type.Enum([...DELIVERABLE_LANGUAGES]), {
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
    }),
    linkUrl: Type.Optional(NullFirst(Type.String({ maxLength: 500, pattern: '^https://\\S+$' }))),
    issuedOn: IsoDate,
  },
  { additionalProperties: false },
);
export type DeliverableInput = Static<typeof DeliverableInput>;

export const DeliverableQuery = Type.Object(
  { programmeId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const DeliverableView = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: Type.Enum([...DELIVERABLE_KINDS]),
  languages: Type.Array(Type.Enum([...DELIVERABLE_LANGUAGES])),
  linkUrl: NullFirst(Type.String()),
  issuedOn: IsoDate,
  organisation: Type.String(),
  canDelete: Type.Boolean(),
});
export type DeliverableView = Static<typeof DeliverableView>;

/** A programme's deliverables grouped by its modules (actions), in the programme's order. */
export const DeliverableList = Type.Object({
  programmeId: NullFirst(Uuid),
  modules: Type.Array(
    Type.Object({
      actionId: Uuid,
      code: Type.String(),
      title: Type.String(),
      items: Type.Array(DeliverableView),
    }),
  ),
  canCreate: Type.Boolean(),
});
export type DeliverableList = Static<typeof DeliverableList>;
