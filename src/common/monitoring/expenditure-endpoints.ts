import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok, Uuid } from '../kernel/schemas';
import {
  DeclarationInput,
  DeclarationView,
  ExpenditureOverview,
  ItemInput,
  ReopenInput,
  ReviewInput,
} from './expenditure-schemas';

/** Expenditure declarations: a programme's overview, a declaration, its items, submission and review. */
const tags = ['monitoring'] as const;
const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
const Created = { 201: Type.Object({ id: Type.String() }) };

export const expenditureEndpoints = {
  overview: defineEndpoint({
    method: 'GET',
    path: '/api/programmes/:id/expenditure',
    params: IdParams,
    response: { 200: ExpenditureOverview },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  createDeclaration: defineEndpoint({
    method: 'POST',
    path: '/api/programmes/:id/expenditure',
    params: IdParams,
    body: DeclarationInput,
    response: Created,
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  declaration: defineEndpoint({
    method: 'GET',
    path: '/api/expenditure/:id',
    params: IdParams,
    response: { 200: DeclarationView },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  addItem: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/items',
    params: IdParams,
    body: ItemInput,
    response: Created,
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  updateItem: defineEndpoint({
    method: 'PUT',
    path: '/api/expenditure/:id/items/:itemId',
    params: ItemParams,
    body: ItemInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  deleteItem: defineEndpoint({
    method: 'DELETE',
    path: '/api/expenditure/:id/items/:itemId',
    params: ItemParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  submit: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/submit',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  reviewItem: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/items/:itemId/review',
    params: ItemParams,
    body: ReviewInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  closeReview: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/reviewed',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
  reopen: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/reopen',
    params: IdParams,
    body: ReopenInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['programme.monitor'], scope: 'programme' },
  }),
};
