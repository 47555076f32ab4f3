import { type Language, localized } from '../../../../common/i18n/locales';
import type { ImmersionKind } from '../../../../common/immersions/request-rules';
import type { RequestStatus } from '../../../../common/immersions/request-workflow';
import {
  SIGNATURE_ROLES,
  type SignatureMethod,
  type SignatureRole,
} from '../../../../common/immersions/signature-schemas';

/**
 * What the immersion agreement says, in one language, as blocks of items: the pure part, decided here from
 * the facts the two parties may both read, then set on paper by `render.ts`. Nothing in the facts names a
 * beneficiary (the observer consents record what and when, never who), so nothing printed can.
 */

export interface OrgFacts {
  nameFr: string;
  nameNl: string;
  /** "Street, postal code municipality", or null when the directory has no address. */
  address: string | null;
}

export interface AgreementFacts {
  id: string;
  status: RequestStatus;
  kind: ImmersionKind;
  theme: string;
  objectives: string;
  schedule: string | null;
  startsOn: string;
  endsOn: string;
  days: number;
  visitorOrg: OrgFacts;
  hostOrg: OrgFacts;
  hostUnit: { fr: string | null; nl: string | null } | null;
  /** The offer's contact, when the reader may still read the offer. */
  hostContact: { name: string | null; email: string | null; phone: string | null } | null;
  /** What the visitor will see, as the host wrote it in each language. */
  offerProgramme: { fr: string | null; nl: string | null } | null;
  programme: { acronym: string; nameFr: string; nameNl: string } | null;
  visitorName: string;
  managerName: string | null;
  hostApproverName: string | null;
  /** Set once the manager sent the request on to the host. */
  managerApprovedAt: Date | string | null;
  managerDeclinedAt: Date | string | null;
  hostDecidedAt: Date | string | null;
  confidentialityAcceptedAt: Date | string | null;
  consents: ReadonlyArray<{ heldOn: string; activity: string; recordedAt: Date | string }>;
  /** The agreement's version (amendments make the next one) and its signatures (migration 0032). */
  version: number;
  signatures: ReadonlyArray<SignatureFact>;
  generatedAt: Date;
}

/** One signer of the current version: asked (a pending link) or signed, with how. */
export interface SignatureFact {
  role: SignatureRole;
  signerName: string;
  method: SignatureMethod | null;
  signedAt: Date | string | null;
  /** Who witnessed a paper signature. */
  witness: string | null;
}

/** A message of the catalogues in the document's language. */
export type Words = (key: string, values?: Record<string, string | number>) => string;

export type Item =
  | { kind: 'field'; id: string; label: string; value: string }
  | { kind: 'paragraph'; text: string; tone?: 'note' }
  | { kind: 'subheading'; text: string }
  | {
      kind: 'approval';
      id: string;
      label: string;
      name: string | null;
      state: string;
      /** A line to sign on paper under it (the signatures, not the approvals). */
      line: boolean;
    };

export type BlockId =
  | 'title'
  | 'parties'
  | 'immersion'
  | 'articles'
  | 'undertaking'
  | 'consents'
  | 'approvals'
  | 'signatures'
  | 'footer';

export interface Block {
  id: BlockId;
  heading: string | null;
  items: Item[];
  /** Printed on one page whole (moved to the next when it does not fit): the signatures. */
  keepTogether?: boolean;
}

export interface AgreementDocument {
  language: Language;
  title: string;
  reference: string;
  /** "Working document…" while the parties have not both agreed. */
  state: string;
  working: boolean;
  filename: string;
  pageLabel: (n: number, of: number) => string;
  blocks: Block[];
}

const AGREED: readonly RequestStatus[] = ['agreed', 'in_progress', 'completed'];
const ARTICLES = ['purpose', 'status', 'insurance', 'secrecy', 'data', 'cancellation'] as const;

export const agreementReference = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();

const toDate = (v: Date | string) => (typeof v === 'string' ? new Date(v) : v);

export function agreementDocument(
  f: AgreementFacts,
  language: Language,
  w: Words,
  /** The formatting locale (fr-BE or fr-FR for French, by the reader's country). */
  locale: string,
): AgreementDocument {
  const L = (key: string, values?: Record<string, string | number>) =>
    w(`immersions.agreement.${key}`, values);
  // Calendar days are read as written (UTC); moments in the programme's time zone.
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const dayOf = (at: Date | string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(toDate(at));
  const pick = (fr: string | null | undefined, nl: string | null | undefined) =>
    localized(language === 'nl' ? 'nl' : 'fr', fr, nl);
  const org = (o: OrgFacts) => [pick(o.nameFr, o.nameNl), o.address].filter(Boolean).join('\n');
  const field = (id: string, label: string, value: string): Item => ({ kind: 'field', id, label, value });
  const statusWord = w(`immersions.requests.status.${f.status}`);
  const reference = agreementReference(f.id);

  const signed = SIGNATURE_ROLES.every((role) =>
    f.signatures.some((s) => s.role === role && s.signedAt !== null),
  );
  // Agreed but not yet signed by all three, the agreement is still a working document.
  const working = (!AGREED.includes(f.status) || !signed) && f.status !== 'cancelled';
  const state = AGREED.includes(f.status)
    ? signed
      ? L('state.signed', { status: statusWord, version: f.version })
      : L('state.awaiting_signatures', { version: f.version })
    : f.status === 'cancelled'
      ? L('state.cancelled')
      : f.status === 'declined' || f.status === 'withdrawn'
        ? L('state.ended', { status: L(`state_label.${f.status}`) })
        : L('state.working', { status: statusWord });

  const contact = f.hostContact
    ? [f.hostContact.name, f.hostContact.email, f.hostContact.phone].filter(Boolean).join(' – ')
    : '';
  const unit = f.hostUnit ? pick(f.hostUnit.fr, f.hostUnit.nl) : '';
  const parties: Item[] = [
    field('visitor_org', L('visitor_org'), org(f.visitorOrg)),
    field('visitor', L('visitor'), f.visitorName),
    field('manager', L('manager'), f.managerName ?? L('not_yet')),
    field('host_org', L('host_org'), org(f.hostOrg)),
    ...(unit ? [field('host_unit', L('host_unit'), unit)] : []),
    field('host_contact', L('host_contact'), contact || L('not_given')),
  ];

  const offerProgramme = f.offerProgramme ? pick(f.offerProgramme.fr, f.offerProgramme.nl) : '';
  const immersion: Item[] = [
    field('objectives', L('objectives'), f.objectives),
    field('kind', L('kind'), w(`immersions.offers.enum.kind.${f.kind}`)),
    field('theme', L('theme'), w(`immersions.offers.enum.theme.${f.theme}`)),
    field('dates', L('dates'), L('dates_value', { from: day(f.startsOn), to: day(f.endsOn) })),
    field('days', L('days'), L('days_value', { days: f.days })),
    field('schedule', L('schedule'), f.schedule ?? L('schedule_none')),
    ...(offerProgramme ? [field('offer_programme', L('offer_programme'), offerProgramme)] : []),
    ...(f.programme
      ? [
          field(
            'programme',
            L('funding_programme'),
            [f.programme.acronym, pick(f.programme.nameFr, f.programme.nameNl)].filter(Boolean).join(' – '),
          ),
        ]
      : []),
    { kind: 'paragraph', text: L('free_text_note'), tone: 'note' },
  ];

  const articles: Item[] = ARTICLES.flatMap((a): Item[] => [
    { kind: 'subheading', text: L(`article.${a}.title`) },
    { kind: 'paragraph', text: L(`article.${a}.text`) },
  ]);

  // The undertaking the visitor takes by signing, word for word (accepted on its own before 0032).
  const visitorSigned = f.signatures.find((s) => s.role === 'visitor' && s.signedAt !== null)?.signedAt;
  const acceptedAt = visitorSigned ?? f.confidentialityAcceptedAt;
  const undertaking: Item[] = [
    { kind: 'paragraph', text: w('immersions.requests.agreement.confidentiality_text') },
    {
      kind: 'paragraph',
      text: acceptedAt
        ? L('undertaking_accepted', { visitor: f.visitorName, day: dayOf(acceptedAt) })
        : L('undertaking_pending'),
      ...(acceptedAt ? {} : { tone: 'note' as const }),
    },
  ];

  const consents: Item[] = [
    { kind: 'paragraph', text: L('consents_intro'), tone: 'note' },
    ...(f.consents.length === 0
      ? [{ kind: 'paragraph' as const, text: L('consents_none') }]
      : f.consents.map(
          (c, i): Item =>
            field(
              `consent_${i + 1}`,
              day(c.heldOn),
              `${c.activity}\n${L('consent_how', { day: dayOf(c.recordedAt) })}`,
            ),
        )),
  ];

  const hostDeclined = f.status === 'declined' && f.hostDecidedAt !== null;
  const approvals: Item[] = [
    {
      kind: 'approval',
      id: 'manager',
      label: L('approval.manager'),
      name: f.managerApprovedAt || f.managerDeclinedAt ? f.managerName : null,
      state: f.managerApprovedAt
        ? L('approval.approved', { day: dayOf(f.managerApprovedAt) })
        : f.managerDeclinedAt
          ? L('approval.declined', { day: dayOf(f.managerDeclinedAt) })
          : L('approval.pending'),
      line: false,
    },
    {
      kind: 'approval',
      id: 'host',
      label: L('approval.host'),
      name: f.hostDecidedAt ? f.hostApproverName : null,
      state: f.hostDecidedAt
        ? L(hostDeclined ? 'approval.declined' : 'approval.approved', { day: dayOf(f.hostDecidedAt) })
        : L('approval.pending'),
      line: false,
    },
  ];

  // Each signer of the current version, with how they signed; a line to sign on paper under each.
  const signatures: Item[] = [
    { kind: 'paragraph', text: L('signatures_intro', { version: f.version }), tone: 'note' },
    ...SIGNATURE_ROLES.map((role): Item => {
      const s = f.signatures.find((x) => x.role === role);
      return {
        kind: 'approval',
        id: role,
        label: L(`signature.role.${role}`),
        name: s?.signerName ?? null,
        state: !s
          ? L('signature.not_asked')
          : s.signedAt === null
            ? L('signature.pending')
            : s.method === 'in_person'
              ? L('signature.signed_in_person', { day: dayOf(s.signedAt), witness: s.witness ?? '' })
              : L(`signature.signed_${s.method ?? 'account'}`, { day: dayOf(s.signedAt) }),
        line: true,
      };
    }),
  ];

  return {
    language,
    title: L('title'),
    reference,
    state,
    working,
    filename: `${L('filename')}-${reference}.pdf`,
    pageLabel: (n, of) => L('page', { n, of }),
    blocks: [
      {
        id: 'title',
        heading: L('title'),
        items: [
          { kind: 'paragraph', text: L('reference', { reference }) },
          working ? { kind: 'paragraph', text: state, tone: 'note' } : { kind: 'paragraph', text: state },
        ],
      },
      { id: 'parties', heading: L('parties'), items: parties },
      { id: 'immersion', heading: L('immersion'), items: immersion },
      { id: 'articles', heading: L('articles'), items: articles },
      { id: 'undertaking', heading: L('undertaking'), items: undertaking },
      { id: 'consents', heading: L('consents'), items: consents },
      { id: 'approvals', heading: L('approvals'), items: approvals, keepTogether: true },
      ...(AGREED.includes(f.status)
        ? [{ id: 'signatures' as const, heading: L('signatures'), items: signatures, keepTogether: true }]
        : []),
      {
        id: 'footer',
        heading: null,
        items: [{ kind: 'paragraph', text: L('generated', { day: dayOf(f.generatedAt) }), tone: 'note' }],
      },
    ],
  };
}
