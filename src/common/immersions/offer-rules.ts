import { MAX_PERIOD_DAYS, type OfferInput } from './offer-schemas';

/** Rules of an offer a schema cannot say. Field paths are those of the form (`periods.2.endsOn`). */

type Problem = { path: string; code: string; params?: Record<string, string | number> };
const E = (code: string) => `immersions.offers.errors.${code}`;

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

export function offerProblems(input: OfferInput): Problem[] {
  const problems: Problem[] = [];
  if (!input.titleFr?.trim() && !input.titleNl?.trim())
    problems.push({ path: 'titleFr', code: E('title_required') });
  const ids = new Set<string>();
  input.periods.forEach((p, i) => {
    if (p.endsOn < p.startsOn) problems.push({ path: `periods.${i}.endsOn`, code: E('period_order') });
    else if (days(p.startsOn, p.endsOn) > MAX_PERIOD_DAYS)
      problems.push({
        path: `periods.${i}.endsOn`,
        code: E('period_too_long'),
        params: { max: MAX_PERIOD_DAYS },
      });
    if (p.id) {
      if (ids.has(p.id)) problems.push({ path: `periods.${i}`, code: E('period_twice') });
      ids.add(p.id);
    }
  });
  return problems;
}

/** What publishing needs, as the workflow's guards. */
export const offerFacts = (o: {
  contactEmail?: string | null;
  contactPhone?: string | null;
  periodCount: number;
}) => ({
  has_contact: !!(o.contactEmail?.trim() || o.contactPhone?.trim()),
  has_period: o.periodCount > 0,
});

/** A published offer must keep a way to reach the host (the table's check says the same). */
export function publishedProblems(input: OfferInput): Problem[] {
  const facts = offerFacts({ ...input, periodCount: input.periods.length });
  const problems: Problem[] = [];
  if (!facts.has_contact) problems.push({ path: 'contactEmail', code: E('contact_required') });
  if (!facts.has_period) problems.push({ path: 'periods', code: E('period_required') });
  return problems;
}
