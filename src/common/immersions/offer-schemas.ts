/**
 * Immersion offers (migration 0026): the value lists (the same as the table's checks), the schemas the
 * API validates with and the web form reuses, and the shapes the API answers with. Rules a schema cannot
 * say (a title in one language, periods in order, what publishing needs) are in `offer-rules.ts`.
 */
import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, NullFirst, Paged, PageQuery, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

export const OFFER_THEMES = [
  'migrant_activation',
  'socio_professional_insertion',
  'social_activation',
  'debt_mediation',
  'youth',
  'domiciliation',
  'housing',
  'interpreting',
  'volunteering',
  'elderly',
  'health',
  'reception',
] as const;
export type OfferTheme = (typeof OFFER_THEMES)[number];

/** Job-shadowing day, short immersion (2–5 days), long immersion (up to 12 months). */
export const IMMERSION_KINDS = ['shadowing', 'short', 'long'] as const;
export type ImmersionKind = (typeof IMMERSION_KINDS)[number];

/** Languages a host team may speak with a visitor (ISO 639-1). */
export const OFFER_LANGUAGES = ['fr', 'nl', 'en', 'de', 'ar', 'es', 'it', 'tr'] as const;

export const OFFER_STATUSES = ['draft', 'published', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_COUNTRIES = ['FR', 'BE'] as const;
export const MAX_PERIODS = 30;
/** A period is at most this many days long (the table's check says the same). */
export const MAX_PERIOD_DAYS = 400;

const title = Type.String({ minLength: 3, maxLength: 200 });
const longText = MultilineText({ minLength: 1, maxLength: 4000 });

export const PeriodInput = Type.Object(
  {
    /** An existing period kept (requests may point to it); absent for a new one. */
    id: Type.Optional(Uuid),
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: Type.Optional(NullFirst(Type.Integer({ minimum: 1, maximum: 50 }))),
  },
  { additionalProperties: false },
);
export type PeriodInput = Static<typeof PeriodInput>;

/** A new offer, or the whole of an edited one (texts may be given in one language only). */
export const OfferInput = Type.Object(
  {
    unitId: Uuid,
    themes: Type.Array(Type.Enum([...OFFER_THEMES]), { minItems: 1, maxItems: 5, uniqueItems: true }),
    titleFr: Type.Optional(NullFirst(title)),
    titleNl: Type.Optional(NullFirst(title)),
    descriptionFr: Type.Optional(NullFirst(longText)),
    descriptionNl: Type.Optional(NullFirst(longText)),
    programmeFr: Type.Optional(NullFirst(longText)),
    programmeNl: Type.Optional(NullFirst(longText)),
    languages: Type.Array(Type.Enum([...OFFER_LANGUAGES]), { minItems: 1, maxItems: 6, uniqueItems: true }),
    kinds: Type.Array(Type.Enum([...IMMERSION_KINDS]), { minItems: 1, maxItems: 3, uniqueItems: true }),
    capacityPerPeriod: Type.Integer({ minimum: 1, maximum: 50 }),
    contactName: Type.Optional(NullFirst(Type.String({ minLength: 2, maxLength: 120 }))),
    contactEmail: Type.Optional(NullFirst(Type.String({ format: 'email', maxLength: 254 }))),
    contactPhone: Type.Optional(
      NullFirst(Type.String({ minLength: 6, maxLength: 40, pattern: '^[+0-9 ()./-]+$' })),
    ),
    periods: Type.Array(PeriodInput, { maxItems: MAX_PERIODS }),
    /** The `updatedAt` the edit started from: a change made meanwhile is not overwritten. */
    expectedUpdatedAt: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type OfferInput = Static<typeof OfferInput>;

export const OfferTransitionInput = Type.Object(
  { action: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }) },
  { additionalProperties: false },
);
export type OfferTransitionInput = Static<typeof OfferTransitionInput>;

/** The catalogue's search: free text (French and Dutch alike), theme, language, host country, dates. */
export const OfferSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    theme: Type.Optional(Type.Enum([...OFFER_THEMES])),
    language: Type.Optional(Type.Enum([...OFFER_LANGUAGES])),
    country: Type.Optional(Type.Enum([...OFFER_COUNTRIES])),
    kind: Type.Optional(Type.Enum([...IMMERSION_KINDS])),
    /** Offers with a period overlapping [from, to] (either bound alone is open-ended). */
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OfferSearchQuery = Static<typeof OfferSearchQuery>;

export const OwnOffersQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...OFFER_STATUSES])), ...PageQuery },
  { additionalProperties: false },
);
export type OwnOffersQuery = Static<typeof OwnOffersQuery>;

const names = {
  orgId: Uuid,
  orgNameFr: Type.String(),
  orgNameNl: Type.String(),
  orgShortName: Nullable(Type.String()),
  country: Type.String(),
  unitId: Uuid,
  unitNameFr: Nullable(Type.String()),
  unitNameNl: Nullable(Type.String()),
};

export const OfferItem = Type.Object({
  id: Uuid,
  status: Type.Enum([...OFFER_STATUSES]),
  themes: Type.Array(Type.String()),
  titleFr: Nullable(Type.String()),
  titleNl: Nullable(Type.String()),
  descriptionFr: Nullable(Type.String()),
  descriptionNl: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  kinds: Type.Array(Type.String()),
  ...names,
  /** The first period that has not ended yet (today counts). */
  nextPeriod: Nullable(Type.Object({ startsOn: IsoDate, endsOn: IsoDate })),
  updatedAt: Type.String(),
});
export type OfferItem = Static<typeof OfferItem>;

export const OfferPage = Paged(OfferItem);
export type OfferPage = Static<typeof OfferPage>;

export const PeriodView = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** As given for this period (null: the offer's capacity). */
  capacity: Nullable(Type.Integer()),
  /** What applies: the period's, else the offer's. */
  effectiveCapacity: Type.Integer(),
  /** Places still free: the capacity less the visitors agreed on overlapping dates (null without requests). */
  remaining: Nullable(Type.Integer()),
});
export type PeriodView = Static<typeof PeriodView>;

export const OfferDetail = Type.Object({
  ...OfferItem.properties,
  programmeFr: Nullable(Type.String()),
  programmeNl: Nullable(Type.String()),
  capacityPerPeriod: Type.Integer(),
  contactName: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  unitEmail: Nullable(Type.String()),
  unitPhone: Nullable(Type.String()),
  periods: Type.Array(PeriodView),
  publishedAt: Nullable(Type.String()),
  /** The host organisation's offer managers: edit and move it along its workflow. */
  canEdit: Type.Boolean(),
  /** A professional of another organisation who may request an immersion (published offers). */
  canRequest: Type.Boolean(),
  /** The workflow actions the caller may take now, with what still blocks them. */
  actions: Type.Array(
    Type.Object({ action: Type.String(), tone: Type.String(), blockedBy: Type.Array(Type.String()) }),
  ),
});
export type OfferDetail = Static<typeof OfferDetail>;
