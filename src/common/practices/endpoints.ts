/**
 * Every endpoint of the practices module. Each feature declares its endpoints beside its schemas and is
 * re-exported here, where the contract check reads them (test/contracts, src/server/contracts.db.test.ts).
 */
import Type from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok, Uuid } from '../kernel/schemas';
import {
  AttachmentView,
  PracticeCreated,
  PracticeDetail,
  PracticeFacets,
  PracticeInput,
  PracticePage,
  PracticeQuery,
  PublicPracticeQuery,
  TakeUpInput,
  TransitionInput,
} from './schemas';

const tags = ['practices'] as const;
const File = Type.String({ format: 'binary', description: 'the file, always as a download' });
const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });
const TakeUpParams = Type.Object({ id: Uuid, takeUpId: Uuid });

/** The library for signed-in users (`practice.view`), and the sheets an organisation writes. */
export const practicesApi = {
  search: defineEndpoint({
    method: 'GET',
    path: '/api/practices',
    query: PracticeQuery,
    response: { 200: PracticePage },
    tags,
    access: { anyOf: ['practice.view'], scope: 'network' },
  }),
  facets: defineEndpoint({
    method: 'GET',
    path: '/api/practices/facets',
    response: { 200: PracticeFacets },
    tags,
    access: { anyOf: ['practice.view'], scope: 'network' },
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/practices',
    body: PracticeInput,
    response: { 201: PracticeCreated },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/practices/:id',
    params: IdParams,
    response: { 200: PracticeDetail },
    tags,
    access: { anyOf: ['practice.view'], scope: 'network' },
  }),
  update: defineEndpoint({
    method: 'PUT',
    path: '/api/practices/:id',
    params: IdParams,
    body: PracticeInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  /** A draft only; a published sheet is withdrawn, never deleted (others may have taken it up). */
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/practices/:id',
    params: IdParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  transition: defineEndpoint({
    method: 'POST',
    path: '/api/practices/:id/transitions',
    params: IdParams,
    body: TransitionInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write', 'practice.publish'], scope: 'organisation' },
  }),
  /** Multipart upload of one file in the field "file" (the owner's writers, while the sheet is editable). */
  attach: defineEndpoint({
    method: 'POST',
    path: '/api/practices/:id/attachments',
    params: IdParams,
    multipart: true,
    response: { 201: AttachmentView },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  attachment: defineEndpoint({
    method: 'GET',
    path: '/api/practices/:id/attachments/:attachmentId/file',
    params: AttachmentParams,
    response: { 200: File },
    file: true,
    tags,
    access: { anyOf: ['practice.view'], scope: 'network' },
  }),
  detach: defineEndpoint({
    method: 'DELETE',
    path: '/api/practices/:id/attachments/:attachmentId',
    params: AttachmentParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  /** Another organisation records that it plans, tries, adopted or abandoned the practice. */
  recordTakeUp: defineEndpoint({
    method: 'POST',
    path: '/api/practices/:id/take-ups',
    params: IdParams,
    body: TakeUpInput,
    response: { 201: Type.Object({ id: Uuid }) },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  /** Multipart: the evidence file of a take-up record of the caller's organisation (once). */
  takeUpEvidence: defineEndpoint({
    method: 'POST',
    path: '/api/practices/:id/take-ups/:takeUpId/evidence',
    params: TakeUpParams,
    multipart: true,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
  takeUpEvidenceFile: defineEndpoint({
    method: 'GET',
    path: '/api/practices/:id/take-ups/:takeUpId/evidence',
    params: TakeUpParams,
    response: { 200: File },
    file: true,
    tags,
    access: { anyOf: ['practice.view'], scope: 'organisation' },
  }),
  removeTakeUp: defineEndpoint({
    method: 'DELETE',
    path: '/api/practices/:id/take-ups/:takeUpId',
    params: TakeUpParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['practice.write'], scope: 'organisation' },
  }),
};

/** The public library: sheets published without sign-in, rate-limited like the services directory. */
export const publicPracticesApi = {
  search: defineEndpoint({
    method: 'GET',
    path: '/api/library/practices',
    query: PublicPracticeQuery,
    response: { 200: PracticePage },
    tags,
    access: { public: 'the public practice library (sheets their owner opened to everyone)' },
  }),
  facets: defineEndpoint({
    method: 'GET',
    path: '/api/library/facets',
    response: { 200: PracticeFacets },
    tags,
    access: { public: 'the public practice library (sheets their owner opened to everyone)' },
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/library/practices/:id',
    params: IdParams,
    response: { 200: PracticeDetail },
    tags,
    access: { public: 'the public practice library (sheets their owner opened to everyone)' },
  }),
  attachment: defineEndpoint({
    method: 'GET',
    path: '/api/library/practices/:id/attachments/:attachmentId/file',
    params: AttachmentParams,
    response: { 200: File },
    file: true,
    tags,
    access: { public: 'the public practice library (sheets their owner opened to everyone)' },
  }),
};
