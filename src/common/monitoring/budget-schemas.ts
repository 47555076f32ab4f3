import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { Amount } from '../network/programme-schemas';

/** Schemas of programme budgets (versions, lines, co-financing, envelopes) shared by the API and the forms. */

export const COST_CATEGORIES = [
  'staff',
  'office',
  'travel',
  'external',
  'equipment',
  'infrastructure',
  /** The source gives a total only, not broken down by category. */
  'unspecified',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const FUNDS = ['erdf', 'amif', 'esf', 'province', 'region', 'other'] as const;
export type Fund = (typeof FUNDS)[number];

/** A rate as a decimal percent string, "50" or "12.5" (up to four decimals). */
export const Rate = Type.String({ pattern: '^(100|[0-9]{1,2})(\\.[0-9]{1,4})?$' });
const OrNull = NullFirst;
const Note = OrNull(Type.String({ maxLength: 1000 }));

export const EnvelopeInput = Type.Object(
  {
    fund: Type.Enum([...FUNDS]),
    label: Type.String({ minLength: 2, maxLength: 300 }),
    grant: OrNull(Amount),
    earmarked: Amount,
    partnerOrgId: OrNull(Uuid),
    note: Note,
  },
  { additionalProperties: false },
);
export type EnvelopeInput = Static<typeof EnvelopeInput>;

export const LineInput = Type.Object(
  {
    partnerOrgId: Uuid,
    category: Type.Enum([...COST_CATEGORIES]),
    actionId: OrNull(Uuid),
    period: OrNull(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$' })),
    /** Typed, or null for an office line at a flat rate of staff costs. */
    amount: OrNull(Amount),
    flatRate: OrNull(Rate),
    /** The position (0-based) of the envelope it is charged to, in this version's envelopes. */
    envelope: OrNull(Type.Integer({ minimum: 0, maximum: 98 })),
    note: Note,
  },
  { additionalProperties: false },
);
export type LineInput = Static<typeof LineInput>;

export const CofinancingInput = Type.Object(
  {
    partnerOrgId: Uuid,
    fund: Type.Enum([...FUNDS]),
    funder: OrNull(Type.String({ minLength: 2, maxLength: 200 })),
    /** A rate of the partner's budget, or the amount its source publishes. */
    rate: OrNull(Rate),
    amount: OrNull(Amount),
  },
  { additionalProperties: false },
);
export type CofinancingInput = Static<typeof CofinancingInput>;

export const BudgetContent = {
  envelopes: Type.Array(EnvelopeInput, { maxItems: 50 }),
  lines: Type.Array(LineInput, { maxItems: 2000 }),
  cofinancing: Type.Array(CofinancingInput, { maxItems: 300 }),
};

export const BudgetVersionInput = Type.Object(
  {
    datedOn: IsoDate,
    reason: Type.String({ minLength: 3, maxLength: 2000 }),
    source: Type.String({ minLength: 3, maxLength: 1000 }),
    ...BudgetContent,
  },
  { additionalProperties: false },
);
export type BudgetVersionInput = Static<typeof BudgetVersionInput>;

export const BudgetVersionSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  datedOn: IsoDate,
  reason: Type.String(),
  source: Type.String(),
  createdAt: IsoDateTime,
});
export type BudgetVersionSummary = Static<typeof BudgetVersionSummary>;

const Money = Type.String();
const PartnerTotals = Type.Object({
  orgId: Uuid,
  total: Money,
  byCategory: Type.Record(Type.String(), Money),
  funds: Type.Array(
    Type.Object({
      fund: Type.String(),
      funder: Nullable(Type.String()),
      amount: Money,
      rateBp: Nullable(Type.Integer()),
    }),
  ),
  own: Money,
});
export const BudgetTotalsView = Type.Object({
  total: Money,
  own: Money,
  byPartner: Type.Array(PartnerTotals),
  byCategory: Type.Record(Type.String(), Money),
  byAction: Type.Array(Type.Object({ actionId: Nullable(Uuid), amount: Money })),
  byPeriod: Type.Array(Type.Object({ period: Nullable(Type.String()), amount: Money })),
  byFund: Type.Array(Type.Object({ fund: Type.String(), amount: Money })),
  envelopes: Type.Array(
    Type.Object({ earmarked: Money, used: Money, remaining: Money, overspent: Type.Boolean() }),
  ),
});
export type BudgetTotalsView = Static<typeof BudgetTotalsView>;

export const BudgetView = Type.Object({
  programme: Type.Object({
    id: Uuid,
    acronym: Type.String(),
    nameFr: Type.String(),
    nameNl: Type.String(),
    leadOrgId: Uuid,
  }),
  partners: Type.Array(Type.Object({ orgId: Uuid, nameFr: Type.String(), nameNl: Type.String() })),
  actions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), titleFr: Type.String(), titleNl: Type.String() }),
  ),
  versions: Type.Array(BudgetVersionSummary),
  /** The version shown (the latest unless another was asked for); null while the programme has none. */
  version: Nullable(Type.Object({ ...BudgetVersionSummary.properties, ...BudgetContent })),
  totals: Nullable(BudgetTotalsView),
  canEdit: Type.Boolean(),
});
export type BudgetView = Static<typeof BudgetView>;

export const BudgetQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })) },
  { additionalProperties: false },
);
