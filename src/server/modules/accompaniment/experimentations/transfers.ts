import { transferProblem } from '../../../../common/accompaniment/experimentations-rules';
import type {
  ExperimentationStatus,
  Side,
  TransferEvaluationInput,
  TransferInput,
  TransferStatus,
  TransferUpdate,
} from '../../../../common/accompaniment/experimentations-schemas';
import { transferWorkflow } from '../../../../common/accompaniment/experimentations-workflow';
import { type Actor, actorCan, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { readable, sideOf, X } from './experimentations';
import * as store from './store';

/**
 * A transfer of an evaluated experimentation to another side: recorded by the organisation taking it up,
 * or proposed to it by the origin's lead; then the taking-up organisation's alone (`experimentation.manage`).
 * Never to the origin's side (rule here, guard app.experimentation_transfers_guard in the database).
 */
const clean = (s: string | null | undefined) => s?.trim() || null;

export async function createTransfer(trx: Tx, actor: Actor, id: string, input: TransferInput) {
  requirePermission(actor, 'experimentation.manage');
  if (!actor.orgId) throw forbidden();
  const e = await readable(trx, actor, id);
  await store.lockExperimentation(trx, e.id);
  const orgId = input.orgId ?? actor.orgId;
  // Only the taking-up organisation itself, or the origin's lead proposing it to another one.
  if (orgId !== actor.orgId && e.org_id !== actor.orgId) throw forbidden();
  if ((await store.organisations(trx, [orgId])).length !== 1) throw badRequest(X('unknown_partner'));
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw badRequest(X('ends_before'));
  const side = await sideOf(trx, orgId, input.side);
  const problem = transferProblem(
    { status: e.status as ExperimentationStatus, side: e.side as Side, orgId: e.org_id },
    { side, orgId },
  );
  if (problem) throw conflict(X(problem));
  const live = await store.transfersOf(trx, [e.id]);
  if (live.some((t) => t.org_id === orgId && t.status !== 'abandoned')) throw conflict(X('transfer_exists'));
  const created = await trx
    .insertInto('experimentation_transfers')
    .values({
      experimentation_id: e.id,
      org_id: orgId,
      side,
      adaptations: clean(input.adaptations),
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      newcomers: input.participants.newcomers,
      professionals: input.participants.professionals,
      volunteers: input.participants.volunteers,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id };
}

export async function takenUp(trx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'experimentation.manage');
  const t = await store.findTransfer(trx, id);
  if (!t) throw notFound(X('unknown_transfer'));
  if (!actorCan(actor, 'experimentation.manage') || t.org_id !== actor.orgId) throw forbidden();
  await store.lockTransfer(trx, t.id);
  return t;
}

export async function updateTransfer(trx: Tx, actor: Actor, id: string, input: TransferUpdate) {
  const t = await takenUp(trx, actor, id);
  if (transferWorkflow.isTerminal(t.status as TransferStatus)) throw conflict(X('fixed'));
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) throw badRequest(X('ends_before'));
  await trx
    .updateTable('experimentation_transfers')
    .set({
      adaptations: clean(input.adaptations),
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      newcomers: input.participants.newcomers,
      professionals: input.participants.professionals,
      volunteers: input.participants.volunteers,
    })
    .where('id', '=', t.id)
    .execute();
  return { ok: true };
}

export async function transitionTransfer(trx: Tx, actor: Actor, id: string, action: string) {
  const t = await takenUp(trx, actor, id);
  const check = transferWorkflow.check(t.status as TransferStatus, action, 'taker', actor.roles, {
    evaluation_recorded: t.findings !== null,
  });
  if (!check.ok) {
    if (check.code === 'unknown_action') throw conflict(X('not_a_move'));
    if (check.code === 'guards_failed') throw conflict(X('evaluation_missing'));
    throw forbidden();
  }
  await trx
    .updateTable('experimentation_transfers')
    .set({ status: check.transition.to })
    .where('id', '=', t.id)
    .execute();
  return { ok: true };
}

export async function evaluateTransfer(trx: Tx, actor: Actor, id: string, input: TransferEvaluationInput) {
  const t = await takenUp(trx, actor, id);
  if (t.status !== 'running' && t.status !== 'evaluated') throw conflict(X('evaluation_not_now'));
  await trx
    .updateTable('experimentation_transfers')
    .set({ findings: input.findings.trim(), what_worked: clean(input.whatWorked) })
    .where('id', '=', t.id)
    .execute();
  return { ok: true };
}
