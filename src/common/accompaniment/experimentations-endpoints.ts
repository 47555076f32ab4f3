import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  ActionInput,
  Created,
  DeliverableInput,
  DeliverableList,
  DeliverableQuery,
  EvaluationInput,
  ExperimentationDetail,
  ExperimentationInput,
  ExperimentationList,
  ExperimentationOptions,
  ExperimentationQuery,
  TransferEvaluationInput,
  TransferInput,
  TransferUpdate,
} from './experimentations-schemas';

const tags = ['accompaniment'] as const;
const base = '/api/accompaniment/experimentations';
const transfers = '/api/accompaniment/experimentation-transfers';

/**
 * The experimentations of AB Réfugiés' module 3 (`experimentation.view` to read, `experimentation.manage`
 * for the lead's and the taking-up organisation's changes), their transfers, and the deliverables per module.
 */
export const experimentationsApi = {
  options: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/experimentation-options',
    response: { 200: ExperimentationOptions },
    tags,
    access: { anyOf: ['experimentation.view'], scope: 'network' },
  }),
  list: defineEndpoint({
    method: 'GET',
    path: base,
    query: ExperimentationQuery,
    response: { 200: ExperimentationList },
    tags,
    access: { anyOf: ['experimentation.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: base,
    body: ExperimentationInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: `${base}/:id`,
    params: IdParams,
    response: { 200: ExperimentationDetail },
    tags,
    access: { anyOf: ['experimentation.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: `${base}/:id`,
    params: IdParams,
    body: ExperimentationInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/transitions`,
    params: IdParams,
    body: ActionInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  evaluate: defineEndpoint({
    method: 'PUT',
    path: `${base}/:id/evaluation`,
    params: IdParams,
    body: EvaluationInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  drawPractice: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/practice`,
    params: IdParams,
    response: { 201: Created },
    tags,
    // Also `practice.write`, which every `experimentation.manage` holder has.
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  createTransfer: defineEndpoint({
    method: 'POST',
    path: `${base}/:id/transfers`,
    params: IdParams,
    body: TransferInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
};

export const experimentationTransfersApi = {
  update: defineEndpoint({
    method: 'PUT',
    path: `${transfers}/:id`,
    params: IdParams,
    body: TransferUpdate,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: `${transfers}/:id/transitions`,
    params: IdParams,
    body: ActionInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  evaluate: defineEndpoint({
    method: 'PUT',
    path: `${transfers}/:id/evaluation`,
    params: IdParams,
    body: TransferEvaluationInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  drawPractice: defineEndpoint({
    method: 'POST',
    path: `${transfers}/:id/practice`,
    params: IdParams,
    response: { 201: Created },
    tags,
    // Also `practice.write`, which every `experimentation.manage` holder has.
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
};

export const deliverablesApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/accompaniment/deliverables',
    query: DeliverableQuery,
    response: { 200: DeliverableList },
    tags,
    access: { anyOf: ['experimentation.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/accompaniment/deliverables',
    body: DeliverableInput,
    response: { 201: Created },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/accompaniment/deliverables/:id',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['experimentation.manage'], scope: 'organisation' },
  }),
};
