import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Uuid } from '../kernel/schemas';
import { Amount } from '../network/programme-schemas';

/** Schemas of expenditure declarations (ADR 0018), shared by the API and the forms. */

/** What a partner declares: office and administration is not among them, it is a flat rate computed. */
export const DECLARED_CATEGORIES = ['staff', 'travel', 'external', 'equipment', 'infrastructure'] as const;
export type DeclaredCategory = (typeof DECLARED_CATEGORIES)[number];

export const DECLARATION_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const REVIEW_STATUSES = ['pending', 'accepted', 'corrected', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const OrNull = NullFirst;
export const Period = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}$' });

export const DeclarationInput = Type.Object({ period: Period }, { additionalProperties: false });
export type DeclarationInput = Static<typeof DeclarationInput>;

export const ItemInput = Type.Object(
  {
    category: Type.Enum([...DECLARED_CATEGORIES]),
    actionId: OrNull(Uuid),
    description: Type.String({ minLength: 2, maxLength: 500 }),
    supplier: OrNull(Type.String({ minLength: 1, maxLength: 200 })),
    invoiceNumber: OrNull(Type.String({ minLength: 1, maxLength: 60 })),
    invoiceDate: OrNull(IsoDate),
    paidOn: OrNull(IsoDate),
    amount: Amount,
    /** A reference in the partner's records or a link to where the proof is kept. */
    proofRef: OrNull(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemInput>;

export const ReviewInput = Type.Object(
  {
    status: Type.Enum(['accepted', 'corrected', 'rejected']),
    correctedAmount: OrNull(Amount),
    reason: OrNull(Type.String({ minLength: 3, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const ReopenInput = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ItemView = Type.Object({
  id: Uuid,
  ...ItemInput.properties,
  review: Type.Object({
    status: Type.Enum([...REVIEW_STATUSES]),
    correctedAmount: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    reviewedAt: Nullable(IsoDateTime),
  }),
});
export type ItemView = Static<typeof ItemView>;

export const DeclarationSummary = Type.Object({
  id: Uuid,
  programmeId: Uuid,
  orgId: Uuid,
  orgNameFr: Type.String(),
  orgNameNl: Type.String(),
  /** The organisation's short name, shown in both languages when it has one. */
  orgShortName: Nullable(Type.String()),
  period: Type.String(),
  status: Type.Enum([...DECLARATION_STATUSES]),
  submittedAt: Nullable(IsoDateTime),
  reviewedAt: Nullable(IsoDateTime),
  reopenReason: Nullable(Type.String()),
  declared: Type.String(),
  /** What the lead accepted of it so far (accepted items, corrected ones at their corrected amount). */
  accepted: Type.String(),
});
export type DeclarationSummary = Static<typeof DeclarationSummary>;

const Money = Type.String();
export const AbsorptionRow = Type.Object({
  key: Nullable(Type.String()),
  budget: Money,
  declared: Money,
  accepted: Money,
  /** accepted / budget in basis points; null without a budget. */
  absorptionBp: Nullable(Type.Integer()),
});
export type AbsorptionRow = Static<typeof AbsorptionRow>;
export const AbsorptionView = Type.Object({
  /** The budget version it is measured against; null while the programme has none. */
  versionNumber: Nullable(Type.Integer()),
  total: AbsorptionRow,
  byPartner: Type.Array(AbsorptionRow),
  byCategory: Type.Array(AbsorptionRow),
  byAction: Type.Array(AbsorptionRow),
});
export type AbsorptionView = Static<typeof AbsorptionView>;

const Names = Type.Object({ nameFr: Type.String(), nameNl: Type.String() });
export const ExpenditureOverview = Type.Object({
  programme: Type.Object({ id: Uuid, acronym: Type.String(), leadOrgId: Uuid, ...Names.properties }),
  partners: Type.Array(Type.Object({ orgId: Uuid, ...Names.properties })),
  actions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), titleFr: Type.String(), titleNl: Type.String() }),
  ),
  /** The caller's organisation's declarations. */
  mine: Type.Array(DeclarationSummary),
  /** For the lead: the partners' submitted and reviewed declarations. */
  toReview: Type.Array(DeclarationSummary),
  absorption: AbsorptionView,
  canDeclare: Type.Boolean(),
});
export type ExpenditureOverview = Static<typeof ExpenditureOverview>;

export const DeclarationView = Type.Object({
  declaration: DeclarationSummary,
  items: Type.Array(ItemView),
  /** Office and administration at the budget's flat rate of the declared staff costs; null without one. */
  office: Nullable(Type.Object({ rate: Type.String(), declared: Money, accepted: Money })),
  actions: ExpenditureOverview.properties.actions,
  canEdit: Type.Boolean(),
  canReview: Type.Boolean(),
  /** The lead sends a submitted or reviewed declaration back to the partner, with a reason. */
  canReopen: Type.Boolean(),
});
export type DeclarationView = Static<typeof DeclarationView>;
