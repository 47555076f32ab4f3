import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { formattingLocale } from '../../../../common/i18n/locales';
import type { AgreementDocumentInput, Translate } from '../../../../common/placements/agreement-document';
import { WIN_ANSI_EXTRA } from './win-ansi';

/** Test helpers: this namespace's catalogue on its own, a sample agreement, and reading text back from a PDF. */

const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../../i18n/placements/agreements/pdf/${lang}.json`),
      'utf8',
    ),
  );
const catalogues = { fr: catalogue('fr'), nl: catalogue('nl') };

/** Formats like the server's t(), from the agreement-pdf catalogue only. */
export const catalogueTranslate: Translate = (language, key, values, country) => {
  const message = catalogues[language][key];
  if (message === undefined) return key;
  return String(new IntlMessageFormat(message, formattingLocale(language, country)).format(values));
};

export const sampleInput = (over: Partial<AgreementDocumentInput> = {}): AgreementDocumentInput => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'awaiting_signatures',
  version: 1,
  home: {
    nameFr: 'CPAS de Courtrai',
    nameNl: 'OCMW Kortrijk',
    country: 'BE',
    street: 'Budastraat 27',
    postalCode: '8500',
    municipality: { fr: 'Courtrai', nl: 'Kortrijk' },
    businessId: 'KBO 0212.345.678',
  },
  host: {
    nameFr: 'Atelier du Pile',
    nameNl: 'Atelier du Pile',
    country: 'FR',
    street: '12 rue de l’Œuvre',
    postalCode: '59100',
    municipality: { fr: 'Roubaix', nl: 'Robaais' },
    businessId: 'SIRET 123 456 789 00012',
  },
  person: { name: 'Lucie Fictivelle', birthDate: '1988-04-12', participantCode: 'ABCD-EFGH-JKLM' },
  signatory: 'person',
  representativeName: null,
  siteName: 'Chantier vélos « Pile »',
  siteMunicipality: { fr: 'Roubaix', nl: 'Robaais' },
  municipalityCode: 'FR-59512',
  programme: { fr: 'SAM – SAM Eurométropole', nl: 'SAM – SAM Eurometropool' },
  tasks: 'Réparation de vélos ; coût remboursé : 5 € par jour.',
  schedule: 'Lundi–jeudi 8 h 30–16 h',
  hoursPerWeek: 27.5,
  startsOn: '2027-01-04',
  endsOn: '2027-03-28',
  referentName: 'Camille Référente',
  tutor: { assigned: true, name: null },
  accidentInsuranceRef: 'ETHIAS-AT-123',
  liabilityInsuranceRef: null,
  sharedFields: ['identity', 'languages'],
  readerSide: 'home',
  basis: 'consent',
  signatures: [],
  generatedAt: new Date('2026-11-23T10:15:00Z'),
  ...over,
});

// Node's TextDecoder reads 'windows-1252' as Latin-1: map the 0x80–0x9F range by hand.
const FROM_EXTRA = new Map([...WIN_ANSI_EXTRA].map(([code, byte]) => [byte, String.fromCodePoint(code)]));
const winAnsi = {
  decode: (b: Buffer) => [...b].map((x) => FROM_EXTRA.get(x) ?? String.fromCharCode(x)).join(''),
};

/** The text lines an uncompressed PDFKit file shows (each TJ array is one line; kerning gaps dropped). */
export function pdfText(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)*)\] TJ/g)]
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)]
        .map((h) => winAnsi.decode(Buffer.from(h[1] ?? '', 'hex')))
        .join(''),
    )
    .join('\n');
}

/** A string entry of the Info dictionary (Title, Author…), decoded from PDFKit's literal or UTF-16 form. */
export function pdfInfo(pdf: Buffer, key: string): string | null {
  const raw = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw);
  if (!ref) return null;
  const obj = new RegExp(`\\n${ref[1]} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(raw);
  if (!obj) return null;
  const bytes = Buffer.from(obj[1] ?? '', 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

export const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
