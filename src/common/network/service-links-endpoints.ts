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
    access: { signedIn: 'member' },
  }),
  ofService: defineEndpoint({
    method: 'GET',
    path: '/api/services/:id/links',
    params: ServiceParams,
    response: { 200: ServiceLinks },
    tags,
    access: { signedIn: 'member' },
  }),
  propose: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links',
    params: ServiceParams,
    body: LinkProposal,
    response: { 201: LinkView },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  accept: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links/:linkId/accept',
    params: LinkParams,
    body: LinkAcceptance,
    response: { 200: LinkView },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  end: defineEndpoint({
    method: 'POST',
    path: '/api/services/:id/links/:linkId/end',
    params: LinkParams,
    body: LinkEnding,
    response: { 200: LinkView },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  uses: defineEndpoint({
    method: 'GET',
    path: '/api/services/:id/cross-border-use',
    params: ServiceParams,
    response: { 200: UseList },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
  recordUse: defineEndpoint({
    method: 'PUT',
    path: '/api/services/:id/cross-border-use',
    params: ServiceParams,
    body: UseInput,
    response: { 200: UseRow },
    tags,
    access: { anyOf: ['service.manage'], scope: 'organisation' },
  }),
};
