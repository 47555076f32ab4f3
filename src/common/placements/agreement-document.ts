/**
 * The placement agreement as a document: an ordered list of blocks, each in the agreement's language and,
 * when the host organisation works in the other language, the same text in that language alongside.
 * Pure (no I/O): the server feeds it the facts it may show the reader and a message formatter, then
 * renders the blocks to PDF. Names and references are printed as written; tasks and schedule in each
 * column's language where they were written in it, or marked as existing only in the other language.
 */
import { formattingLocale } from '../i18n/locales';
import {
  conventionPurposeItems,
  conventionSafetyItems,
  type DocumentKit,
  timetableItems,
} from './agreement-document-convention';
import {
  type AgreementDocument,
  type AgreementDocumentInput,
  type AgreementLanguage,
  agreementReference,
  type BlockId,
  type Country,
  type DocumentBlock,
  type DocumentItem,
  type DocumentLanguages,
  formatDay,
  formatMoment,
  type LocalName,
  type LocalText,
  type MessageValues,
  type OrgFacts,
  type Pair,
  type ParagraphItem,
  type SignatureFacts,
  type Translate,
} from './agreement-document-types';
import { freeTextValue, writtenIn } from './agreement-free-text';
import { SIGNATURE_ROLES, type SignatureRole } from './agreement-rules';
import { daysInclusive } from './dates';

export * from './agreement-document-types';

const P = 'placements.agreements.pdf.';

export function agreementDocument(
  input: AgreementDocumentInput,
  languages: DocumentLanguages,
  translate: Translate,
): AgreementDocument {
  const countryOf = (lang: AgreementLanguage): Country =>
    lang === languages.primary ? input.home.country : input.host.country;
  const localeOf = (lang: AgreementLanguage) => formattingLocale(lang, countryOf(lang));
  /** The same text in each column, built per language. */
  const both = (f: (lang: AgreementLanguage, locale: string) => string): Pair => ({
    primary: f(languages.primary, localeOf(languages.primary)),
    host: languages.host ? f(languages.host, localeOf(languages.host)) : null,
  });
  const tr = (lang: AgreementLanguage, key: string, values?: MessageValues) =>
    translate(lang, P + key, values, countryOf(lang));
  const msg = (key: string, values?: (lang: AgreementLanguage, locale: string) => MessageValues) =>
    both((lang, locale) => tr(lang, key, values?.(lang, locale)));
  const paragraph = (key: string, values?: (lang: AgreementLanguage) => MessageValues): ParagraphItem => ({
    kind: 'paragraph',
    text: msg(key, values),
  });
  const field = (id: string, value: Pair | string): DocumentItem => ({
    kind: 'field',
    id,
    label: msg(`field.${id}`),
    value,
  });
  const local = (name: LocalName | null, lang: AgreementLanguage) => (name ? name[lang] : '');
  const orgName = (o: OrgFacts) => both((lang) => (lang === 'nl' ? o.nameNl : o.nameFr));
  const reference = agreementReference(input.id);
  const current = input.signatures.filter((s) => s.version === input.version);
  const signatureOf = (role: SignatureRole) => current.find((s) => s.role === role);
  const homeCountry = { country: input.home.country };
  /** A field group the host's copy must not reveal: the host was not granted it. */
  const withheld = (group: 'benefit' | 'contract') =>
    input.readerSide === 'host' && !input.sharedFields.includes(group);

  let article = 0;
  const block = (id: BlockId, items: DocumentItem[], title: string = id): DocumentBlock => {
    const number = ++article;
    return {
      id,
      heading: msg('heading', (lang) => ({ number, title: tr(lang, `section.${title}`) })),
      items,
    };
  };

  const party = (side: 'home' | 'host', o: OrgFacts, representative: SignatureRole): DocumentItem[] => {
    const signer = signatureOf(representative)?.signerName;
    return [
      { kind: 'subheading', text: msg(`party.${side}`) },
      field('name', orgName(o)),
      field(
        'address',
        both((lang) =>
          [
            o.street,
            [o.postalCode, local(o.municipality, lang)].filter(Boolean).join(' '),
            tr(lang, `value.country.${o.country}`),
          ]
            .filter(Boolean)
            .join(', '),
        ),
      ),
      ...(o.businessId ? [field('business_id', o.businessId)] : []),
      ...(signer ? [field('represented_by', signer)] : []),
    ];
  };

  const p = input.person;
  const personItems: DocumentItem[] = [
    field('person_name', p.name ?? msg('value.not_shared')),
    ...(p.birthDate
      ? [
          field(
            'birth_date',
            both((_, locale) => formatDay(p.birthDate!, locale)),
          ),
        ]
      : []),
    ...(p.participantCode ? [field('participant_code', p.participantCode)] : []),
    field(
      'signatory',
      input.signatory === 'legal_representative'
        ? msg('value.signatory_representative', () => ({ name: input.representativeName ?? '' }))
        : msg('value.signatory_person'),
    ),
  ];

  const referent =
    input.referentName ??
    signatureOf('home_referent')?.signerName ??
    msg('value.named_by', (lang) => ({
      organisation: lang === 'nl' ? input.home.nameNl : input.home.nameFr,
    }));
  const tutor =
    input.tutor.name ??
    (input.tutor.assigned
      ? msg('value.named_by', (lang) => ({
          organisation: lang === 'nl' ? input.host.nameNl : input.host.nameFr,
        }))
      : msg('value.to_designate'));
  /** Free text, each column in its own language or marked as existing only in the other one. */
  const freeText = (id: string, plain: string | null, local: LocalText | undefined): DocumentItem => {
    const v = freeTextValue(local ?? writtenIn(languages.primary, plain), languages, (lang, only) =>
      tr(lang, `value.only_in_${only}`),
    );
    if (!v) return field(id, msg('value.not_set'));
    const item: DocumentItem = { kind: 'field', id, label: msg(`field.${id}`), value: v.value };
    return v.missing ? { ...item, missing: v.missing } : item;
  };
  /** The helpers the convention's articles are built with (agreement-document-convention.ts). */
  const kit: DocumentKit = { msg, both, field };
  const insuranceRef = (v: string | null) => (v?.trim() ? v : msg('value.to_record'));

  const fields = (lang: AgreementLanguage, locale: string) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      input.sharedFields.map((f) => tr(lang, `category.${f}`)),
    );

  const blocks: DocumentBlock[] = [
    {
      id: 'title',
      heading: msg('title'),
      items: [
        paragraph('subtitle', (lang) => ({
          reference,
          version: input.version,
          status: tr(lang, `status.${input.status}`),
        })),
        ...(input.programme
          ? [paragraph('subtitle_programme', (lang) => ({ programme: local(input.programme, lang) }))]
          : []),
        ...(SIGNATURE_ROLES.every((r) => signatureOf(r)?.signedAt)
          ? []
          : [{ ...paragraph('unsigned_notice'), tone: 'notice' as const }]),
      ],
    },
    block('parties', [
      ...party('home', input.home, 'home_referent'),
      ...party('host', input.host, 'host_representative'),
    ]),
    block('person', personItems),
    block('purpose', [
      paragraph('purpose.placement'),
      withheld('contract')
        ? paragraph('purpose.contract_withheld')
        : paragraph('purpose.contract', () => homeCountry),
      ...(input.programme
        ? [paragraph('purpose.programme', (lang) => ({ programme: local(input.programme, lang) }))]
        : []),
      ...conventionPurposeItems(input.convention, kit),
    ]),
    block('terms', [
      field(
        'site',
        both((lang) =>
          [input.siteName, local(input.siteMunicipality, lang) || input.municipalityCode].join(', '),
        ),
      ),
      freeText('tasks', input.tasks, input.texts?.tasks),
      field('tutor', tutor),
      field('referent', referent),
      ...conventionSafetyItems(input.convention, kit),
    ]),
    block('schedule', [
      field(
        'period',
        both((lang, locale) =>
          tr(lang, 'value.period', {
            from: formatDay(input.startsOn, locale),
            to: formatDay(input.endsOn, locale),
            weeks: Math.max(1, Math.round(daysInclusive(input.startsOn, input.endsOn) / 7)),
          }),
        ),
      ),
      // The structured timetable when there is one; agreements made before it keep their free text.
      ...(timetableItems(input.convention, kit) ?? [
        freeText('schedule', input.schedule, input.texts?.schedule),
      ]),
      field(
        'hours_per_week',
        input.hoursPerWeek === null
          ? msg('value.not_set')
          : msg('value.hours', () => ({ hours: input.hoursPerWeek! })),
      ),
    ]),
    block(
      'benefit',
      [
        paragraph('benefit.unpaid'),
        withheld('benefit')
          ? paragraph('benefit.kept_withheld')
          : paragraph('benefit.kept', () => homeCountry),
      ],
      withheld('benefit') ? 'benefit_withheld' : 'benefit',
    ),
    // The RIS/leefloon rule on stays abroad binds recipients of a Belgian centre only; stating it would
    // tell a host without the benefit field group that the person receives it.
    ...(input.home.country === 'BE' && !withheld('benefit')
      ? [block('stays_abroad', [paragraph('stays_abroad.rule')])]
      : []),
    block('insurance', [
      paragraph('insurance.cover'),
      field('accident_insurance', insuranceRef(input.accidentInsuranceRef)),
      field('liability_insurance', insuranceRef(input.liabilityInsuranceRef)),
      paragraph('insurance.accident'),
    ]),
    block('obligations', [
      paragraph('obligations.host'),
      paragraph('obligations.home'),
      paragraph('obligations.person'),
    ]),
    block('data', [
      {
        kind: 'paragraph',
        text: msg('data.basis', (lang, locale) => ({ basis: input.basis, fields: fields(lang, locale) })),
      },
      paragraph('data.rules'),
    ]),
    block('interruption', [
      paragraph('interruption.rule'),
      paragraph('interruption.changes'),
      ...(languages.host ? [paragraph('languages.both')] : []),
    ]),
    {
      id: 'signatures',
      heading: msg('section.signatures'),
      items: SIGNATURE_ROLES.map((role) => signatureItem(role)),
    },
    {
      id: 'footer',
      heading: null,
      items: [
        paragraph('footer', (lang) => ({
          reference,
          version: input.version,
          date: formatMoment(input.generatedAt, localeOf(lang), true),
        })),
      ],
    },
  ];

  function signatureItem(role: SignatureRole): DocumentItem {
    const s = signatureOf(role);
    const label =
      role === 'person' && input.signatory === 'legal_representative'
        ? msg('role.representative')
        : msg(`role.${role}`);
    const signer = role !== 'person' ? (s?.signerName ?? null) : personSigner(s);
    if (s?.signedAt)
      return {
        kind: 'signature',
        role,
        label,
        signer,
        state: 'signed',
        status: msg('signature.signed', (lang, locale) => ({
          date: formatMoment(s.signedAt!, locale, false),
          method: tr(lang, `signature.method.${s.method ?? 'in_person'}`),
        })),
      };
    if (s)
      return {
        kind: 'signature',
        role,
        label,
        signer,
        state: 'pending',
        status: msg('signature.pending', (_, locale) => ({
          date: formatMoment(s.requestedAt, locale, false),
        })),
      };
    return {
      kind: 'signature',
      role,
      label,
      signer,
      state: 'not_requested',
      status: msg('signature.not_requested'),
    };
  }

  /** The person's own name only when the reader may see it (the signature row names them to both sides). */
  function personSigner(s: SignatureFacts | undefined): string | null {
    if (input.signatory === 'legal_representative') return s?.signerName ?? input.representativeName;
    return input.person.name === null ? null : (s?.signerName ?? input.person.name);
  }

  const title = msg('title');
  return {
    languages,
    locales: { primary: localeOf(languages.primary), host: languages.host ? localeOf(languages.host) : null },
    reference,
    title,
    filename: tr(languages.primary, 'filename', { reference }),
    blocks,
    pageLabel: (page, pages) => tr(languages.primary, 'page', { page, pages }),
  };
}
