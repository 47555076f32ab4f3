import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import {
  PlacementCreateBody,
  PlacementPage,
  PlacementPatch,
  PlacementQuery,
  PlacementView,
  SignatureBody,
  SignatureLinkView,
  SignatureTokenBody,
  TransitionBody,
} from './agreement-schemas';
import { HostTutorList, HostTutorQuery, SignatureLookupBody } from './agreement-support-schemas';
import { CohortDraftBody, CohortDraftResult } from './cohort-draft-schemas';
import {
  AttendanceWeekBody,
  AttendanceWeekView,
  EvaluationBody,
  EvaluationParams,
  FollowUpView,
  IncidentBody,
  MobilityBody,
  OutcomeBody,
  OutcomeParams,
  StayBody,
  StayParams,
  WeekQuery,
} from './followup-schemas';
import { SignatureInvitees } from './invitation-schemas';
import {
  CohortRequest,
  CohortResult,
  OfferDetail,
  OfferInput,
  OfferPage,
  OfferPatch,
  OfferQuery,
  OfferRanking,
  RankingQuery,
} from './offer-schemas';
import { ExportQuery, OverviewPage, OverviewQuery } from './overview-schemas';

/**
 * Every endpoint of the placements module (Action 1): host offers and matching, agreements with their
 * signatures (the signer's link works without a session) and PDF, follow-up, and the programme's overview
 * with its exports. Files (PDF, CSV, XLSX) are sent by their handlers; `response` documents them.
 */
const tags = ['placements'] as const;
const file = (contentType: string) => ({ 200: Type.String({ format: 'binary', description: contentType }) });

export const placementsEndpoints = {
  // ------------------------------------------------------------------------------------------- offers
  /** The network's offer catalogue, open offers by default. */
  offers: defineEndpoint({
    method: 'GET',
    path: '/api/offers',
    query: OfferQuery,
    response: { 200: OfferPage },
    tags,
    access: { anyOf: ['offer.view'], scope: 'network' },
  }),
  offer: defineEndpoint({
    method: 'GET',
    path: '/api/offers/:id',
    params: IdParams,
    response: { 200: OfferDetail },
    tags,
    access: { anyOf: ['offer.view'], scope: 'network' },
  }),
  createOffer: defineEndpoint({
    method: 'POST',
    path: '/api/offers',
    body: OfferInput,
    response: { 201: OfferDetail },
    tags,
    access: { anyOf: ['offer.manage'], scope: 'organisation' },
  }),
  /** Changes an offer (closing and reopening included); refused when it changed since `expectedUpdatedAt`. */
  updateOffer: defineEndpoint({
    method: 'PATCH',
    path: '/api/offers/:id',
    params: IdParams,
    body: OfferPatch,
    response: { 200: OfferDetail },
    tags,
    access: { anyOf: ['offer.manage'], scope: 'organisation' },
  }),

  // ----------------------------------------------------------------------------------------- matching
  /** Every open offer ranked for one person of the caller's organisation (`:id` is the person). */
  offerRanking: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/offer-ranking',
    params: IdParams,
    query: RankingQuery,
    response: { 200: OfferRanking },
    tags,
    access: { anyOf: ['person.view'], scope: 'organisation' },
  }),
  /** Persons assigned to open offers so that the most get a feasible placement; nothing is written. */
  cohortSuggestion: defineEndpoint({
    method: 'POST',
    path: '/api/offers/cohort-suggestion',
    body: CohortRequest,
    response: { 200: CohortResult },
    tags,
    access: { anyOf: ['placement.programme_overview'], scope: 'programme' },
  }),

  // --------------------------------------------------------------------------------------- agreements
  placements: defineEndpoint({
    method: 'GET',
    path: '/api/placements',
    query: PlacementQuery,
    response: { 200: PlacementPage },
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),
  /** A new draft from an offer or naming the host; the host's view of the person rests on a consent. */
  createPlacement: defineEndpoint({
    method: 'POST',
    path: '/api/placements',
    body: PlacementCreateBody,
    response: { 201: PlacementView },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  /** Who may tutor at a host, for the agreement wizard. */
  hostTutors: defineEndpoint({
    method: 'GET',
    path: '/api/placements/tutors',
    query: HostTutorQuery,
    response: { 200: HostTutorList },
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),
  /** Draft agreements from an accepted cohort suggestion, each created or refused on its own. */
  draftsFromCohort: defineEndpoint({
    method: 'POST',
    path: '/api/placements/from-cohort',
    body: CohortDraftBody,
    response: { 200: CohortDraftResult },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  placement: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id',
    params: IdParams,
    response: { 200: PlacementView },
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),
  /** The home centre changes the terms; after signature, a change of substance asks new signatures. */
  updatePlacement: defineEndpoint({
    method: 'PATCH',
    path: '/api/placements/:id',
    params: IdParams,
    body: PlacementPatch,
    response: { 200: PlacementView },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/transitions',
    params: IdParams,
    body: TransitionBody,
    response: { 200: PlacementView },
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),
  /** Whom sending for signature invites, with the addresses the home centre knows (home side). */
  signatureInvitees: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/signature-invitees',
    params: IdParams,
    response: { 200: SignatureInvitees },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  /** Asks a party to sign the current version, in person or by a mailed single-use link. */
  requestSignature: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/signatures',
    params: IdParams,
    body: SignatureBody,
    response: { 201: PlacementView },
    tags,
    access: { anyOf: ['placement.manage', 'placement.host_validate'], scope: 'organisation' },
  }),
  /** What the holder of a signature link signs (no session). */
  signatureLookup: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/lookup',
    body: SignatureLookupBody,
    response: { 200: SignatureLinkView },
    tags,
    access: { public: 'signature by link: the single-use token from the mail is the credential' },
  }),
  /**
   * The agreement the link opens, as the signer's party's PDF (no session; by POST like the look-up, so
   * that the token never travels in a URL). Only while the link is pending: the signed copy is mailed.
   */
  signaturePdf: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/agreement.pdf',
    body: SignatureLookupBody,
    response: file('application/pdf'),
    file: true,
    tags,
    access: { public: 'signature by link: the single-use token from the mail is the credential' },
  }),
  /** Signs through the link, once (no session). */
  sign: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/sign',
    body: SignatureTokenBody,
    response: { 204: Type.Null() },
    tags,
    access: { public: 'signature by link: the single-use token from the mail is the credential' },
  }),

  // ---------------------------------------------------------------------------------------------- pdf
  /** The agreement as a bilingual PDF, for both parties. */
  agreementPdf: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/agreement.pdf',
    params: IdParams,
    response: file('application/pdf'),
    file: true,
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),

  // ----------------------------------------------------------------------------------------- followup
  followUp: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/follow-up',
    params: IdParams,
    response: { 200: FollowUpView },
    tags,
    access: { anyOf: ['placement.view'], scope: 'organisation' },
  }),
  /** One week's attendance sheet (the current week without `week`). */
  attendanceWeek: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/attendance',
    params: IdParams,
    query: WeekQuery,
    response: { 200: AttendanceWeekView },
    tags,
    access: { anyOf: ['placement.attendance'], scope: 'organisation' },
  }),
  /** Replaces the days recorded for one week by the ones given. */
  saveAttendanceWeek: defineEndpoint({
    method: 'PUT',
    path: '/api/placements/:id/attendance',
    params: IdParams,
    query: WeekQuery,
    body: AttendanceWeekBody,
    response: { 200: AttendanceWeekView },
    tags,
    access: { anyOf: ['placement.attendance'], scope: 'organisation' },
  }),
  saveEvaluation: defineEndpoint({
    method: 'PUT',
    path: '/api/placements/:id/evaluations/:kind',
    params: EvaluationParams,
    body: EvaluationBody,
    response: { 200: FollowUpView },
    tags,
    access: { anyOf: ['placement.attendance', 'placement.manage'], scope: 'organisation' },
  }),
  reportIncident: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/incidents',
    params: IdParams,
    body: IncidentBody,
    response: { 201: FollowUpView },
    tags,
    access: { anyOf: ['placement.attendance'], scope: 'organisation' },
  }),
  logMobility: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/mobility',
    params: IdParams,
    body: MobilityBody,
    response: { 201: FollowUpView },
    tags,
    access: { anyOf: ['placement.attendance'], scope: 'organisation' },
  }),
  recordStay: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/stays-abroad',
    params: IdParams,
    body: StayBody,
    response: { 201: FollowUpView },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  removeStay: defineEndpoint({
    method: 'DELETE',
    path: '/api/placements/:id/stays-abroad/:stayId',
    params: StayParams,
    response: { 200: FollowUpView },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),
  saveOutcome: defineEndpoint({
    method: 'PUT',
    path: '/api/placements/:id/outcomes/:kind',
    params: OutcomeParams,
    body: OutcomeBody,
    response: { 200: FollowUpView },
    tags,
    access: { anyOf: ['placement.manage'], scope: 'organisation' },
  }),

  // ----------------------------------------------------------------------------------------- overview
  /** A programme's placements, pseudonymous, for its lead organisation (`:id` is the programme). */
  overview: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/placements',
    params: IdParams,
    query: OverviewQuery,
    response: { 200: OverviewPage },
    tags,
    access: { anyOf: ['placement.programme_overview'], scope: 'programme' },
  }),
  overviewCsv: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/placements.csv',
    params: IdParams,
    query: ExportQuery,
    response: file('text/csv'),
    file: true,
    tags,
    access: { anyOf: ['placement.export'], scope: 'programme' },
  }),
  overviewXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/placements.xlsx',
    params: IdParams,
    query: ExportQuery,
    response: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    file: true,
    tags,
    access: { anyOf: ['placement.export'], scope: 'programme' },
  }),
};
