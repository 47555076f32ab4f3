import type { Updateable } from 'kysely';
import {
  changedSubstance,
  EDITABLE_STATUSES,
  type SubstanceField,
} from '../../../../common/placements/agreement-rules';
import type { PlacementPatch, PlacementView } from '../../../../common/placements/agreement-schemas';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import {
  conventionProblems,
  countryOfRegion,
  type JobCodeKind,
  sortedTimetable,
  timetableHours,
} from '../../../../common/placements/convention-terms';
import { normalisePhone } from '../../../../common/validation/identifiers';
import { type Actor, requirePermission } from '../../../platform/actor';
import type { Tx } from '../../../platform/db/context';
import { conflict, notFound, validationFailed } from '../../../platform/errors';
import { t } from '../../../platform/i18n';
import type { PlacementsTable } from '../agreement-tables';
import { assertSide, type PlacementRow, placementForActor } from './access';
import { recordAgreementEvent } from './events';
import { loadFacts } from './facts';
import * as store from './store';
import { updatePlacement } from './store-writes';
import { assertTransition } from './transition';
import { checkTerms, type TermsToCheck } from './validate';
import { loadView } from './view';

/** API field → column, for every field a patch may carry. */
const COLUMNS = {
  siteName: 'site_name',
  municipalityCode: 'municipality_code',
  tasks: 'tasks',
  schedule: 'schedule',
  hoursPerWeek: 'hours_per_week',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  tutorUserId: 'tutor_user_id',
  signatory: 'signatory',
  representativeName: 'representative_name',
  language: 'language',
  accidentInsuranceRef: 'accident_insurance_ref',
  liabilityInsuranceRef: 'liability_insurance_ref',
  programmeId: 'programme_id',
  pathwayId: 'pathway_id',
  timetable: 'timetable',
  aim: 'aim',
  jobCodeKind: 'job_code_kind',
  jobCode: 'job_code',
  protectiveEquipment: 'protective_equipment',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactPhone: 'emergency_contact_phone',
  emergencyContactRelation: 'emergency_contact_relation',
} as const satisfies Record<keyof PlacementPatch, keyof PlacementsTable>;

const clean = (v: unknown) => (typeof v === 'string' ? v.trim() || null : v);

/** The terms as the API names them, from the stored row (to compare a patch with). */
const substanceOf = (row: PlacementRow): Record<SubstanceField, unknown> => ({
  siteName: row.site_name,
  municipalityCode: row.municipality_code,
  tasks: row.tasks,
  schedule: row.schedule,
  hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  tutorUserId: row.tutor_user_id,
  signatory: row.signatory,
  representativeName: row.representative_name,
  language: row.language,
  timetable: row.timetable,
  aim: row.aim,
  jobCodeKind: row.job_code_kind,
  jobCode: row.job_code,
  protectiveEquipment: row.protective_equipment,
});

/**
 * The home centre changes the terms. A draft changes freely; once signatures were asked for, a change of
 * substance is the 'amend' transition (its guards checked on the changed terms): the version goes up, the
 * agreement awaits signatures again and earlier signatures stay, for the older version. Insurance
 * references, the programme and the pathway change without that.
 */
export async function updatePlacementTerms(
  trx: Tx,
  actor: Actor,
  id: string,
  patch: PlacementPatch,
): Promise<PlacementView> {
  const access = await placementForActor(trx, actor, id);
  assertSide(access, 'home');
  requirePermission(actor, 'placement.manage');
  const row = await store.lockPlacement(trx, access.row.id);
  if (!row) throw notFound('placements.agreements.errors.not_found');
  const status = row.status as AgreementStatus;
  if (!EDITABLE_STATUSES.includes(status))
    throw conflict('placements.agreements.errors.not_editable', {
      status: t(actor.language, `placements.agreements.status.${status}`),
    });

  const set: Updateable<PlacementsTable> = {};
  const next: PlacementRow = { ...row };
  for (const [field, column] of Object.entries(COLUMNS) as Array<
    [keyof PlacementPatch, keyof PlacementsTable]
  >) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const value =
      field === 'timetable' ? patch.timetable && sortedTimetable(patch.timetable) : clean(patch[field]);
    // jsonb is written as its text; the row keeps the array to compare and check.
    (set as Record<string, unknown>)[column] = field === 'timetable' && value ? JSON.stringify(value) : value;
    (next as Record<string, unknown>)[column] =
      field === 'hoursPerWeek' && value !== null ? String(value) : value;
  }
  // A new timetable without new weekly hours sets them (the document states both; they must agree).
  if (patch.timetable && patch.hoursPerWeek === undefined) {
    const hours = timetableHours(patch.timetable);
    set.hours_per_week = hours;
    next.hours_per_week = hours === null ? null : String(hours);
  }
  if (typeof next.job_code === 'string') next.job_code = set.job_code = next.job_code.toUpperCase();
  const home = await store.findOrganisation(trx, row.org_id);
  const country = countryOfRegion(home?.region ?? null);
  const conventionErrors = conventionProblems(
    {
      timetable: next.timetable,
      hoursPerWeek: next.hours_per_week === null ? null : Number(next.hours_per_week),
      jobCodeKind: next.job_code_kind as JobCodeKind | null,
      jobCode: next.job_code,
      emergencyContactName: next.emergency_contact_name,
      emergencyContactPhone: next.emergency_contact_phone,
    },
    country,
  );
  if (conventionErrors.length) throw validationFailed(conventionErrors);
  if ('emergencyContactPhone' in patch && next.emergency_contact_phone)
    next.emergency_contact_phone = set.emergency_contact_phone = normalisePhone(
      next.emergency_contact_phone,
      country,
    );
  // Only a legal representative is named (the database checks the same).
  if (next.signatory === 'person' && next.representative_name !== null)
    next.representative_name = set.representative_name = null;

  const changedKeys = new Set(Object.keys(patch) as Array<keyof TermsToCheck>);
  await checkTerms(
    trx,
    {
      placementId: row.id,
      personId: row.person_id,
      hostOrgId: row.host_org_id,
      municipalityCode: next.municipality_code,
      startsOn: next.starts_on,
      endsOn: next.ends_on,
      tutorUserId: next.tutor_user_id,
      programmeId: next.programme_id,
      pathwayId: next.pathway_id,
      signatory: next.signatory,
      representativeName: next.representative_name,
    },
    changedKeys,
  );

  const substance = changedSubstance(substanceOf(row), substanceOf(next));
  const amend = status !== 'draft' && substance.length > 0;
  if (amend) {
    const { guards } = await loadFacts(trx, next, 'home');
    assertTransition(actor, row, 'amend', 'home', guards);
    set.version = row.version + 1;
    set.status = 'awaiting_signatures';
  }
  if (Object.keys(set).length) await updatePlacement(trx, row.id, set);
  if (amend) await recordAgreementEvent(trx, actor, row, 'amend', 'home');
  return loadView(trx, actor, row.id);
}
