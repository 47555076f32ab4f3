import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  ClinicalNoteInput,
  ClinicalNoteList,
  Created,
  DecisionInput,
  InterventionInput,
  MemberInput,
  MemberParams,
  RequestDetail,
  RequestInput,
  RequestList,
  RequestPreview,
  RequestPreviewQuery,
  RequestQuery,
  TeamDetail,
  TeamInput,
  TeamList,
} from './teams-schemas';

const tags = ['accompaniment'] as const;

/** Mobile teams: the network sees them (accompaniment.view); the team's organisation manages them. */
export const teamsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/teams',
    response: { 200: TeamList },
    tags,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/teams',
    body: TeamInput,
    response: { 201: Created },
    tags,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/teams/:id',
    params: IdParams,
    response: { 200: TeamDetail },
    tags,
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/accompaniment/teams/:id',
    params: IdParams,
    body: TeamInput,
    response: { 200: Ok },
    tags,
  }),
  addMember: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/teams/:id/members',
    params: IdParams,
    body: MemberInput,
    response: { 201: Created },
    tags,
  }),
  removeMember: defineEndpoint({
    method: 'DELETE',
    path: '/api/accompaniment/teams/:id/members/:memberId',
    params: MemberParams,
    response: { 200: Ok },
    tags,
  }),
};

/** Requests to a team (a household shared through the sharing door), decisions, interventions, notes. */
export const teamRequestsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/requests',
    query: RequestQuery,
    response: { 200: RequestList },
    tags,
  }),
  preview: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/requests/preview',
    query: RequestPreviewQuery,
    response: { 200: RequestPreview },
    tags,
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/requests',
    body: RequestInput,
    response: { 201: Created },
    tags,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/requests/:id',
    params: IdParams,
    response: { 200: RequestDetail },
    tags,
  }),
  decide: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/requests/:id/decision',
    params: IdParams,
    body: DecisionInput,
    response: { 200: Ok },
    tags,
  }),
  addIntervention: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/requests/:id/interventions',
    params: IdParams,
    body: InterventionInput,
    response: { 201: Created },
    tags,
  }),
  updateIntervention: defineEndpoint({
    method: 'PUT',
    path: '/api/accompaniment/interventions/:id',
    params: IdParams,
    body: InterventionInput,
    response: { 200: Ok },
    tags,
  }),
  notes: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/requests/:id/clinical-notes',
    params: IdParams,
    response: { 200: ClinicalNoteList },
    tags,
  }),
  addNote: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/requests/:id/clinical-notes',
    params: IdParams,
    body: ClinicalNoteInput,
    response: { 201: Created },
    tags,
  }),
};
