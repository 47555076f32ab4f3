import Type, { type Static } from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, Ok } from '../kernel/schemas';
import {
  AmendmentInput,
  SignatureInput,
  SignatureLinkView,
  SignatureLookupInput,
  SignByLinkInput,
} from './signature-schemas';

/**
 * The immersion agreement: its PDF for the two parties of a request, in the language asked; its signatures
 * (in one's session, by link, on paper) and amendments; the signer's public link (no session; by POST so
 * that the token never travels in a URL, rate limited).
 */
const tags = ['immersions'] as const;

export const AGREEMENT_LANGUAGES = ['fr', 'nl', 'en'] as const;
export const AgreementPdfQuery = Type.Object(
  /** The reader's organisation's language when absent (their own language if its region is unknown). */
  { lang: Type.Optional(Type.Enum([...AGREEMENT_LANGUAGES])) },
  { additionalProperties: false },
);
export type AgreementPdfQuery = Static<typeof AgreementPdfQuery>;

export const agreementEndpoints = {
  agreementPdf: defineEndpoint({
    method: 'GET',
    path: '/api/immersions/requests/:id/agreement.pdf',
    params: IdParams,
    query: AgreementPdfQuery,
    response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }) },
    file: true,
    tags,
    access: { anyOf: ['immersion.view'], scope: 'organisation' },
  }),
  sign: defineEndpoint({
    method: 'POST',
    path: '/api/immersions/requests/:id/signatures',
    params: IdParams,
    body: SignatureInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['immersion.view'], scope: 'organisation' },
  }),
  amend: defineEndpoint({
    method: 'PUT',
    path: '/api/immersions/requests/:id/agreement',
    params: IdParams,
    body: AmendmentInput,
    response: { 200: Ok },
    tags,
    access: { anyOf: ['immersion.manage'], scope: 'organisation' },
  }),
  signatureLookup: defineEndpoint({
    method: 'POST',
    path: '/api/immersions/signatures/lookup',
    body: SignatureLookupInput,
    response: { 200: SignatureLinkView },
    tags,
    access: { public: "the signer's link (token mailed to a signer without an account)" },
  }),
  signaturePdf: defineEndpoint({
    method: 'POST',
    path: '/api/immersions/signatures/agreement.pdf',
    body: SignatureLookupInput,
    response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }) },
    file: true,
    tags,
    access: { public: "the signer's link (token mailed to a signer without an account)" },
  }),
  signByLink: defineEndpoint({
    method: 'POST',
    path: '/api/immersions/signatures/sign',
    body: SignByLinkInput,
    response: { 204: Type.Null() },
    tags,
    access: { public: "the signer's link (token mailed to a signer without an account)" },
  }),
};
