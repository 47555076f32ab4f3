import { type OfferRuleInput, offerProblems } from '../../../../common/placements/offer-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { isActiveMember, programmeExists, territoryExists } from './store';

/**
 * Checks an offer as it will be saved: the shared rules, then the references the database holds (the
 * place, the programme, the tutor), so that every mistake is reported at once and nothing is written.
 */
export async function assertValidOffer(
  trx: Tx,
  orgId: string,
  merged: OfferRuleInput,
  changed: { municipalityCode?: string | null; programmeId?: string | null; tutorUserId?: string | null },
): Promise<void> {
  const problems: FieldError[] = offerProblems(merged);
  if (changed.municipalityCode && !(await territoryExists(trx, changed.municipalityCode)))
    problems.push({ path: 'municipalityCode', code: 'validation.municipality' });
  if (changed.programmeId && !(await programmeExists(trx, changed.programmeId)))
    problems.push({ path: 'programmeId', code: 'placements.offers.errors.programme_unknown' });
  if (changed.tutorUserId && !(await isActiveMember(trx, orgId, changed.tutorUserId)))
    problems.push({ path: 'tutorUserId', code: 'placements.offers.errors.tutor_not_member' });
  if (problems.length) throw validationFailed(problems);
}
