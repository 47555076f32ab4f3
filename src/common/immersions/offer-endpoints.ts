import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import {
  OfferDetail,
  OfferInput,
  OfferPage,
  OfferSearchQuery,
  OfferTransitionInput,
  OwnOffersQuery,
} from './offer-schemas';

const tags = ['immersions'] as const;

/**
 * Immersion offers: the network's catalogue of published offers (`immersion.view`), and a host's own
 * offers, drafts included, written by its `immersion.manage` holders.
 */
export const offerEndpoints = {
  search: defineEndpoint({
    method: 'GET',
    path: '/api/immersion-offers',
    query: OfferSearchQuery,
    response: { 200: OfferPage },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'network' },
  }),
  /** The caller's organisation's offers, whatever their status. */
  mine: defineEndpoint({
    method: 'GET',
    path: '/api/immersion-offers/mine',
    query: OwnOffersQuery,
    response: { 200: OfferPage },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/immersion-offers/:id',
    params: IdParams,
    response: { 200: OfferDetail },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/immersion-offers',
    body: OfferInput,
    response: { 201: OfferDetail },
    tags,
    access: { anyOf: ['immersion.manage'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/immersion-offers/:id',
    params: IdParams,
    body: OfferInput,
    response: { 200: OfferDetail },
    tags,
    access: { anyOf: ['immersion.manage'], scope: 'organisation' },
  }),
  /** publish, unpublish, archive, reopen (see offer-workflow.ts). */
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/immersion-offers/:id/transitions',
    params: IdParams,
    body: OfferTransitionInput,
    response: { 200: OfferDetail },
    tags,
    access: { anyOf: ['immersion.manage'], scope: 'organisation' },
  }),
};
