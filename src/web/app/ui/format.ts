import { useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import { useLanguage } from '../i18n';

/**
 * Formatting every page shares. A calendar day ('YYYY-MM-DD', or the day part of a timestamp) is
 * formatted in UTC so that no browser time zone moves it by one; an instant keeps the reader's zone.
 */
export function useCommonFormat() {
  const intl = useIntl();
  const { language } = useLanguage();
  const utc = (iso: string) => `${iso.slice(0, 10)}T00:00:00Z`;
  return {
    day: (iso: string) => intl.formatDate(utc(iso), { dateStyle: 'medium', timeZone: 'UTC' }),
    weekday: (iso: string) =>
      intl.formatDate(utc(iso), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
    dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    orgName: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
  };
}
