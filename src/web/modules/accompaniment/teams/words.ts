import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';

/** The mobile teams part's words, translated: enumerations, dates, organisation names. */
export function useTeamWords() {
  const intl = useIntl();
  const { language } = useLanguage();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `accompaniment.teams.${id}` }, values);
  const options = (prefix: string, ids: readonly string[]): Option[] =>
    ids.map((id) => ({ id, label: m(`${prefix}.${id}`) }));
  return {
    m,
    options,
    language,
    lang: (code: string) => intl.formatMessage({ id: `people.language.${code}`, defaultMessage: code }),
    name: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
    day: (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' }),
    when: (iso: string) =>
      intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }),
  };
}
export type TeamWords = ReturnType<typeof useTeamWords>;
