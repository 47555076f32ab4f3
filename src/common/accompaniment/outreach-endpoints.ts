import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import { Created } from './interpreting-schemas';
import { Contact, ContactInput, ContactList, ContactListQuery, LinkInput } from './outreach-schemas';

const tags = ['accompaniment'] as const;

/** Outreach contacts of the organisation (`outreach.record`), linked later to a consenting person. */
export const outreachApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/outreach/contacts',
    query: ContactListQuery,
    response: { 200: ContactList },
    tags,
    access: { anyOf: ['outreach.record'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/outreach/contacts',
    body: ContactInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['outreach.record'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/outreach/contacts/:id',
    params: IdParams,
    response: { 200: Contact },
    tags,
    access: { anyOf: ['outreach.record'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/accompaniment/outreach/contacts/:id',
    params: IdParams,
    body: ContactInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['outreach.record'], scope: 'organisation' },
  }),
  link: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/outreach/contacts/:id/link',
    params: IdParams,
    body: LinkInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['outreach.record'], scope: 'organisation' },
  }),
};
