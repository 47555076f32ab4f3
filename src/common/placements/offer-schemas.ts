/**
 * Placement offers and matching: value lists (the same as the checks of migration 0004), the schemas the
 * API validates with and the web forms reuse, the shapes the API answers with, and the rules a schema
 * cannot say (`offerProblems`).
 */
import Type, { type Static, type TSchema } from 'typebox';
import { IsoDate, Nullable, Paged, Uuid } from '../kernel/schemas';
import type { FieldError } from '../validation/errors';
import { MultilineText } from '../validation/text';
import {
  type ConventionRuleInput,
  conventionFields,
  conventionProblems,
  JOB_CODE_KINDS,
  TimetableDay,
} from './convention-terms';
import { CEFR_LEVELS } from './ranking';

export const OFFER_SECTORS = [
  'green_spaces',
  'building',
  'cleaning',
  'catering',
  'logistics',
  'recycling',
  'retail',
  'care',
  'textile',
  'other',
] as const;
export type OfferSector = (typeof OFFER_SECTORS)[number];

/** Working languages an offer may require. */
export const OFFER_LANGUAGES = ['fr', 'nl', 'en', 'de'] as const;
export const OFFER_STATUSES = ['open', 'closed'] as const;
export const OFFER_COUNTRIES = ['FR', 'BE'] as const;
export const OFFERS_MAX_PAGE_SIZE = 50;
/** Persons one cohort suggestion may handle (the assignment is cubic in their number). */
export const COHORT_MAX_PERSONS = 300;

const MUNICIPALITY_PATTERN = '^(FR-[0-9][0-9AB][0-9]{3}|BE-[0-9]{5})$';
const text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });

const fields = {
  siteName: text(2, 200),
  street: text(1, 200),
  postalCode: Type.String({ pattern: '^[0-9]{4,5}$' }),
  municipalityCode: Type.String({ pattern: MUNICIPALITY_PATTERN }),
  sector: Type.Enum([...OFFER_SECTORS]),
  titleFr: text(2, 200),
  titleNl: text(2, 200),
  tasksFr: MultilineText({ minLength: 1, maxLength: 5000 }),
  tasksNl: MultilineText({ minLength: 1, maxLength: 5000 }),
  positions: Type.Integer({ minimum: 1, maximum: 100 }),
  startsOn: IsoDate,
  endsOn: IsoDate,
  schedule: text(1, 200),
  hoursPerWeek: Type.Number({ minimum: 1, maximum: 48, multipleOf: 0.5 }),
  languageCode: Type.Enum([...OFFER_LANGUAGES]),
  languageLevel: Type.Enum([...CEFR_LEVELS]),
  accessibility: MultilineText({ minLength: 1, maxLength: 1000 }),
  tutorUserId: Uuid,
  programmeId: Uuid,
  status: Type.Enum([...OFFER_STATUSES]),
  timetable: conventionFields.timetable,
  jobCodeKind: conventionFields.jobCodeKind,
  jobCode: conventionFields.jobCode,
  protectiveEquipment: conventionFields.protectiveEquipment,
};

const O = Type.Optional;
/** Optional value that a change may clear with null. */
const Clearable = <T extends TSchema>(t: T) => O(Nullable(t));

export const OfferInput = Type.Object(
  {
    siteName: fields.siteName,
    street: O(fields.street),
    postalCode: O(fields.postalCode),
    municipalityCode: fields.municipalityCode,
    sector: fields.sector,
    titleFr: O(fields.titleFr),
    titleNl: O(fields.titleNl),
    tasksFr: O(fields.tasksFr),
    tasksNl: O(fields.tasksNl),
    positions: fields.positions,
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    schedule: O(fields.schedule),
    hoursPerWeek: O(fields.hoursPerWeek),
    languageCode: O(fields.languageCode),
    languageLevel: O(fields.languageLevel),
    accessibility: O(fields.accessibility),
    tutorUserId: O(fields.tutorUserId),
    programmeId: O(fields.programmeId),
    status: O(fields.status),
    timetable: O(fields.timetable),
    jobCodeKind: O(fields.jobCodeKind),
    jobCode: O(fields.jobCode),
    protectiveEquipment: O(fields.protectiveEquipment),
  },
  { additionalProperties: false },
);
export type OfferInput = Static<typeof OfferInput>;

export const OfferPatch = Type.Object(
  {
    siteName: O(fields.siteName),
    street: Clearable(fields.street),
    postalCode: Clearable(fields.postalCode),
    municipalityCode: O(fields.municipalityCode),
    sector: O(fields.sector),
    titleFr: Clearable(fields.titleFr),
    titleNl: Clearable(fields.titleNl),
    tasksFr: Clearable(fields.tasksFr),
    tasksNl: Clearable(fields.tasksNl),
    positions: O(fields.positions),
    startsOn: O(fields.startsOn),
    endsOn: O(fields.endsOn),
    schedule: Clearable(fields.schedule),
    hoursPerWeek: Clearable(fields.hoursPerWeek),
    languageCode: Clearable(fields.languageCode),
    languageLevel: Clearable(fields.languageLevel),
    accessibility: Clearable(fields.accessibility),
    tutorUserId: Clearable(fields.tutorUserId),
    programmeId: Clearable(fields.programmeId),
    status: O(fields.status),
    timetable: Clearable(fields.timetable),
    jobCodeKind: Clearable(fields.jobCodeKind),
    jobCode: Clearable(fields.jobCode),
    protectiveEquipment: Clearable(fields.protectiveEquipment),
    /** updatedAt as last read: a change made meanwhile by someone else is refused, not overwritten. */
    expectedUpdatedAt: O(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type OfferPatch = Static<typeof OfferPatch>;

export interface OfferRuleInput extends Pick<ConventionRuleInput, 'timetable' | 'jobCodeKind' | 'jobCode'> {
  hoursPerWeek?: number | null;
  titleFr?: string | null;
  titleNl?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  languageCode?: string | null;
  languageLevel?: string | null;
}

const given = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/** Rules on the offer as it will be saved (for a change: the stored offer with the change applied). */
export function offerProblems(o: OfferRuleInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!given(o.titleFr) && !given(o.titleNl))
    problems.push({ path: 'titleFr', code: 'placements.offers.errors.title_required' });
  if (given(o.startsOn) && given(o.endsOn) && o.endsOn! < o.startsOn!)
    problems.push({ path: 'endsOn', code: 'placements.offers.errors.end_before_start' });
  if (given(o.languageCode) && !given(o.languageLevel))
    problems.push({ path: 'languageLevel', code: 'placements.offers.errors.level_required' });
  if (!given(o.languageCode) && given(o.languageLevel))
    problems.push({ path: 'languageCode', code: 'placements.offers.errors.language_required' });
  problems.push(
    ...conventionProblems({
      timetable: o.timetable,
      hoursPerWeek: o.hoursPerWeek,
      jobCodeKind: o.jobCodeKind,
      jobCode: o.jobCode,
    }),
  );
  return problems;
}

export const OfferQuery = Type.Object(
  {
    q: O(Type.String({ maxLength: 200 })),
    municipality: O(fields.municipalityCode),
    country: O(Type.Enum([...OFFER_COUNTRIES])),
    sector: O(fields.sector),
    language: O(fields.languageCode),
    /** Only offers still open and not ended ('true' by default; 'false' lists closed ones too). */
    open: O(Type.Boolean({ default: true })),
    /** Only the offers of the caller's organisation. */
    mine: O(Type.Boolean()),
    page: O(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: O(Type.Integer({ minimum: 1, maximum: OFFERS_MAX_PAGE_SIZE, default: 20 })),
  },
  { additionalProperties: false },
);
export type OfferQuery = Static<typeof OfferQuery>;

const S = () => Type.String();
const NS = () => Nullable(S());

export const OfferItem = Type.Object({
  id: S(),
  orgId: S(),
  orgNameFr: S(),
  orgNameNl: S(),
  siteName: S(),
  municipalityCode: S(),
  municipalityNameFr: S(),
  municipalityNameNl: S(),
  country: S(),
  sector: S(),
  titleFr: NS(),
  titleNl: NS(),
  positions: Type.Integer(),
  freePositions: Type.Integer(),
  startsOn: S(),
  endsOn: S(),
  languageCode: NS(),
  languageLevel: NS(),
  status: S(),
});
export type OfferItem = Static<typeof OfferItem>;

export const OfferPage = Paged(OfferItem);
export type OfferPage = Static<typeof OfferPage>;

export const OfferDetail = Type.Object({
  ...OfferItem.properties,
  programmeId: NS(),
  street: NS(),
  postalCode: NS(),
  tasksFr: NS(),
  tasksNl: NS(),
  schedule: NS(),
  hoursPerWeek: Nullable(Type.Number()),
  accessibility: NS(),
  timetable: Nullable(Type.Array(TimetableDay)),
  jobCodeKind: Nullable(Type.Enum([...JOB_CODE_KINDS])),
  jobCode: NS(),
  protectiveEquipment: NS(),
  tutorUserId: NS(),
  /** Only readable by the host organisation (users of other organisations are not visible). */
  tutorName: NS(),
  createdAt: S(),
  updatedAt: S(),
});
export type OfferDetail = Static<typeof OfferDetail>;

export const RankingQuery = Type.Object(
  {
    from: O(IsoDate),
    to: O(IsoDate),
    /** Only the offers the person can take now (the others are still counted in `total` otherwise). */
    feasibleOnly: O(Type.Boolean()),
    /** Only the offers across the border from the person's home. */
    crossBorderOnly: O(Type.Boolean()),
    page: O(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: O(Type.Integer({ minimum: 1, maximum: OFFERS_MAX_PAGE_SIZE, default: 20 })),
  },
  { additionalProperties: false },
);
export type RankingQuery = Static<typeof RankingQuery>;

export const ReasonOut = Type.Object({
  code: S(),
  points: Type.Integer(),
  blocking: Type.Boolean(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
export type ReasonOut = Static<typeof ReasonOut>;

export const RankedItem = Type.Object({
  rank: Type.Integer(),
  offer: OfferItem,
  feasible: Type.Boolean(),
  score: Type.Integer(),
  straightKm: Type.Number(),
  travelKm: Type.Number(),
  crossesBorder: Type.Boolean(),
  transitLine: NS(),
  reasons: Type.Array(ReasonOut),
});
export type RankedItem = Static<typeof RankedItem>;

export const OfferRanking = Type.Object({
  person: Type.Object({
    id: S(),
    firstName: S(),
    lastName: S(),
    municipalityCode: S(),
    municipalityNameFr: S(),
    municipalityNameNl: S(),
    mobilityRadiusKm: Type.Number(),
    /** False when no mobility is recorded yet and the default radius is used. */
    mobilityRecorded: Type.Boolean(),
    hasCrossedBorder: Type.Boolean(),
    languages: Type.Record(Type.String(), Type.String()),
    availableFrom: S(),
    availableTo: S(),
  }),
  /** One page of the ranking over all open offers (after the filters asked); `rank` is over that list. */
  items: Type.Array(RankedItem),
  /** Offers in the ranked list the pages go through. */
  total: Type.Integer(),
  /** Feasible offers among those matching the filters other than `feasibleOnly`. */
  feasibleCount: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type OfferRanking = Static<typeof OfferRanking>;

export const CohortRequest = Type.Object(
  {
    personIds: O(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: COHORT_MAX_PERSONS,
        uniqueItems: true,
      }),
    ),
    offerIds: O(Type.Array(Uuid, { minItems: 1, maxItems: 2000, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CohortRequest = Static<typeof CohortRequest>;

export const CohortPerson = Type.Object({
  id: S(),
  firstName: S(),
  lastName: S(),
  municipalityNameFr: NS(),
  municipalityNameNl: NS(),
});
export type CohortPerson = Static<typeof CohortPerson>;

export const CohortOption = Type.Object({ offerId: S(), score: Type.Integer(), travelKm: Type.Number() });

export const CohortResult = Type.Object({
  persons: Type.Array(CohortPerson),
  offers: Type.Array(OfferItem),
  assignments: Type.Array(Type.Object({ personId: S(), offerId: S(), score: Type.Integer() })),
  unassigned: Type.Array(
    Type.Object({
      personId: S(),
      /** why: no_home (no municipality), no_feasible_offer, or positions_taken (feasible offers all taken). */
      reason: S(),
      /** The most frequent blocking reason among the offers, when none is feasible. */
      mainBlocking: NS(),
    }),
  ),
  /** Each person's feasible offers, best first: what the coordinator may choose from when adjusting. */
  options: Type.Record(Type.String(), Type.Array(CohortOption)),
  totalScore: Type.Integer(),
});
export type CohortResult = Static<typeof CohortResult>;
