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
  }),
  offer: defineEndpoint({
    method: 'GET',
    path: '/api/offers/:id',
    params: IdParams,
    response: { 200: OfferDetail },
    tags,
  }),
  createOffer: defineEndpoint({
    method: 'POST',
    path: '/api/offers',
    body: OfferInput,
    response: { 201: OfferDetail },
    tags,
  }),
  /** Changes an offer (closing and reopening included); refused when it changed since `expectedUpdatedAt`. */
  updateOffer: defineEndpoint({
    method: 'PATCH',
    path: '/api/offers/:id',
    params: IdParams,
    body: OfferPatch,
    response: { 200: OfferDetail },
    tags,
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
  }),
  /** Persons assigned to open offers so that the most get a feasible placement; nothing is written. */
  cohortSuggestion: defineEndpoint({
    method: 'POST',
    path: '/api/offers/cohort-suggestion',
    body: CohortRequest,
    response: { 200: CohortResult },
    tags,
  }),

  // --------------------------------------------------------------------------------------- agreements
  placements: defineEndpoint({
    method: 'GET',
    path: '/api/placements',
    query: PlacementQuery,
    response: { 200: PlacementPage },
    tags,
  }),
  /** A new draft from an offer or naming the host; the host's view of the person rests on a consent. */
  createPlacement: defineEndpoint({
    method: 'POST',
    path: '/api/placements',
    body: PlacementCreateBody,
    response: { 201: PlacementView },
    tags,
  }),
  /** Who may tutor at a host, for the agreement wizard. */
  hostTutors: defineEndpoint({
    method: 'GET',
    path: '/api/placements/tutors',
    query: HostTutorQuery,
    response: { 200: HostTutorList },
    tags,
  }),
  /** Draft agreements from an accepted cohort suggestion, each created or refused on its own. */
  draftsFromCohort: defineEndpoint({
    method: 'POST',
    path: '/api/placements/from-cohort',
    body: CohortDraftBody,
    response: { 200: CohortDraftResult },
    tags,
  }),
  placement: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id',
    params: IdParams,
    response: { 200: PlacementView },
    tags,
  }),
  /** The home centre changes the terms; after signature, a change of substance asks new signatures. */
  updatePlacement: defineEndpoint({
    method: 'PATCH',
    path: '/api/placements/:id',
    params: IdParams,
    body: PlacementPatch,
    response: { 200: PlacementView },
    tags,
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/transitions',
    params: IdParams,
    body: TransitionBody,
    response: { 200: PlacementView },
    tags,
  }),
  /** Whom sending for signature invites, with the addresses the home centre knows (home side). */
  signatureInvitees: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/signature-invitees',
    params: IdParams,
    response: { 200: SignatureInvitees },
    tags,
  }),
  /** Asks a party to sign the current version, in person or by a mailed single-use link. */
  requestSignature: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/signatures',
    params: IdParams,
    body: SignatureBody,
    response: { 201: PlacementView },
    tags,
  }),
  /** What the holder of a signature link signs (no session). */
  signatureLookup: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/lookup',
    body: SignatureLookupBody,
    response: { 200: SignatureLinkView },
    tags,
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
  }),
  /** Signs through the link, once (no session). */
  sign: defineEndpoint({
    method: 'POST',
    path: '/api/signatures/sign',
    body: SignatureTokenBody,
    response: { 204: Type.Null() },
    tags,
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
  }),

  // ----------------------------------------------------------------------------------------- followup
  followUp: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/follow-up',
    params: IdParams,
    response: { 200: FollowUpView },
    tags,
  }),
  /** One week's attendance sheet (the current week without `week`). */
  attendanceWeek: defineEndpoint({
    method: 'GET',
    path: '/api/placements/:id/attendance',
    params: IdParams,
    query: WeekQuery,
    response: { 200: AttendanceWeekView },
    tags,
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
  }),
  saveEvaluation: defineEndpoint({
    method: 'PUT',
    path: '/api/placements/:id/evaluations/:kind',
    params: EvaluationParams,
    body: EvaluationBody,
    response: { 200: FollowUpView },
    tags,
  }),
  reportIncident: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/incidents',
    params: IdParams,
    body: IncidentBody,
    response: { 201: FollowUpView },
    tags,
  }),
  logMobility: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/mobility',
    params: IdParams,
    body: MobilityBody,
    response: { 201: FollowUpView },
    tags,
  }),
  recordStay: defineEndpoint({
    method: 'POST',
    path: '/api/placements/:id/stays-abroad',
    params: IdParams,
    body: StayBody,
    response: { 201: FollowUpView },
    tags,
  }),
  removeStay: defineEndpoint({
    method: 'DELETE',
    path: '/api/placements/:id/stays-abroad/:stayId',
    params: StayParams,
    response: { 200: FollowUpView },
    tags,
  }),
  saveOutcome: defineEndpoint({
    method: 'PUT',
    path: '/api/placements/:id/outcomes/:kind',
    params: OutcomeParams,
    body: OutcomeBody,
    response: { 200: FollowUpView },
    tags,
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
  }),
  overviewCsv: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/placements.csv',
    params: IdParams,
    query: ExportQuery,
    response: file('text/csv'),
    file: true,
    tags,
  }),
  overviewXlsx: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/placements.xlsx',
    params: IdParams,
    query: ExportQuery,
    response: file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    file: true,
    tags,
  }),
};
