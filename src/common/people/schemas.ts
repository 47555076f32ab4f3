import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, PageQuery, Uuid } from '../kernel/schemas';
import { CONSENT_GIVERS, CONSENT_PURPOSES, DATA_CATEGORIES } from './consent';

/** Minimum-income benefits (migration 0003 checks the same list). */
export const BENEFITS = ['rsa', 'ris', 'equivalent_aid', 'leefloon', 'equivalent_leefloon', 'none'] as const;
export type Benefit = (typeof BENEFITS)[number];

/** Individual contracts: CER / contrat d'engagement / PPAE (FR), PIIS (BE-WAL), GPMI (BE-VLG). */
export const CONTRACT_TYPES = ['cer', 'contrat_engagement', 'ppae', 'piis', 'gpmi', 'none'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];
/** Languages whose level is recorded: the two of the cross-border area first. */
export const PERSON_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export const PREFERRED_LANGUAGES = ['fr', 'nl', 'en'] as const;
export const PERSON_STATUSES = ['active', 'archived'] as const;
/**
 * Sex, optional (migration 0022): recorded only for the ESF+ breakdowns of indicators (Regulation (EU)
 * 2021/1057, Annex I); not a special category of data; "not recorded" (absent, null) is always allowed.
 * Never shared with another organisation.
 */
export const PERSON_SEXES = ['female', 'male', 'non_binary'] as const;
export type PersonSex = (typeof PERSON_SEXES)[number];

const MUNICIPALITY_PATTERN = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';

const date = IsoDate;
const cefr = Type.Enum([...CEFR_LEVELS]);

const fields = {
  firstName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  lastName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  birthDate: date,
  sex: Type.Enum([...PERSON_SEXES]),
  email: Type.String({ format: 'email', minLength: 3, maxLength: 254 }),
  phone: Type.String({ minLength: 6, maxLength: 40 }),
  street: Type.String({ minLength: 1, maxLength: 200 }),
  postalCode: Type.String({ pattern: '^[0-9]{4,5}$' }),
  municipalityCode: Type.String({ pattern: MUNICIPALITY_PATTERN }),
  languages: Type.Object(
    { fr: Type.Optional(cefr), nl: Type.Optional(cefr), en: Type.Optional(cefr), de: Type.Optional(cefr) },
    { additionalProperties: false },
  ),
  preferredLanguage: Type.Enum([...PREFERRED_LANGUAGES]),
  benefit: Type.Enum([...BENEFITS]),
  benefitSince: date,
  benefitUntil: date,
  contractType: Type.Enum([...CONTRACT_TYPES]),
  contractSignedOn: date,
  contractNextEvaluationOn: date,
  /** NISS/INSZ for a Belgian centre, NIR for a French one (checksums verified); stored encrypted. */
  nationalId: Type.String({ minLength: 11, maxLength: 30 }),
  referentUserId: Uuid,
};

export const PersonCreateBody = Type.Object(
  {
    firstName: fields.firstName,
    lastName: fields.lastName,
    birthDate: fields.birthDate,
    sex: Type.Optional(fields.sex),
    email: Type.Optional(fields.email),
    phone: Type.Optional(fields.phone),
    street: Type.Optional(fields.street),
    postalCode: Type.Optional(fields.postalCode),
    municipalityCode: Type.Optional(fields.municipalityCode),
    languages: Type.Optional(fields.languages),
    preferredLanguage: Type.Optional(fields.preferredLanguage),
    benefit: Type.Optional(fields.benefit),
    benefitSince: Type.Optional(fields.benefitSince),
    benefitUntil: Type.Optional(fields.benefitUntil),
    contractType: Type.Optional(fields.contractType),
    contractSignedOn: Type.Optional(fields.contractSignedOn),
    contractNextEvaluationOn: Type.Optional(fields.contractNextEvaluationOn),
    nationalId: Type.Optional(fields.nationalId),
    /** Defaults to the creating user. */
    referentUserId: Type.Optional(fields.referentUserId),
  },
  { additionalProperties: false },
);
export type PersonCreateBody = Static<typeof PersonCreateBody>;

/** What the duplicate pre-check needs: the identity only. */
export const PersonIdentityBody = Type.Object(
  { firstName: fields.firstName, lastName: fields.lastName, birthDate: fields.birthDate },
  { additionalProperties: false },
);
export type PersonIdentityBody = Static<typeof PersonIdentityBody>;

const clearable = <T extends TSchema>(s: T) => Type.Optional(Nullable(s));

/** Changing a person: absent fields stay, null clears an optional one. */
export const PersonPatchBody = Type.Object(
  {
    firstName: Type.Optional(fields.firstName),
    lastName: Type.Optional(fields.lastName),
    birthDate: Type.Optional(fields.birthDate),
    sex: clearable(fields.sex),
    email: clearable(fields.email),
    phone: clearable(fields.phone),
    street: clearable(fields.street),
    postalCode: clearable(fields.postalCode),
    municipalityCode: clearable(fields.municipalityCode),
    languages: Type.Optional(fields.languages),
    preferredLanguage: Type.Optional(fields.preferredLanguage),
    benefit: Type.Optional(fields.benefit),
    benefitSince: clearable(fields.benefitSince),
    benefitUntil: clearable(fields.benefitUntil),
    contractType: Type.Optional(fields.contractType),
    contractSignedOn: clearable(fields.contractSignedOn),
    contractNextEvaluationOn: clearable(fields.contractNextEvaluationOn),
    nationalId: clearable(fields.nationalId),
    referentUserId: clearable(fields.referentUserId),
    status: Type.Optional(Type.Enum([...PERSON_STATUSES])),
  },
  { additionalProperties: false },
);
export type PersonPatchBody = Static<typeof PersonPatchBody>;

export const PersonQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    birthDate: Type.Optional(date),
    code: Type.Optional(Type.String({ maxLength: 30 })),
    /** A referent's id, or 'none' for persons without one; only with person.view_all_caseloads. */
    referent: Type.Optional(Type.String({ pattern: '^(none|[0-9a-fA-F-]{36})$' })),
    status: Type.Optional(Type.Enum([...PERSON_STATUSES])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PersonQuery = Static<typeof PersonQuery>;

const Languages = Type.Record(Type.String(), Type.String());

export const PersonListItem = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  participantCode: Type.String(),
  municipalityCode: Nullable(Type.String()),
  municipalityNameFr: Nullable(Type.String()),
  municipalityNameNl: Nullable(Type.String()),
  referentUserId: Nullable(Type.String()),
  referentName: Nullable(Type.String()),
  benefit: Type.String(),
  contractType: Type.String(),
  contractNextEvaluationOn: Nullable(Type.String()),
  status: Type.String(),
  /** What needs the referent's attention (caseload list only): codes other modules' caseload alert
   * providers give, each rendered by its own module's view. */
  alerts: Type.Optional(Type.Array(Type.String())),
});
export type PersonListItem = Static<typeof PersonListItem>;

export const PersonPage = Type.Object({
  items: Type.Array(PersonListItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Whether the reader sees every caseload of the organisation (and may filter by referent). */
  allCaseloads: Type.Boolean(),
});
export type PersonPage = Static<typeof PersonPage>;

export const PersonDetail = Type.Object({
  ...PersonListItem.properties,
  orgId: Type.String(),
  /** Null: not recorded. */
  sex: Nullable(Type.Enum([...PERSON_SEXES])),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  street: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  languages: Languages,
  preferredLanguage: Type.String(),
  benefitSince: Nullable(Type.String()),
  benefitUntil: Nullable(Type.String()),
  contractSignedOn: Nullable(Type.String()),
  /** Only the last characters, e.g. '•••••••••28': the full number never leaves the server. */
  nationalIdMasked: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  canManage: Type.Boolean(),
  canReassign: Type.Boolean(),
});
export type PersonDetail = Static<typeof PersonDetail>;

export const DuplicateCandidate = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  status: Type.String(),
  reason: Type.Enum(['same_code', 'similar_name']),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;

/**
 * The check before a record is created: possible duplicates in the organisation, and whether another
 * centre of the network follows someone with the same participant code (never who or where). Only a
 * coordinator (person.known_elsewhere) learns how many centres do. The check is throttled per user and
 * audited: it is for the creation form, not for looking people up.
 */
export const DuplicateCheck = Type.Object({
  duplicates: Type.Array(DuplicateCandidate),
  knownElsewhere: Type.Boolean(),
  elsewhereCount: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type DuplicateCheck = Static<typeof DuplicateCheck>;

/** The created record and its possible duplicates in the organisation (the network was asked before). */
export const PersonCreated = Type.Object({
  person: PersonDetail,
  duplicates: Type.Array(DuplicateCandidate),
});
export type PersonCreated = Static<typeof PersonCreated>;

/** A member of the organisation who can be a referent (for the reassignment select). */
export const ReferentOption = Type.Object({ id: Type.String(), displayName: Type.String() });
export type ReferentOption = Static<typeof ReferentOption>;

// ============================================================================ consents

export const ConsentCreateBody = Type.Object(
  {
    purpose: Type.Enum([...CONSENT_PURPOSES]),
    dataCategories: Type.Array(Type.Enum([...DATA_CATEGORIES]), {
      minItems: 1,
      maxItems: DATA_CATEGORIES.length,
      uniqueItems: true,
    }),
    recipientOrgIds: Type.Array(Uuid, { maxItems: 50, uniqueItems: true }),
    givenBy: Type.Enum([...CONSENT_GIVERS]),
    representativeName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    givenOn: date,
    expiresOn: Type.Optional(date),
    /** The record this one replaces (a change of consent is a new record). */
    supersedesId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ConsentCreateBody = Static<typeof ConsentCreateBody>;

export const ConsentWithdrawBody = Type.Object(
  { withdrawnOn: date, reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ConsentWithdrawBody = Static<typeof ConsentWithdrawBody>;

export const ConsentView = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  dataCategories: Type.Array(Type.String()),
  recipientOrgIds: Type.Array(Type.String()),
  recipients: Type.Array(Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() })),
  givenBy: Type.String(),
  representativeName: Nullable(Type.String()),
  givenOn: Type.String(),
  expiresOn: Nullable(Type.String()),
  supersedesId: Nullable(Type.String()),
  recordedByName: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  withdrawalReason: Nullable(Type.String()),
  status: Type.Enum(['active', 'withdrawn', 'expired', 'future', 'superseded']),
  createdAt: Type.String(),
});
export type ConsentView = Static<typeof ConsentView>;

/** The person form: the create fields with one CEFR level field per language (empty: not spoken). */
const { languages: _languages, ...personFields } = PersonCreateBody.properties;
export const PersonFormSchema = Type.Object(
  {
    ...personFields,
    langFr: Type.Optional(cefr),
    langNl: Type.Optional(cefr),
    langEn: Type.Optional(cefr),
    langDe: Type.Optional(cefr),
  },
  { additionalProperties: false },
);
