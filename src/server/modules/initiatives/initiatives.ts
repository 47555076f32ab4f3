import { localized } from '../../../common/i18n/locales';
import { countriesOf, isCrossBorder } from '../../../common/initiatives/rules';
import type {
  InitiativeDetail,
  InitiativeInput,
  InitiativeList,
  ListQuery,
} from '../../../common/initiatives/schemas';
import { initiativeWorkflow } from '../../../common/initiatives/workflow';
import { type Actor, actorCan, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { listAssignmentsForInitiative } from '../volunteers';
import { adoptProposal, proposalOf } from './proposals';
import * as store from './store';
import { lang, leadOf, orgName, partnerView, summaries, territoryView } from './views';

/**
 * The network's side: every signed-in member reads the initiatives (`initiatives.view`); the lead
 * organisation (the creator's, `initiatives.manage`) edits it, moves it through its workflow and publishes
 * it; the lead and its partners record results.
 */
export const I = (code: string) => `initiatives.errors.${code}`;
const clean = (s: string | null | undefined) => s?.trim() || null;

export const mayLead = (actor: Actor, i: { org_id: string }) =>
  actorCan(actor, 'initiatives.manage') && !!actor.orgId && i.org_id === actor.orgId;

export async function listInitiatives(trx: Tx, actor: Actor, q: ListQuery): Promise<InitiativeList> {
  requirePermission(actor, 'initiatives.view');
  const l = lang(actor.language);
  const rows = await store.listInitiatives(trx);
  const ids = rows.map((r) => r.id);
  const all = summaries(l, rows, await store.partnersOf(trx, ids), await store.territoriesOf(trx, ids));
  return {
    items: all.filter(
      (i) =>
        (!q.status || i.status === q.status) &&
        (!q.municipality || i.territories.some((t) => t.code === q.municipality)) &&
        (q.crossBorder === undefined || i.crossBorder === q.crossBorder),
    ),
    canCreate: actorCan(actor, 'initiatives.manage') && !!actor.orgId,
  };
}

export async function readable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'initiatives.view');
  const i = await store.findInitiative(trx, id);
  if (!i) throw notFound(I('unknown'));
  return i;
}

export async function getInitiative(trx: Tx, actor: Actor, id: string): Promise<InitiativeDetail> {
  const i = await readable(trx, actor, id);
  const l = lang(actor.language);
  const lead = leadOf(l, i);
  const partners = (await store.partnersOf(trx, [i.id])).map((p) => partnerView(l, p));
  const canEdit = mayLead(actor, i);
  const takingPart =
    !!actor.orgId && (i.org_id === actor.orgId || partners.some((p) => p.id === actor.orgId));
  const proposal = i.proposal_id ? await proposalOf(trx, i.proposal_id) : undefined;
  const results = await store.resultsOf(trx, i.id);
  const assignments = await listAssignmentsForInitiative(trx, i.id);
  return {
    id: i.id,
    titleFr: i.title_fr,
    titleNl: i.title_nl,
    descriptionFr: i.description_fr,
    descriptionNl: i.description_nl,
    targetPublic: i.target_public,
    programmeId: i.programme_id,
    status: i.status as InitiativeDetail['status'],
    startedOn: i.started_on,
    endedOn: i.ended_on,
    lead,
    partners,
    territories: (await store.territoriesOf(trx, [i.id])).map((t) => territoryView(l, t)),
    crossBorder: isCrossBorder(countriesOf(lead, partners)),
    published: i.published,
    proposal: proposal ? { id: proposal.id, title: proposal.title, eventId: proposal.event_id } : null,
    results: results.map((r) => ({
      id: r.id,
      entryOn: r.entry_on,
      text: r.text,
      linkUrl: r.link_url,
      figure: r.figure === null ? null : Number(r.figure),
      figureLabel: r.figure_label,
      organisation: orgName(l, {
        name_fr: r.org_name_fr,
        name_nl: r.org_name_nl,
        short_name: r.org_short_name,
      }),
      canDelete: actorCan(actor, 'initiatives.manage') && r.org_id === actor.orgId,
    })),
    volunteerTotals: await store.volunteerTotals(trx, i.id),
    assignments: assignments.map((a) => ({
      id: a.id,
      volunteerName: a.volunteerName,
      organisation: localized(l, a.orgNameFr, a.orgNameNl),
      assignedOn: a.assignedOn,
      hours: a.hours,
    })),
    canEdit,
    canAddResult: actorCan(actor, 'initiatives.manage') && takingPart && i.status !== 'idea',
    actions: canEdit
      ? initiativeWorkflow
          .available(i.status as InitiativeDetail['status'], 'lead', actor.roles)
          .map((a) => ({ action: a.action, to: a.to }))
      : [],
  };
}

async function checked(trx: Tx, actor: Actor, input: InitiativeInput) {
  const partners = input.partnerOrgIds.filter((p) => p !== actor.orgId);
  if ((await store.existingOrganisations(trx, partners)).length !== partners.length)
    throw badRequest(I('unknown_partner'));
  if ((await store.existingMunicipalities(trx, input.territoryCodes)).length !== input.territoryCodes.length)
    throw badRequest(I('unknown_municipality'));
  if (input.programmeId && !(await store.programmeExists(trx, input.programmeId)))
    throw badRequest(I('unknown_programme'));
  return {
    row: {
      title_fr: input.titleFr.trim(),
      title_nl: input.titleNl.trim(),
      description_fr: clean(input.descriptionFr),
      description_nl: clean(input.descriptionNl),
      target_public: clean(input.targetPublic),
      programme_id: input.programmeId ?? null,
    },
    partners,
  };
}

export async function createInitiative(trx: Tx, actor: Actor, input: InitiativeInput) {
  requirePermission(actor, 'initiatives.manage');
  if (!actor.orgId) throw forbidden();
  const { row, partners } = await checked(trx, actor, input);
  // A proposal becomes an initiative once, by its forum's organiser; the link is kept.
  const proposalId = input.proposalId ? await adoptProposal(trx, actor, input.proposalId) : null;
  const created = await trx
    .insertInto('initiatives')
    .values({ ...row, org_id: actor.orgId, proposal_id: proposalId, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.setPartners(trx, created.id, actor.orgId, partners);
  await store.setTerritories(trx, created.id, actor.orgId, input.territoryCodes);
  return { id: created.id };
}

export async function led(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'initiatives.manage');
  const i = await readable(trx, actor, id);
  if (!mayLead(actor, i)) throw forbidden();
  await store.lockInitiative(trx, i.id);
  return i;
}

export async function updateInitiative(trx: Tx, actor: Actor, id: string, input: InitiativeInput) {
  const i = await led(trx, actor, id);
  // An abandoned initiative stays as it was left (an ended one may still be corrected).
  if (i.status === 'abandoned') throw conflict(I('abandoned_fixed'));
  if (input.proposalId && input.proposalId !== i.proposal_id) throw badRequest(I('proposal_fixed'));
  const { row, partners } = await checked(trx, actor, input);
  await trx.updateTable('initiatives').set(row).where('id', '=', i.id).execute();
  await store.setPartners(trx, i.id, i.org_id, partners);
  await store.setTerritories(trx, i.id, i.org_id, input.territoryCodes);
  return { ok: true };
}
