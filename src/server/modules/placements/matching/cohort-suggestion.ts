import { type CohortPair, suggestCohort } from '../../../../common/placements/cohort';
import {
  COHORT_MAX_PERSONS,
  type CohortRequest,
  type CohortResult,
} from '../../../../common/placements/offer-schemas';
import { type CefrLevel, type RankingOffer, rankOffer } from '../../../../common/placements/ranking';
import { type Actor, requirePermission } from '../../../platform/actor';
import { auditPersonRead } from '../../../platform/audit';
import type { Tx } from '../../../platform/db/context';
import { badRequest, validationFailed } from '../../../platform/errors';
import { today } from '../today';
import { availability, rankingPerson } from './rank-for-person';
import { cohortPersonIds, findMatchingPersons, openOffers, transitLines } from './store';

/**
 * A coordinator's cohort suggestion: persons of their organisation assigned to open offers so that the
 * most persons get a feasible placement (optimal assignment, see cohort.ts), with each person's feasible
 * offers so that the coordinator can change the suggestion, and why the others stay unassigned.
 * Nothing is written: accepting the suggestion (draft agreements) belongs to the agreements module.
 */
export async function cohortSuggestion(trx: Tx, actor: Actor, body: CohortRequest): Promise<CohortResult> {
  requirePermission(actor, 'placement.programme_overview');
  const orgId = actor.orgId;
  // Persons belong to an organisation: a platform admin acting for none has nobody to assign.
  if (!orgId) throw badRequest('placements.offers.errors.no_organisation');
  const ids = body.personIds ?? (await cohortPersonIds(trx, orgId, COHORT_MAX_PERSONS));
  if (ids.length > COHORT_MAX_PERSONS)
    throw badRequest('placements.offers.cohort.too_many', { max: COHORT_MAX_PERSONS });
  // Persons are read under RLS: ids of another organisation's persons are simply not found.
  const persons = await findMatchingPersons(trx, ids);
  if (body.personIds && persons.length < body.personIds.length)
    throw validationFailed([{ path: 'personIds', code: 'placements.offers.cohort.unknown_person' }]);
  const offers = await openOffers(trx, body.offerIds);
  const lines = await transitLines(trx);
  const available = availability({}, await today(trx));
  const rankingOffers: RankingOffer[] = offers.map((o) => ({
    id: o.item.id,
    place: o.place,
    period: { start: o.item.startsOn, end: o.item.endsOn },
    freePositions: o.item.freePositions,
    language:
      o.item.languageCode && o.item.languageLevel
        ? { code: o.item.languageCode, level: o.item.languageLevel as CefrLevel }
        : null,
  }));

  const pairs: CohortPair[] = [];
  const options: CohortResult['options'] = {};
  const blockedBy = new Map<string, string | null>();
  for (const p of persons) {
    options[p.id] = [];
    if (!p.home) continue;
    const subject = rankingPerson(p, available);
    const blocking = new Map<string, number>();
    for (const o of rankingOffers) {
      const r = rankOffer(subject, o, lines);
      if (r.feasible) {
        pairs.push({ personId: p.id, offerId: o.id, score: r.score });
        options[p.id]!.push({ offerId: o.id, score: r.score, travelKm: r.travelKm });
      } else
        for (const reason of r.reasons)
          if (reason.blocking) blocking.set(reason.code, (blocking.get(reason.code) ?? 0) + 1);
    }
    options[p.id]!.sort((a, b) => b.score - a.score || a.travelKm - b.travelKm);
    blockedBy.set(p.id, [...blocking.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
  }

  const suggestion = suggestCohort({
    personIds: persons.map((p) => p.id),
    offers: rankingOffers.map((o) => ({ id: o.id, freePositions: o.freePositions })),
    pairs,
  });
  await auditPersonRead(trx, { personIds: persons.map((p) => p.id), what: 'cohort_suggestion' });
  const byId = new Map(persons.map((p) => [p.id, p]));
  return {
    persons: persons.map((p) => ({
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      municipalityNameFr: p.municipalityNameFr,
      municipalityNameNl: p.municipalityNameNl,
    })),
    offers: offers.map((o) => o.item),
    assignments: suggestion.assignments,
    unassigned: suggestion.unassigned.map((personId) => {
      const p = byId.get(personId)!;
      if (!p.home) return { personId, reason: 'no_home', mainBlocking: null };
      if (options[personId]!.length) return { personId, reason: 'positions_taken', mainBlocking: null };
      return { personId, reason: 'no_feasible_offer', mainBlocking: blockedBy.get(personId) ?? null };
    }),
    options,
    totalScore: suggestion.totalScore,
  };
}
