import type { Country } from './schemas';

/**
 * An initiative is cross-border when its lead and partners come from both countries (issue 13: what SAM
 * indicator 3 counts; the SQL rule app.ind_initiatives_cross_border_all says the same).
 */
export function isCrossBorder(countries: readonly string[]): boolean {
  return countries.includes('FR') && countries.includes('BE');
}

/** The countries taking part, lead first then partners, each once. */
export function countriesOf(lead: { country: Country }, partners: ReadonlyArray<{ country: Country }>) {
  return [...new Set([lead.country, ...partners.map((p) => p.country)])];
}

/** Whether an initiative ran in a period: started on or before its end, not ended before its start. */
export function ranDuring(
  i: { startedOn: string | null; endedOn: string | null },
  from: string,
  to: string,
): boolean {
  return i.startedOn !== null && i.startedOn <= to && (i.endedOn === null || i.endedOn >= from);
}
