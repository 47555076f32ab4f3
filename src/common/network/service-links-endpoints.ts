import { defineEndpoint } from '../kernel/endpoint';
import {
  LinkAcceptance,
  LinkEnding,
  LinkParams,
  LinkProposal,
  LinkView,
  NetworkLinks,
  ServiceLinks,
  ServiceParams,
  UseInput,
  UseList,
  UseRow,
} from './service-links-schemas';

/**
 * The cross-border services network (signed-in members only: the links name organisations' services, the
 * use counts are the providing organisation's). Writes are checked again by the database (migration 0046).
 */
const tags = ['network'] as const;

export const serviceLinkEndpoints = {
  network: defineEndpoint({
    method: 'GET',
    path: '/api/service-links',
    response: { 200: NetworkLinks },
    tags,
  }),
  ofService: defineEndpoint({
    method: 'GET',
    path: '/api/services/:id/links',
    params: ServiceParams,
    response: { 200: ServiceLinks },
    tags,
  }),
  propose: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links',
    params: ServiceParams,
    body: LinkProposal,
    response: { 201: LinkView },
    tags,
  }),
  accept: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links/:linkId/accept',
    params: LinkParams,
    body: LinkAcceptance,
    response: { 200: LinkView },
    tags,
  }),
  end: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links/:linkId/end',
    params: LinkParams,
    body: LinkEnding,
    response: { 200: LinkView },
    tags,
  }),
  uses: defineEndpoint({
    method: 'GET',
    path: '/api/services/:id/cross-border-use',
    params: ServiceParams,
    response: { 200: UseList },
    tags,
  }),
  recordUse: defineEndpoint({
    method: 'PUT',
    path: '/api/services/:id/cross-border-use',
    params: ServiceParams,
    body: UseInput,
    response: { 200: UseRow },
    tags,
  }),
};
