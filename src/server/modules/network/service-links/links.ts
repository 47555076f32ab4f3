import type {
  LinkAcceptance,
  LinkEnding,
  LinkProposal,
  LinkView,
  NetworkLinks,
  ServiceLinks,
} from '../../../../common/network/service-links-schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import { findService } from '../services/store';
import {
  acceptLink,
  activeLinks,
  endLink,
  findLink,
  insertLink,
  linksOfService,
  linkView,
  openLinkBetween,
  serviceSide,
} from './store';

/**
 * Links between a service and a partner service on the other side of the border: one organisation
 * proposes from its service, the partner's organisation accepts (saying what its own service accepts),
 * either ends. The database checks the same again (migration 0046); these checks give clear errors.
 */

const E = 'network.service_links.errors';

/** The organisation the actor may act for on links and counts: theirs, with the service managers' permission. */
const managingOrg = (actor: Actor) => (actorCan(actor, 'service.manage') ? actor.orgId : null);

/** A service the actor may see (published, or their own organisation's draft). */
async function visibleService(trx: Tx, id: string) {
  const s = await findService(trx, id, { publishedOnly: false });
  if (!s) throw notFound();
  return s;
}

export async function listServiceLinks(trx: Tx, actor: Actor, serviceId: string): Promise<ServiceLinks> {
  const s = await visibleService(trx, serviceId);
  const org = managingOrg(actor);
  const rows = await linksOfService(trx, serviceId);
  return { items: rows.map((r) => linkView(r, serviceId, org)), canManage: org !== null && org === s.orgId };
}

/** Every active link of the network, once (seen from its proposing service's side). */
export async function listNetworkLinks(trx: Tx, actor: Actor): Promise<NetworkLinks> {
  const org = managingOrg(actor);
  return { items: (await activeLinks(trx)).map((r) => linkView(r, r.service_id, org)) };
}

export async function proposeLink(
  trx: Tx,
  actor: Actor,
  serviceId: string,
  body: LinkProposal,
): Promise<LinkView> {
  requirePermission(actor, 'service.manage');
  const s = await visibleService(trx, serviceId);
  if (s.orgId !== actor.orgId) throw forbidden();
  if (body.partnerServiceId === serviceId) throw badRequest(`${E}.same_country`);
  // The partner service must be one the network can see: published in the directory.
  const partner = await findService(trx, body.partnerServiceId, { publishedOnly: true });
  if (!partner) throw validationFailed([{ path: 'partnerServiceId', code: `${E}.unknown_partner` }]);
  const [own, other] = [await serviceSide(trx, serviceId), await serviceSide(trx, partner.id)];
  if (!own || !other || own.country === other.country) throw badRequest(`${E}.same_country`);
  const until = body.until ?? null;
  if (until !== null && until < body.since)
    throw validationFailed([{ path: 'until', code: `${E}.until_before_since` }]);
  if (await openLinkBetween(trx, serviceId, partner.id)) throw conflict(`${E}.already_linked`);
  const id = await insertLink(trx, {
    serviceId,
    partnerServiceId: partner.id,
    proposedByOrgId: actor.orgId!,
    since: body.since,
    until,
    accepts: [...body.accepts].sort(),
    note: body.note?.trim() || null,
    userId: actor.userId,
  });
  const saved = await findLink(trx, id);
  if (!saved) throw notFound();
  return linkView(saved, serviceId, actor.orgId);
}

/**
 * The link, reached through one of its services. Not locked: the moves update it only from the status
 * read (a concurrent move changes no row and is answered as a conflict).
 */
async function linkOf(trx: Tx, serviceId: string, linkId: string) {
  const l = await findLink(trx, linkId);
  if (!l || (l.service_id !== serviceId && l.partner_service_id !== serviceId)) throw notFound();
  return l;
}

export async function acceptServiceLink(
  trx: Tx,
  actor: Actor,
  serviceId: string,
  linkId: string,
  body: LinkAcceptance,
): Promise<LinkView> {
  requirePermission(actor, 'service.manage');
  const l = await linkOf(trx, serviceId, linkId);
  // Only the other side accepts: the proposer cannot make its own proposal active.
  const side = actor.orgId === l.partner_org_id ? 'partner' : actor.orgId === l.org_id ? 'service' : null;
  if (!side || actor.orgId === l.proposed_by_org_id) throw forbidden();
  if (l.status !== 'proposed') throw conflict(`${E}.not_proposed`);
  if (!(await acceptLink(trx, linkId, side, [...body.accepts].sort()))) throw conflict(`${E}.not_proposed`);
  const saved = await findLink(trx, linkId);
  if (!saved) throw notFound();
  return linkView(saved, serviceId, actor.orgId);
}

export async function endServiceLink(
  trx: Tx,
  actor: Actor,
  serviceId: string,
  linkId: string,
  body: LinkEnding,
  today: string,
): Promise<LinkView> {
  requirePermission(actor, 'service.manage');
  const l = await linkOf(trx, serviceId, linkId);
  if (actor.orgId !== l.org_id && actor.orgId !== l.partner_org_id) throw forbidden();
  if (l.status === 'ended') throw conflict(`${E}.already_ended`);
  let until = body.until ?? today;
  if (l.until !== null && l.until < until) until = l.until;
  // A proposal withdrawn or declined before its start ends on its start: it was never in force.
  if (l.status === 'proposed' && until < l.since) until = l.since;
  if (until < l.since) throw validationFailed([{ path: 'until', code: `${E}.until_before_since` }]);
  if (!(await endLink(trx, linkId, until))) throw conflict(`${E}.already_ended`);
  const saved = await findLink(trx, linkId);
  if (!saved) throw notFound();
  return linkView(saved, serviceId, actor.orgId);
}
