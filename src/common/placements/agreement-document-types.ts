/**
 * The shapes of the placement agreement document (see agreement-document.ts, which builds it): the facts it
 * is made from, its blocks and items, and the language and date helpers both the builder and tests use.
 */
import { organisationLanguage } from '../people/referral-rules';
import type { ConventionFacts } from './agreement-document-convention';
import type { SignatureRole } from './agreement-rules';
import type { AgreementStatus } from './agreement-workflow';
import { parseIsoDate } from './dates';

export type AgreementLanguage = 'fr' | 'nl';
export type Country = 'FR' | 'BE';
export type MessageValues = Record<string, string | number>;
/** Formats a catalogue message (the server's t()); passed in so that the model stays pure. */
export type Translate = (
  language: AgreementLanguage,
  key: string,
  values?: MessageValues,
  country?: Country | null,
) => string;

/** The agreement's language first; the host's language alongside only when it differs. */
export interface DocumentLanguages {
  primary: AgreementLanguage;
  host: AgreementLanguage | null;
}

export function documentLanguages(
  agreementLanguage: AgreementLanguage,
  hostRegion: string | null,
): DocumentLanguages {
  const host = organisationLanguage(hostRegion);
  return { primary: agreementLanguage, host: host === agreementLanguage ? null : host };
}

export interface LocalName {
  fr: string;
  nl: string;
}

/**
 * Free text as it was written (issue 9, item 7): in French, in Dutch or in both, as an offer may hold it.
 * Null, or blank, where it was not written in that language.
 */
export interface LocalText {
  fr: string | null;
  nl: string | null;
}

export interface OrgFacts {
  nameFr: string;
  nameNl: string;
  country: Country;
  street: string | null;
  postalCode: string | null;
  municipality: LocalName | null;
  businessId: string | null;
}

export interface SignatureFacts {
  role: SignatureRole;
  version: number;
  signerName: string | null;
  method: 'link' | 'in_person' | null;
  requestedAt: Date | string;
  signedAt: Date | string | null;
}

export interface AgreementDocumentInput {
  id: string;
  status: AgreementStatus;
  version: number;
  home: OrgFacts;
  host: OrgFacts;
  /** What the reader may see of the person: the home centre's record, or the host's grant. */
  person: { name: string | null; birthDate: string | null; participantCode: string | null };
  signatory: 'person' | 'legal_representative';
  representativeName: string | null;
  siteName: string;
  siteMunicipality: LocalName | null;
  municipalityCode: string;
  programme: LocalName | null;
  tasks: string | null;
  schedule: string | null;
  /**
   * The languages tasks and schedule exist in. Without it, `tasks` and `schedule` count as written in the
   * agreement's language; each column prints the text in its own language, or a mark that it exists only in
   * the other one.
   */
  texts?: { tasks?: LocalText; schedule?: LocalText };
  hoursPerWeek: number | null;
  startsOn: string;
  endsOn: string;
  /** Null when the reader's organisation cannot see the member's name (they belong to the other side). */
  referentName: string | null;
  tutor: { assigned: boolean; name: string | null };
  accidentInsuranceRef: string | null;
  liabilityInsuranceRef: string | null;
  /** Aim, job code, timetable, equipment, emergency contact (issue 9, item 9); absent: none recorded. */
  convention?: ConventionFacts | null;
  sharedFields: readonly string[];
  /**
   * Whose copy this is. The host's copy says nothing the grant does not give it (issue 9, item 8; ADR
   * 0010): without the `contract` field group no PIIS or contrat d'engagement, without `benefit` no
   * RIS/RSA nor the stays-abroad rule that only binds benefit recipients.
   */
  readerSide: 'home' | 'host';
  /** The grant rests on the person's consent, or on a reasoned override of the home centre. */
  basis: 'consent' | 'override';
  /** Every signature row; only the current version's count. */
  signatures: readonly SignatureFacts[];
  generatedAt: Date;
}

/** One text in the primary language and, in a bilingual document, in the host's language. */
export interface Pair {
  primary: string;
  host: string | null;
}

export type DocumentItem =
  | { kind: 'subheading'; text: Pair }
  /** tone 'notice': a remark about the document itself (not yet signed). */
  | { kind: 'paragraph'; text: Pair; tone?: 'notice' }
  /** value: a Pair when translated, a plain string when language-neutral (names, free text, references). */
  /**
   * missing: free text that exists only in the other language; that column's value is a mark saying so
   * (a one-column document prints the mark above the text).
   */
  | { kind: 'field'; id: string; label: Pair; value: Pair | string; missing?: 'primary' | 'host' }
  | {
      kind: 'signature';
      role: SignatureRole;
      label: Pair;
      signer: string | null;
      state: 'signed' | 'pending' | 'not_requested';
      status: Pair;
    };

export type ParagraphItem = Extract<DocumentItem, { kind: 'paragraph' }>;

export const BLOCK_IDS = [
  'title',
  'parties',
  'person',
  'purpose',
  'terms',
  'schedule',
  'benefit',
  'stays_abroad',
  'insurance',
  'obligations',
  'data',
  'interruption',
  'signatures',
  'footer',
] as const;
export type BlockId = (typeof BLOCK_IDS)[number];

export interface DocumentBlock {
  id: BlockId;
  heading: Pair | null;
  items: DocumentItem[];
}

export interface AgreementDocument {
  languages: DocumentLanguages;
  /** Intl locales of the two columns (fr-BE, fr-FR, nl-BE). */
  locales: { primary: string; host: string | null };
  reference: string;
  title: Pair;
  filename: string;
  blocks: DocumentBlock[];
  /** "Page 2 of 5" in the primary language. */
  pageLabel: (page: number, pages: number) => string;
}

/** A short reference printed on the document and in its file name. */
export const agreementReference = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();

/** A calendar day, in UTC so that no time zone moves it. */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parseIsoDate(iso));
}

/** A moment, on the partners' clock (Brussels and Paris share it). */
export function formatMoment(at: Date | string, locale: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Brussels',
  }).format(typeof at === 'string' ? new Date(at) : at);
}
