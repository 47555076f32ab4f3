import type { LinkFilters } from '../../../../common/kernel/links';
import { AGREEMENT_STATUSES } from '../../../../common/placements/agreement-workflow';
import type { overviewLink } from '../../../../common/placements/links';
import { type ExportQuery, OVERVIEW_SORTS } from '../../../../common/placements/overview-schemas';

/** The overview's filters as they sit in the address (so a filtered view can be shared and reloaded). */
export const FILTER_KEYS = [
  'status',
  'homeOrgId',
  'hostOrgId',
  'from',
  'to',
  'code',
  'sort',
  'order',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** The filters the page, the list and the exports share, typed as the API takes them. */
export type Filters = ExportQuery;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <const T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  values.find((x) => x === v);

/**
 * The filters read from the address (`overviewLink.read()`), dropping values the API would refuse, so a
 * mistyped address still shows a list. Kept in FILTER_KEYS' order, which is the query string's.
 */
export function narrowFilters(read: Partial<LinkFilters<typeof overviewLink.filters>>): Filters {
  const text = (v: string | undefined) => v?.trim() || undefined;
  const date = (v: string | undefined) => (v && DATE.test(v.trim()) ? v.trim() : undefined);
  const out: Filters = {
    status: oneOf(AGREEMENT_STATUSES, text(read.status)),
    homeOrgId: text(read.homeOrgId),
    hostOrgId: text(read.hostOrgId),
    from: date(read.from),
    to: date(read.to),
    code: text(read.code),
    sort: oneOf(OVERVIEW_SORTS, text(read.sort)),
    order: oneOf(['asc', 'desc'] as const, text(read.order)),
  };
  // Absent rather than undefined, so that "is anything filtered" and the cache key see only real filters.
  for (const k of FILTER_KEYS) if (out[k] === undefined) delete out[k];
  return out;
}
