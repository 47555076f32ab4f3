import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';

type EnumField = 'kind' | 'country' | 'region' | 'status' | 'language' | 'business_id_type';

/** Labels of the organisation enums (`network.organisations.enum.<field>.<value>`) and names in the reader's language. */
export function useOrganisationLabels() {
  const intl = useIntl();
  const { language } = useLanguage();
  const label = (field: EnumField, value: string) =>
    intl.formatMessage({ id: `network.organisations.enum.${field}.${value}` });
  return {
    label,
    options: (field: EnumField, values: readonly string[]): Option[] =>
      values.map((v) => ({ id: v, label: label(field, v) })),
    name: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
    municipality: (o: { municipalityNameFr: string | null; municipalityNameNl: string | null }) =>
      o.municipalityNameFr && o.municipalityNameNl
        ? localized(language, o.municipalityNameFr, o.municipalityNameNl)
        : null,
  };
}
