import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, Paged, PageQuery } from '../kernel/schemas';

/** What kind of body an organisation is (migration 0001 checks the same list). */
export const ORGANISATION_KINDS = [
  'ccas',
  'cpas',
  'ocmw',
  'public_authority',
  'association',
  'host_site',
  'service_provider',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const COUNTRIES = ['FR', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

export const REGIONS = ['FR-HDF', 'BE-WAL', 'BE-VLG', 'BE-BRU'] as const;
export type Region = (typeof REGIONS)[number];

/** The regions a country's organisations may be in. */
export const REGIONS_BY_COUNTRY: Record<Country, readonly Region[]> = {
  FR: ['FR-HDF'],
  BE: ['BE-WAL', 'BE-VLG', 'BE-BRU'],
};

/** Languages an organisation can serve people in. */
export const SERVICE_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;

export const ORGANISATION_STATUSES = ['active', 'closed'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

const MUNICIPALITY_PATTERN = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';

const fields = {
  kind: Type.Enum([...ORGANISATION_KINDS]),
  country: Type.Enum([...COUNTRIES]),
  region: Type.Enum([...REGIONS]),
  nameFr: Type.String({ minLength: 2, maxLength: 200 }),
  nameNl: Type.String({ minLength: 2, maxLength: 200 }),
  shortName: Type.String({ minLength: 1, maxLength: 60 }),
  serviceLanguages: Type.Array(Type.Enum([...SERVICE_LANGUAGES]), { uniqueItems: true, maxItems: 4 }),
  street: Type.String({ minLength: 1, maxLength: 200 }),
  postalCode: Type.String({ pattern: '^[0-9]{4,5}$' }),
  municipalityCode: Type.String({ pattern: MUNICIPALITY_PATTERN }),
  /** SIRET for a French organisation, KBO/BCE number for a Belgian one (checked with its checksum). */
  businessId: Type.String({ minLength: 9, maxLength: 20 }),
  email: Type.String({ format: 'email', minLength: 3, maxLength: 254 }),
  phone: Type.String({ minLength: 6, maxLength: 40 }),
  website: Type.String({ pattern: '^https?://[^\\s]+\\.[^\\s]+$', maxLength: 300 }),
  status: Type.Enum([...ORGANISATION_STATUSES]),
  closedOn: IsoDate,
};

export const OrganisationCreateBody = Type.Object(
  {
    kind: fields.kind,
    country: fields.country,
    region: fields.region,
    nameFr: fields.nameFr,
    nameNl: fields.nameNl,
    shortName: Type.Optional(fields.shortName),
    serviceLanguages: Type.Optional(fields.serviceLanguages),
    street: Type.Optional(fields.street),
    postalCode: Type.Optional(fields.postalCode),
    municipalityCode: Type.Optional(fields.municipalityCode),
    businessId: Type.Optional(fields.businessId),
    email: Type.Optional(fields.email),
    phone: Type.Optional(fields.phone),
    website: Type.Optional(fields.website),
  },
  { additionalProperties: false },
);
export type OrganisationCreateBody = Static<typeof OrganisationCreateBody>;

const clearable = <T extends TSchema>(s: T) => Type.Optional(Nullable(s));

/**
 * Changing an organisation: absent fields stay as they are, null clears an optional one. Closing sets
 * status 'closed' with closedOn; reopening sets status 'active' (closedOn is then cleared).
 */
export const OrganisationPatchBody = Type.Object(
  {
    kind: Type.Optional(fields.kind),
    country: Type.Optional(fields.country),
    region: Type.Optional(fields.region),
    nameFr: Type.Optional(fields.nameFr),
    nameNl: Type.Optional(fields.nameNl),
    shortName: clearable(fields.shortName),
    serviceLanguages: Type.Optional(fields.serviceLanguages),
    street: clearable(fields.street),
    postalCode: clearable(fields.postalCode),
    municipalityCode: clearable(fields.municipalityCode),
    businessId: clearable(fields.businessId),
    email: clearable(fields.email),
    phone: clearable(fields.phone),
    website: clearable(fields.website),
    status: Type.Optional(fields.status),
    closedOn: clearable(fields.closedOn),
  },
  { additionalProperties: false },
);
export type OrganisationPatchBody = Static<typeof OrganisationPatchBody>;

/**
 * The edit form's schema: the create fields plus status and closing date. The web form sends only what
 * changed, but checks the whole record with the same constraints as the API.
 */
export const OrganisationFormSchema = Type.Object(
  {
    ...OrganisationCreateBody.properties,
    status: Type.Optional(fields.status),
    closedOn: Type.Optional(fields.closedOn),
  },
  { additionalProperties: false },
);

export const OrganisationQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(fields.kind),
    country: Type.Optional(fields.country),
    region: Type.Optional(fields.region),
    status: Type.Optional(fields.status),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganisationQuery = Static<typeof OrganisationQuery>;

export const OrganisationListItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  country: Type.String(),
  region: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  shortName: Nullable(Type.String()),
  municipalityCode: Nullable(Type.String()),
  municipalityNameFr: Nullable(Type.String()),
  municipalityNameNl: Nullable(Type.String()),
  status: Type.String(),
});
export type OrganisationListItem = Static<typeof OrganisationListItem>;

export const OrganisationPage = Paged(OrganisationListItem);
export type OrganisationPage = Static<typeof OrganisationPage>;

export const OrganisationDetail = Type.Object({
  ...OrganisationListItem.properties,
  serviceLanguages: Type.Array(Type.String()),
  street: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  businessIdType: Nullable(Type.String()),
  businessId: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  closedOn: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Whether the caller may edit it (platform admin, or org admin of this organisation). */
  canEdit: Type.Boolean(),
});
export type OrganisationDetail = Static<typeof OrganisationDetail>;
