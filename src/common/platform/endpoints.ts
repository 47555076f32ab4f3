import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';

/** The platform's own endpoints, outside any module. */

/** For load balancers and operators: the process answers, on which engine, at which schema version. */
export const Health = Type.Object({
  status: Type.String(),
  engine: Type.String(),
  schemaVersion: Type.String(),
  version: Type.String(),
});

export const platformApi = {
  health: defineEndpoint({
    method: 'GET',
    path: '/api/health',
    response: { 200: Health },
    tags: ['platform'],
    access: { public: 'health check of probes and load balancers' },
  }),
};

/**
 * A stored export (issue 16, ADR 0033): the file an export made, downloaded by the user who made it, in the
 * organisation it was made in, for 24 hours; every download audited.
 */
export const exportsApi = {
  download: defineEndpoint({
    method: 'GET',
    path: '/api/exports/:id',
    params: IdParams,
    response: { 200: Type.String({ format: 'binary', description: 'the exported file' }) },
    file: true,
    tags: ['platform'],
    access: { signedIn: 'self' },
  }),
};
