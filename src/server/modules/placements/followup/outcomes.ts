import { type OutcomeKind, outcomeProblems } from '../../../../common/placements/followup-rules';
import type { FollowUpView, OutcomeBody } from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, validationFailed } from '../../../platform/errors';
import { type MasterKeys, sealText } from '../../../platform/keys/field-cipher';
import { assertHome, followUpAccess } from './access';
import * as store from './store';
import { followUpView } from './view';

/**
 * The person's situation at the exit (within 4 weeks of the end) and 6 months later, recorded by the home
 * centre only: a job names its contract, a drop-out its reason (checked here before the database does).
 */
export async function saveOutcome(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  kind: OutcomeKind,
  body: OutcomeBody,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id, 'placement.manage');
  assertHome(a);
  const endedOn = a.row.ended_on ?? a.row.ends_on;
  const check = outcomeProblems(kind, body, { status: a.status, endedOn, today: a.today });
  if (check.conflict) throw conflict(check.conflict.code, check.conflict.params);
  if (check.fields.length) throw validationFailed(check.fields);
  await store.upsertOutcome(
    trx,
    a.row,
    {
      kind,
      observed_on: body.observedOn,
      situation: body.situation,
      contract_type: body.situation === 'job' ? (body.contractType ?? null) : null,
      // Texts about the person's life after the placement, sealed with the home centre's key (0077).
      drop_out_reason:
        body.situation === 'drop_out'
          ? await sealText(trx, masters, 'placement_outcomes.drop_out_reason', body.dropOutReason?.trim())
          : null,
      note: await sealText(trx, masters, 'placement_outcomes.note', body.note?.trim()),
    },
    actor.userId,
  );
  return followUpView(trx, actor, masters, a);
}
