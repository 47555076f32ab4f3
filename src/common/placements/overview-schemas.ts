/**
 * The coordinator's overview of every placement of a programme: its filters (shared by the page, the CSV
 * and the XLSX export) and the pseudonymous rows it answers with (participant code, never a name).
 */
import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, PageQuery, Uuid } from '../kernel/schemas';
import { AGREEMENT_STATUSES } from './agreement-workflow';
import { OUTCOME_SITUATIONS } from './followup-rules';

export const OVERVIEW_SORTS = [
  'starts_on',
  'ends_on',
  'status',
  'participant_code',
  'site',
  'home_org',
  'host_org',
] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
export const OVERVIEW_MAX_PAGE_SIZE = 100;
/** An export past this many rows asks to narrow the filters (it is built in memory). */
export const OVERVIEW_EXPORT_MAX_ROWS = 20_000;

const O = Type.Optional;

/** Filters of the overview and its exports. The period keeps placements that overlap from–to. */
export const OverviewFilters = {
  status: O(Type.Enum([...AGREEMENT_STATUSES])),
  homeOrgId: O(Uuid),
  hostOrgId: O(Uuid),
  from: O(IsoDate),
  to: O(IsoDate),
  /** A participant code, in any case and with or without dashes. */
  code: O(Type.String({ maxLength: 30 })),
  sort: O(Type.Enum([...OVERVIEW_SORTS])),
  order: O(Type.Enum(['asc', 'desc'])),
};

export const OverviewQuery = Type.Object(
  {
    ...OverviewFilters,
    ...PageQuery,
    pageSize: O(Type.Integer({ minimum: 1, maximum: OVERVIEW_MAX_PAGE_SIZE })),
  },
  { additionalProperties: false },
);
export type OverviewQuery = Static<typeof OverviewQuery>;

export const ExportQuery = Type.Object(OverviewFilters, { additionalProperties: false });
export type ExportQuery = Static<typeof ExportQuery>;

const OrgRef = Type.Object({ id: Type.String(), nameFr: Type.String(), nameNl: Type.String() });

export const OverviewItem = Type.Object({
  id: Type.String(),
  participantCode: Type.String(),
  homeOrg: OrgRef,
  hostOrg: OrgRef,
  siteName: Type.String(),
  municipalityCode: Type.String(),
  municipalityNameFr: Nullable(Type.String()),
  municipalityNameNl: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  endedOn: Nullable(Type.String()),
  status: Type.Enum([...AGREEMENT_STATUSES]),
  version: Type.Integer(),
  /** attendanceRate() of followup-rules.ts, the follow-up's own rate (0–1); null before any planned hour. */
  attendanceRate: Nullable(Type.Number()),
  midTermDone: Type.Boolean(),
  finalDone: Type.Boolean(),
  exitSituation: Nullable(Type.Enum([...OUTCOME_SITUATIONS])),
  sixMonthSituation: Nullable(Type.Enum([...OUTCOME_SITUATIONS])),
});
export type OverviewItem = Static<typeof OverviewItem>;

export const OverviewPage = Type.Object({
  items: Type.Array(OverviewItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Placements per status under the other filters (the status filter's chips). */
  counts: Type.Record(Type.String(), Type.Integer()),
  /** Whether the reader may export (placement.export). */
  canExport: Type.Boolean(),
});
export type OverviewPage = Static<typeof OverviewPage>;
