import { formattingLocale, type Language } from '../../../../common/i18n/locales';
import type { SubjectExport } from '../../../../common/people/subject-rights-endpoints';
import { hasMessage, t } from '../../../platform/i18n';
import { FONT } from '../../../platform/pdf-fonts';
import { INK, MUTED, openPdf, Printer } from '../../../platform/pdf-printer';
import { readableCode } from './code-labels';
import type { SubjectPerson } from './collect';

/**
 * The readable copy of a person's data (GDPR art. 15(3)), in their language: who holds it, then each
 * module's section, one block per row with its fields named in that language. Codes of lists are named as
 * the screens name them (code-labels.ts); dates and instants in the language's format.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function value(v: string | number | boolean | null, language: Language, locale: string): string {
  if (v === null || v === '') return '–';
  if (typeof v === 'boolean')
    return t(language, v ? 'people.subject_rights.yes' : 'people.subject_rights.no');
  if (typeof v === 'number') return new Intl.NumberFormat(locale).format(v);
  if (ISO_DAY.test(v))
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${v}T00:00:00Z`),
    );
  if (ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)))
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    }).format(new Date(v));
  return v;
}

function label(field: string, language: Language): string {
  const key = `people.subject_rights.field.${field}`;
  return hasMessage(key) ? t(language, key) : field;
}

export async function renderSubjectPdf(
  data: SubjectExport,
  person: SubjectPerson,
  language: Language,
  creationDate: Date,
  compress = true,
): Promise<Buffer> {
  const locale = formattingLocale(language, person.orgCountry);
  const m = (key: string, params?: Record<string, string | number>) =>
    t(language, `people.subject_rights.pdf.${key}`, params, person.orgCountry);
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const title = m('title', { name });
  const { doc, done } = openPdf({ language, title, creationDate, compress });
  const p = new Printer(doc);
  p.heading(title, 15);
  p.line(m('held_by', { organisation: data.organisation }));
  p.line(m('participant_code', { code: data.participantCode }));
  p.line(
    m('generated', {
      at: new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Brussels',
      }).format(creationDate),
    }),
  );
  p.note(m('intro'));
  for (const s of data.sections) {
    p.gap(6);
    p.subheading(s.title);
    if (s.withheld) p.note(m('withheld', { count: s.withheld }));
    if (s.rows.length === 0) {
      if (!s.withheld) p.note(m('none'));
      continue;
    }
    s.rows.forEach((row, i) => {
      if (s.rows.length > 1) p.line(`${i + 1}.`, MUTED, 8, FONT.bold);
      for (const [k, v] of Object.entries(row))
        p.line(
          m('field', {
            label: label(k, language),
            value:
              typeof v === 'string'
                ? readableCode(s.key, k, value(v, language, locale), language)
                : value(v, language, locale),
          }),
          INK,
          9,
        );
      p.rule();
    });
  }
  p.footers(title, (n, of) => m('page', { n, of }));
  doc.end();
  return done;
}
