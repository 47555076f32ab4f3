import type { Language } from '../../../../common/i18n/locales';

/** The text of a record in the reader's language: English falls back to French, Dutch to French too. */
export const pick = (language: Language, fr: string | null, nl: string | null, en?: string | null) =>
  (language === 'nl' ? nl : language === 'en' ? en : fr) || fr || nl || en || '';
