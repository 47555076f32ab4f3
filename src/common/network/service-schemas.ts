/**
 * The cross-border services directory: value lists (the same as the checks of migration 0002), the
 * schemas the API validates with and the web forms reuse, and the shapes the API answers with.
 * Rules a schema cannot say (one title at least, opening hours, phone) are in `service-rules.ts`.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { Nullable, Paged, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

export const SERVICE_THEMES = [
  'employment',
  'social_activation',
  'housing',
  'debt_budget',
  'health',
  'mental_health',
  'refugees_migrants',
  'mobility',
  'food_aid',
  'language_courses',
  'childcare_family',
  'legal_rights',
  'volunteering',
  'elderly_disability',
] as const;
export type ServiceTheme = (typeof SERVICE_THEMES)[number];

export const TARGET_PUBLICS = [
  'all',
  'minimum_income',
  'jobseekers',
  'young_people',
  'families',
  'elderly',
  'disability',
  'refugees_migrants',
  'professionals',
] as const;

/** Languages a service can be used in (ISO 639-1). */
export const SERVICE_LANGUAGES = [
  'fr',
  'nl',
  'en',
  'de',
  'ar',
  'ps',
  'fa',
  'ti',
  'so',
  'ru',
  'uk',
  'tr',
  'es',
] as const;

export const CROSS_BORDER_ACCESS = [
  'open_to_all',
  'residents_both_countries',
  'on_referral',
  'residents_only',
] as const;

export const DIRECTORY_COUNTRIES = ['FR', 'BE'] as const;
export const DIRECTORY_MAX_PAGE_SIZE = 50;

/** 'HH:MM', 00:00 to 23:59. */
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
export const MUNICIPALITY_PATTERN = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';

/** One opening range on one ISO weekday (Monday = 1). */
export const OpeningRange = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 7 }),
    opens: Type.String({ pattern: TIME_PATTERN }),
    closes: Type.String({ pattern: TIME_PATTERN }),
  },
  { additionalProperties: false },
);
export type OpeningRange = Static<typeof OpeningRange>;

const text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const fields = {
  titleFr: text(2, 200),
  titleNl: text(2, 200),
  descriptionFr: MultilineText({ minLength: 1, maxLength: 5000 }),
  descriptionNl: MultilineText({ minLength: 1, maxLength: 5000 }),
  theme: Type.Enum([...SERVICE_THEMES]),
  targetPublics: Type.Array(Type.Enum([...TARGET_PUBLICS]), { minItems: 1, uniqueItems: true }),
  languages: Type.Array(Type.Enum([...SERVICE_LANGUAGES]), { minItems: 1, uniqueItems: true }),
  street: text(1, 200),
  postalCode: Type.String({ pattern: '^[0-9]{4,5}$' }),
  municipalityCode: Type.String({ pattern: MUNICIPALITY_PATTERN }),
  openingHours: Type.Array(OpeningRange, { maxItems: 28 }),
  openingNotes: text(1, 500),
  crossBorderAccess: Type.Enum([...CROSS_BORDER_ACCESS]),
  accessConditionsFr: MultilineText({ minLength: 1, maxLength: 2000 }),
  accessConditionsNl: MultilineText({ minLength: 1, maxLength: 2000 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: text(6, 40),
  website: Type.String({ pattern: '^https?://[^\\s]+\\.[^\\s]+$', maxLength: 300 }),
  published: Type.Boolean(),
};

const O = Type.Optional;
/** Optional text that a change may clear with null. */
const Clearable = <T extends TSchema>(t: T) => O(Nullable(t));

/** A new service (and what the edit form validates before sending). */
export const ServiceInput = Type.Object(
  {
    titleFr: O(fields.titleFr),
    titleNl: O(fields.titleNl),
    descriptionFr: O(fields.descriptionFr),
    descriptionNl: O(fields.descriptionNl),
    theme: fields.theme,
    targetPublics: fields.targetPublics,
    languages: fields.languages,
    street: O(fields.street),
    postalCode: O(fields.postalCode),
    municipalityCode: O(fields.municipalityCode),
    openingHours: O(fields.openingHours),
    openingNotes: O(fields.openingNotes),
    crossBorderAccess: fields.crossBorderAccess,
    accessConditionsFr: O(fields.accessConditionsFr),
    accessConditionsNl: O(fields.accessConditionsNl),
    email: O(fields.email),
    phone: O(fields.phone),
    website: O(fields.website),
    published: O(fields.published),
    /** Platform admins create on behalf of an organisation; others always create for their own. */
    orgId: O(Uuid),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInput>;

/** A change: every field optional; optional text may be cleared with null. */
export const ServicePatch = Type.Object(
  {
    titleFr: Clearable(fields.titleFr),
    titleNl: Clearable(fields.titleNl),
    descriptionFr: Clearable(fields.descriptionFr),
    descriptionNl: Clearable(fields.descriptionNl),
    theme: O(fields.theme),
    targetPublics: O(fields.targetPublics),
    languages: O(fields.languages),
    street: Clearable(fields.street),
    postalCode: Clearable(fields.postalCode),
    municipalityCode: Clearable(fields.municipalityCode),
    openingHours: O(fields.openingHours),
    openingNotes: Clearable(fields.openingNotes),
    crossBorderAccess: O(fields.crossBorderAccess),
    accessConditionsFr: Clearable(fields.accessConditionsFr),
    accessConditionsNl: Clearable(fields.accessConditionsNl),
    email: Clearable(fields.email),
    phone: Clearable(fields.phone),
    website: Clearable(fields.website),
    published: O(fields.published),
    /** updatedAt as last read: a change made meanwhile by someone else is refused, not overwritten. */
    expectedUpdatedAt: O(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type ServicePatch = Static<typeof ServicePatch>;

export const DirectoryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    theme: Type.Optional(fields.theme),
    language: Type.Optional(Type.Enum([...SERVICE_LANGUAGES])),
    country: Type.Optional(Type.Enum([...DIRECTORY_COUNTRIES])),
    municipality: Type.Optional(Type.String({ pattern: MUNICIPALITY_PATTERN })),
    crossBorderAccess: Type.Optional(fields.crossBorderAccess),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: DIRECTORY_MAX_PAGE_SIZE, default: 20 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

const S = () => Type.String();

export const DirectoryItem = Type.Object({
  id: S(),
  titleFr: Nullable(S()),
  titleNl: Nullable(S()),
  descriptionFr: Nullable(S()),
  descriptionNl: Nullable(S()),
  theme: S(),
  languages: Type.Array(S()),
  crossBorderAccess: S(),
  country: Nullable(S()),
  municipalityCode: Nullable(S()),
  municipalityNameFr: Nullable(S()),
  municipalityNameNl: Nullable(S()),
  orgId: S(),
  orgNameFr: S(),
  orgNameNl: S(),
  orgShortName: Nullable(S()),
});
export type DirectoryItem = Static<typeof DirectoryItem>;

export const DirectoryPage = Paged(DirectoryItem);
export type DirectoryPage = Static<typeof DirectoryPage>;

export const ServiceDetail = Type.Object({
  ...DirectoryItem.properties,
  targetPublics: Type.Array(S()),
  street: Nullable(S()),
  postalCode: Nullable(S()),
  openingHours: Type.Array(OpeningRange),
  openingNotes: Nullable(S()),
  accessConditionsFr: Nullable(S()),
  accessConditionsNl: Nullable(S()),
  email: Nullable(S()),
  phone: Nullable(S()),
  website: Nullable(S()),
  published: Type.Boolean(),
  updatedAt: S(),
});
export type ServiceDetail = Static<typeof ServiceDetail>;

export const ManagedServiceItem = Type.Object({
  id: S(),
  titleFr: Nullable(S()),
  titleNl: Nullable(S()),
  theme: S(),
  published: Type.Boolean(),
  municipalityNameFr: Nullable(S()),
  municipalityNameNl: Nullable(S()),
  orgNameFr: S(),
  orgNameNl: S(),
  updatedAt: S(),
});
export type ManagedServiceItem = Static<typeof ManagedServiceItem>;

export const ManagedServicesPage = Paged(ManagedServiceItem);
export type ManagedServicesPage = Static<typeof ManagedServicesPage>;

export const ManagedServicesQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: DIRECTORY_MAX_PAGE_SIZE, default: 25 })),
  },
  { additionalProperties: false },
);
export type ManagedServicesQuery = Static<typeof ManagedServicesQuery>;

export const Municipality = Type.Object({
  code: S(),
  country: S(),
  nameFr: S(),
  nameNl: S(),
});
export type Municipality = Static<typeof Municipality>;

/** The municipalities the directory's filter offers. */
export const MunicipalityList = Type.Object({ items: Type.Array(Municipality) });
export type MunicipalityList = Static<typeof MunicipalityList>;
