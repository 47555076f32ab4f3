import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { Ok } from '../kernel/schemas';
import { CalendarQuery, CalendarView, FeedCreated, FeedQuery, FeedState } from './calendar-schemas';

/** Immersion calendars: the three views, the reader's feed (create or renew, revoke) and the feed itself. */
const tags = ['immersions'] as const;
const base = '/api/immersions/calendar';

export const calendarEndpoints = {
  calendar: defineEndpoint({
    method: 'GET',
    path: base,
    query: CalendarQuery,
    response: { 200: CalendarView },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'organisation' },
  }),
  feedState: defineEndpoint({
    method: 'GET',
    path: `${base}/feed`,
    response: { 200: FeedState },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'own' },
  }),
  /** Creates the reader's feed, or renews it: the previous address stops working. */
  createFeed: defineEndpoint({
    method: 'POST',
    path: `${base}/feed`,
    response: { 201: FeedCreated },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'own' },
  }),
  revokeFeed: defineEndpoint({
    method: 'DELETE',
    path: `${base}/feed`,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'own' },
  }),
  /** Without a session (calendar applications): the token names the user; an unknown or revoked one is a 404. */
  feed: defineEndpoint({
    method: 'GET',
    path: `${base}/feed.ics`,
    query: FeedQuery,
    response: { 200: Type.String({ format: 'binary', description: 'text/calendar' }) },
    file: true,
    tags,
    access: { public: "a calendar application polls the reader's feed by its secret token" },
  }),
};
