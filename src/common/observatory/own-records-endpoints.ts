import Type, { type Static } from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';

/** samen's own figures in the observatory (issue 12): when they were last computed, and recomputing them. */
const tags = ['observatory'] as const;

export const OwnRecordsStatus = Type.Object({
  /** When the figures were last computed (ISO instant), null before the first time. */
  computedAt: Type.Union([Type.String(), Type.Null()]),
  vintage: Type.Union([Type.String(), Type.Null()]),
  values: Type.Integer({ minimum: 0 }),
  canRecompute: Type.Boolean(),
});
export type OwnRecordsStatus = Static<typeof OwnRecordsStatus>;

export const OwnRecordsResult = Type.Object({
  vintage: Type.String(),
  values: Type.Integer({ minimum: 0 }),
  secret: Type.Integer({ minimum: 0 }),
  replaced: Type.Integer({ minimum: 0 }),
});
export type OwnRecordsResult = Static<typeof OwnRecordsResult>;

export const ownRecordsEndpoints = {
  status: defineEndpoint({
    method: 'GET',
    path: '/api/observatory/own-records',
    response: { 200: OwnRecordsStatus },
    tags,
    access: { anyOf: ['observatory.view'], scope: 'network' },
  }),
  recompute: defineEndpoint({
    method: 'POST',
    path: '/api/observatory/own-records/recompute',
    response: { 200: OwnRecordsResult },
    tags,
    access: { anyOf: ['observatory.import'], scope: 'network' },
  }),
};
