import type { Language } from '../../../../common/i18n/locales';
import { offerFacts, offerProblems, publishedProblems } from '../../../../common/immersions/offer-rules';
import type {
  OfferDetail,
  OfferInput,
  OfferPage,
  OfferSearchQuery,
  OwnOffersQuery,
} from '../../../../common/immersions/offer-schemas';
import { matchOfferThemes } from '../../../../common/immersions/offer-search';
import { offerWorkflow } from '../../../../common/immersions/offer-workflow';
import { pageOf } from '../../../../common/kernel/schemas';
import { searchWords } from '../../../../common/network/directory-search';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  validationFailed,
} from '../../../platform/errors';
import { findUnit } from '../../network';
import * as store from './store';

/**
 * Immersion offers. Every `immersion.view` holder searches the network's published offers; a host's
 * `immersion.manage` holders write their organisation's offers and move them from draft to published to
 * archived. RLS hides others' drafts: another organisation gets a 404, never a 403 that would tell one exists.
 */

const E = (code: string) => `immersions.offers.errors.${code}`;
const PAGE_SIZE = 20;

const isHost = (actor: Actor, orgId: string) => actor.platformAdmin || actor.orgId === orgId;
const managesOffersOf = (actor: Actor, orgId: string) =>
  actorCan(actor, 'immersion.manage') && isHost(actor, orgId);

export async function searchCatalogue(
  trx: Tx,
  actor: Actor,
  query: OfferSearchQuery,
  language: Language,
  today: string,
): Promise<OfferPage> {
  requirePermission(actor, 'immersion.view');
  if (query.from && query.to && query.to < query.from)
    throw validationFailed([{ path: 'to', code: E('dates_order') }]);
  const { page, pageSize } = pageOf(query, PAGE_SIZE);
  const words = query.q?.trim() ?? '';
  const { items, total } = await store.searchOffers(
    trx,
    { ...query, q: words },
    matchOfferThemes(words),
    searchWords(words).join(' '),
    language,
    today,
    page,
    pageSize,
  );
  return { items, total, page, pageSize };
}

export async function ownOffers(
  trx: Tx,
  actor: Actor,
  query: OwnOffersQuery,
  today: string,
): Promise<OfferPage> {
  requirePermission(actor, 'immersion.view');
  if (!actor.orgId) throw forbidden();
  const { page, pageSize } = pageOf(query, PAGE_SIZE);
  const { items, total } = await store.listOwn(trx, actor.orgId, query.status, today, page, pageSize);
  return { items, total, page, pageSize };
}

export async function getOffer(trx: Tx, actor: Actor, id: string, today: string): Promise<OfferDetail> {
  requirePermission(actor, 'immersion.view');
  const found = await store.findOffer(trx, id, today);
  if (!found) throw notFound();
  const { item, row } = found;
  const periods = await store.listPeriods(trx, id);
  const taken = (await store.capacityCountExists(trx)) ? await store.takenByPeriod(trx, id) : null;
  const canEdit = managesOffersOf(actor, item.orgId);
  const facts = offerFacts({
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    periodCount: periods.length,
  });
  return {
    ...item,
    programmeFr: row.programme_fr,
    programmeNl: row.programme_nl,
    capacityPerPeriod: row.capacity_per_period,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    unitEmail: row.unit_email,
    unitPhone: row.unit_phone,
    periods: periods.map((p) => {
      const effective = p.capacity ?? row.capacity_per_period;
      return {
        id: p.id,
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        capacity: p.capacity,
        effectiveCapacity: effective,
        remaining: taken ? Math.max(0, effective - (taken.get(p.id) ?? 0)) : null,
      };
    }),
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    canEdit,
    canRequest:
      item.status === 'published' &&
      !!actor.orgId &&
      actor.orgId !== item.orgId &&
      actorCan(actor, 'immersion.request'),
    actions: canEdit
      ? offerWorkflow
          .available(item.status, 'host', actor.roles, facts)
          .map((a) => ({ action: a.action, tone: a.tone, blockedBy: a.blockedBy }))
      : [],
  };
}

/** The unit must be one of the organisation's active units. */
async function checkUnit(trx: Tx, orgId: string, unitId: string): Promise<void> {
  const unit = await findUnit(trx, unitId);
  if (!unit || unit.orgId !== orgId || unit.archived)
    throw validationFailed([{ path: 'unitId', code: E('unit') }]);
}

function checkInput(input: OfferInput, published: boolean): void {
  const problems = [...offerProblems(input), ...(published ? publishedProblems(input) : [])];
  if (problems.length) throw validationFailed(problems);
}

async function savePeriods(trx: Tx, offerId: string, orgId: string, input: OfferInput): Promise<void> {
  try {
    await store.syncPeriods(trx, offerId, orgId, input.periods);
  } catch (e) {
    if (e instanceof store.UnknownPeriod) {
      const i = input.periods.findIndex((p) => p.id === e.message);
      throw validationFailed([{ path: `periods.${i}`, code: E('period_unknown') }]);
    }
    throw e;
  }
}

export async function createOffer(
  trx: Tx,
  actor: Actor,
  input: OfferInput,
  today: string,
): Promise<OfferDetail> {
  requirePermission(actor, 'immersion.manage');
  const orgId = actor.orgId;
  if (!orgId) throw forbidden();
  checkInput(input, false);
  await checkUnit(trx, orgId, input.unitId);
  const id = await store.insertOffer(trx, orgId, actor.userId, input);
  await savePeriods(trx, id, orgId, input);
  return getOffer(trx, actor, id, today);
}

/** An offer the actor may change, locked for the change; another organisation's is a 403 (or a 404 if hidden). */
async function ownOffer(trx: Tx, actor: Actor, id: string, today: string) {
  requirePermission(actor, 'immersion.manage');
  const seen = await store.findOffer(trx, id, today);
  if (!seen) throw notFound();
  if (!managesOffersOf(actor, seen.item.orgId)) throw forbidden();
  const locked = await store.findOffer(trx, id, today, { forUpdate: true });
  if (!locked) throw notFound();
  return locked;
}

export async function updateOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  input: OfferInput,
  today: string,
): Promise<OfferDetail> {
  const { item } = await ownOffer(trx, actor, id, today);
  if (input.expectedUpdatedAt && input.expectedUpdatedAt !== item.updatedAt) throw conflict('errors.stale');
  if (item.status === 'archived') throw badRequest(E('archived'));
  checkInput(input, item.status === 'published');
  if (input.unitId !== item.unitId) await checkUnit(trx, item.orgId, input.unitId);
  if (!(await store.updateOffer(trx, id, input))) throw notFound();
  await savePeriods(trx, id, item.orgId, input);
  return getOffer(trx, actor, id, today);
}

export async function transitionOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  action: string,
  today: string,
): Promise<OfferDetail> {
  const { item, row } = await ownOffer(trx, actor, id, today);
  const periods = await store.listPeriods(trx, id);
  const facts = offerFacts({
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    periodCount: periods.length,
  });
  const check = offerWorkflow.check(item.status, action, 'host', actor.roles, facts);
  if (!check.ok) {
    if (check.code === 'forbidden') throw forbidden();
    if (check.code === 'guards_failed')
      throw validationFailed(
        check.failed.map((g) =>
          g === 'has_contact'
            ? { path: 'contactEmail', code: E('contact_required') }
            : { path: 'periods', code: E('period_required') },
        ),
      );
    throw new AppError(400, E('unknown_action'), { action: action.slice(0, 40) });
  }
  await store.setStatus(trx, id, check.transition.to);
  return getOffer(trx, actor, id, today);
}
