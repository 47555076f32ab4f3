import { type EvaluationKind, evaluationProblems } from '../../../../common/placements/followup-rules';
import type { EvaluationBody, FollowUpView } from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { assertCanEvaluate, assertRecording, followUpAccess } from './access';
import { authorSealer } from './sealed';
import * as store from './store';
import { followUpView } from './view';

/**
 * Records the mid-term or final tripartite evaluation (one of each; saving again corrects it). Either side
 * may write it; the final one waits for the midpoint of the agreed period.
 */
export async function saveEvaluation(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  kind: EvaluationKind,
  body: EvaluationBody,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id);
  assertCanEvaluate(actor);
  assertRecording(a);
  const problems = evaluationProblems(kind, body.heldOn, a);
  if (problems.length) throw validationFailed(problems);
  // The texts are sealed with the writing side's key; a correction by the other side makes it the author.
  const author = authorSealer(trx, masters, a);
  await store.upsertEvaluation(
    trx,
    a.row,
    {
      kind,
      held_on: body.heldOn,
      scores: body.scores,
      person_present: body.personPresent,
      referent_present: body.referentPresent,
      tutor_present: body.tutorPresent,
      strengths: await author.seal('placement_evaluations.strengths', body.strengths?.trim()),
      improvements: await author.seal('placement_evaluations.improvements', body.improvements?.trim()),
      next_steps: await author.seal('placement_evaluations.next_steps', body.nextSteps?.trim()),
    },
    { userId: actor.userId, orgId: author.orgId },
  );
  return followUpView(trx, actor, masters, a);
}
