import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';
import { DocumentView } from './programme-documents';
import {
  ActionView,
  InterventionCategory,
  MilestoneView,
  TerritoryRef,
  Themes,
  Website,
} from './programme-structure-schemas';

/** Funds a programme draws on (migration 0002 checks the same list). */
export const FUNDS = ['erdf', 'amif', 'esf', 'regional', 'national', 'own'] as const;
export type Fund = (typeof FUNDS)[number];

/** What an organisation is in a programme; exactly one lead, the programme's owner. */
export const PARTNER_ROLES = ['lead', 'partner', 'operator', 'associated', 'cofinancer'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** Derived from the period and today's date, never stored. */
export const PROGRAMME_STATUSES = ['planned', 'running', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * An amount in euros as a decimal string with at most two decimals ("1142943.65"): money travels as
 * text so that no float ever rounds it; numeric(14, 2) allows 12 integer digits.
 */
export const Amount = Type.String({ pattern: '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$' });

const fields = {
  acronym: Type.String({ minLength: 1, maxLength: 40 }),
  nameFr: Type.String({ minLength: 2, maxLength: 300 }),
  nameNl: Type.String({ minLength: 2, maxLength: 300 }),
  fundingProgramme: Type.String({ minLength: 1, maxLength: 300 }),
  funds: Type.Array(Type.Enum([...FUNDS]), { minItems: 1, uniqueItems: true }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  descriptionFr: MultilineText({ minLength: 1, maxLength: 10000 }),
  descriptionNl: MultilineText({ minLength: 1, maxLength: 10000 }),
  budgetTotal: Amount,
  euAmount: Amount,
  /** Limits of an Action 1 placement agreement's duration in this programme (migration 0005: 1–24). */
  placementMinMonths: Type.Integer({ minimum: 1, maximum: 24 }),
  placementMaxMonths: Type.Integer({ minimum: 1, maximum: 24 }),
  themes: Themes,
  interventionCategory: InterventionCategory,
  website: Website,
};

/** Creating a programme. leadOrgId: only a platform admin chooses it; others lead with their own organisation. */
export const ProgrammeCreateBody = Type.Object(
  {
    acronym: Type.Optional(fields.acronym),
    nameFr: fields.nameFr,
    nameNl: fields.nameNl,
    fundingProgramme: Type.Optional(fields.fundingProgramme),
    funds: fields.funds,
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    descriptionFr: Type.Optional(fields.descriptionFr),
    descriptionNl: Type.Optional(fields.descriptionNl),
    budgetTotal: Type.Optional(fields.budgetTotal),
    euAmount: Type.Optional(fields.euAmount),
    placementMinMonths: Type.Optional(fields.placementMinMonths),
    placementMaxMonths: Type.Optional(fields.placementMaxMonths),
    themes: Type.Optional(fields.themes),
    interventionCategory: Type.Optional(fields.interventionCategory),
    website: Type.Optional(fields.website),
    leadOrgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ProgrammeCreateBody = Static<typeof ProgrammeCreateBody>;

const clearable = <T extends TSchema>(s: T) => Type.Optional(Nullable(s));

/** Changing a programme: absent fields stay as they are, null clears an optional one. The lead does not change. */
export const ProgrammePatchBody = Type.Object(
  {
    acronym: clearable(fields.acronym),
    nameFr: Type.Optional(fields.nameFr),
    nameNl: Type.Optional(fields.nameNl),
    fundingProgramme: clearable(fields.fundingProgramme),
    funds: Type.Optional(fields.funds),
    startsOn: Type.Optional(fields.startsOn),
    endsOn: Type.Optional(fields.endsOn),
    descriptionFr: clearable(fields.descriptionFr),
    descriptionNl: clearable(fields.descriptionNl),
    budgetTotal: clearable(fields.budgetTotal),
    euAmount: clearable(fields.euAmount),
    placementMinMonths: Type.Optional(fields.placementMinMonths),
    placementMaxMonths: Type.Optional(fields.placementMaxMonths),
    themes: Type.Optional(fields.themes),
    interventionCategory: clearable(fields.interventionCategory),
    website: clearable(fields.website),
  },
  { additionalProperties: false },
);
export type ProgrammePatchBody = Static<typeof ProgrammePatchBody>;

export const PartnerInput = Type.Object(
  {
    orgId: Uuid,
    role: Type.Enum([...PARTNER_ROLES]),
    /** Roles held besides the main one; never a second lead. */
    extraRoles: Type.Optional(
      Type.Array(Type.Enum(PARTNER_ROLES.filter((r) => r !== 'lead')), { uniqueItems: true, maxItems: 4 }),
    ),
    budgetTotal: Type.Optional(Amount),
    euAmount: Type.Optional(Amount),
  },
  { additionalProperties: false },
);
export type PartnerInput = Static<typeof PartnerInput>;

/** The whole partner list, replaced at once. */
export const PartnersBody = Type.Object(
  { partners: Type.Array(PartnerInput, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type PartnersBody = Static<typeof PartnersBody>;

export const ProgrammeListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    fund: Type.Optional(Type.Enum([...FUNDS])),
    status: Type.Optional(Type.Enum([...PROGRAMME_STATUSES])),
    org: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProgrammeListQuery = Static<typeof ProgrammeListQuery>;

export const OrgRef = Type.Object({
  id: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  shortName: Nullable(Type.String()),
  country: Type.String(),
});
export type OrgRef = Static<typeof OrgRef>;

export const ProgrammeSummary = Type.Object({
  id: Type.String(),
  acronym: Nullable(Type.String()),
  nameFr: Type.String(),
  nameNl: Type.String(),
  fundingProgramme: Nullable(Type.String()),
  funds: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.Enum([...PROGRAMME_STATUSES]),
  lead: OrgRef,
  partnerCount: Type.Integer(),
  budgetTotal: Nullable(Type.String()),
  euAmount: Nullable(Type.String()),
  /** Placement duration allowed for this programme's agreements (the wizard warns before the server refuses). */
  placementMinMonths: Type.Integer(),
  placementMaxMonths: Type.Integer(),
});
export type ProgrammeSummary = Static<typeof ProgrammeSummary>;

export const ProgrammeList = Paged(ProgrammeSummary);
export type ProgrammeList = Static<typeof ProgrammeList>;

export const PartnerView = Type.Object({
  org: OrgRef,
  role: Type.Enum([...PARTNER_ROLES]),
  /** Every role held, the main one first. */
  roles: Type.Array(Type.Enum([...PARTNER_ROLES])),
  budgetTotal: Nullable(Type.String()),
  euAmount: Nullable(Type.String()),
});
export type PartnerView = Static<typeof PartnerView>;

/** Totals derived from the partners' budgets (see programme-rules.ts), compared with the declared ones. */
export const ProgrammeTotalsView = Type.Object({
  partnerBudgetTotal: Type.String(),
  partnerEuAmount: Type.String(),
  partnersWithBudget: Type.Integer(),
  partnersWithoutBudget: Type.Integer(),
  /** EU share of the partners' budgets in basis points (5000 = 50 %), null without a budget. */
  euRateBp: Nullable(Type.Integer()),
  declaredEuRateBp: Nullable(Type.Integer()),
  /** null when there is nothing to compare (no declared total or no partner budget). */
  budgetMatches: Nullable(Type.Boolean()),
  euMatches: Nullable(Type.Boolean()),
  budgetDifference: Nullable(Type.String()),
  euDifference: Nullable(Type.String()),
});
export type ProgrammeTotalsView = Static<typeof ProgrammeTotalsView>;

export const ProgrammeDetail = Type.Object({
  id: Type.String(),
  acronym: Nullable(Type.String()),
  nameFr: Type.String(),
  nameNl: Type.String(),
  fundingProgramme: Nullable(Type.String()),
  funds: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: Type.Enum([...PROGRAMME_STATUSES]),
  descriptionFr: Nullable(Type.String()),
  descriptionNl: Nullable(Type.String()),
  budgetTotal: Nullable(Type.String()),
  euAmount: Nullable(Type.String()),
  placementMinMonths: Type.Integer(),
  placementMaxMonths: Type.Integer(),
  lead: OrgRef,
  partners: Type.Array(PartnerView),
  totals: ProgrammeTotalsView,
  themes: Type.Array(Type.String()),
  interventionCategory: Nullable(Type.String()),
  website: Nullable(Type.String()),
  /** The municipalities it covers, sorted by name. */
  territories: Type.Array(TerritoryRef),
  /** Its actions (work packages, modules, years) in their order. */
  actions: Type.Array(ActionView),
  /** Dated milestones in time order: its partners' to read, empty for others (seesMilestones false). */
  milestones: Type.Array(MilestoneView),
  /** Attached documents, newest first: like milestones, its partners' only. */
  documents: Type.Array(DocumentView),
  /** Whether the caller is a partner (or platform admin) and so sees milestones and documents. */
  seesMilestones: Type.Boolean(),
  /** Whether the caller may edit it (same rule as the API's check), so the web shows only what applies. */
  canEdit: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ProgrammeDetail = Static<typeof ProgrammeDetail>;
