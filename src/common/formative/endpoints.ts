import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok, Uuid } from '../kernel/schemas';
import { PARTNERSHIP_DOCUMENT_KINDS, PartnershipDocument } from './documents';
import { ModuleInput, ModuleList, ModuleOrder, ModuleRetire } from './module-schemas';
import {
  PartnershipEdit,
  PartnershipInput,
  PartnershipList,
  PartnershipOptions,
  PartnershipView,
  ProgressInput,
  ProjectInput,
  REVIEW_KINDS,
  ReviewInput,
  SessionInput,
} from './schemas';

/**
 * Every endpoint of the formative module. Each feature declares its endpoints beside its schemas and is
 * re-exported here, where the contract check reads them (test/contracts, src/server/contracts.db.test.ts).
 */
const tags = ['formative'] as const;
const Created = { 201: Type.Object({ id: Type.String() }) };
const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
const ReviewParams = Type.Object({ id: Uuid, kind: Type.Enum([...REVIEW_KINDS]) });
const DocumentParams = Type.Object({ id: Uuid, kind: Type.Enum([...PARTNERSHIP_DOCUMENT_KINDS]) });

export const formativeEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/formative',
    response: { 200: PartnershipList },
    tags,
    access: { anyOf: ['formative.view'], scope: 'organisation' },
  }),
  options: defineEndpoint({
    method: 'GET',
    path: '/api/formative/options',
    response: { 200: PartnershipOptions },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/formative',
    body: PartnershipInput,
    response: Created,
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  view: defineEndpoint({
    method: 'GET',
    path: '/api/formative/:id',
    params: IdParams,
    response: { 200: PartnershipView },
    tags,
    access: { anyOf: ['formative.view'], scope: 'organisation' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/:id',
    params: IdParams,
    body: PartnershipEdit,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  addSession: defineEndpoint({
    method: 'POST',
    path: '/api/formative/:id/sessions',
    params: IdParams,
    body: SessionInput,
    response: Created,
    tags,
    // The trainee or tutor of the partnership (the use case checks which).
    access: { anyOf: ['formative.progress'], scope: 'own' },
  }),
  deleteSession: defineEndpoint({
    method: 'DELETE',
    path: '/api/formative/:id/sessions/:itemId',
    params: ItemParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.progress'], scope: 'own' },
  }),
  progress: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/:id/plan/:itemId/progress',
    params: ItemParams,
    body: ProgressInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.progress'], scope: 'own' },
  }),
  writeReview: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/:id/reviews/:kind',
    params: ReviewParams,
    body: ReviewInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.progress'], scope: 'own' },
  }),
  signReview: defineEndpoint({
    method: 'POST',
    path: '/api/formative/:id/reviews/:kind/sign',
    params: ReviewParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.progress'], scope: 'own' },
  }),
  addProject: defineEndpoint({
    method: 'POST',
    path: '/api/formative/:id/projects',
    params: IdParams,
    body: ProjectInput,
    response: Created,
    tags,
    access: { anyOf: ['formative.progress'], scope: 'organisation' },
  }),
  updateProject: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/:id/projects/:itemId',
    params: ItemParams,
    body: ProjectInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.progress'], scope: 'organisation' },
  }),
  /** Starts a draft good-practice sheet (practices module) from an application-year project. */
  projectPractice: defineEndpoint({
    method: 'POST',
    path: '/api/formative/:id/projects/:itemId/practice',
    params: ItemParams,
    response: Created,
    tags,
    // Also `practice.write`, which every `formative.progress` holder has.
    access: { anyOf: ['formative.progress'], scope: 'organisation' },
  }),
  /**
   * Attaches the signed convention or funding order: a document of the partnership's programme (the same
   * checks as on the programme's page; a file the programme already holds is linked, not stored twice).
   */
  attachDocument: defineEndpoint({
    method: 'POST',
    path: '/api/formative/:id/documents/:kind',
    params: DocumentParams,
    multipart: true,
    response: { 201: PartnershipDocument },
    tags,
    // The use case also asks `programme.update` (the programme's documents).
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  /** Unlinks it from the partnership; it stays among the programme's documents. */
  detachDocument: defineEndpoint({
    method: 'DELETE',
    path: '/api/formative/:id/documents/:kind',
    params: DocumentParams,
    response: { 200: Ok },
    tags,
    // The use case also asks `programme.update` (the programme's documents).
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  /** The host's training modules, by unit (its coordinators). */
  modules: defineEndpoint({
    method: 'GET',
    path: '/api/formative/modules',
    response: { 200: ModuleList },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  createModule: defineEndpoint({
    method: 'POST',
    path: '/api/formative/modules',
    body: ModuleInput,
    response: Created,
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  updateModule: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/modules/:id',
    params: IdParams,
    body: ModuleInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  orderModules: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/modules/order',
    body: ModuleOrder,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  retireModule: defineEndpoint({
    method: 'PUT',
    path: '/api/formative/modules/:id/retired',
    params: IdParams,
    body: ModuleRetire,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
  /** Only a module no plan uses (409 otherwise: retire it instead). */
  deleteModule: defineEndpoint({
    method: 'DELETE',
    path: '/api/formative/modules/:id',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['formative.manage'], scope: 'organisation' },
  }),
};
