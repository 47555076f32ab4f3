import { AGREEMENT_STATUSES } from '../../../common/placements/agreement-workflow';
import { OVERVIEW_SORTS } from '../../../common/placements/overview-schemas';

/** The overview's filters as they sit in the URL (so a filtered view can be shared and reloaded). */
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
export type Filters = Partial<Record<FilterKey, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the URL, dropping values the API would refuse. */
export function readFilters(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (!v) continue;
    if (k === 'status' && !(AGREEMENT_STATUSES as readonly string[]).includes(v)) continue;
    if (k === 'sort' && !(OVERVIEW_SORTS as readonly string[]).includes(v)) continue;
    if (k === 'order' && v !== 'asc' && v !== 'desc') continue;
    if ((k === 'from' || k === 'to') && !DATE.test(v)) continue;
    out[k] = v;
  }
  return out;
}
