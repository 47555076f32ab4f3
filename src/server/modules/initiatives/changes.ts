import type {
  InitiativeStatus,
  InitiativeTransition,
  ResultInput,
} from '../../../common/initiatives/schemas';
import { initiativeWorkflow } from '../../../common/initiatives/workflow';
import { type Actor, requirePermission } from '../../platform/actor';
import type { Tx } from '../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { I, led, readable } from './initiatives';
import * as store from './store';

/** The lead's moves (workflow, publication) and the results the lead and partners record. */

export async function transitionInitiative(trx: Tx, actor: Actor, id: string, t: InitiativeTransition) {
  const i = await led(trx, actor, id);
  const check = initiativeWorkflow.check(i.status as InitiativeStatus, t.action, 'lead', actor.roles);
  if (!check.ok) {
    if (check.code === 'unknown_action') throw conflict(I('not_a_move'));
    throw forbidden();
  }
  await trx.updateTable('initiatives').set({ status: check.transition.to }).where('id', '=', i.id).execute();
  return { ok: true };
}

export async function publishInitiative(trx: Tx, actor: Actor, id: string, published: boolean, now: Date) {
  const i = await led(trx, actor, id);
  if (published && i.status === 'abandoned') throw conflict(I('abandoned'));
  if (published === i.published) return { ok: true };
  await trx
    .updateTable('initiatives')
    .set({ published, published_at: published ? now : null })
    .where('id', '=', i.id)
    .execute();
  return { ok: true };
}

const takesPart = async (trx: Tx, orgId: string, i: { id: string; org_id: string }) =>
  i.org_id === orgId || (await store.partnersOf(trx, [i.id])).some((p) => p.partner_org_id === orgId);

export async function addResult(trx: Tx, actor: Actor, id: string, input: ResultInput) {
  requirePermission(actor, 'initiatives.manage');
  const i = await readable(trx, actor, id);
  if (!actor.orgId || !(await takesPart(trx, actor.orgId, i))) throw forbidden();
  if (i.status === 'idea') throw conflict(I('results_too_early'));
  if (input.figureLabel && (input.figure === null || input.figure === undefined))
    throw badRequest(I('figure_missing'));
  const created = await trx
    .insertInto('initiative_results')
    .values({
      initiative_id: i.id,
      org_id: actor.orgId,
      entry_on: input.entryOn,
      text: input.text.trim(),
      link_url: input.linkUrl?.trim() || null,
      figure: input.figure ?? null,
      figure_label: input.figureLabel?.trim() || null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id };
}

/** Each organisation deletes the results it recorded (RLS says the same). */
export async function deleteResult(trx: Tx, actor: Actor, id: string, resultId: string) {
  requirePermission(actor, 'initiatives.manage');
  const i = await readable(trx, actor, id);
  const r = await trx
    .selectFrom('initiative_results')
    .select(['id', 'org_id'])
    .where('id', '=', resultId)
    .where('initiative_id', '=', i.id)
    .executeTakeFirst();
  if (!r) throw notFound(I('unknown_result'));
  if (r.org_id !== actor.orgId) throw forbidden();
  await trx.deleteFrom('initiative_results').where('id', '=', r.id).execute();
  return { ok: true };
}
