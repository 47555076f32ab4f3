import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { AbsorptionView, Period } from './expenditure-schemas';

/** Schemas of progress reports (ADR 0019), shared by the API, the forms and the exports. */

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const VERSION_STATUSES = ['draft', 'submitted', 'reopened'] as const;
export const NARRATIVE_LANGUAGES = ['fr', 'nl', 'en'] as const;
/** The narrative of the whole report, beside one per action. */
export const GENERAL_NARRATIVE = 'general';

export const ReportInput = Type.Object(
  { period: Period, startsOn: IsoDate, endsOn: IsoDate, dueOn: IsoDate },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;

const Text = NullFirst(Type.String({ maxLength: 20_000 }));
export const NarrativeInput = Type.Object(
  {
    /** 'general' or an action's id. */
    key: Type.String({ maxLength: 40, pattern: '^(general|[0-9a-f-]{36})$' }),
    fr: Text,
    nl: Text,
    en: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type NarrativeInput = Static<typeof NarrativeInput>;

export const ReopenReportInput = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

const Shown = Nullable(Type.Integer());
const Names = { nameFr: Type.String(), nameNl: Type.String() };

export const ReportIndicator = Type.Object({
  code: Type.String(),
  euCode: Nullable(Type.String()),
  kind: Type.String(),
  unit: Type.String(),
  actionCode: Nullable(Type.String()),
  labelFr: Type.String(),
  labelNl: Type.String(),
  labelEn: Type.String(),
  definitionFr: Nullable(Type.String()),
  definitionNl: Nullable(Type.String()),
  definitionEn: Nullable(Type.String()),
  /** The rule it is counted by (catalogue keys), or null: typed by hand with evidence. */
  ruleCode: Nullable(Type.String()),
  ruleLabelKey: Nullable(Type.String()),
  ruleDefinitionKey: Nullable(Type.String()),
  params: Type.Array(Type.Object({ name: Type.String(), value: Type.Unknown() })),
  baseline: Type.Integer(),
  target: Type.Integer(),
  /** Achieved by the day before the period, during it (new units), and by its last day; null: hidden. */
  previous: Shown,
  thisPeriod: Shown,
  cumulative: Shown,
  percent: Nullable(Type.Number()),
  byPartner: Type.Array(Type.Object({ orgId: Uuid, n: Shown })),
  /** A manual indicator: the date of the value reported. */
  asOf: Nullable(IsoDate),
  milestones: Type.Array(Type.Object({ dueOn: IsoDate, target: Type.Integer() })),
  suppressed: Type.Boolean(),
});
export type ReportIndicator = Static<typeof ReportIndicator>;

const Money = Type.String();
export const PartnerCategoryRow = Type.Object({
  orgId: Uuid,
  category: Type.String(),
  budget: Money,
  declaredPeriod: Money,
  acceptedPeriod: Money,
  declaredCumulative: Money,
  acceptedCumulative: Money,
  absorptionBp: Nullable(Type.Integer()),
});
export type PartnerCategoryRow = Static<typeof PartnerCategoryRow>;

/** The snapshot a report version holds: aggregates only, suppressed as any partner sees them. */
export const ReportFigures = Type.Object({
  programme: Type.Object({
    acronym: Type.String(),
    ...Names,
    startsOn: IsoDate,
    endsOn: IsoDate,
    leadOrgId: Uuid,
  }),
  period: Type.Object({ label: Type.String(), from: IsoDate, to: IsoDate }),
  actions: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      titleFr: Type.String(),
      titleNl: Type.String(),
      titleEn: Type.String(),
    }),
  ),
  partners: Type.Array(Type.Object({ orgId: Uuid, ...Names })),
  indicators: Type.Array(ReportIndicator),
  expenditure: Type.Object({
    /** Cumulative (every submitted declaration), against the budget version in force. */
    absorption: AbsorptionView,
    /** Per partner and category: this period's declarations and the cumulative amounts. */
    byPartnerCategory: Type.Array(PartnerCategoryRow),
    /** Partners with no submitted declaration for this period. */
    missingDeclarations: Type.Array(Uuid),
  }),
});
export type ReportFigures = Static<typeof ReportFigures>;

export const Narrative = Type.Object({
  fr: Nullable(Type.String()),
  nl: Nullable(Type.String()),
  en: Nullable(Type.String()),
});
export type Narrative = Static<typeof Narrative>;

export const ReportVersionView = Type.Object({
  number: Type.Integer(),
  status: Type.Enum([...VERSION_STATUSES]),
  figuresTakenAt: IsoDateTime,
  submittedAt: Nullable(IsoDateTime),
  submittedBy: Nullable(Type.String()),
  reopenedAt: Nullable(IsoDateTime),
  reopenedBy: Nullable(Type.String()),
  reopenReason: Nullable(Type.String()),
});
export type ReportVersionView = Static<typeof ReportVersionView>;

export const ReportSummary = Type.Object({
  id: Uuid,
  programmeId: Uuid,
  period: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  dueOn: IsoDate,
  status: Type.Enum([...REPORT_STATUSES]),
  version: Type.Integer(),
  /** The latest version the reader may read (a partner: the latest submitted); null: none yet. */
  readableVersion: Nullable(Type.Integer()),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportList = Type.Object({
  programme: Type.Object({
    id: Uuid,
    acronym: Type.String(),
    ...Names,
    leadOrgId: Uuid,
    startsOn: IsoDate,
    endsOn: IsoDate,
  }),
  items: Type.Array(ReportSummary),
  canManage: Type.Boolean(),
});
export type ReportList = Static<typeof ReportList>;

export const ReportView = Type.Object({
  report: ReportSummary,
  /** The version shown (the query's, else the latest readable). */
  version: ReportVersionView,
  versions: Type.Array(ReportVersionView),
  figures: ReportFigures,
  /** The figures are exact (the lead's); a partner reads them suppressed (counts under 5 hidden). */
  exact: Type.Boolean(),
  narratives: Type.Record(Type.String(), Narrative),
  canEdit: Type.Boolean(),
  canReopen: Type.Boolean(),
});
export type ReportView = Static<typeof ReportView>;

export const VersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    language: Type.Optional(Type.Enum(['fr', 'nl', 'en'])),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
