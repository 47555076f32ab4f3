import {
  otherSides,
  sideOfRegion,
  transferable,
} from '../../../../common/accompaniment/experimentations-rules';
import {
  type EvaluationInput,
  type ExperimentationDetail,
  type ExperimentationInput,
  type ExperimentationList,
  type ExperimentationOptions,
  type ExperimentationQuery,
  type ExperimentationStatus,
  SIDES,
  type TransferStatus,
} from '../../../../common/accompaniment/experimentations-schemas';
import {
  experimentationWorkflow,
  transferWorkflow,
} from '../../../../common/accompaniment/experimentations-workflow';
import { localized } from '../../../../common/i18n/locales';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { findPractice } from './practice';
import * as store from './store';
import { actionView, lang, orgRef, participantsView } from './views';

/**
 * The network reads every experimentation (`experimentation.view`); the lead organisation (the creator's,
 * `experimentation.manage`) edits it, records its evaluation and moves it through its workflow.
 */
export const X = (code: string) => `accompaniment.experimentations.errors.${code}`;
const clean = (s: string | null | undefined) => s?.trim() || null;

export const mayLead = (actor: Actor, e: { org_id: string }) =>
  actorCan(actor, 'experimentation.manage') && !!actor.orgId && e.org_id === actor.orgId;

const programmeName = (l: 'fr' | 'nl', p: { acronym: string | null; name_fr: string; name_nl: string }) =>
  p.acronym || localized(l, p.name_fr, p.name_nl);

export async function options(trx: Tx, actor: Actor): Promise<ExperimentationOptions> {
  requirePermission(actor, 'experimentation.view');
  const l = lang(actor.language);
  const ps = await store.programmes(trx);
  const actions = await store.programmeActions(
    trx,
    ps.map((p) => p.id),
  );
  const orgs = await store.activeOrganisations(trx);
  const own = orgs.find((o) => o.id === actor.orgId);
  return {
    programmes: ps.map((p) => ({
      id: p.id,
      name: programmeName(l, p),
      actions: actions
        .filter((a) => a.programme_id === p.id)
        .map((a) => ({ id: a.id, code: a.code, title: localized(l, a.title_fr, a.title_nl) })),
    })),
    organisations: orgs.map((o) => orgRef(l, o, o.id)),
    ownSide: own ? sideOfRegion(own.region) : null,
  };
}

export async function listExperimentations(
  trx: Tx,
  actor: Actor,
  q: ExperimentationQuery,
): Promise<ExperimentationList> {
  requirePermission(actor, 'experimentation.view');
  const l = lang(actor.language);
  const rows = (await store.listExperimentations(trx)).filter(
    (e) =>
      (!q.side || e.side === q.side) &&
      (!q.status || e.status === q.status) &&
      (!q.theme || e.theme === q.theme) &&
      (!q.programmeId || e.programme_id === q.programmeId),
  );
  const orgs = await store.organisations(
    trx,
    rows.map((r) => r.org_id),
  );
  const ps = await store.programmes(trx);
  const transfers = await store.transfersOf(
    trx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((e) => {
      const p = ps.find((x) => x.id === e.programme_id);
      return {
        id: e.id,
        title: localized(l, e.title_fr, e.title_nl),
        side: e.side as ExperimentationDetail['side'],
        theme: e.theme as ExperimentationDetail['theme'],
        status: e.status as ExperimentationStatus,
        lead: orgRef(
          l,
          orgs.find((o) => o.id === e.org_id),
          e.org_id,
        ),
        programme: p ? programmeName(l, p) : '—',
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        participants: participantsView(e),
        transfers: transfers.filter((t) => t.experimentation_id === e.id && t.status !== 'abandoned').length,
      };
    }),
    canCreate: actorCan(actor, 'experimentation.manage') && !!actor.orgId,
  };
}

export async function readable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'experimentation.view');
  const e = await store.findExperimentation(trx, id);
  if (!e) throw notFound(X('unknown'));
  return e;
}

export async function getExperimentation(trx: Tx, actor: Actor, id: string): Promise<ExperimentationDetail> {
  const e = await readable(trx, actor, id);
  const l = lang(actor.language);
  const partners = await store.partnersOf(trx, [e.id]);
  const transfers = await store.transfersOf(trx, [e.id]);
  const orgs = await store.organisations(trx, [
    e.org_id,
    ...partners.map((p) => p.partner_org_id),
    ...transfers.map((t) => t.org_id),
    ...(actor.orgId ? [actor.orgId] : []),
  ]);
  const org = (oid: string) =>
    orgRef(
      l,
      orgs.find((o) => o.id === oid),
      oid,
    );
  const p = (await store.programmes(trx)).find((x) => x.id === e.programme_id);
  const action = e.action_id ? await store.findAction(trx, e.action_id) : undefined;
  const canEdit = mayLead(actor, e);
  const status = e.status as ExperimentationStatus;
  const facts = { evaluation_recorded: e.findings !== null };
  const live = transfers.filter((t) => t.status !== 'abandoned');
  const ownSide = actor.orgId ? sideOfRegion(orgs.find((o) => o.id === actor.orgId)?.region) : null;
  const manager = actorCan(actor, 'experimentation.manage') && !!actor.orgId;
  const practice = await findPractice(trx, e.id);
  return {
    id: e.id,
    titleFr: e.title_fr,
    titleNl: e.title_nl,
    side: e.side as ExperimentationDetail['side'],
    theme: e.theme as ExperimentationDetail['theme'],
    status,
    objectives: e.objectives,
    programmeId: e.programme_id,
    programme: p ? programmeName(l, p) : '—',
    actionId: e.action_id,
    action: action ? `${action.code} · ${localized(l, action.title_fr, action.title_nl)}` : null,
    lead: org(e.org_id),
    partners: partners.map((x) => org(x.partner_org_id)),
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    participants: participantsView(e),
    evaluation: {
      findings: e.findings,
      whatWorked: e.what_worked,
      transferConditions: e.transfer_conditions,
      recommendTransfer: e.recommend_transfer,
      evaluatedOn: e.evaluated_on,
    },
    transfers: await Promise.all(
      transfers.map(async (t) => {
        const mine = manager && t.org_id === actor.orgId;
        const tp = await findPractice(trx, t.id);
        return {
          id: t.id,
          organisation: org(t.org_id),
          side: t.side as ExperimentationDetail['side'],
          status: t.status as TransferStatus,
          adaptations: t.adaptations,
          startsOn: t.starts_on,
          endsOn: t.ends_on,
          participants: participantsView(t),
          findings: t.findings,
          whatWorked: t.what_worked,
          evaluatedOn: t.evaluated_on,
          canEdit: mine && !transferWorkflow.isTerminal(t.status as TransferStatus),
          actions: mine
            ? transferWorkflow
                .available(t.status as TransferStatus, 'taker', actor.roles, {
                  evaluation_recorded: t.findings !== null,
                })
                .map(actionView)
            : [],
          practice: tp ?? null,
          canDrawPractice: mine && !tp && t.status !== 'proposed',
        };
      }),
    ),
    practice: practice ?? null,
    canEdit: canEdit && !experimentationWorkflow.isTerminal(status),
    canDrawPractice: canEdit && !practice && e.findings !== null,
    canTakeUp:
      manager &&
      transferable(status) &&
      e.org_id !== actor.orgId &&
      ownSide !== null &&
      ownSide !== e.side &&
      !live.some((t) => t.org_id === actor.orgId),
    transferSides: transferable(status) ? otherSides(e.side as ExperimentationDetail['side'], SIDES) : [],
    actions: canEdit
      ? experimentationWorkflow.available(status, 'lead', actor.roles, facts).map(actionView)
      : [],
  };
}

async function checked(trx: Tx, input: ExperimentationInput, orgId: string) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw badRequest(X('ends_before'));
  const partners = input.partnerOrgIds.filter((p) => p !== orgId);
  if ((await store.organisations(trx, partners)).length !== partners.length)
    throw badRequest(X('unknown_partner'));
  if (!(await store.programmes(trx)).some((p) => p.id === input.programmeId))
    throw badRequest(X('unknown_programme'));
  if (input.actionId) {
    const a = await store.findAction(trx, input.actionId);
    if (!a || a.programme_id !== input.programmeId) throw badRequest(X('unknown_action'));
  }
  return {
    row: {
      programme_id: input.programmeId,
      action_id: input.actionId ?? null,
      title_fr: input.titleFr.trim(),
      title_nl: input.titleNl.trim(),
      theme: input.theme,
      objectives: clean(input.objectives),
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      newcomers: input.participants.newcomers,
      professionals: input.participants.professionals,
      volunteers: input.participants.volunteers,
    },
    partners,
  };
}

/** The side of an organisation: from its region, else the one given (Brussels, a region unknown). */
export async function sideOf(trx: Tx, orgId: string, given: string | null | undefined) {
  const [o] = await store.organisations(trx, [orgId]);
  const side = sideOfRegion(o?.region) ?? given ?? null;
  if (!side) throw badRequest(X('side_missing'));
  if (given && sideOfRegion(o?.region) && given !== sideOfRegion(o?.region))
    throw badRequest(X('side_mismatch'));
  return side as ExperimentationDetail['side'];
}

export async function createExperimentation(trx: Tx, actor: Actor, input: ExperimentationInput) {
  requirePermission(actor, 'experimentation.manage');
  if (!actor.orgId) throw forbidden();
  const { row, partners } = await checked(trx, input, actor.orgId);
  const side = await sideOf(trx, actor.orgId, input.side);
  const created = await trx
    .insertInto('experimentations')
    .values({ ...row, side, org_id: actor.orgId, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.setPartners(trx, created.id, actor.orgId, partners);
  return { id: created.id };
}

export async function led(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'experimentation.manage');
  const e = await readable(trx, actor, id);
  if (!mayLead(actor, e)) throw forbidden();
  await store.lockExperimentation(trx, e.id);
  return e;
}

export async function updateExperimentation(trx: Tx, actor: Actor, id: string, input: ExperimentationInput) {
  const e = await led(trx, actor, id);
  if (experimentationWorkflow.isTerminal(e.status as ExperimentationStatus)) throw conflict(X('fixed'));
  if (input.programmeId !== e.programme_id) throw badRequest(X('programme_fixed'));
  if (input.side && input.side !== e.side) throw badRequest(X('side_fixed'));
  const { row, partners } = await checked(trx, input, e.org_id);
  await trx.updateTable('experimentations').set(row).where('id', '=', e.id).execute();
  await store.setPartners(trx, e.id, e.org_id, partners);
  return { ok: true };
}

export async function transitionExperimentation(trx: Tx, actor: Actor, id: string, action: string) {
  const e = await led(trx, actor, id);
  const check = experimentationWorkflow.check(
    e.status as ExperimentationStatus,
    action,
    'lead',
    actor.roles,
    {
      evaluation_recorded: e.findings !== null,
    },
  );
  if (!check.ok) {
    if (check.code === 'unknown_action') throw conflict(X('not_a_move'));
    if (check.code === 'guards_failed') throw conflict(X('evaluation_missing'));
    throw forbidden();
  }
  await trx
    .updateTable('experimentations')
    .set({ status: check.transition.to })
    .where('id', '=', e.id)
    .execute();
  return { ok: true };
}

/** The evaluation is recorded while it runs or once evaluated (not before it started, not once ended). */
export async function evaluateExperimentation(trx: Tx, actor: Actor, id: string, input: EvaluationInput) {
  const e = await led(trx, actor, id);
  if (e.status !== 'running' && e.status !== 'evaluated') throw conflict(X('evaluation_not_now'));
  await trx
    .updateTable('experimentations')
    .set({
      findings: input.findings.trim(),
      what_worked: clean(input.whatWorked),
      transfer_conditions: clean(input.transferConditions),
      recommend_transfer: input.recommendTransfer ?? null,
    })
    .where('id', '=', e.id)
    .execute();
  return { ok: true };
}
