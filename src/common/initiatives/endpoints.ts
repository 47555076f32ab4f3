/** Every endpoint of the initiatives module (read by the contract check, test/contracts). */
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  Created,
  EventIdParams,
  InitiativeDetail,
  InitiativeInput,
  InitiativeList,
  InitiativeTransition,
  ListQuery,
  ProposalDetail,
  ProposalInput,
  ProposalList,
  ProposalStatusInput,
  PublicInitiative,
  PublicInitiativeList,
  PublicQuery,
  PublishInput,
  ResultInput,
  ResultParams,
} from './schemas';

const tags = ['initiatives'] as const;

/** Signed in: the network's initiatives (`initiatives.view`); the lead's changes (`initiatives.manage`). */
export const initiativesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/initiatives',
    query: ListQuery,
    response: { 200: InitiativeList },
    tags,
    access: { anyOf: ['initiatives.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/initiatives',
    body: InitiativeInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/initiatives/:id',
    params: IdParams,
    response: { 200: InitiativeDetail },
    tags,
    access: { anyOf: ['initiatives.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/initiatives/:id',
    params: IdParams,
    body: InitiativeInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/initiatives/:id/transitions',
    params: IdParams,
    body: InitiativeTransition,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  publish: defineEndpoint({
    method: 'PUT',
    path: '/api/initiatives/:id/publication',
    params: IdParams,
    body: PublishInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  addResult: defineEndpoint({
    method: 'POST',
    path: '/api/initiatives/:id/results',
    params: IdParams,
    body: ResultInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  deleteResult: defineEndpoint({
    method: 'DELETE',
    path: '/api/initiatives/:id/results/:resultId',
    params: ResultParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
};

/** A forum event's proposals: read by the network, recorded by the event's organiser. */
export const proposalsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events/:eventId/proposals',
    params: EventIdParams,
    response: { 200: ProposalList },
    tags,
    access: { anyOf: ['initiatives.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/events/:eventId/proposals',
    params: EventIdParams,
    body: ProposalInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/initiative-proposals/:id',
    params: IdParams,
    response: { 200: ProposalDetail },
    tags,
    access: { anyOf: ['initiatives.view'], scope: 'network' },
  }),
  setStatus: defineEndpoint({
    method: 'PUT',
    path: '/api/initiative-proposals/:id/status',
    params: IdParams,
    body: ProposalStatusInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['initiatives.manage'], scope: 'organisation' },
  }),
};

/** Without an account: the published initiatives of the public directory. */
export const publicInitiativesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/public/initiatives',
    query: PublicQuery,
    response: { 200: PublicInitiativeList },
    tags,
    access: { public: "the public directory's published initiatives" },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/public/initiatives/:id',
    params: IdParams,
    query: PublicQuery,
    response: { 200: PublicInitiative },
    tags,
    access: { public: "the public directory's published initiatives" },
  }),
};
