/**
 * Free text (tasks, schedule…) in an agreement document, each column in its own language (issue 9, item 7):
 * the text written in that language where it exists, otherwise a visible mark, in the column's language,
 * that it exists only in the other one. A column never prints the other language's text as if it were its own.
 */
import type { AgreementLanguage, DocumentLanguages, LocalText, Pair } from './agreement-document-types';

export interface FreeTextValue {
  /** A plain string in a one-column document whose text exists in its language; a Pair otherwise. */
  value: Pair | string;
  /** The column that carries the mark instead of (or, alone, above) the text. */
  missing?: 'primary' | 'host';
}

/** Text written in one language only, e.g. an agreement's own tasks, in the agreement's language. */
export function writtenIn(language: AgreementLanguage, text: string | null): LocalText {
  return language === 'fr' ? { fr: text, nl: null } : { fr: null, nl: text };
}

const other = (lang: AgreementLanguage): AgreementLanguage => (lang === 'fr' ? 'nl' : 'fr');

/**
 * The value of a free-text field; null when the text exists in neither language. mark(column, only) is the
 * notice, in the column's language, that the text exists only in `only`.
 */
export function freeTextValue(
  text: LocalText,
  languages: DocumentLanguages,
  mark: (column: AgreementLanguage, only: AgreementLanguage) => string,
): FreeTextValue | null {
  const inLanguage = (lang: AgreementLanguage) => {
    const t = text[lang];
    return t?.trim() ? t : null;
  };
  const primary = inLanguage(languages.primary);
  const fallback = inLanguage(other(languages.primary));
  if (primary === null && fallback === null) return null;
  if (languages.host === null) {
    if (primary !== null) return { value: primary };
    // No other column to read it in: the mark, then the text as written.
    return {
      value: { primary: `${mark(languages.primary, other(languages.primary))}\n${fallback}`, host: null },
      missing: 'primary',
    };
  }
  const host = inLanguage(languages.host);
  if (primary !== null && host !== null) return { value: { primary, host } };
  if (primary !== null)
    return { value: { primary, host: mark(languages.host, languages.primary) }, missing: 'host' };
  return {
    value: { primary: mark(languages.primary, languages.host), host: host ?? '' },
    missing: 'primary',
  };
}

const same = (a: string | null, b: string | null) => !!a?.trim() && a.trim() === b?.trim();

/**
 * The languages an agreement's tasks and schedule exist in. An agreement keeps one text each, copied from
 * its offer or typed in the agreement's language. Tasks still as the offer gave them are the offer's, in
 * each language the host wrote them in; a schedule still as the offer gave it is in the host's language.
 * Text changed since the offer is the agreement's own, in the agreement's language.
 */
export function agreementTexts(
  agreement: { tasks: string | null; schedule: string | null; language: AgreementLanguage },
  offer: {
    tasksFr: string | null;
    tasksNl: string | null;
    schedule: string | null;
    hostLanguage: AgreementLanguage;
  } | null,
): { tasks: LocalText; schedule: LocalText } {
  const fromOffer = offer && (same(agreement.tasks, offer.tasksFr) || same(agreement.tasks, offer.tasksNl));
  return {
    tasks: fromOffer
      ? { fr: offer.tasksFr, nl: offer.tasksNl }
      : writtenIn(agreement.language, agreement.tasks),
    schedule:
      offer && same(agreement.schedule, offer.schedule)
        ? writtenIn(offer.hostLanguage, agreement.schedule)
        : writtenIn(agreement.language, agreement.schedule),
  };
}
