import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok, Uuid } from '../kernel/schemas';
import {
  Colleagues,
  ConsentInput,
  LogbookInput,
  PartnerYearQuery,
  PartnerYearView,
  PreviewInput,
  PreviewView,
  ReportInput,
  RequestInput,
  RequestList,
  RequestListQuery,
  RequestView,
  TransitionInput,
  YearlyRuleInput,
} from './request-schemas';

/** Immersion requests: the lists, the form's preview, a request, its moves, agreement, logbook and report. */
const tags = ['immersions'] as const;
const Created = { 201: Type.Object({ id: Type.String() }) };
const base = '/api/immersions/requests';

export const requestEndpoints = {
  listRequests: defineEndpoint({
    method: 'GET',
    path: base,
    query: RequestListQuery,
    response: { 200: RequestList },
    tags,
  }),
  previewRequest: defineEndpoint({
    method: 'POST',
    path: `${base}/preview`,
    body: PreviewInput,
    response: { 200: PreviewView },
    tags,
  }),
  createRequest: defineEndpoint({ method: 'POST', path: base, body: RequestInput, response: Created, tags }),
  colleagues: defineEndpoint({
    method: 'GET',
    path: '/api/immersions/colleagues',
    response: { 200: Colleagues },
    tags,
  }),
  request: defineEndpoint({
    method: 'GET',
    path: `${base}/:id`,
    params: IdParams,
    response: { 200: RequestView },
    tags,
  }),
  updateRequest: defineEndpoint({
    method: 'PUT',
    path: `${base}/:id`,
    params: IdParams,
    body: RequestInput,
    response: { 200: Ok },
    tags,
  }),
  transitionRequest: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/transition`,
    params: IdParams,
    body: TransitionInput,
    response: { 200: Ok },
    tags,
  }),
  addObserverConsent: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/observer-consents`,
    params: IdParams,
    body: ConsentInput,
    response: Created,
    tags,
  }),
  addLogbookEntry: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/logbook`,
    params: IdParams,
    body: LogbookInput,
    response: Created,
    tags,
  }),
  updateLogbookEntry: defineEndpoint({
    method: 'PUT',
    path: `${base}/:id/logbook/:entryId`,
    params: Type.Object({ id: Uuid, entryId: Uuid }),
    body: LogbookInput,
    response: { 200: Ok },
    tags,
  }),
  saveReport: defineEndpoint({
    method: 'PUT',
    path: `${base}/:id/report`,
    params: IdParams,
    body: ReportInput,
    response: { 200: Ok },
    tags,
  }),
  /** A draft good-practice sheet of the visitor's organisation, drawn from the submitted report. */
  drawPractice: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/practice`,
    params: IdParams,
    response: Created,
    tags,
  }),
  partnerYear: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/immersions/partners',
    params: IdParams,
    query: PartnerYearQuery,
    response: { 200: PartnerYearView },
    tags,
  }),
  saveYearlyRule: defineEndpoint({
    method: 'PUT',
    path: '/api/programmes/:id/immersions/rule',
    params: IdParams,
    body: YearlyRuleInput,
    response: { 200: Ok },
    tags,
  }),
};
