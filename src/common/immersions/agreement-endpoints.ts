import Type, { type Static } from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams } from '../kernel/schemas';

/** The immersion agreement as a PDF, for the two parties of a request, in the language asked. */
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
  }),
};
