import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, PageQuery, Uuid } from '../kernel/schemas';
import { AGE_BANDS, INDICATOR_BREAKDOWNS, SEX_CATEGORIES } from './characteristics';
import { INDICATOR_UNITS } from './rules';

/** Schemas of programme indicators shared by the API and the forms. */

export const EU_CODES = [
  'RCO81',
  'RCO82',
  'RCO84',
  'RCO85',
  'RCO87',
  'RCO115',
  'RCO116',
  'RCR79',
  'RCR81',
  'RCR84',
  'RCR85',
  'RCR104',
] as const;

const Label = Type.String({ minLength: 2, maxLength: 500 });
const Definition = Nullable(Type.String({ maxLength: 4000 }));
const ParamValue = Type.Union([Type.Integer(), Type.Boolean(), Type.Array(Type.String({ maxLength: 60 }))]);

export const MilestoneInput = Type.Object(
  { dueOn: IsoDate, target: Type.Integer({ minimum: 0, maximum: 10_000_000 }) },
  { additionalProperties: false },
);

export const IndicatorInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$' }),
    euCode: Nullable(Type.Enum([...EU_CODES])),
    kind: Type.Union([Type.Literal('output'), Type.Literal('result')]),
    unit: Type.Enum([...INDICATOR_UNITS]),
    labelFr: Label,
    labelNl: Label,
    labelEn: Label,
    definitionFr: Type.Optional(Definition),
    definitionNl: Type.Optional(Definition),
    definitionEn: Type.Optional(Definition),
    baseline: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    target: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    actionId: Nullable(Uuid),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    /** Null: a manual indicator, whose values are typed with their evidence. */
    ruleCode: Nullable(Type.String({ maxLength: 80 })),
    ruleParams: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), ParamValue, { maxProperties: 20 })),
    milestones: Type.Optional(Type.Array(MilestoneInput, { maxItems: 24 })),
    /** The breakdowns it is published with (absent: partner on creation, unchanged on update). */
    breakdowns: Type.Optional(
      Type.Array(Type.Enum([...INDICATOR_BREAKDOWNS]), { maxItems: 3, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorInput = Static<typeof IndicatorInput>;

export const ManualValueInput = Type.Object(
  {
    value: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    asOf: IsoDate,
    evidenceUrl: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    evidenceNote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ManualValueInput = Static<typeof ManualValueInput>;

const Named = { orgId: Uuid, nameFr: Type.String(), nameNl: Type.String() };

export const MilestoneView = Type.Object({
  dueOn: IsoDate,
  target: Type.Integer(),
  /** The achievement on that day (null while hidden or when nothing was typed by then). */
  valueAt: Nullable(Type.Integer()),
  status: Type.Union([Type.Literal('reached'), Type.Literal('missed'), Type.Literal('upcoming')]),
});
export type MilestoneView = Static<typeof MilestoneView>;

export const ParamView = Type.Object({
  name: Type.String(),
  kind: Type.Union([Type.Literal('integer'), Type.Literal('boolean'), Type.Literal('set')]),
  value: ParamValue,
});

export const ManualValueView = Type.Object({
  id: Uuid,
  value: Type.Integer(),
  asOf: IsoDate,
  evidenceUrl: Nullable(Type.String()),
  evidenceNote: Nullable(Type.String()),
  authorUserId: Uuid,
});

export const IndicatorView = Type.Object({
  id: Uuid,
  programmeId: Uuid,
  actionId: Nullable(Uuid),
  actionCode: Nullable(Type.String()),
  position: Type.Integer(),
  code: Type.String(),
  euCode: Nullable(Type.String()),
  kind: Type.String(),
  unit: Type.String(),
  labelFr: Type.String(),
  labelNl: Type.String(),
  labelEn: Type.String(),
  definitionFr: Nullable(Type.String()),
  definitionNl: Nullable(Type.String()),
  definitionEn: Nullable(Type.String()),
  baseline: Type.Integer(),
  target: Type.Integer(),
  ruleCode: Nullable(Type.String()),
  /** The rule's catalogue keys; null for a manual indicator (or a rule no module offers any more). */
  ruleLabelKey: Nullable(Type.String()),
  ruleDefinitionKey: Nullable(Type.String()),
  params: Type.Array(ParamView),
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  /** Achieved (null: hidden, fewer than 5 persons, for a reader who sees aggregates only). */
  value: Nullable(Type.Integer()),
  percent: Nullable(Type.Number()),
  /** For a manual indicator: the date of the latest value. */
  asOf: Nullable(IsoDate),
  milestones: Type.Array(MilestoneView),
  byPartner: Type.Array(Type.Object({ ...Named, n: Nullable(Type.Integer()) })),
  /** The breakdowns it is published with; by sex and by age band only when declared and counted. */
  breakdowns: Type.Array(Type.Enum([...INDICATOR_BREAKDOWNS])),
  bySex: Type.Array(Type.Object({ category: Type.Enum([...SEX_CATEGORIES]), n: Nullable(Type.Integer()) })),
  byAgeBand: Type.Array(Type.Object({ category: Type.Enum([...AGE_BANDS]), n: Nullable(Type.Integer()) })),
  /** Declared by sex or age band but not counted here (the board): the indicator's own view counts them. */
  breakdownsDeferred: Type.Boolean(),
  /** Some figures are hidden (small numbers) for this reader. */
  suppressed: Type.Boolean(),
  values: Type.Array(ManualValueView),
});
export type IndicatorView = Static<typeof IndicatorView>;

export const IndicatorBoard = Type.Object({
  programme: Type.Object({
    id: Uuid,
    acronym: Nullable(Type.String()),
    nameFr: Type.String(),
    nameNl: Type.String(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    leadOrgId: Uuid,
  }),
  /** The reader may define indicators and type manual values (the lead's coordinator). */
  canManage: Type.Boolean(),
  /** The reader sees every figure (the lead organisation); others see aggregates with suppression. */
  seesAll: Type.Boolean(),
  /** The reader may open the records: all (lead) or their own organisation's (partner). */
  canDrill: Type.Boolean(),
  actions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), titleFr: Type.String(), titleNl: Type.String() }),
  ),
  items: Type.Array(IndicatorView),
});
export type IndicatorBoard = Static<typeof IndicatorBoard>;

export const RuleInfoView = Type.Object({
  code: Type.String(),
  module: Type.String(),
  unit: Type.String(),
  labelKey: Type.String(),
  definitionKey: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  /** The rule can break its count down by sex and by age band. */
  profile: Type.Boolean(),
});
export const RuleList = Type.Object({ items: Type.Array(RuleInfoView) });
export type RuleList = Static<typeof RuleList>;

export const RecordsView = Type.Object({
  indicator: Type.Object({
    id: Uuid,
    programmeId: Uuid,
    code: Type.String(),
    labelFr: Type.String(),
    labelNl: Type.String(),
    labelEn: Type.String(),
    unit: Type.String(),
  }),
  /** all: every partner's records (the lead); own: the reader's organisation's only. */
  scope: Type.Union([Type.Literal('all'), Type.Literal('own')]),
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  /** One page of the records (the persons shown are the ones audited). */
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(
    Type.Object({
      /** A participant code (persons) or an organisation's or service's reference. */
      subject: Type.String(),
      ...Named,
      startsOn: Nullable(IsoDate),
      endsOn: Nullable(IsoDate),
      detail: Nullable(Type.String()),
    }),
  ),
});
export type RecordsView = Static<typeof RecordsView>;

export const RecordsQuery = Type.Object(PageQuery, { additionalProperties: false });
export type RecordsQuery = Static<typeof RecordsQuery>;
