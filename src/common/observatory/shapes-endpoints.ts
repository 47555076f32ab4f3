import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { MapShapes } from './map-schemas';

/**
 * A map's boundaries, apart from its values: public reference data under a key that changes when a
 * boundary does (a map view names it as `shapesKey`), so the answer is cached for good. No login needed.
 */
export const shapesEndpoints = {
  shapes: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/shapes/:key',
    params: Type.Object({ key: Type.String({ pattern: '^[a-f0-9]{32}$' }) }, { additionalProperties: false }),
    response: { 200: MapShapes },
    tags: ['observatory'] as const,
    access: {
      public: 'territory boundaries (public geography) under a digest key, for maps and published boards',
    },
  }),
};
