import { addMonths } from '../../../../common/placements/dates';
import type { OfferRanking, RankingQuery } from '../../../../common/placements/offer-schemas';
import { type CefrLevel, type RankingPerson, rankOffers } from '../../../../common/placements/ranking';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { badRequest, notFound, validationFailed } from '../../../platform/errors';
import { today } from '../today';
import { findMatchingPerson, type MatchingPerson, openOffers, transitLines } from './store';

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

/**
 * Every open offer of the network ranked for one person of the caller's organisation, with the reasons
 * of each place. The person is read under RLS (another organisation gets 404) and the read is audited.
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
  await auditPersonRead(trx, { personIds: [person.id], what: 'offer_ranking' });
  // One after the other: both run on the transaction's single connection.
  const offers = await openOffers(trx);
  const lines = await transitLines(trx);
  const byId = new Map(offers.map((o) => [o.item.id, o.item]));
  const ranked = rankOffers(
    subject,
    offers.map((o) => ({
      id: o.item.id,
      place: o.place,
      period: { start: o.item.startsOn, end: o.item.endsOn },
      freePositions: o.item.freePositions,
      language:
        o.item.languageCode && o.item.languageLevel
          ? { code: o.item.languageCode, level: o.item.languageLevel as CefrLevel }
          : null,
    })),
    lines,
  );
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
    items: ranked.map((r, i) => ({
      rank: i + 1,
      offer: byId.get(r.offerId)!,
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
    })),
  };
}
