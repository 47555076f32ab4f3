import type { Language } from '../../../../common/i18n/locales';
import { localized } from '../../../../common/i18n/locales';
import { periodProblems } from '../../../../common/placements/agreement-rules';
import { PlacementCreateBody } from '../../../../common/placements/agreement-schemas';
import { DEFAULT_DURATION, durationProblem } from '../../../../common/placements/dates';
import type { OfferDetail } from '../../../../common/placements/offer-schemas';
import type { FieldError } from '../../../../common/validation/errors';
import { schemaErrors } from '../../../../common/validation/text';
import {
  type ConventionValues,
  conventionCreate,
  conventionFormProblems,
} from '../convention/convention-values';

/** The agreement's terms as the forms hold them: text, as typed. */
export interface TermValues {
  siteName: string;
  municipalityCode: string;
  tasks: string;
  schedule: string;
  hoursPerWeek: string;
  startsOn: string;
  endsOn: string;
  tutorUserId: string;
  programmeId: string;
}

export interface WizardValues extends TermValues {
  accidentInsuranceRef: string;
  liabilityInsuranceRef: string;
  offerId: string;
  hostOrgId: string;
  sharedFields: string[];
  overrideReason: string;
  signatory: string;
  representativeName: string;
  language: string;
  /** The convention's structured terms (issue 9, item 9), on the terms step. */
  convention: ConventionValues;
}

export const STEPS = ['terms', 'sharing', 'signatory', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Which step holds each field, so that an error (ours or the server's) sends the user back to it. */
const STEP_OF: Record<string, Step> = {
  offerId: 'terms',
  hostOrgId: 'terms',
  siteName: 'terms',
  municipalityCode: 'terms',
  tasks: 'terms',
  schedule: 'terms',
  hoursPerWeek: 'terms',
  startsOn: 'terms',
  endsOn: 'terms',
  tutorUserId: 'terms',
  programmeId: 'terms',
  accidentInsuranceRef: 'terms',
  liabilityInsuranceRef: 'terms',
  sharedFields: 'sharing',
  overrideReason: 'sharing',
  signatory: 'signatory',
  representativeName: 'signatory',
  language: 'signatory',
  timetable: 'terms',
  aim: 'terms',
  jobCodeKind: 'terms',
  jobCode: 'terms',
  protectiveEquipment: 'terms',
  emergencyContactName: 'terms',
  emergencyContactPhone: 'terms',
  emergencyContactRelation: 'terms',
};
export const stepOf = (path: string): Step => STEP_OF[path.split('.')[0] ?? ''] ?? 'review';

export const emptyTerms = (): TermValues => ({
  siteName: '',
  municipalityCode: '',
  tasks: '',
  schedule: '',
  hoursPerWeek: '',
  startsOn: '',
  endsOn: '',
  tutorUserId: '',
  programmeId: '',
});

/** An offer's terms as the starting point of the agreement; the referent adjusts them to the person. */
export function termsFromOffer(o: OfferDetail, language: Language): TermValues {
  return {
    siteName: o.siteName,
    municipalityCode: o.municipalityCode,
    tasks: localized(language, o.tasksFr, o.tasksNl) ?? '',
    schedule: o.schedule ?? '',
    hoursPerWeek: o.hoursPerWeek === null ? '' : String(o.hoursPerWeek),
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    tutorUserId: o.tutorUserId ?? '',
    programmeId: o.programmeId ?? '',
  };
}

/** "27,5" and "27.5" are the same number of hours; a blank is "not given". */
export const hours = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  return t ? Number(t) : null;
};

/**
 * What the wizard posts: empty fields left out, numbers as numbers, a representative only when one signs.
 * Typed as the endpoint's body; `wizardProblems()` checks it against that schema before it is sent.
 */
export function createBody(personId: string, v: WizardValues): PlacementCreateBody {
  const out: Record<string, unknown> = { personId };
  const keys = Object.keys(v) as Array<keyof WizardValues>;
  for (const k of keys) {
    const raw = v[k];
    if (k === 'convention') {
      Object.assign(out, conventionCreate(v.convention, 'agreement'));
      continue;
    }
    if (Array.isArray(raw)) {
      out[k] = raw;
      continue;
    }
    const s = (raw as string).trim();
    if (!s) continue;
    out[k] = k === 'hoursPerWeek' ? hours(s) : s;
  }
  // From an offer the server takes the host from it.
  if (out.offerId) delete out.hostOrgId;
  // "No programme" is said, or the server would take the offer's.
  if (!out.programmeId) out.programmeId = null;
  if (v.signatory !== 'legal_representative') delete out.representativeName;
  return out as PlacementCreateBody;
}

/** What the wizard knows of a programme it offers (the network's programme list). */
export interface ProgrammeChoice {
  id: string;
  startsOn: string;
  endsOn: string;
  placementMinMonths: number;
  placementMaxMonths: number;
}

/**
 * Schema problems and the rules the schema cannot say, each on its field: among them the date rules the
 * server applies to the draft (past start, duration of the chosen programme, programme not open on the
 * dates), so that the user learns them on the terms step, not when the host validates.
 */
export function wizardProblems(
  personId: string,
  v: WizardValues,
  today: string,
  programmes: readonly ProgrammeChoice[] = [],
): FieldError[] {
  const out = schemaErrors(PlacementCreateBody, createBody(personId, v));
  const add = (path: string, code: string, params?: FieldError['params']) => {
    if (!out.some((e) => e.path === path)) out.push(params ? { path, code, params } : { path, code });
  };
  if (!v.offerId && !v.hostOrgId) add('hostOrgId', 'validation.required');
  if (!v.startsOn) add('startsOn', 'validation.required');
  if (!v.endsOn) add('endsOn', 'validation.required');
  if (!v.siteName && !v.offerId) add('siteName', 'validation.required');
  if (!v.municipalityCode && !v.offerId) add('municipalityCode', 'validation.required');
  if (v.signatory === 'legal_representative' && !v.representativeName.trim())
    add('representativeName', 'validation.required');
  for (const p of conventionFormProblems(v.convention, 'agreement', hours(v.hoursPerWeek)))
    add(p.path, p.code, p.params);
  if (v.startsOn && v.endsOn) {
    const chosen = programmes.find((p) => p.id === v.programmeId);
    const problems = periodProblems(
      { start: v.startsOn, end: v.endsOn },
      {
        today,
        rule: chosen
          ? { minMonths: chosen.placementMinMonths, maxMonths: chosen.placementMaxMonths }
          : DEFAULT_DURATION,
        programme: chosen ? { start: chosen.startsOn, end: chosen.endsOn } : null,
      },
    );
    // Without the chosen programme's rule at hand, its duration is the server's to judge.
    const ruleKnown = !v.programmeId || chosen !== undefined;
    for (const p of problems)
      if (ruleKnown || !/too_(short|long)$/.test(p.code)) add(p.path, p.code, p.params);
  }
  return out;
}

/** The duration problem of two typed dates, if both are dates. */
export function periodProblem(start: string, end: string, rule?: { minMonths: number; maxMonths: number }) {
  try {
    return durationProblem({ start, end }, rule);
  } catch {
    return null;
  }
}
