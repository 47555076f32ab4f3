import Type, { type Static } from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, IsoDateTime, Ok, Uuid } from '../kernel/schemas';

/**
 * Proof files of a declaration's items (ADR 0018, amendment "proof files"): the declaring partner uploads
 * and removes them while the declaration is a draft; the partner and, once submitted, the lead list and
 * download them. Never their content in a list; the file is always a download.
 */
const tags = ['monitoring'] as const;

export const ProofView = Type.Object({
  id: Uuid,
  itemId: Uuid,
  filename: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: IsoDateTime,
});
export type ProofView = Static<typeof ProofView>;

export const ProofList = Type.Object({ proofs: Type.Array(ProofView) });
export type ProofList = Static<typeof ProofList>;

const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
const ProofParams = Type.Object({ id: Uuid, proofId: Uuid });

export const expenditureProofEndpoints = {
  /** Every proof of the declaration's items, oldest first. */
  list: defineEndpoint({
    method: 'GET',
    path: '/api/expenditure/:id/proofs',
    params: IdParams,
    response: { 200: ProofList },
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  /** Multipart upload of one file in the field "file" (the declaring partner, while draft). */
  upload: defineEndpoint({
    method: 'POST',
    path: '/api/expenditure/:id/items/:itemId/proofs',
    params: ItemParams,
    multipart: true,
    response: { 201: ProofView },
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
  /** The proof itself, always as a download. */
  file: defineEndpoint({
    method: 'GET',
    path: '/api/expenditure/:id/proofs/:proofId/file',
    params: ProofParams,
    response: { 200: Type.String({ format: 'binary', description: 'the proof' }) },
    file: true,
    tags,
    access: { anyOf: ['indicators.view'], scope: 'programme' },
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/api/expenditure/:id/proofs/:proofId',
    params: ProofParams,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['expenditure.declare'], scope: 'organisation' },
  }),
};
