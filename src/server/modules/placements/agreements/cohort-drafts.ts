import { sql } from 'kysely';
import type { CohortDraftBody, CohortDraftResult } from '../../../../common/placements/cohort-draft-schemas';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { errorBody, toAppError } from '../../../platform/http';
import { createPlacement } from './create-placement';

/**
 * Turns an accepted cohort suggestion into draft agreements, each with the same checks as one created by
 * hand (person, offer, consent). Each assignment is all or nothing inside a savepoint: a refused one is
 * reported with its translated reason and the others are still created.
 */
export async function draftsFromCohort(
  trx: Tx,
  actor: Actor,
  body: CohortDraftBody,
): Promise<CohortDraftResult> {
  requirePermission(actor, 'placement.manage');
  const results: CohortDraftResult['results'] = [];
  for (const a of body.assignments) {
    await sql`savepoint cohort_draft`.execute(trx);
    try {
      const placementId = await createPlacement(trx, actor, {
        personId: a.personId,
        offerId: a.offerId,
        sharedFields: body.sharedFields,
        ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
      });
      await sql`release savepoint cohort_draft`.execute(trx);
      results.push({ ...a, placementId, error: null });
    } catch (e) {
      const err = toAppError(e);
      if (!err) throw e;
      await sql`rollback to savepoint cohort_draft`.execute(trx);
      const { error } = errorBody(actor.language, err);
      results.push({
        ...a,
        placementId: null,
        error: {
          code: error.code,
          message: error.message,
          fields: (error.fields ?? []).map((f) => ({ path: f.path, code: f.code, message: f.message })),
        },
      });
    }
  }
  return { results, created: results.filter((r) => r.placementId).length };
}
