import { isIsoDate } from '../../../../common/placements/dates';
import type { FieldError } from '../../../../common/validation/errors';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { territoryExists } from '../offers/store';
import * as store from './store';

/** Terms of an agreement as they will be stored, checked against the references they name. */
export interface TermsToCheck {
  personId: string;
  hostOrgId: string;
  municipalityCode?: string | null;
  startsOn: string;
  endsOn: string;
  tutorUserId?: string | null;
  programmeId?: string | null;
  pathwayId?: string | null;
  signatory: string;
  representativeName?: string | null;
}

/**
 * Field errors for terms that name something that does not fit: a commune that does not exist, a tutor
 * who is not on the host's staff, a programme or pathway that is not there, dates out of order.
 * Only the keys present in `changed` are checked against the database (unchanged values passed before).
 */
export async function checkTerms(
  trx: Tx,
  t: TermsToCheck,
  changed: ReadonlySet<keyof TermsToCheck> | 'all' = 'all',
): Promise<void> {
  const is = (k: keyof TermsToCheck) => changed === 'all' || changed.has(k);
  const errors: FieldError[] = [];
  const datesOk = isIsoDate(t.startsOn) && isIsoDate(t.endsOn);
  if (!isIsoDate(t.startsOn))
    errors.push({ path: 'startsOn', code: 'placements.agreements.errors.invalid_date' });
  if (!isIsoDate(t.endsOn))
    errors.push({ path: 'endsOn', code: 'placements.agreements.errors.invalid_date' });
  if (datesOk && t.endsOn < t.startsOn)
    errors.push({ path: 'endsOn', code: 'placements.agreements.errors.end_before_start' });
  if (is('municipalityCode') && t.municipalityCode && !(await territoryExists(trx, t.municipalityCode)))
    errors.push({ path: 'municipalityCode', code: 'placements.agreements.errors.municipality_unknown' });
  if (is('tutorUserId') && t.tutorUserId) {
    const tutors = await store.hostTutors(trx, t.hostOrgId);
    if (!tutors.some((u) => u.user_id === t.tutorUserId))
      errors.push({ path: 'tutorUserId', code: 'placements.agreements.errors.tutor_not_host' });
  }
  if (is('programmeId') && t.programmeId && !(await store.findProgramme(trx, t.programmeId)))
    errors.push({ path: 'programmeId', code: 'placements.agreements.errors.programme_unknown' });
  if (is('pathwayId') && t.pathwayId && !(await store.pathwayOfPerson(trx, t.pathwayId, t.personId)))
    errors.push({ path: 'pathwayId', code: 'placements.agreements.errors.pathway_unknown' });
  if (t.signatory === 'legal_representative' && !t.representativeName?.trim())
    errors.push({ path: 'representativeName', code: 'placements.agreements.errors.representative_required' });
  if (errors.length) throw validationFailed(errors);
}
