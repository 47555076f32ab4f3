import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formattingLocale } from '../i18n/locales';
import {
  type AgreementDocumentInput,
  agreementDocument,
  type DocumentItem,
  documentLanguages,
  type Pair,
  type Translate,
} from './agreement-document';
import type { ConventionFacts } from './agreement-document-convention';

// The document's catalogue and the convention's, formatted as the server's t() does.
const read = (ns: string, lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../i18n/placements/${ns}/${lang}.json`), 'utf8'));
const catalogues = {
  fr: { ...read('agreements/pdf', 'fr'), ...read('convention', 'fr') },
  nl: { ...read('agreements/pdf', 'nl'), ...read('convention', 'nl') },
};
const translate: Translate = (language, key, values, country) => {
  const message = catalogues[language][key];
  if (message === undefined) return key;
  return String(new IntlMessageFormat(message, formattingLocale(language, country)).format(values));
};

const org = (name: string, country: 'FR' | 'BE') => ({
  nameFr: name,
  nameNl: name,
  country,
  street: 'Rue Fictive 1',
  postalCode: country === 'FR' ? '59100' : '7700',
  municipality: null,
  businessId: null,
});

const convention: ConventionFacts = {
  aim: 'confirm_project',
  jobCode: { kind: 'rome', code: 'K1201' },
  timetable: [
    { day: 2, from: '09:00', to: '12:00' },
    { day: 1, from: '08:30', to: '16:00', breakMinutes: 30 },
  ],
  protectiveEquipment: 'Chaussures de sécurité, gants',
  emergencyContact: { name: 'Nora Exemple', phone: '+32470123456', relation: 'sœur' },
};

const input = (over: Partial<AgreementDocumentInput> = {}): AgreementDocumentInput => ({
  id: '3f2a9c1b-0000-4000-8000-000000000009',
  status: 'awaiting_signatures',
  version: 1,
  home: org('CPAS de Mouscron', 'BE'),
  host: org('Atelier du Pile', 'FR'),
  person: { name: 'Lucie Fictivelle', birthDate: null, participantCode: 'ABCD-EFGH-JKLM' },
  signatory: 'person',
  representativeName: null,
  siteName: 'Chantier vélos',
  siteMunicipality: null,
  municipalityCode: 'FR-59512',
  programme: null,
  tasks: 'Réparation de vélos',
  schedule: 'Lundi–jeudi 8 h 30–16 h',
  hoursPerWeek: 10,
  startsOn: '2027-01-04',
  endsOn: '2027-03-28',
  referentName: 'Camille Référente',
  tutor: { assigned: false, name: null },
  accidentInsuranceRef: null,
  liabilityInsuranceRef: null,
  sharedFields: ['identity'],
  readerSide: 'home',
  basis: 'consent',
  signatures: [],
  generatedAt: new Date('2026-12-01T10:00:00Z'),
  ...over,
});

const build = (i: AgreementDocumentInput, region = 'FR-HDF') =>
  agreementDocument(i, documentLanguages('fr', region), translate);
const text = (p: Pair | string) =>
  typeof p === 'string' ? p : p.host === null ? p.primary : `${p.primary} | ${p.host}`;
const fields = (i: AgreementDocumentInput, block: string, region?: string) =>
  (build(i, region).blocks.find((b) => b.id === block)?.items ?? [])
    .filter((x): x is Extract<DocumentItem, { kind: 'field' }> => x.kind === 'field')
    .map((f) => `${text(f.label)}: ${text(f.value)}`);

describe('the convention terms in the agreement document', () => {
  it('prints the aim and the job code in the purpose article', () => {
    expect(fields(input({ convention }), 'purpose')).toEqual([
      'Objectif: Confirmer un projet professionnel',
      'Métier visé: Code ROME K1201',
    ]);
  });

  it('prints the timetable day by day in weekday order, instead of the free-text schedule', () => {
    const rows = fields(input({ convention }), 'schedule');
    expect(rows).toContain('Lundi: de 08:30 à 16:00, pause de 30 min');
    expect(rows).toContain('Mardi: de 09:00 à 12:00');
    expect(rows.indexOf('Lundi: de 08:30 à 16:00, pause de 30 min')).toBeLessThan(
      rows.indexOf('Mardi: de 09:00 à 12:00'),
    );
    expect(rows.join('\n')).not.toContain('Lundi–jeudi');
  });

  it('keeps the free-text schedule of an agreement made before the timetable', () => {
    const rows = fields(input({ convention: { ...convention, timetable: null } }), 'schedule');
    expect(rows.join('\n')).toContain('Lundi–jeudi 8 h 30–16 h');
    expect(fields(input(), 'schedule').join('\n')).toContain('Lundi–jeudi 8 h 30–16 h');
  });

  it('names the weekdays in each column’s language in a bilingual copy', () => {
    const rows = fields(input({ convention }), 'schedule', 'BE-VLG');
    expect(rows).toContain(
      'Lundi | Maandag: de 08:30 à 16:00, pause de 30 min | van 08:30 tot 16:00, pauze van 30 min',
    );
  });

  it('prints the protective equipment and the emergency contact in the terms article', () => {
    const rows = fields(input({ convention }), 'terms');
    expect(rows).toContain('Équipements de protection fournis: Chaussures de sécurité, gants');
    expect(rows).toContain('Personne à prévenir en cas d’urgence: Nora Exemple (sœur), +32470123456');
  });

  it('prints no emergency contact where the reader may not see it (the server leaves it out)', () => {
    const rows = fields(
      input({ readerSide: 'host', convention: { ...convention, emergencyContact: null } }),
      'terms',
    );
    expect(rows.join('\n')).not.toContain('Nora');
    expect(rows.join('\n')).not.toContain('urgence');
  });
});
