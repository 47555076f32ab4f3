import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';
import {
  IndicatorBoard,
  IndicatorInput,
  IndicatorView,
  ManualValueInput,
  RecordsQuery,
  RecordsView,
  RuleList,
} from './schemas';

/**
 * Every endpoint of the monitoring module: a programme's indicators with their live achievements, the
 * counting rules the modules offer, the lead's definitions and manual values, the drill-down.
 */
const tags = ['monitoring'] as const;

export const monitoringEndpoints = {
  /** Every indicator of a programme, counted now: figures by partner, suppressed for aggregate readers. */
  board: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/indicators',
    params: IdParams,
    response: { 200: IndicatorBoard },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  /** One indicator with every breakdown it declares (by sex and age band: not on the board, too dear). */
  indicator: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/:id',
    params: IdParams,
    response: { 200: IndicatorView },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  rules: defineEndpoint({
    method: 'GET',
    path: '/api/indicator-rules',
    response: { 200: RuleList },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/indicators',
    params: IdParams,
    body: IndicatorInput,
    response: { 201: IndicatorView },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/indicators/:id',
    params: IdParams,
    body: IndicatorInput,
    response: { 200: IndicatorView },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  /** A dated value with its evidence, for a manual indicator only. */
  addValue: defineEndpoint({
    method: 'POST',
    path: '/api/indicators/:id/values',
    params: IdParams,
    body: ManualValueInput,
    response: { 201: Type.Object({ id: Type.String() }) },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  /** The pseudonymous records behind a figure (audited). */
  records: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/:id/records',
    params: IdParams,
    query: RecordsQuery,
    response: { 200: RecordsView },
    tags,
    access: { anyOf: ['indicators.records'], scope: 'programme' },
  }),
};

// The budgets' endpoints live beside their schemas; re-exported so the contract check reads them here.
export { budgetEndpoints } from './budget-endpoints';
export { expenditureEndpoints } from './expenditure-endpoints';
export { expenditureProofEndpoints } from './expenditure-proof-endpoints';
export { reportEndpoints } from './report-endpoints';
