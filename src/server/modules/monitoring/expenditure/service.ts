import {
  absorption,
  acceptedCents,
  checkItem,
  checkReview,
  officeRate,
} from '../../../../common/monitoring/expenditure-absorption';
import type {
  DeclarationView,
  ExpenditureOverview,
  ItemInput,
  ReviewInput,
} from '../../../../common/monitoring/expenditure-schemas';
import { flatRate } from '../../../../common/monitoring/money';
import { fromCents, toCents } from '../../../../common/network/programme-rules';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { conflict, forbidden, notFound, validationFailed } from '../../../platform/errors';
import * as budgets from '../budgets/store';
import * as programmes from '../indicators/store';
import { isLead, memberProgramme } from '../programme-access';
import { recordDeclarationEvent } from './notifications';
import * as store from './store';

/**
 * Expenditure declarations (ADR 0018). A partner's coordinator or administrator (`expenditure.declare`)
 * declares for its own organisation and submits; the lead's coordinator (`programme.monitor`) reviews each
 * submitted item, closes the review or re-opens with a reason. RLS hides the rest: a declaration another
 * organisation cannot see is a 404 here, never a 403 that would tell it exists.
 */

const E = (code: string) => `monitoring.expenditure.errors.${code}`;

async function programmeContext(trx: Tx, programmeId: string, actor: Actor) {
  const { programme, memberIds } = await memberProgramme(trx, programmeId, actor);
  return { programme, memberIds, actions: await programmes.programmeActions(trx, programme.id) };
}

async function currentBudget(trx: Tx, programmeId: string) {
  const latest = (await budgets.listVersions(trx, programmeId))[0];
  return latest ? { number: latest.number, ...(await budgets.versionContent(trx, latest.id)) } : null;
}

export async function overview(trx: Tx, actor: Actor, programmeId: string): Promise<ExpenditureOverview> {
  requirePermission(actor, 'indicators.view');
  const { programme, memberIds, actions } = await programmeContext(trx, programmeId, actor);
  const names = await programmes.organisationNames(trx, memberIds);
  const rows = await store.listDeclarations(trx, programme.id);
  const budget = await currentBudget(trx, programme.id);
  const lead = isLead(actor, programme.org_id);
  return {
    programme: {
      id: programme.id,
      acronym: programme.acronym ?? '',
      nameFr: programme.name_fr,
      nameNl: programme.name_nl,
      leadOrgId: programme.org_id,
    },
    partners: [...names].map(([orgId, n]) => ({ orgId, ...n })),
    actions,
    mine: rows.filter((d) => d.org_id === actor.orgId).map((d) => store.summary(d, names)),
    toReview: lead
      ? rows
          .filter((d) => d.status !== 'draft' && d.lead_org_id === programme.org_id)
          .map((d) => store.summary(d, names))
      : [],
    absorption: absorption(
      budget?.number ?? null,
      budget?.lines ?? [],
      await store.programmeTotals(trx, programme.id),
    ),
    canDeclare: actorCan(actor, 'expenditure.declare') && !!actor.orgId && memberIds.includes(actor.orgId),
  };
}

export async function createDeclaration(
  trx: Tx,
  actor: Actor,
  programmeId: string,
  period: string,
): Promise<{ id: string }> {
  requirePermission(actor, 'expenditure.declare');
  const { programme, memberIds } = await programmeContext(trx, programmeId, actor);
  if (!actor.orgId || !memberIds.includes(actor.orgId)) throw forbidden(E('not_partner'));
  const existing = (await store.listDeclarations(trx, programme.id)).find(
    (d) => d.org_id === actor.orgId && d.period === period.trim(),
  );
  if (existing) throw conflict(E('period_exists'));
  return store.insertDeclaration(trx, {
    programmeId: programme.id,
    orgId: actor.orgId,
    leadOrgId: programme.org_id,
    period: period.trim(),
    userId: actor.userId,
  });
}

/** The declaration as the caller may see it; RLS already hides another organisation's. */
async function visible(trx: Tx, _actor: Actor, id: string) {
  const d = await store.findDeclaration(trx, id);
  if (!d) throw notFound();
  return d;
}

export async function viewDeclaration(trx: Tx, actor: Actor, id: string): Promise<DeclarationView> {
  requirePermission(actor, 'indicators.view');
  const d = await visible(trx, actor, id);
  const names = await programmes.organisationNames(trx, [d.org_id]);
  const items = await store.listItems(trx, d.id);
  const [summary] = (await store.listDeclarations(trx, d.programme_id))
    .filter((x) => x.id === d.id)
    .map((x) => store.summary(x, names));
  if (!summary) throw notFound();
  const budget = await currentBudget(trx, d.programme_id);
  const rate = budget ? officeRate(budget.lines, d.org_id, null) : null;
  const staff = items.filter((i) => i.category === 'staff');
  const sum = (f: (i: (typeof items)[number]) => bigint) => staff.reduce((s, i) => s + f(i), 0n);
  const declaredStaff = sum((i) => toCents(i.amount));
  const acceptedStaff = sum((i) =>
    acceptedCents({
      amountCents: toCents(i.amount),
      review: i.review.status,
      correctedCents: i.review.correctedAmount === null ? null : toCents(i.review.correctedAmount),
    }),
  );
  return {
    declaration: summary,
    items,
    office:
      rate === null
        ? null
        : {
            rate,
            declared: fromCents(flatRate(declaredStaff, rate)),
            accepted: fromCents(flatRate(acceptedStaff, rate)),
          },
    actions: await programmes.programmeActions(trx, d.programme_id),
    canEdit: d.status === 'draft' && d.org_id === actor.orgId && actorCan(actor, 'expenditure.declare'),
    canReview: d.status === 'submitted' && isLead(actor, d.lead_org_id),
    canReopen: d.status !== 'draft' && isLead(actor, d.lead_org_id),
  };
}

async function editable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'expenditure.declare');
  const d = await visible(trx, actor, id);
  if (d.org_id !== actor.orgId) throw forbidden(E('not_owner'));
  if (d.status !== 'draft') throw conflict(E('read_only'));
  return d;
}

async function checkedItem(trx: Tx, deps: Deps, programmeId: string, item: ItemInput) {
  const actions = await programmes.programmeActions(trx, programmeId);
  const problems = checkItem(
    item,
    actions.map((a) => a.id),
    deps.clock.today(),
  );
  if (problems.length) throw validationFailed(problems);
}

export async function addItem(trx: Tx, deps: Deps, actor: Actor, id: string, item: ItemInput) {
  const d = await editable(trx, actor, id);
  await checkedItem(trx, deps, d.programme_id, item);
  return store.insertItem(trx, d, item);
}

export async function updateItem(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  item: ItemInput,
) {
  const d = await editable(trx, actor, id);
  await checkedItem(trx, deps, d.programme_id, item);
  if (!(await store.updateItem(trx, d.id, itemId, item))) throw notFound();
  return { ok: true };
}

export async function deleteItem(trx: Tx, actor: Actor, id: string, itemId: string) {
  const d = await editable(trx, actor, id);
  if (!(await store.deleteItem(trx, d.id, itemId))) throw notFound();
  return { ok: true };
}

export async function submit(trx: Tx, actor: Actor, id: string) {
  const d = await editable(trx, actor, id);
  if ((await store.listItems(trx, d.id)).length === 0) throw conflict(E('empty'));
  await store.setStatus(trx, d.id, 'submitted', actor.userId);
  // The lead's coordinators are told (notifications.ts).
  await recordDeclarationEvent(trx, actor, d, 'submitted');
  return { ok: true };
}

async function reviewable(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'programme.monitor');
  const d = await visible(trx, actor, id);
  if (!isLead(actor, d.lead_org_id)) throw forbidden(E('not_lead'));
  return d;
}

export async function reviewItem(trx: Tx, actor: Actor, id: string, itemId: string, r: ReviewInput) {
  const d = await reviewable(trx, actor, id);
  if (d.status !== 'submitted') throw conflict(E('not_submitted'));
  const item = (await store.listItems(trx, d.id)).find((i) => i.id === itemId);
  if (!item) throw notFound();
  const problems = checkReview(r, toCents(item.amount));
  if (problems.length) throw validationFailed(problems);
  await store.reviewItem(trx, d.id, itemId, r, actor.userId);
  return { ok: true };
}

export async function closeReview(trx: Tx, actor: Actor, id: string) {
  const d = await reviewable(trx, actor, id);
  if (d.status !== 'submitted') throw conflict(E('not_submitted'));
  if ((await store.listItems(trx, d.id)).some((i) => i.review.status === 'pending'))
    throw conflict(E('items_pending'));
  await store.setStatus(trx, d.id, 'reviewed', actor.userId);
  await recordDeclarationEvent(trx, actor, d, 'reviewed');
  return { ok: true };
}

export async function reopen(trx: Tx, actor: Actor, id: string, reason: string) {
  const d = await reviewable(trx, actor, id);
  if (d.status === 'draft') throw conflict(E('not_submitted'));
  const text = reason.trim();
  if (text.length < 3) throw validationFailed([{ path: 'reason', code: E('reason_required') }]);
  if (text === d.reopen_reason) throw validationFailed([{ path: 'reason', code: E('reason_same') }]);
  await store.reopen(trx, d.id, text);
  await recordDeclarationEvent(trx, actor, d, 'reopened');
  return { ok: true };
}
