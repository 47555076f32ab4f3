import type { IndicatorBoard, IndicatorView } from '../../../../common/monitoring/schemas';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { ruleRegistry } from './registry';
import * as store from './store';
import { type BoardContext, indicatorView } from './view';

/** Whether the actor sees every figure of the programme: its lead organisation, or a platform admin. */
export const seesAll = (actor: Actor, programme: { org_id: string }) =>
  actor.platformAdmin || programme.org_id === actor.orgId;

export async function boardContext(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  programmeId: string,
): Promise<BoardContext> {
  requirePermission(actor, 'indicators.view');
  const programme = await store.findProgramme(trx, programmeId);
  if (!programme) throw notFound();
  const memberIds = await store.programmeMembers(trx, programme.id, programme.org_id);
  return {
    programme,
    memberIds,
    names: await store.organisationNames(trx, memberIds),
    actions: await store.programmeActions(trx, programme.id),
    rules: ruleRegistry(deps.modules),
    seesAll: seesAll(actor, programme),
    today: deps.clock.today(),
    profiles: true,
  };
}

/** The views of some indicators of one programme, with every partner named. */
export async function viewsOf(
  trx: Tx,
  ctx: BoardContext,
  rows: store.IndicatorRow[],
): Promise<IndicatorView[]> {
  const ids = rows.map((r) => r.id);
  const milestones = await store.milestonesOf(trx, ids);
  const values = await store.valuesOf(trx, ids);
  const views: IndicatorView[] = [];
  // One after the other: one connection (PGlite) answers one query at a time anyway.
  for (const row of rows) views.push(await indicatorView(trx, ctx, row, milestones, values));
  const unknown = views.flatMap((v) =>
    v.byPartner.filter((p) => !ctx.names.has(p.orgId)).map((p) => p.orgId),
  );
  if (unknown.length === 0) return views;
  const more = await store.organisationNames(trx, unknown);
  return views.map((v) => ({
    ...v,
    byPartner: v.byPartner.map((p) => ({
      ...p,
      ...(more.get(p.orgId) ?? { nameFr: p.nameFr, nameNl: p.nameNl }),
    })),
  }));
}

/** Every indicator of a programme with its live achievement, as the reader may see it. */
export async function viewBoard(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  programmeId: string,
): Promise<IndicatorBoard> {
  // Every indicator at once: the breakdowns by sex and age band wait until one is opened.
  const ctx = { ...(await boardContext(trx, deps, actor, programmeId)), profiles: false };
  const p = ctx.programme;
  const rows = await store.listIndicators(trx, p.id);
  return {
    programme: {
      id: p.id,
      acronym: p.acronym,
      nameFr: p.name_fr,
      nameNl: p.name_nl,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      leadOrgId: p.org_id,
    },
    canManage: ctx.seesAll && actorCan(actor, 'programme.monitor'),
    seesAll: ctx.seesAll,
    canDrill: actorCan(actor, 'indicators.records'),
    actions: await store
      .programmeActions(trx, p.id)
      .then((a) => a.map(({ id, code, titleFr, titleNl }) => ({ id, code, titleFr, titleNl }))),
    items: await viewsOf(trx, ctx, rows),
  };
}

/** One indicator with every breakdown it declares (by sex and age band included), as the reader may see it. */
export async function viewIndicator(
  trx: Tx,
  deps: Deps,
  actor: Actor,
  indicatorId: string,
): Promise<IndicatorView> {
  requirePermission(actor, 'indicators.view');
  const row = await store.findIndicator(trx, indicatorId);
  if (!row) throw notFound();
  const ctx = await boardContext(trx, deps, actor, row.programme_id);
  const [view] = await viewsOf(trx, ctx, [row]);
  if (!view) throw notFound();
  return view;
}
