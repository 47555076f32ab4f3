import { periodProblems } from '../../../../common/placements/agreement-rules';
import type { FieldError } from '../../../../common/validation/errors';
import type { Tx } from '../../../platform/db/context';
import { validationFailed } from '../../../platform/errors';
import { territoryExists } from '../offers/store';
import { today } from '../today';
import { programmeTerms } from './facts';
import * as store from './store';

/** Terms of an agreement as they will be stored, checked against the references they name. */
export interface TermsToCheck {
  /** The agreement being changed (left out of the overlap check); null for a new draft. */
  placementId?: string | null;
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
 * who is not on the host's staff, a programme or pathway that is not there, and dates the agreement could
 * never be validated with (see `periodProblems`: past start, end before start, duration outside the
 * programme's rule, overlap with a committed agreement, programme not open on those dates).
 * Only the keys present in `changed` are checked against the database (unchanged values passed before);
 * the dates are checked whenever a date or the programme changes.
 */
export async function checkTerms(
  trx: Tx,
  t: TermsToCheck,
  changed: ReadonlySet<keyof TermsToCheck> | 'all' = 'all',
): Promise<void> {
  const is = (k: keyof TermsToCheck) => changed === 'all' || changed.has(k);
  const errors: FieldError[] = [];
  const programmeKnown = !t.programmeId || !!(await store.findProgramme(trx, t.programmeId));
  if (is('programmeId') && !programmeKnown)
    errors.push({ path: 'programmeId', code: 'placements.agreements.errors.programme_unknown' });
  if (is('startsOn') || is('endsOn') || is('programmeId')) {
    const programme = await programmeTerms(trx, programmeKnown ? (t.programmeId ?? null) : null);
    const period = { start: t.startsOn, end: t.endsOn };
    const problems = periodProblems(period, {
      today: await today(trx),
      rule: programme.rule,
      programme: programme.period,
      otherCommitted: await store.committedPeriods(trx, 'home', t.personId, t.placementId ?? null),
    });
    // A new programme is held to its period and rule; a past start or an overlap is the dates' business
    // (the workflow's guards still stop a step that commits the parties).
    const datesChanged = is('startsOn') || is('endsOn');
    errors.push(...problems.filter((p) => datesChanged || !/(start_past|overlap)$/.test(p.code)));
  }
  if (is('municipalityCode') && t.municipalityCode && !(await territoryExists(trx, t.municipalityCode)))
    errors.push({ path: 'municipalityCode', code: 'placements.agreements.errors.municipality_unknown' });
  if (is('tutorUserId') && t.tutorUserId) {
    const tutors = await store.hostTutors(trx, t.hostOrgId);
    if (!tutors.some((u) => u.user_id === t.tutorUserId))
      errors.push({ path: 'tutorUserId', code: 'placements.agreements.errors.tutor_not_host' });
  }
  if (is('pathwayId') && t.pathwayId && !(await store.pathwayOfPerson(trx, t.pathwayId, t.personId)))
    errors.push({ path: 'pathwayId', code: 'placements.agreements.errors.pathway_unknown' });
  if (t.signatory === 'legal_representative' && !t.representativeName?.trim())
    errors.push({ path: 'representativeName', code: 'placements.agreements.errors.representative_required' });
  if (errors.length) throw validationFailed(errors);
}
