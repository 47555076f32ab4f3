import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formattingLocale } from '../i18n/locales';
import {
  type AgreementDocument,
  type AgreementDocumentInput,
  agreementDocument,
  agreementReference,
  type BlockId,
  type DocumentItem,
  documentLanguages,
  type Pair,
  type Translate,
} from './agreement-document';

// This namespace's own catalogue, formatted as the server's t() does (the db test goes through t() itself).
const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../i18n/placements/agreements/pdf/${lang}.json`), 'utf8'),
  );
const catalogues = { fr: catalogue('fr'), nl: catalogue('nl') };
const translate: Translate = (language, key, values, country) => {
  const message = catalogues[language][key];
  if (message === undefined) return key;
  return String(new IntlMessageFormat(message, formattingLocale(language, country)).format(values));
};

/** Mouscron (Wallonia, FR) sends a person to the Atelier du Pile in Roubaix (France): French only. */
const base: AgreementDocumentInput = {
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'awaiting_signatures',
  version: 2,
  home: {
    nameFr: 'CPAS de Mouscron',
    nameNl: 'OCMW Moeskroen',
    country: 'BE',
    street: 'Rue de la Station 1',
    postalCode: '7700',
    municipality: { fr: 'Mouscron', nl: 'Moeskroen' },
    businessId: 'KBO 0212.345.678',
  },
  host: {
    nameFr: 'Atelier du Pile',
    nameNl: 'Atelier du Pile',
    country: 'FR',
    street: null,
    postalCode: '59100',
    municipality: { fr: 'Roubaix', nl: 'Robaais' },
    businessId: null,
  },
  person: { name: 'Lucie Fictivelle', birthDate: '1988-04-12', participantCode: 'ABCD-EFGH-JKLM' },
  signatory: 'person',
  representativeName: null,
  siteName: 'Chantier vélos',
  siteMunicipality: { fr: 'Roubaix', nl: 'Robaais' },
  municipalityCode: 'FR-59512',
  programme: { fr: 'SAM – SAM Eurométropole', nl: 'SAM – SAM Eurometropool' },
  tasks: 'Réparation de vélos',
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
  signatures: [
    {
      role: 'person',
      version: 1,
      signerName: 'Lucie Fictivelle',
      method: 'in_person',
      requestedAt: '2026-11-01T09:00:00Z',
      signedAt: '2026-11-01T09:05:00Z',
    },
    {
      role: 'person',
      version: 2,
      signerName: 'Lucie Fictivelle',
      method: 'link',
      requestedAt: '2026-11-20T09:00:00Z',
      signedAt: '2026-11-21T16:30:00Z',
    },
    {
      role: 'home_referent',
      version: 2,
      signerName: 'Camille Référente',
      method: null,
      requestedAt: '2026-11-20T09:00:00Z',
      signedAt: null,
    },
  ],
  generatedAt: new Date('2026-11-23T10:15:00Z'),
};

const build = (
  over: Partial<AgreementDocumentInput> = {},
  { language = 'fr', hostRegion = 'FR-HDF' }: { language?: 'fr' | 'nl'; hostRegion?: string } = {},
) => agreementDocument({ ...base, ...over }, documentLanguages(language, hostRegion), translate);

const block = (doc: AgreementDocument, id: BlockId) => doc.blocks.find((b) => b.id === id);
const ids = (doc: AgreementDocument) => doc.blocks.map((b) => b.id);
const field = (doc: AgreementDocument, blockId: BlockId, fieldId: string) => {
  const item = block(doc, blockId)?.items.find((i) => i.kind === 'field' && i.id === fieldId);
  return item?.kind === 'field' ? item.value : undefined;
};
const primary = (v: Pair | string | undefined) => (typeof v === 'string' ? v : v?.primary);
const texts = (doc: AgreementDocument, side: 'primary' | 'host') =>
  doc.blocks.flatMap((b) => [
    ...(b.heading ? [b.heading[side]] : []),
    ...b.items.flatMap((i: DocumentItem) =>
      i.kind === 'field'
        ? [i.label[side], typeof i.value === 'string' ? i.value : i.value[side]]
        : i.kind === 'signature'
          ? [i.label[side], i.status[side], i.signer]
          : [i.text[side]],
    ),
  ]);
const all = (doc: AgreementDocument, side: 'primary' | 'host' = 'primary') => texts(doc, side).join('\n');
const signature = (doc: AgreementDocument, role: string) => {
  const item = block(doc, 'signatures')?.items.find((i) => i.kind === 'signature' && i.role === role);
  if (item?.kind !== 'signature') throw new Error(`no signature item ${role}`);
  return item;
};

describe('document languages', () => {
  it('adds the host language only when it differs from the agreement language', () => {
    expect(documentLanguages('fr', 'FR-HDF')).toEqual({ primary: 'fr', host: null });
    expect(documentLanguages('fr', 'BE-WAL')).toEqual({ primary: 'fr', host: null });
    expect(documentLanguages('fr', 'BE-BRU')).toEqual({ primary: 'fr', host: null });
    expect(documentLanguages('fr', 'BE-VLG')).toEqual({ primary: 'fr', host: 'nl' });
    expect(documentLanguages('nl', 'FR-HDF')).toEqual({ primary: 'nl', host: 'fr' });
    expect(documentLanguages('nl', 'BE-VLG')).toEqual({ primary: 'nl', host: null });
  });
});

describe('agreement document', () => {
  it('is a French-only document for a French-speaking person placed in France', () => {
    const doc = build();
    expect(doc.languages).toEqual({ primary: 'fr', host: null });
    expect(doc.locales).toEqual({ primary: 'fr-BE', host: null });
    expect(texts(doc, 'host').every((x) => x === null || typeof x === 'string')).toBe(true);
    expect(doc.blocks.every((b) => (b.heading ? b.heading.host === null : true))).toBe(true);
    expect(doc.title.primary).toBe('Convention de mise en situation professionnelle transfrontalière');
    expect(doc.reference).toBe('3F2A9C1B');
    expect(doc.filename).toBe('convention-3F2A9C1B.pdf');
    expect(doc.pageLabel(2, 5)).toBe('Page 2 sur 5');
    expect(all(doc)).not.toContain('néerlandais');
  });

  it('puts the blocks in the order of a real agreement, with numbered articles', () => {
    const doc = build();
    expect(ids(doc)).toEqual([
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
    ]);
    expect(block(doc, 'parties')?.heading?.primary).toBe('Article 1 – Les parties');
    expect(block(doc, 'interruption')?.heading?.primary).toBe(
      'Article 11 – Modification, suspension et fin anticipée',
    );
    expect(block(doc, 'signatures')?.heading?.primary).toBe('Signatures');
    expect(block(doc, 'footer')?.heading).toBeNull();
  });

  it('is bilingual, Dutch first, for a Kortrijk person placed in Roubaix', () => {
    const doc = build(
      { home: { ...base.home, nameFr: 'CPAS de Courtrai', nameNl: 'OCMW Kortrijk', municipality: null } },
      { language: 'nl' },
    );
    expect(doc.languages).toEqual({ primary: 'nl', host: 'fr' });
    expect(doc.locales).toEqual({ primary: 'nl-BE', host: 'fr-FR' });
    expect(doc.title).toEqual({
      primary: 'Overeenkomst voor een grensoverschrijdende werkplekstage',
      host: 'Convention de mise en situation professionnelle transfrontalière',
    });
    expect(doc.filename).toBe('overeenkomst-3F2A9C1B.pdf');
    // Every translated text has its French counterpart; names of organisations follow each column.
    expect(doc.blocks.every((b) => b.heading === null || b.heading.host !== null)).toBe(true);
    expect(field(doc, 'parties', 'name')).toEqual({ primary: 'OCMW Kortrijk', host: 'CPAS de Courtrai' });
    expect(field(doc, 'terms', 'site')).toEqual({
      primary: 'Chantier vélos, Robaais',
      host: 'Chantier vélos, Roubaix',
    });
    expect(field(doc, 'schedule', 'period')).toEqual({
      primary: 'van 4 januari 2027 tot 28 maart 2027 (12 weken)',
      host: 'du 4 janvier 2027 au 28 mars 2027 (12 semaines)',
    });
    expect(field(doc, 'schedule', 'hours_per_week')).toEqual({ primary: '27,5 uur', host: '27,5 heures' });
    // Free text is no longer repeated in both columns: written in the agreement's language (Dutch) only, the
    // French column marks it (issue 9, item 7; see agreement-free-text.test.ts).
    expect(field(doc, 'terms', 'tasks')).toEqual({
      primary: 'Réparation de vélos',
      host: '[Texte disponible uniquement en néerlandais]',
    });
    expect(all(doc)).toContain('Deze overeenkomst is opgesteld in het Frans en in het Nederlands');
    expect(all(doc, 'host')).toContain('établie en français et en néerlandais');
    expect(all(doc)).toContain('leefloon');
    expect(all(doc)).toContain('GPMI');
    expect(all(doc, 'host')).toContain('PIIS');
  });

  it('is bilingual, French first, for a Mouscron person placed in Flanders', () => {
    const doc = build({ host: { ...base.host, country: 'BE' } }, { hostRegion: 'BE-VLG' });
    expect(doc.languages).toEqual({ primary: 'fr', host: 'nl' });
    expect(doc.locales).toEqual({ primary: 'fr-BE', host: 'nl-BE' });
    expect(doc.pageLabel(1, 3)).toBe('Page 1 sur 3');
  });

  it('states the legal substance: purpose, no pay, benefit kept, insurance, obligations, data, interruption', () => {
    const text = all(build());
    for (const needle of [
      'mise en situation professionnelle',
      'n’est pas rémunérée',
      'aucun contrat de travail',
      'conserve son revenu d’intégration',
      'projet individualisé d’intégration sociale (PIIS)',
      'programme SAM – SAM Eurométropole',
      'sur le chemin entre le domicile et le lieu de mise en situation',
      'responsabilité civile',
      'carte européenne d’assurance maladie',
      'désigne un tuteur',
      'évaluation à mi-parcours et une évaluation finale',
      'respecte l’horaire convenu',
      'responsable du traitement',
      'Aucun numéro d’identification national',
      'arrêter la mise en situation à tout moment',
      'nouvelle version',
    ])
      expect(text).toContain(needle);
  });

  it('tells Belgian recipients about stays abroad, and not French ones', () => {
    const belgian = all(build());
    expect(belgian).toContain('7 jours consécutifs ou plus');
    expect(belgian).toContain('4 semaines');
    const french = build({ home: { ...base.home, country: 'FR', nameFr: 'CCAS de Roubaix' } });
    expect(ids(french)).not.toContain('stays_abroad');
    expect(all(french)).toContain('revenu de solidarité active (RSA)');
    expect(all(french)).toContain('contrat d’engagement');
    expect(all(french)).not.toContain('7 jours');
    // Without the stays-abroad article the next ones move up.
    expect(block(french, 'insurance')?.heading?.primary).toMatch(/^Article 7 –/);
  });

  // Issue 9, item 8: the host's copy named the PIIS/GPMI and the income kept without the field groups.
  it('tells the host only what its grant gives it about the person’s benefit and contract', () => {
    const host = build({ readerSide: 'host', sharedFields: ['identity', 'languages'] });
    const text = all(host);
    for (const revealing of [
      'PIIS',
      'revenu d’intégration',
      'RSA',
      'leefloon',
      'GPMI',
      '7 jours consécutifs',
    ])
      expect(text).not.toContain(revealing);
    expect(ids(host)).not.toContain('stays_abroad');
    expect(text).toContain('ne change rien aux droits sociaux de la personne');
    expect(block(host, 'benefit')?.heading?.primary).toMatch(/Absence de rémunération$/);
    // With the groups granted, the host reads what the home centre reads.
    const granted = build({ readerSide: 'host', sharedFields: ['identity', 'benefit', 'contract'] });
    expect(all(granted)).toContain('conserve son revenu d’intégration');
    expect(all(granted)).toContain('projet individualisé d’intégration sociale (PIIS)');
    expect(ids(granted)).toContain('stays_abroad');
    // The home centre's copy is whole whatever it shared.
    expect(all(build({ readerSide: 'home', sharedFields: ['identity'] }))).toContain('PIIS');
  });

  it('lists the shared field groups and the basis of the share', () => {
    const doc = build({ sharedFields: ['identity', 'birth_date', 'languages'] });
    expect(all(doc)).toContain(
      'Avec le consentement de la personne, l’organisation d’accueil voit dans samen uniquement : son identité, sa date de naissance et ses langues et leur niveau',
    );
    const override = build({ basis: 'override' });
    expect(all(override)).toContain('Sur décision motivée du centre d’origine');
    expect(all(override)).not.toContain('Avec le consentement');
  });

  it('shows missing insurance as to be recorded, and recorded references as they are', () => {
    const doc = build();
    expect(field(doc, 'insurance', 'accident_insurance')).toBe('ETHIAS-AT-123');
    expect(field(doc, 'insurance', 'liability_insurance')).toEqual({
      primary: 'À enregistrer avant le début de la mise en situation',
      host: null,
    });
    const nl = build({ accidentInsuranceRef: null }, { language: 'nl' });
    expect(field(nl, 'insurance', 'accident_insurance')).toEqual({
      primary: 'Te registreren vóór het begin van de werkplekstage',
      host: 'À enregistrer avant le début de la mise en situation',
    });
  });

  it('shows the person as the reader may see them', () => {
    const home = build();
    expect(field(home, 'person', 'person_name')).toBe('Lucie Fictivelle');
    expect(primary(field(home, 'person', 'birth_date'))).toBe('12 avril 1988');
    expect(field(home, 'person', 'participant_code')).toBe('ABCD-EFGH-JKLM');
    const host = build({ person: { name: null, birthDate: null, participantCode: 'ABCD-EFGH-JKLM' } });
    expect(primary(field(host, 'person', 'person_name'))).toBe('Non communiqué à l’organisation d’accueil');
    expect(field(host, 'person', 'birth_date')).toBeUndefined();
    expect(field(host, 'person', 'participant_code')).toBe('ABCD-EFGH-JKLM');
    // The person's signature row carries their name: the host does not print it without the identity.
    expect(all(host)).not.toContain('Lucie');
    expect(signature(host, 'person')).toMatchObject({ signer: null, state: 'signed' });
    const nothing = build({
      person: { name: null, birthDate: null, participantCode: null },
      signatures: [],
    });
    expect(field(nothing, 'person', 'participant_code')).toBeUndefined();
  });

  it('names a legal representative as the signatory for the person', () => {
    const doc = build({
      signatory: 'legal_representative',
      representativeName: 'Marc Tuteurlégal',
      signatures: [],
    });
    expect(primary(field(doc, 'person', 'signatory'))).toBe('Son représentant légal : Marc Tuteurlégal');
    const s = signature(doc, 'person');
    expect(s.label.primary).toBe('Le représentant légal de la personne');
    expect(s.signer).toBe('Marc Tuteurlégal');
    expect(primary(field(build(), 'person', 'signatory'))).toBe('La personne elle-même');
    expect(signature(build(), 'person').label.primary).toBe('La personne');
  });

  it('shows each signature of the current version as signed, pending or not requested', () => {
    const doc = build();
    const person = signature(doc, 'person');
    expect(person.state).toBe('signed');
    expect(person.status.primary).toBe('Signé le 21 novembre 2026, par lien électronique à usage unique');
    const referent = signature(doc, 'home_referent');
    expect(referent.state).toBe('pending');
    expect(referent.signer).toBe('Camille Référente');
    expect(referent.status.primary).toBe('Signature demandée le 20 novembre 2026, en attente');
    const host = signature(doc, 'host_representative');
    expect(host.state).toBe('not_requested');
    expect(host.signer).toBeNull();
    expect(host.status.primary).toBe('Signature pas encore demandée');
    expect(block(doc, 'title')?.items.some((i) => i.kind === 'paragraph' && i.tone === 'notice')).toBe(true);
  });

  it('ignores signatures of an older version', () => {
    const doc = build({ signatures: base.signatures.filter((s) => s.version === 1) });
    expect(signature(doc, 'person').state).toBe('not_requested');
  });

  it('drops the unsigned notice once every party signed, and names the representatives', () => {
    const signed = (role: 'person' | 'home_referent' | 'host_representative', name: string) => ({
      role,
      version: 2,
      signerName: name,
      method: 'in_person' as const,
      requestedAt: '2026-11-20T09:00:00Z',
      signedAt: '2026-11-22T23:30:00Z',
    });
    const doc = build({
      status: 'home_review',
      signatures: [
        signed('person', 'Lucie Fictivelle'),
        signed('home_referent', 'Camille Référente'),
        signed('host_representative', 'Noa Directrice'),
      ],
    });
    expect(block(doc, 'title')?.items.some((i) => i.kind === 'paragraph' && i.tone === 'notice')).toBe(false);
    // 23:30 UTC is already the next day in Brussels.
    expect(signature(doc, 'host_representative').status.primary).toBe(
      'Signé le 23 novembre 2026, en présence d’un membre du personnel',
    );
    const reps = block(doc, 'parties')?.items.filter((i) => i.kind === 'field' && i.id === 'represented_by');
    expect(reps?.map((i) => (i.kind === 'field' ? i.value : null))).toEqual([
      'Camille Référente',
      'Noa Directrice',
    ]);
  });

  it('names the tutor and referent from what the reader sees, or says who names them', () => {
    const home = build();
    expect(field(home, 'terms', 'referent')).toBe('Camille Référente');
    expect(primary(field(home, 'terms', 'tutor'))).toBe('Nommé(e) par Atelier du Pile');
    const noTutor = build({ tutor: { assigned: false, name: null } });
    expect(primary(field(noTutor, 'terms', 'tutor'))).toBe('À désigner par l’organisation d’accueil');
    const host = build({ referentName: null, tutor: { assigned: true, name: 'Noa Tuteur' } });
    expect(field(host, 'terms', 'tutor')).toBe('Noa Tuteur');
    // The host cannot read the home centre's members: the referent's signature names them.
    expect(field(host, 'terms', 'referent')).toBe('Camille Référente');
    const unnamed = build({ referentName: null, signatures: [] });
    expect(primary(field(unnamed, 'terms', 'referent'))).toBe('Nommé(e) par CPAS de Mouscron');
  });

  it('says "not specified" for missing terms and prints the status and version', () => {
    const doc = build({ tasks: null, schedule: '  ', hoursPerWeek: null, programme: null, status: 'draft' });
    expect(primary(field(doc, 'terms', 'tasks'))).toBe('Non précisé');
    expect(primary(field(doc, 'schedule', 'schedule'))).toBe('Non précisé');
    expect(primary(field(doc, 'schedule', 'hours_per_week'))).toBe('Non précisé');
    expect(all(doc)).not.toContain('Programme');
    expect(block(doc, 'title')?.items[0]).toMatchObject({
      text: { primary: 'Référence 3F2A9C1B · version 2 · projet' },
    });
  });

  it('dates the footer on the partners’ clock', () => {
    const doc = build();
    expect(block(doc, 'footer')?.items[0]).toMatchObject({
      text: {
        primary:
          'Convention 3F2A9C1B, version 2, éditée le 23 novembre 2026 à 11:15 avec samen. Seules les signatures de la version 2 engagent les parties.',
      },
    });
  });

  it('leaves no message key untranslated in either language', () => {
    for (const doc of [
      build(),
      build({}, { language: 'nl' }),
      build({ host: { ...base.host, country: 'BE' } }, { hostRegion: 'BE-VLG' }),
    ])
      for (const side of ['primary', 'host'] as const)
        for (const text of texts(doc, side)) expect(text ?? '').not.toMatch(/placements\.agreements\.pdf\./);
  });

  it('makes a short upper-case reference from the id', () => {
    expect(agreementReference('3f2a9c1b-1234-4000-8000-000000000001')).toBe('3F2A9C1B');
  });
});
