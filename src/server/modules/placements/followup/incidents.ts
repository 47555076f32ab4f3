import { dayError, dayProblem } from '../../../../common/placements/followup-rules';
import type { FollowUpView, IncidentBody } from '../../../../common/placements/followup-schemas';
import type { Actor } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import type { MasterKeys } from '../../../platform/keys/field-cipher';
import { assertRecording, followUpAccess } from './access';
import { authorSealer } from './sealed';
import * as store from './store';
import { followUpView } from './view';

/** Either side reports an incident (accident, behaviour, conflict…) on a day of the placement. */
export async function reportIncident(
  trx: Tx,
  actor: Actor,
  masters: MasterKeys,
  id: string,
  body: IncidentBody,
): Promise<FollowUpView> {
  const a = await followUpAccess(trx, actor, id, 'placement.attendance');
  assertRecording(a);
  const problem = dayProblem(body.occurredOn, a.period, a.today);
  if (problem) throw validationFailed([dayError('occurredOn', problem, a.period)]);
  const description = body.description.trim();
  if (description.length < 5)
    throw validationFailed([{ path: 'description', code: 'validation.min_length', params: { limit: 5 } }]);
  // Sealed with the writing side's key (migration 0076): the row names that side as its author.
  const author = authorSealer(trx, masters, a);
  await store.insertIncident(trx, {
    ...store.parties(a.row),
    occurred_on: body.occurredOn,
    kind: body.kind,
    description: await author.seal('placement_incidents.description', description),
    action_taken: await author.seal('placement_incidents.action_taken', body.actionTaken?.trim()),
    reported_by: actor.userId,
    author_org_id: author.orgId,
  });
  return followUpView(trx, actor, masters, a);
}
