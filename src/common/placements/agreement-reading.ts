/**
 * The agreement as a signer reads it on the signing page: the same document the PDF is printed from
 * (agreement-document.ts, one copy per reader party, ADR 0013), every article, in one language — the
 * signer's column of the bilingual document. Plain data, so that it travels as JSON.
 */
import Type, { type Static } from 'typebox';
import type { AgreementDocument, AgreementLanguage, Pair } from './agreement-document-types';

export const ReadingItem = Type.Union([
  Type.Object({ kind: Type.Literal('subheading'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('paragraph'), text: Type.String(), notice: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('field'), id: Type.String(), label: Type.String(), value: Type.String() }),
  Type.Object({
    kind: Type.Literal('signature'),
    role: Type.String(),
    label: Type.String(),
    signer: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
  }),
]);
export type ReadingItem = Static<typeof ReadingItem>;

export const AgreementReading = Type.Object({
  reference: Type.String(),
  title: Type.String(),
  blocks: Type.Array(
    Type.Object({
      id: Type.String(),
      heading: Type.Union([Type.String(), Type.Null()]),
      items: Type.Array(ReadingItem),
    }),
  ),
});
export type AgreementReading = Static<typeof AgreementReading>;

/** The column of a bilingual document in this language (the first column when it has no such column). */
export function readingOf(document: AgreementDocument, language: AgreementLanguage): AgreementReading {
  const useHost = document.languages.host === language && document.languages.primary !== language;
  const pick = (p: Pair) => (useHost && p.host !== null ? p.host : p.primary);
  return {
    reference: document.reference,
    title: pick(document.title),
    blocks: document.blocks.map((b) => ({
      id: b.id,
      heading: b.heading ? pick(b.heading) : null,
      items: b.items.map((i): ReadingItem => {
        if (i.kind === 'subheading') return { kind: 'subheading', text: pick(i.text) };
        if (i.kind === 'paragraph')
          return { kind: 'paragraph', text: pick(i.text), notice: i.tone === 'notice' };
        if (i.kind === 'field')
          return {
            kind: 'field',
            id: i.id,
            label: pick(i.label),
            value: typeof i.value === 'string' ? i.value : pick(i.value),
          };
        return {
          kind: 'signature',
          role: i.role,
          label: pick(i.label),
          signer: i.signer,
          status: pick(i.status),
        };
      }),
    })),
  };
}

/** The language a signer reads: the host's representative the host's, the others the agreement's. */
export function signerLanguage(
  role: 'person' | 'home_referent' | 'host_representative',
  languages: AgreementDocument['languages'],
): AgreementLanguage {
  return role === 'host_representative' && languages.host ? languages.host : languages.primary;
}
