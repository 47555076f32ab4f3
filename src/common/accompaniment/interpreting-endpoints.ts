import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  BookingActionInput,
  BookingDetail,
  BookingInput,
  BookingList,
  BookingListQuery,
  Created,
  ExternalAccessInput,
  ExternalBooking,
  FeedbackInput,
  Prefill,
  PrefillQuery,
  ProviderList,
} from './interpreting-schemas';

const tags = ['accompaniment'] as const;

/** Interpreter bookings: the booking organisation's (`interpreting.book`) and the provider's (`interpreting.provide`). */
export const interpretingApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/interpreting/bookings',
    query: BookingListQuery,
    response: { 200: BookingList },
    tags,
    access: { anyOf: ['accompaniment.view'], scope: 'organisation' },
  }),
  providers: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/interpreting/providers',
    response: { 200: ProviderList },
    tags,
    access: { anyOf: ['interpreting.book'], scope: 'network' },
  }),
  prefill: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/interpreting/prefill',
    query: PrefillQuery,
    response: { 200: Prefill },
    tags,
    access: { anyOf: ['interpreting.book'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/interpreting/bookings',
    body: BookingInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['interpreting.book'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/interpreting/bookings/:id',
    params: IdParams,
    response: { 200: BookingDetail },
    tags,
    access: { anyOf: ['accompaniment.view'], scope: 'organisation' },
  }),
  act: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/interpreting/bookings/:id/actions',
    params: IdParams,
    body: BookingActionInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['interpreting.book', 'interpreting.provide'], scope: 'organisation' },
  }),
  feedback: defineEndpoint({
    method: 'PUT',
    path: '/api/accompaniment/interpreting/bookings/:id/feedback',
    params: IdParams,
    body: FeedbackInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['interpreting.book'], scope: 'organisation' },
  }),
};

/** The external interpreter's time-boxed view of one booking (token from the mailed link's fragment). */
export const publicInterpretingApi = {
  booking: defineEndpoint({
    method: 'POST',
    path: '/api/public/interpreting/bookings/:id',
    params: IdParams,
    body: ExternalAccessInput,
    response: { 200: ExternalBooking },
    tags,
    access: { public: 'an external interpreter answers a booking through its token link' },
  }),
};
