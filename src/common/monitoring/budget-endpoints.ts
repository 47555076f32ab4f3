import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import { BudgetQuery, BudgetVersionInput, BudgetView } from './budget-schemas';

/** A programme's budget: a version with its computed totals and every version's summary; a new version. */
const tags = ['monitoring'] as const;

export const budgetEndpoints = {
  budget: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/budget',
    params: IdParams,
    query: BudgetQuery,
    response: { 200: BudgetView },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  /** A new version, complete (the form copies the current one): an older version is never changed. */
  createVersion: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/budget/versions',
    params: IdParams,
    body: BudgetVersionInput,
    response: { 201: Type.Object({ id: Type.String(), number: Type.Integer() }) },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
};
