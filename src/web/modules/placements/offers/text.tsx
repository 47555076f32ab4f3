import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import {
  OFFER_COUNTRIES,
  OFFER_LANGUAGES,
  OFFER_SECTORS,
  type OfferItem,
} from '../../../../common/placements/offer-schemas';
import { CEFR_LEVELS } from '../../../../common/placements/ranking';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';

/** Choice lists of the offer forms and filters, in the reader's language. */
export function useOfferOptions() {
  const intl = useIntl();
  const opts = (prefix: string, values: readonly string[]): Option[] =>
    values.map((v) => ({ id: v, label: intl.formatMessage({ id: `${prefix}.${v}` }) }));
  return {
    sectors: opts('placements.offers.enum.sector', OFFER_SECTORS),
    languages: opts('placements.offers.enum.language', OFFER_LANGUAGES),
    countries: opts('placements.offers.enum.country', OFFER_COUNTRIES),
    levels: CEFR_LEVELS.map((l) => ({ id: l, label: l })),
  };
}

/** An offer's title and place in the reader's language (the other language when one is missing). */
export function useOfferText() {
  const { language } = useLanguage();
  return {
    title: (o: Pick<OfferItem, 'titleFr' | 'titleNl'>) => localized(language, o.titleFr, o.titleNl) ?? '',
    place: (o: Pick<OfferItem, 'municipalityNameFr' | 'municipalityNameNl'>) =>
      localized(language, o.municipalityNameFr, o.municipalityNameNl) ?? '',
    host: (o: Pick<OfferItem, 'orgNameFr' | 'orgNameNl'>) =>
      localized(language, o.orgNameFr, o.orgNameNl) ?? '',
  };
}

/** "French B1", or the absence of a requirement. */
export function LanguageNeed({ code, level }: { code: string | null; level: string | null }) {
  const intl = useIntl();
  if (!code || !level) return <>{intl.formatMessage({ id: 'placements.offers.value.no_language' })}</>;
  return (
    <>
      {intl.formatMessage(
        { id: 'placements.offers.value.language' },
        { language: intl.formatMessage({ id: `placements.offers.enum.language.${code}` }), level },
      )}
    </>
  );
}

/** Dates of an offer as a readable period. */
export function usePeriod() {
  const intl = useIntl();
  const day = (iso: string) => intl.formatDate(`${iso}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
  return (start: string, end: string) =>
    intl.formatMessage({ id: 'placements.offers.value.period' }, { start: day(start), end: day(end) });
}

/** A filter read from the address when it is one of the values the API accepts, else no filter. */
export function oneOf<const T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | undefined {
  return values.find((v) => v === value);
}
