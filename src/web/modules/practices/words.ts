import { useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import { DOCUMENT_TYPES } from '../../../common/network/programme-documents';
import {
  type OrgRef,
  PRACTICE_THEMES,
  type PracticeLanguage,
  type PracticeStatus,
  TAKE_UP_STATUSES,
} from '../../../common/practices/schemas';
import { useLanguage } from '../../app/i18n';
import type { Option } from '../../app/ui/fields';

/** The practices module's words: themes, statuses, take-up steps and organisation names, translated. */
export function usePracticeWords() {
  const intl = useIntl();
  const { language } = useLanguage();
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  return {
    language,
    theme: (t: string) => m(`practices.enum.theme.${t}`),
    status: (s: PracticeStatus) => m(`practices.enum.status.${s}`),
    takeUpStatus: (s: string) => m(`practices.enum.takeup.${s}`),
    languageName: (l: PracticeLanguage) => m(`practices.enum.language.${l}`),
    org: (o: OrgRef) => localized(language, o.nameFr, o.nameNl),
    country: (c: string) => m(`practices.enum.country.${c}`),
    themeOptions: (): Option[] =>
      PRACTICE_THEMES.map((t) => ({ id: t, label: m(`practices.enum.theme.${t}`) })),
    takeUpOptions: (): Option[] =>
      TAKE_UP_STATUSES.map((t) => ({ id: t, label: m(`practices.enum.takeup.${t}`) })),
  };
}

/** The title in the reader's language, else the other one, with the language it is written in. */
export function pickTitle(
  language: string,
  fr: string | null,
  nl: string | null,
): { text: string; lang: PracticeLanguage } {
  if (language === 'nl') return nl ? { text: nl, lang: 'nl' } : { text: fr ?? '', lang: 'fr' };
  return fr ? { text: fr, lang: 'fr' } : { text: nl ?? '', lang: 'nl' };
}

export const statusTone = (s: PracticeStatus) =>
  s === 'public'
    ? 'tag tag--success'
    : s === 'network'
      ? 'tag'
      : s === 'draft'
        ? 'tag tag--warning'
        : 'tag tag--danger';

/** The file types the API accepts (it decides from the bytes; this only filters the file picker). */
export const ACCEPT = Object.keys(DOCUMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');
