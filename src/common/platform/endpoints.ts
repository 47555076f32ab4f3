import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';

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
  }),
};
