/**
 * The good-practice library (issue 11): value lists (the same as the checks of migration 0028), the
 * schemas the API validates with and the web forms reuse, and the shapes the API answers with. Rules a
 * schema cannot say (the original version is there, dates in order…) are in `rules.ts`.
 */
import Type, { type Static } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, NullFirst, Paged, Uuid } from '../kernel/schemas';
import { MultilineText } from '../validation/text';

/** draft → network (every signed-in organisation reads it) → public (also without sign-in) → withdrawn. */
export const PRACTICE_STATUSES = ['draft', 'network', 'public', 'withdrawn'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
/** Statuses in which other organisations read a sheet (and record its take-up). */
export const PUBLISHED_STATUSES: readonly PracticeStatus[] = ['network', 'public'];

export const PRACTICE_THEMES = [
  'migrant_activation',
  'social_activation',
  'socio_professional_insertion',
  'debt_mediation',
  'youth',
  'domiciliation',
  'housing',
  'interpreting',
  'volunteering',
  'reception',
  'health',
  'digital_inclusion',
] as const;
export type PracticeTheme = (typeof PRACTICE_THEMES)[number];

/**
 * Where a sheet comes from: written directly, or drawn from an immersion report, a formative project, or an
 * experimentation (or one of its transfers) of the accompaniment module (migration 0057).
 */
export const PRACTICE_SOURCES = [
  'direct',
  'immersion_report',
  'formative_project',
  'experimentation',
] as const;
export type PracticeSource = (typeof PRACTICE_SOURCES)[number];

export const TAKE_UP_STATUSES = ['planned', 'trying', 'adopted', 'abandoned'] as const;
export type TakeUpStatus = (typeof TAKE_UP_STATUSES)[number];

export const PRACTICE_LANGUAGES = ['fr', 'nl'] as const;
export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];

export const MAX_TAGS = 10;
export const MAX_PARTNER_ORGS = 20;
export const TAG_PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N} '’-]{0,39}$";

/** The texts of one language version, in the order the sheet shows them. */
export const PRACTICE_TEXTS = [
  'title',
  'context',
  'description',
  'objectives',
  'targetPublic',
  'partners',
  'resources',
  'results',
  'difficulties',
  'contact',
] as const;
export type PracticeText = (typeof PRACTICE_TEXTS)[number];

const long = () => NullFirst(MultilineText({ minLength: 1, maxLength: 4000 }));

/** One language version: a title and a description, the other texts optional. */
export const PracticeVersion = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    context: long(),
    description: MultilineText({ minLength: 1, maxLength: 8000 }),
    objectives: long(),
    targetPublic: long(),
    partners: long(),
    resources: long(),
    results: long(),
    difficulties: long(),
    contact: NullFirst(MultilineText({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type PracticeVersion = Static<typeof PracticeVersion>;

/** A sheet as written (create and edit send the whole sheet). */
export const PracticeInput = Type.Object(
  {
    /** The version written first; the other one, if any, is its translation. */
    originalLanguage: Type.Enum([...PRACTICE_LANGUAGES]),
    fr: NullFirst(PracticeVersion),
    nl: NullFirst(PracticeVersion),
    themes: Type.Array(Type.Enum([...PRACTICE_THEMES]), { minItems: 1, maxItems: 5, uniqueItems: true }),
    tags: Type.Array(Type.String({ pattern: TAG_PATTERN }), { maxItems: MAX_TAGS, uniqueItems: true }),
    /** Organisations of the network that developed it with the owner. */
    partnerOrgIds: Type.Array(Uuid, { maxItems: MAX_PARTNER_ORGS, uniqueItems: true }),
    /** A programme the owner takes part in, under which the practice was developed (counted there). */
    programmeId: NullFirst(Uuid),
    contactEmail: NullFirst(Type.String({ format: 'email', maxLength: 254 })),
    /** The contact (text and e-mail) is shown on the public page too; otherwise to signed-in users only. */
    contactPublic: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PracticeInput = Static<typeof PracticeInput>;

const queryFields = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(Type.Enum([...PRACTICE_THEMES])),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  orgId: Type.Optional(Uuid),
  country: Type.Optional(Type.Enum(['FR', 'BE'])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
};
export const PracticeQuery = Type.Object(
  {
    ...queryFields,
    /** Only the caller's organisation's sheets, drafts and withdrawn ones included. */
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PracticeQuery = Static<typeof PracticeQuery>;
/** The public library's filters: published sheets only, so no `mine`. */
export const PublicPracticeQuery = Type.Object(queryFields, { additionalProperties: false });
export type PublicPracticeQuery = Static<typeof PublicPracticeQuery>;

const S = () => Type.String();

export const OrgRef = Type.Object({
  id: S(),
  nameFr: S(),
  nameNl: S(),
  shortName: Nullable(S()),
  country: S(),
});
export type OrgRef = Static<typeof OrgRef>;

export const PracticeItem = Type.Object({
  id: S(),
  reference: S(),
  status: Type.Enum([...PRACTICE_STATUSES]),
  originalLanguage: Type.Enum([...PRACTICE_LANGUAGES]),
  titleFr: Nullable(S()),
  titleNl: Nullable(S()),
  summaryFr: Nullable(S()),
  summaryNl: Nullable(S()),
  themes: Type.Array(S()),
  tags: Type.Array(S()),
  org: OrgRef,
  publishedOn: Nullable(IsoDate),
  adoptions: Type.Integer(),
});
export type PracticeItem = Static<typeof PracticeItem>;
export const PracticePage = Paged(PracticeItem);
export type PracticePage = Static<typeof PracticePage>;

export const AttachmentView = Type.Object({
  id: S(),
  filename: S(),
  mediaType: S(),
  sizeBytes: Type.Integer(),
  sha256: S(),
  createdAt: IsoDateTime,
});
export type AttachmentView = Static<typeof AttachmentView>;

export const TakeUpView = Type.Object({
  id: S(),
  org: OrgRef,
  status: Type.Enum([...TAKE_UP_STATUSES]),
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  evidence: S(),
  /** Name of the evidence file; its download is for the recording organisation and the owner. */
  evidenceFilename: Nullable(S()),
  canDownloadEvidence: Type.Boolean(),
  mine: Type.Boolean(),
  createdAt: IsoDateTime,
});
export type TakeUpView = Static<typeof TakeUpView>;

const version = Nullable(Type.Object(Object.fromEntries(PRACTICE_TEXTS.map((k) => [k, Nullable(S())]))));

export const PracticeDetail = Type.Object({
  id: S(),
  reference: S(),
  status: Type.Enum([...PRACTICE_STATUSES]),
  originalLanguage: Type.Enum([...PRACTICE_LANGUAGES]),
  fr: version,
  nl: version,
  themes: Type.Array(S()),
  tags: Type.Array(S()),
  org: OrgRef,
  partners: Type.Array(OrgRef),
  programme: Nullable(Type.Object({ id: S(), acronym: S() })),
  sourceKind: Type.Enum([...PRACTICE_SOURCES]),
  contactEmail: Nullable(S()),
  contactPublic: Type.Boolean(),
  publishedOn: Nullable(IsoDate),
  updatedAt: IsoDateTime,
  attachments: Type.Array(AttachmentView),
  /** Signed-in readers only (the public page has none). */
  takeUps: Type.Array(TakeUpView),
  /** The caller's organisation owns it (the web offers editing and the workflow's actions). */
  own: Type.Boolean(),
});
export type PracticeDetail = Static<typeof PracticeDetail>;

export const PracticeCreated = Type.Object({ id: Uuid, reference: S() });
export type PracticeCreated = Static<typeof PracticeCreated>;

export const TransitionInput = Type.Object(
  { action: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export type TransitionInput = Static<typeof TransitionInput>;

export const TakeUpInput = Type.Object(
  {
    status: Type.Enum([...TAKE_UP_STATUSES]),
    startsOn: IsoDate,
    endsOn: NullFirst(IsoDate),
    evidence: MultilineText({ minLength: 2, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type TakeUpInput = Static<typeof TakeUpInput>;

/** What the library's filters offer: organisations and tags of the sheets the reader sees. */
export const PracticeFacets = Type.Object({
  organisations: Type.Array(OrgRef),
  tags: Type.Array(S()),
});
export type PracticeFacets = Static<typeof PracticeFacets>;
