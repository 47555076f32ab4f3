import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import { FeedbackInput, FeedbackReceived, FeedbackSummary } from './feedback-schemas';

const tags = ['forums'] as const;

/** Signed in: an event's feedback summary and its CSV, for the organiser and the partner organisations. */
export const forumFeedbackApi = {
  summary: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/feedback',
    params: IdParams,
    response: { 200: FeedbackSummary },
    tags,
    access: { anyOf: ['forum.view'], scope: 'organisation' },
  }),
  csv: defineEndpoint({
    method: 'GET',
    path: '/api/events/:id/feedback.csv',
    params: IdParams,
    response: { 200: Type.String({ format: 'binary', description: 'text/csv' }) },
    file: true,
    tags,
    access: { anyOf: ['forum.view'], scope: 'organisation' },
  }),
};

/** Without an account: the answer to the feedback form, with the mailed single-use token. */
export const publicForumFeedbackApi = {
  answer: defineEndpoint({
    method: 'POST',
    path: '/api/public/events/:id/feedback',
    params: IdParams,
    body: FeedbackInput,
    response: { 202: FeedbackReceived },
    tags,
    access: { public: 'a participant answers by the link mailed after the event (token)' },
  }),
};
