import Type, { type Static } from 'typebox';
import { DocumentView } from '../network/programme-documents';

/**
 * The partnership's signed documents: the convention and the funding order, each a document of the
 * partnership's programme (uploaded through the programme's document checks) linked to the partnership.
 */
export const PARTNERSHIP_DOCUMENT_KINDS = ['convention', 'funding_order'] as const;
export type PartnershipDocumentKind = (typeof PARTNERSHIP_DOCUMENT_KINDS)[number];

export const PartnershipDocument = Type.Object({
  kind: Type.Enum([...PARTNERSHIP_DOCUMENT_KINDS]),
  /** Null while none is attached (or when the programme's documents are not the caller's to read). */
  document: Type.Union([DocumentView, Type.Null()]),
});
export type PartnershipDocument = Static<typeof PartnershipDocument>;
