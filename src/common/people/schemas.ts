import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, PageQuery, Uuid } from '../kernel/schemas';
import { CONSENT_GIVERS, CONSENT_PURPOSES, DATA_CATEGORIES } from './consent';
import { ISO639_3_LANGUAGES } from './languages';

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

/**
 * How sure the birth date is (migration 0053): 'exact'; 'year' when only the year is known (stored as
 * YYYY-01-01); 'estimated' when a date was given without proof (an age assessment, a declaration). A
 * non-exact date changes how the participant code is computed (participant-code.ts) and the duplicate
 * check compares birth years only.
 */
export const BIRTH_DATE_PRECISIONS = ['exact', 'year', 'estimated'] as const;
export type BirthDatePrecision = (typeof BIRTH_DATE_PRECISIONS)[number];

/** Whether a person reads and writes a language they speak. */
export const LITERACY_LEVELS = ['none', 'reads', 'reads_writes'] as const;
export type Literacy = (typeof LITERACY_LEVELS)[number];
/** At most this many spoken languages per person. */
export const MAX_SPOKEN_LANGUAGES = 10;

/** ISO 3166-1 alpha-2 (officially assigned codes); names come from Intl.DisplayNames in the UI. */
export const COUNTRY_CODES = Object.freeze(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);
/** A nationality: a country code, or a person without one, or not known (yet). */
export const NATIONALITY_OTHER = ['stateless', 'unknown'] as const;
export const NATIONALITIES: readonly string[] = [...COUNTRY_CODES, ...NATIONALITY_OTHER];

export const INTERPRETER_MODALITIES = ['on_site', 'phone', 'video', 'any'] as const;
export const INTERPRETER_GENDERS = ['female', 'male', 'none'] as const;

const MUNICIPALITY_PATTERN = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';

const date = IsoDate;
const cefr = Type.Enum([...CEFR_LEVELS]);

const iso6393 = Type.Enum([...ISO639_3_LANGUAGES]);

/** A language or dialect a person speaks (ISO 639-3), with their literacy in it; one may be the main one. */
export const SpokenLanguage = Type.Object(
  {
    code: iso6393,
    /** A dialect or variety in a few words (e.g. "Hassaniya", "from Herat"). */
    dialect: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' })),
    literacy: Type.Enum([...LITERACY_LEVELS]),
    main: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SpokenLanguage = Static<typeof SpokenLanguage>;

/** The interpreter a person needs: language, modality and the interpreter's gender the person prefers. */
export const InterpreterNeed = Type.Object(
  {
    language: iso6393,
    modality: Type.Enum([...INTERPRETER_MODALITIES]),
    genderPreference: Type.Enum([...INTERPRETER_GENDERS]),
  },
  { additionalProperties: false },
);
export type InterpreterNeed = Static<typeof InterpreterNeed>;

/** Country code, 'stateless' or 'unknown'. */
const NATIONALITY_PATTERN = `^(${COUNTRY_CODES.join('|')}|stateless|unknown)$`;

/**
 * Names: a person may have a single name (many newcomers are mononymous). Either name may be left out,
 * but not both (personRuleErrors: 'name_required'); an absent name is stored as empty text, so that
 * every reader keeps two strings and the participant code hashes the tokens there are.
 */
const name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

const fields = {
  firstName: name,
  lastName: name,
  birthDate: date,
  birthDatePrecision: Type.Enum([...BIRTH_DATE_PRECISIONS]),
  nationality: Type.String({ pattern: NATIONALITY_PATTERN }),
  spokenLanguages: Type.Array(SpokenLanguage, { maxItems: MAX_SPOKEN_LANGUAGES }),
  interpreterNeed: InterpreterNeed,
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
    /** At least one of the two names (a single name goes in either). */
    firstName: Type.Optional(fields.firstName),
    lastName: Type.Optional(fields.lastName),
    birthDate: fields.birthDate,
    /** Defaults to 'exact'; with 'year' only the year of birthDate is kept. */
    birthDatePrecision: Type.Optional(fields.birthDatePrecision),
    nationality: Type.Optional(fields.nationality),
    sex: Type.Optional(fields.sex),
    email: Type.Optional(fields.email),
    phone: Type.Optional(fields.phone),
    street: Type.Optional(fields.street),
    postalCode: Type.Optional(fields.postalCode),
    municipalityCode: Type.Optional(fields.municipalityCode),
    languages: Type.Optional(fields.languages),
    spokenLanguages: Type.Optional(fields.spokenLanguages),
    interpreterNeed: Type.Optional(Nullable(fields.interpreterNeed)),
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
  {
    firstName: Type.Optional(fields.firstName),
    lastName: Type.Optional(fields.lastName),
    birthDate: fields.birthDate,
    birthDatePrecision: Type.Optional(fields.birthDatePrecision),
  },
  { additionalProperties: false },
);
export type PersonIdentityBody = Static<typeof PersonIdentityBody>;

const clearable = <T extends TSchema>(s: T) => Type.Optional(Nullable(s));

/** Changing a person: absent fields stay, null clears an optional one. */
export const PersonPatchBody = Type.Object(
  {
    /** Null clears a name, as long as the other one remains. */
    firstName: clearable(fields.firstName),
    lastName: clearable(fields.lastName),
    birthDate: Type.Optional(fields.birthDate),
    birthDatePrecision: Type.Optional(fields.birthDatePrecision),
    nationality: clearable(fields.nationality),
    sex: clearable(fields.sex),
    email: clearable(fields.email),
    phone: clearable(fields.phone),
    street: clearable(fields.street),
    postalCode: clearable(fields.postalCode),
    municipalityCode: clearable(fields.municipalityCode),
    languages: Type.Optional(fields.languages),
    spokenLanguages: Type.Optional(fields.spokenLanguages),
    interpreterNeed: clearable(fields.interpreterNeed),
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
  birthDatePrecision: Type.Enum([...BIRTH_DATE_PRECISIONS]),
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
  spokenLanguages: Type.Array(SpokenLanguage),
  /** Country code, 'stateless', 'unknown', or null: not recorded. */
  nationality: Nullable(Type.String()),
  interpreterNeed: Nullable(InterpreterNeed),
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
  /** Restriction of processing (ADR 0032): writes about the person are refused while it holds. */
  restriction: Type.Optional(Nullable(Type.Object({ since: Type.String(), reason: Type.String() }))),
  /** When the record was anonymised (it then holds only the minimal participation record). */
  anonymisedAt: Type.Optional(Nullable(Type.String())),
});
export type PersonDetail = Static<typeof PersonDetail>;

export const DuplicateCandidate = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Type.String(),
  birthDatePrecision: Type.Enum([...BIRTH_DATE_PRECISIONS]),
  status: Type.String(),
  reason: Type.Enum(['same_code', 'similar_name', 'same_national_id']),
  /**
   * Either birth date is approximate: the match is on the birth year only, so it is a lead to check with
   * the person, not a likely duplicate.
   */
  approximate: Type.Boolean(),
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

/**
 * The person form: the create fields with one CEFR level field per language (empty: not spoken), the
 * birth year for a year-only birth date, spoken languages as rows (an empty dialect is "none") and the
 * interpreter need as three fields (no language: no need). toBody (web) turns them into the API body.
 */
const {
  languages: _languages,
  birthDate: _birthDate,
  spokenLanguages: _spoken,
  interpreterNeed: _interpreter,
  ...personFields
} = PersonCreateBody.properties;
export const PersonFormSchema = Type.Object(
  {
    ...personFields,
    birthDate: Type.Optional(date),
    birthYear: Type.Optional(Type.String({ pattern: '^(19|20)[0-9]{2}$' })),
    langFr: Type.Optional(cefr),
    langNl: Type.Optional(cefr),
    langEn: Type.Optional(cefr),
    langDe: Type.Optional(cefr),
    spokenLanguages: Type.Optional(
      Type.Array(
        Type.Object({
          code: iso6393,
          dialect: Type.String({ maxLength: 60 }),
          literacy: Type.Enum([...LITERACY_LEVELS]),
          main: Type.Boolean(),
        }),
        { maxItems: MAX_SPOKEN_LANGUAGES },
      ),
    ),
    interpreterLanguage: Type.Optional(iso6393),
    interpreterModality: Type.Optional(Type.Enum([...INTERPRETER_MODALITIES])),
    interpreterGender: Type.Optional(Type.Enum([...INTERPRETER_GENDERS])),
  },
  { additionalProperties: false },
);
