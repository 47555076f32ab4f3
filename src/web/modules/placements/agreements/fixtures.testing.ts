import type { PlacementView } from '../../../../common/placements/agreement-schemas';

/** Test-only: the ids and the agreement the agreement pages' tests share (fictitious people and places). */

export const PERSON = '0b6f3c1e-8a2d-4f5b-9c7e-1d2e3f4a5b6c';
export const HOST = '6f1c2b0e-3d5a-4c7e-9b1a-2e4f6a8c0d12';
export const OFFER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const TUTOR = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const PROGRAMME = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const PLACEMENT = '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f';

export const placement = (over: Partial<PlacementView> = {}): PlacementView => ({
  id: PLACEMENT,
  side: 'home',
  status: 'draft',
  version: 1,
  personId: PERSON,
  personName: 'Lucie Fictivelle',
  participantCode: 'AAAA-BBBB-CCCC-DDDD',
  homeOrg: { id: 'o1', nameFr: 'CPAS de Mouscron', nameNl: 'OCMW Moeskroen' },
  hostOrg: { id: HOST, nameFr: 'Atelier du Pile', nameNl: 'Atelier du Pile' },
  offerId: OFFER,
  programmeId: PROGRAMME,
  programmeName: 'SAM Eurométropole',
  pathwayId: null,
  siteName: 'Atelier vélo',
  municipalityCode: 'FR-59512',
  municipalityName: 'Roubaix',
  tasks: 'Réparation de vélos',
  schedule: 'Lundi–jeudi 9h–16h',
  hoursPerWeek: 26,
  // Issue 9, item 9: an agreement made before the structured terms has none of them.
  timetable: null,
  aim: null,
  jobCodeKind: null,
  jobCode: null,
  protectiveEquipment: null,
  emergencyContact: null,
  startsOn: '2027-01-04',
  endsOn: '2027-05-31',
  referentUserId: 'u',
  referentName: 'Rita Référente',
  tutorUserId: TUTOR,
  tutorName: 'Tess Tuteur',
  signatory: 'person',
  representativeName: null,
  language: 'fr',
  accidentInsuranceRef: null,
  liabilityInsuranceRef: null,
  sharedFields: ['identity'],
  statusReason: null,
  nextStep: [],
  history: [],
  durationRule: { minMonths: 2, maxMonths: 6 },
  signatures: [],
  actions: [],
  editable: true,
  validatedAt: null,
  activatedAt: null,
  endedOn: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...over,
});
