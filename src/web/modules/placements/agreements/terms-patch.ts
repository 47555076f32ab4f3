import {
  changedSubstance,
  SIGNED_OR_SIGNING,
  type SubstanceField,
} from '../../../../common/placements/agreement-rules';
import { PlacementPatch, type PlacementView } from '../../../../common/placements/agreement-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { schemaErrors } from '../../../../common/validation/text';
import { hours, periodProblem, type TermValues } from './wizard-values';

export interface EditValues extends TermValues {
  signatory: string;
  representativeName: string;
  language: string;
  accidentInsuranceRef: string;
  liabilityInsuranceRef: string;
}

const KEYS: Array<keyof EditValues> = [
  'siteName',
  'municipalityCode',
  'tasks',
  'schedule',
  'hoursPerWeek',
  'startsOn',
  'endsOn',
  'tutorUserId',
  'programmeId',
  'signatory',
  'representativeName',
  'language',
  'accidentInsuranceRef',
  'liabilityInsuranceRef',
];
/** These are never cleared: emptied, they are left out and keep their value. */
const REQUIRED = new Set<keyof EditValues>([
  'siteName',
  'municipalityCode',
  'startsOn',
  'endsOn',
  'signatory',
  'language',
]);

export function editValues(p: PlacementView): EditValues {
  const out = {} as EditValues;
  for (const k of KEYS) {
    const v = p[k];
    out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** Only what changed: a cleared field as null, numbers as numbers. */
export function patchBody(p: PlacementView, v: EditValues): Record<string, unknown> {
  const before = editValues(p);
  const out: Record<string, unknown> = {};
  for (const k of KEYS) {
    const now = v[k].trim();
    if (now === before[k].trim()) continue;
    if (!now && REQUIRED.has(k)) continue;
    out[k] = !now ? null : k === 'hoursPerWeek' ? hours(now) : now;
  }
  // A representative is named only when one signs; switching back to the person clears it.
  if (v.signatory === 'person' && before.representativeName) out.representativeName = null;
  if (v.signatory === 'person' && !before.representativeName) delete out.representativeName;
  return out;
}

export function patchProblems(p: PlacementView, v: EditValues): FieldError[] {
  const body = patchBody(p, v);
  if (!Object.keys(body).length) return [];
  const out = schemaErrors(PlacementPatch, body);
  if (v.signatory === 'legal_representative' && !v.representativeName.trim())
    out.push({ path: 'representativeName', code: 'validation.required' });
  if (v.startsOn && v.endsOn && periodProblem(v.startsOn, v.endsOn) === 'end_before_start')
    out.push({ path: 'endsOn', code: 'placements.agreements.terms.end_before_start' });
  return out;
}

/** The agreed terms this change alters once signing has begun: they will need new signatures. */
export function resignatureFields(p: PlacementView, body: Record<string, unknown>): SubstanceField[] {
  if (!SIGNED_OR_SIGNING.includes(p.status)) return [];
  return changedSubstance(p, body);
}

/** Message ids naming each term in the confirmation. */
export const FIELD_LABEL: Record<SubstanceField, string> = {
  siteName: 'placements.offers.field.site',
  municipalityCode: 'placements.offers.field.municipality',
  tasks: 'placements.agreements.terms.tasks',
  schedule: 'placements.offers.field.schedule',
  hoursPerWeek: 'placements.offers.field.hours_per_week',
  startsOn: 'placements.offers.field.starts_on',
  endsOn: 'placements.offers.field.ends_on',
  tutorUserId: 'placements.offers.field.tutor',
  signatory: 'placements.agreements.signatory.who',
  representativeName: 'placements.agreements.signatory.representative_name',
  language: 'placements.agreements.signatory.language',
  timetable: 'placements.convention.timetable.legend',
  aim: 'placements.convention.aim.label',
  jobCodeKind: 'placements.convention.job_code_kind.label',
  jobCode: 'placements.convention.job_code.label',
  protectiveEquipment: 'placements.convention.protective_equipment.label',
};
