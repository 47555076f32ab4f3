import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { formattingLocale } from '../i18n/locales';
import {
  type AgreementDocument,
  type AgreementDocumentInput,
  agreementDocument,
  documentLanguages,
  type Translate,
} from './agreement-document';
import { agreementTexts, freeTextValue } from './agreement-free-text';

/** Issue 9, item 7: each column of the agreement in its own language, tasks and schedule included. */

const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../i18n/placements/agreements/pdf/${lang}.json`), 'utf8'),
  );
const catalogues = { fr: catalogue('fr'), nl: catalogue('nl') };
const translate: Translate = (language, key, values, country) =>
  String(
    new IntlMessageFormat(catalogues[language][key] ?? key, formattingLocale(language, country)).format(
      values,
    ),
  );

const org = (name: string, country: 'BE' | 'FR') => ({
  nameFr: name,
  nameNl: name,
  country,
  street: null,
  postalCode: null,
  municipality: null,
  businessId: null,
});
const input = (over: Partial<AgreementDocumentInput>): AgreementDocumentInput => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'draft',
  version: 1,
  home: org('OCMW Kortrijk', 'BE'),
  host: org('Atelier du Pile', 'FR'),
  person: { name: 'Łucja Nowak', birthDate: null, participantCode: null },
  signatory: 'person',
  representativeName: null,
  siteName: 'Atelier',
  siteMunicipality: null,
  municipalityCode: 'FR-59512',
  programme: null,
  tasks: null,
  schedule: null,
  hoursPerWeek: null,
  startsOn: '2027-01-04',
  endsOn: '2027-03-28',
  referentName: null,
  tutor: { assigned: false, name: null },
  accidentInsuranceRef: null,
  liabilityInsuranceRef: null,
  sharedFields: ['identity'],
  readerSide: 'home',
  basis: 'consent',
  signatures: [],
  generatedAt: new Date('2026-11-23T10:15:00Z'),
  ...over,
});
const fieldOf = (doc: AgreementDocument, id: string) => {
  const item = doc.blocks.flatMap((b) => b.items).find((i) => i.kind === 'field' && i.id === id);
  if (item?.kind !== 'field') throw new Error(`no field ${id}`);
  return item;
};

const TASKS = { fr: 'Réparation de vélos', nl: 'Fietsen herstellen' };

describe('free text in the agreement document', () => {
  it('gives each column the tasks in its own language when the offer has both', () => {
    const doc = agreementDocument(
      input({ tasks: TASKS.nl, texts: { tasks: TASKS } }),
      documentLanguages('nl', 'FR-HDF'),
      translate,
    );
    const tasks = fieldOf(doc, 'tasks');
    expect(tasks.value).toEqual({ primary: 'Fietsen herstellen', host: 'Réparation de vélos' });
    expect(tasks.missing).toBeUndefined();
  });

  it('marks, in each column’s language, text that exists only in the other language', () => {
    const nl = agreementDocument(
      input({
        schedule: 'Lundi–jeudi 8 h 30–16 h',
        texts: { schedule: { fr: 'Lundi–jeudi 8 h 30–16 h', nl: null } },
      }),
      documentLanguages('nl', 'FR-HDF'),
      translate,
    );
    expect(fieldOf(nl, 'schedule')).toMatchObject({
      value: { primary: '[Tekst alleen in het Frans beschikbaar]', host: 'Lundi–jeudi 8 h 30–16 h' },
      missing: 'primary',
    });
    const fr = agreementDocument(
      input({ tasks: TASKS.fr, texts: { tasks: { fr: TASKS.fr, nl: '  ' } } }),
      documentLanguages('fr', 'BE-VLG'),
      translate,
    );
    expect(fieldOf(fr, 'tasks')).toMatchObject({
      value: { primary: 'Réparation de vélos', host: '[Tekst alleen in het Frans beschikbaar]' },
      missing: 'host',
    });
  });

  it('in a one-language document, prints the mark above text written only in the other language', () => {
    const doc = agreementDocument(
      input({ tasks: TASKS.nl, texts: { tasks: { fr: null, nl: TASKS.nl } } }),
      documentLanguages('fr', 'FR-HDF'),
      translate,
    );
    expect(fieldOf(doc, 'tasks')).toMatchObject({
      value: { primary: '[Texte disponible uniquement en néerlandais]\nFietsen herstellen', host: null },
      missing: 'primary',
    });
    // In its own language: the plain text, as before.
    const own = agreementDocument(input({ tasks: TASKS.fr }), documentLanguages('fr', 'FR-HDF'), translate);
    expect(fieldOf(own, 'tasks').value).toBe('Réparation de vélos');
    expect(fieldOf(own, 'schedule').value).toEqual({ primary: 'Non précisé', host: null });
  });

  it('takes text without languages as written in the agreement’s language', () => {
    const mark = (column: string, only: string) => `${column}:${only}`;
    const languages = { primary: 'fr', host: 'nl' } as const;
    expect(freeTextValue({ fr: 'x', nl: null }, languages, mark)).toEqual({
      value: { primary: 'x', host: 'nl:fr' },
      missing: 'host',
    });
    expect(freeTextValue({ fr: ' ', nl: null }, languages, mark)).toBeNull();
  });
});

describe('the languages of an agreement’s tasks and schedule', () => {
  const offer = {
    tasksFr: TASKS.fr,
    tasksNl: TASKS.nl,
    schedule: 'Lundi–jeudi',
    hostLanguage: 'fr' as const,
  };

  it('are the offer’s while the agreement keeps the offer’s text', () => {
    expect(
      agreementTexts({ tasks: ` ${TASKS.nl}\n`, schedule: 'Lundi–jeudi', language: 'nl' }, offer),
    ).toEqual({
      tasks: { fr: TASKS.fr, nl: TASKS.nl },
      schedule: { fr: 'Lundi–jeudi', nl: null },
    });
  });

  it('are the agreement’s own language once the text was changed, or without an offer', () => {
    expect(agreementTexts({ tasks: 'Fietsen en klanten', schedule: 'ma–do', language: 'nl' }, offer)).toEqual(
      {
        tasks: { fr: null, nl: 'Fietsen en klanten' },
        schedule: { fr: null, nl: 'ma–do' },
      },
    );
    expect(agreementTexts({ tasks: TASKS.fr, schedule: null, language: 'fr' }, null)).toEqual({
      tasks: { fr: TASKS.fr, nl: null },
      schedule: { fr: null, nl: null },
    });
  });
});
