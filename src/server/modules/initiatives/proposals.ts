import { localized } from '../../../common/i18n/locales';
import type {
  ProposalDetail,
  ProposalInput,
  ProposalList,
  ProposalView,
} from '../../../common/initiatives/schemas';
import { type Actor, actorCan, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { eventOrganiser } from '../forums';
import { lang } from './views';
import './tables';

/**
 * Proposals that come out of a forum: the event's organiser (`initiatives.manage`) records them on the
 * event's page, sets them aside or turns one into an initiative (once; the link is kept and the proposal
 * reads adopted). The network reads them (`initiatives.view`).
 */
const P = (code: string) => `initiatives.errors.${code}`;

/** The event as the caller may know it: another organisation's draft is as unknown as a missing one. */
async function visibleEvent(trx: Tx, actor: Actor, eventId: string) {
  const e = await eventOrganiser(trx, eventId);
  if (!e || (e.status === 'draft' && e.orgId !== actor.orgId)) throw notFound(P('unknown_event'));
  return e;
}

const organises = (actor: Actor, e: { orgId: string }) =>
  actorCan(actor, 'initiatives.manage') && !!actor.orgId && e.orgId === actor.orgId;

export async function listProposals(trx: Tx, actor: Actor, eventId: string): Promise<ProposalList> {
  requirePermission(actor, 'initiatives.view');
  const e = await visibleEvent(trx, actor, eventId);
  const l = lang(actor.language);
  const rows = await trx
    .selectFrom('initiative_proposals as p')
    .leftJoin('initiatives as i', 'i.proposal_id', 'p.id')
    .select(['p.id', 'p.title', 'p.description', 'p.language', 'p.status', 'p.created_at'])
    .select(['i.id as initiative_id', 'i.title_fr', 'i.title_nl', 'i.status as initiative_status'])
    .where('p.event_id', '=', e.id)
    .orderBy('p.created_at')
    .execute();
  return {
    items: rows.map(
      (r): ProposalView => ({
        id: r.id,
        title: r.title,
        description: r.description,
        language: r.language as ProposalView['language'],
        status: r.status as ProposalView['status'],
        createdAt: new Date(r.created_at).toISOString(),
        initiative: r.initiative_id
          ? {
              id: r.initiative_id,
              title: localized(l, r.title_fr, r.title_nl),
              status: r.initiative_status as NonNullable<ProposalView['initiative']>['status'],
            }
          : null,
      }),
    ),
    canManage: organises(actor, e),
  };
}

export async function createProposal(trx: Tx, actor: Actor, eventId: string, input: ProposalInput) {
  requirePermission(actor, 'initiatives.manage');
  const e = await visibleEvent(trx, actor, eventId);
  if (!organises(actor, e) || !actor.orgId) throw forbidden();
  const created = await trx
    .insertInto('initiative_proposals')
    .values({
      event_id: e.id,
      org_id: actor.orgId,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      language: input.language,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id };
}

export const proposalOf = (trx: Tx, id: string) =>
  trx
    .selectFrom('initiative_proposals')
    .select(['id', 'title', 'event_id', 'org_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();

export async function getProposal(trx: Tx, actor: Actor, id: string): Promise<ProposalDetail> {
  requirePermission(actor, 'initiatives.view');
  const p = await trx.selectFrom('initiative_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound(P('unknown_proposal'));
  const e = await visibleEvent(trx, actor, p.event_id);
  return {
    id: p.id,
    eventId: e.id,
    eventTitle: localized(lang(actor.language), e.titleFr, e.titleNl),
    title: p.title,
    description: p.description,
    language: p.language as ProposalDetail['language'],
    status: p.status as ProposalDetail['status'],
  };
}

async function ownProposal(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'initiatives.manage');
  const p = await proposalOf(trx, id);
  if (!p) throw notFound(P('unknown_proposal'));
  // A proposal of another organisation's draft event is as unknown as its event (a 403 would confirm it).
  await visibleEvent(trx, actor, p.event_id);
  if (p.org_id !== actor.orgId) throw forbidden();
  return p;
}

/** Sets a proposal aside or opens it again; an adopted one stays adopted. */
export async function setProposalStatus(trx: Tx, actor: Actor, id: string, status: 'open' | 'set_aside') {
  const p = await ownProposal(trx, actor, id);
  if (p.status === 'adopted') throw conflict(P('proposal_adopted'));
  await trx
    .updateTable('initiative_proposals')
    .set({ status, updated_at: new Date() })
    .where('id', '=', p.id)
    .execute();
  return { ok: true };
}

/** Marks the proposal adopted by the initiative being created; refused when already adopted. */
export async function adoptProposal(trx: Tx, actor: Actor, id: string): Promise<string> {
  const p = await ownProposal(trx, actor, id);
  const taken = await trx
    .updateTable('initiative_proposals')
    .set({ status: 'adopted', updated_at: new Date() })
    .where('id', '=', p.id)
    .where('status', '<>', 'adopted')
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw conflict(P('proposal_adopted'));
  return p.id;
}
