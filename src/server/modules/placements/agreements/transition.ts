import type { Updateable } from 'kysely';
import type { PlacementView, TransitionBody } from '../../../../common/placements/agreement-schemas';
import {
  AGREEMENT_ACTIONS,
  type AgreementStatus,
  agreementWorkflow,
  type GuardFacts,
  type Side,
} from '../../../../common/placements/agreement-workflow';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  validationFailed,
} from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import type { PlacementsTable } from '../agreement-tables';
import { today } from '../today';
import { type PlacementRow, placementForActor } from './access';
import { recordAgreementEvent } from './events';
import { loadFacts } from './facts';
import { INVITE_HOST, inviteHomeSignatories } from './invitations';
import type { MailDeps } from './notify';
import * as store from './store';
import { hasSignatureRows, updatePlacement } from './store-writes';
import { loadView } from './view';

/**
 * Refuses an action the transition table does not allow now, in the caller's language: 400 for an action
 * that does not exist, 403 for one that is not theirs, 400 on `reason` when a reason is owed, 409 naming the
 * failing guards (also returned one by one as `guards.<guard>` fields for the screen).
 */
export function assertTransition(
  actor: Actor,
  row: Pick<PlacementRow, 'status'>,
  action: string,
  side: Side,
  guards: GuardFacts,
  reason?: string | null,
) {
  const status = row.status as AgreementStatus;
  const check = agreementWorkflow.check(status, action, side, actor.roles, guards, reason);
  if (check.ok) return check.transition;
  const lang = actor.language;
  switch (check.code) {
    case 'unknown_action':
      if (!AGREEMENT_ACTIONS.includes(action))
        throw badRequest('placements.agreements.errors.unknown_action');
      throw conflict('placements.agreements.errors.illegal_transition', {
        action: t(lang, `placements.agreements.action.${action}`),
        status: t(lang, `placements.agreements.status.${status}`),
      });
    case 'forbidden':
      throw forbidden('placements.agreements.errors.action_forbidden');
    case 'reason_required':
      throw validationFailed([{ path: 'reason', code: 'placements.agreements.errors.reason_required' }]);
    case 'guards_failed':
      throw new AppError(
        409,
        'placements.agreements.errors.guards_failed',
        {
          action: t(lang, `placements.agreements.action.${action}`),
          guards: check.failed.map((g) => t(lang, `placements.agreements.guard.${g}`)).join(' ; '),
          codes: check.failed.join(','),
        },
        check.failed.map((g) => ({ path: `guards.${g}`, code: `placements.agreements.guard.${g}` })),
      );
  }
}

/**
 * Moves an agreement along the transition table (guards read from the record, the host limited to its own
 * moves here and by the database guard), and records the move as an event: who hears of it is decided by
 * the module's notification handlers. Signatures are never deleted: a new round of signatures raises the
 * version, and only the current version's signatures count.
 */
export async function transitionPlacement(
  trx: Tx,
  deps: MailDeps,
  actor: Actor,
  id: string,
  body: TransitionBody,
): Promise<PlacementView> {
  const access = await placementForActor(trx, actor, id);
  const row = await store.lockPlacement(trx, access.row.id);
  if (!row) throw notFound('placements.agreements.errors.not_found');
  const { guards } = await loadFacts(trx, row, access.side);
  const reason = body.reason?.trim() || null;
  const transition = assertTransition(actor, row, body.action, access.side, guards, reason);
  // Invitations go with the sending only (issue 9, item 3); anywhere else they would be silently dropped.
  if (body.invitations && transition.action !== 'send_for_signature')
    throw badRequest('placements.agreements.errors.invitations_unexpected');

  const set: Updateable<PlacementsTable> = { status: transition.to };
  if (transition.reasonRequired) set.status_reason = reason;
  switch (transition.action) {
    case 'send_for_signature':
      // Back from a refusal or a return: the earlier round's signatures stay, for an older version.
      if (await hasSignatureRows(trx, row.id, row.version)) set.version = row.version + 1;
      break;
    case 'amend':
      set.version = row.version + 1;
      break;
    case 'validate_host':
      set.validated_at = new Date();
      break;
    case 'activate':
      set.activated_at = new Date();
      break;
    case 'complete':
    case 'interrupt':
      set.ended_on = await today(trx);
      break;
  }
  await updatePlacement(trx, row.id, set);
  const invitations = transition.action === 'send_for_signature' ? body.invitations : undefined;
  if (invitations)
    await inviteHomeSignatories(
      trx,
      deps,
      actor,
      { ...row, version: set.version ?? row.version },
      invitations,
    );
  await recordAgreementEvent(
    trx,
    actor,
    row,
    transition.action,
    access.side,
    invitations?.host_representative ? { [INVITE_HOST]: true } : {},
  );
  return loadView(trx, actor, row.id);
}
