import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { AttentionItem } from './attention';

/** What needs the user's attention, from every module's providers, most urgent first. */
export const dashboardApi = {
  attention: defineEndpoint({
    method: 'GET',
    path: '/api/dashboard',
    response: { 200: Type.Object({ items: Type.Array(AttentionItem) }) },
    tags: ['dashboard'],
    access: { signedIn: 'self' },
  }),
};
