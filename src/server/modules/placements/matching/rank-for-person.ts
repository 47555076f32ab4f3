import { pageOf } from '../../../../common/kernel/schemas';
import { addMonths } from '../../../../common/placements/dates';
import type {
  OfferItem,
  OfferRanking,
  RankedItem,
  RankingQuery,
} from '../../../../common/placements/offer-schemas';
import {
  RANKING_PARAMS,
  type RankedOffer,
  type RankingOffer,
  type RankingPerson,
  rankOffer,
  rankOffers,
} from '../../../../common/placements/ranking';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { badRequest, notFound, validationFailed } from '../../../platform/errors';
import { today } from '../today';
import {
  findMatchingPerson,
  type MatchingPerson,
  offerItems,
  type RankingOfferRow,
  rankingOffers,
  transitLines,
} from './store';

/** How far someone travels when nothing is recorded yet: the next town, not across the border. */
export const DEFAULT_RADIUS_KM = 5;

/** The period a person is available in: the query's, else from today for twelve months. */
export function availability(q: RankingQuery, today: string): { start: string; end: string } {
  const start = q.from ?? today;
  const end = q.to ?? addMonths(start, 12);
  if (end < start)
    throw validationFailed([{ path: 'to', code: 'placements.offers.errors.end_before_start' }]);
  return { start, end };
}

/** The ranking's view of a person who has a home place (checked by the caller). */
export function rankingPerson(p: MatchingPerson, available: { start: string; end: string }): RankingPerson {
  if (!p.home) throw badRequest('placements.offers.ranking.no_home');
  return {
    home: p.home,
    mobilityRadiusKm: p.radiusKm ?? DEFAULT_RADIUS_KM,
    hasCrossedBorder: p.crossedBorder,
    languages: p.languages,
    available,
  };
}

/** Beyond this many km in a straight line no offer can be reached (see `rankOffer`), with a margin for rounding. */
function maxStraightKm(radiusKm: number): number {
  return (Math.max(radiusKm, 1) * RANKING_PARAMS.reachFactor) / RANKING_PARAMS.detourFactor + 1;
}

const toRankingOffer = (o: RankingOfferRow, freePositions: number): RankingOffer => ({
  id: o.id,
  place: o.place,
  period: o.period,
  freePositions,
  language: o.language,
});

const toItem = (rank: number, r: RankedOffer, offer: OfferItem): RankedItem => ({
  rank,
  offer,
  feasible: r.feasible,
  score: r.score,
  straightKm: r.straightKm,
  travelKm: r.travelKm,
  crossesBorder: r.crossesBorder,
  transitLine: r.transitLine,
  reasons: r.reasons.map((x) => ({
    code: x.code,
    points: x.points,
    blocking: x.blocking === true,
    params: x.params ?? {},
  })),
});

/**
 * The network's open offers ranked for one person of the caller's organisation, one page at a time,
 * with the reasons of each place. The ranking runs over every open offer (matching the filters) on the
 * few columns it needs; only the page's offers are read in full. The person is read under RLS (another
 * organisation gets 404) and the read is audited.
 */
export async function rankOffersForPerson(
  trx: Tx,
  actor: Actor,
  personId: string,
  q: RankingQuery,
): Promise<OfferRanking> {
  requirePermission(actor, 'offer.view');
  requirePermission(actor, 'person.view');
  const person = await findMatchingPerson(trx, personId);
  if (!person) throw notFound();
  const available = availability(q, await today(trx));
  const subject = rankingPerson(person, available);
  const { page, pageSize, offset } = pageOf(q, 20);
  await auditPersonRead(trx, { personIds: [person.id], what: 'offer_ranking' });
  // One after the other: all run on the transaction's single connection.
  const offers = await rankingOffers(
    trx,
    available,
    { home: subject.home.centroid, maxStraightKm: maxStraightKm(subject.mobilityRadiusKm) },
    { otherCountryThan: q.crossBorderOnly ? subject.home.country : undefined, feasibleOnly: q.feasibleOnly },
  );
  const lines = await transitLines(trx, subject.home.code);
  // Free positions are unknown only where dates or distance already block: any number ranks the same.
  const ranked = rankOffers(
    subject,
    offers.map((o) => toRankingOffer(o, o.freePositions ?? 1)),
    lines,
  );
  const feasibleCount = ranked.filter((r) => r.feasible).length;
  // Feasible offers come first: the feasible list is the ranking's head.
  const list = q.feasibleOnly ? ranked.slice(0, feasibleCount) : ranked;
  const slice = list.slice(offset, offset + pageSize);
  const details = await offerItems(
    trx,
    slice.map((r) => r.offerId),
  );
  const rows = new Map(offers.map((o) => [o.id, o]));
  const items = slice.flatMap((r, i) => {
    const offer = details.get(r.offerId);
    if (!offer) return [];
    const row = rows.get(r.offerId)!;
    // Recomputed with the positions now known, so that the reasons of the page are complete.
    const full =
      row.freePositions === null ? rankOffer(subject, toRankingOffer(row, offer.freePositions), lines) : r;
    return [toItem(offset + i + 1, full, offer)];
  });
  return {
    person: {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      municipalityCode: subject.home.code,
      municipalityNameFr: person.municipalityNameFr ?? subject.home.code,
      municipalityNameNl: person.municipalityNameNl ?? subject.home.code,
      mobilityRadiusKm: subject.mobilityRadiusKm,
      mobilityRecorded: person.radiusKm !== null,
      hasCrossedBorder: subject.hasCrossedBorder,
      languages: person.languages as Record<string, string>,
      availableFrom: available.start,
      availableTo: available.end,
    },
    items,
    total: list.length,
    feasibleCount,
    page,
    pageSize,
  };
}
