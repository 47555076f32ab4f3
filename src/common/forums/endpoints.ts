/** Every endpoint of the forums module (read by the contract check, test/contracts). */
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  CancelDone,
  CancelInput,
  EventCreated,
  EventDetail,
  EventInput,
  EventList,
  EventTransition,
  PublicEventQuery,
  PublicEventView,
  RegistrationInput,
  RegistrationReceived,
} from './schemas';

const tags = ['forums'] as const;

export { attendanceApi } from './attendance-endpoints';

/** Signed-in: the network's events (`forum.view`); an organiser's own (`forum.manage`). */
export const forumsApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/events',
    response: { 200: EventList },
    tags,
    access: { anyOf: ['forum.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/events',
    body: EventInput,
    response: { 201: EventCreated },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id',
    params: IdParams,
    response: { 200: EventDetail },
    tags,
    access: { anyOf: ['forum.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/events/:id',
    params: IdParams,
    body: EventInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/events/:id/transitions',
    params: IdParams,
    body: EventTransition,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['forum.manage'], scope: 'organisation' },
  }),
};

/** Without an account: a published event, registering to it, and the cancellation link. */
export const publicForumsApi = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/public/events/:id',
    params: IdParams,
    query: PublicEventQuery,
    response: { 200: PublicEventView },
    tags,
    access: { public: "a published event's page, shared with people without an account" },
  }),
  register: defineEndpoint({
    method: 'POST',
    path: '/api/public/events/:id/registrations',
    params: IdParams,
    body: RegistrationInput,
    response: { 202: RegistrationReceived },
    tags,
    access: { public: 'public registration to a published event' },
  }),
  cancel: defineEndpoint({
    method: 'POST',
    path: '/api/public/events/:id/cancellation',
    params: IdParams,
    body: CancelInput,
    response: { 200: CancelDone },
    tags,
    access: { public: 'cancellation by the link mailed to the registrant (token)' },
  }),
};

export { forumFeedbackApi, publicForumFeedbackApi } from './feedback-endpoints';
