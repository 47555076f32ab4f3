import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { useLanguage } from '../../../app/i18n';
import type { Option } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';

type EnumField =
  | 'benefit'
  | 'contract_type'
  | 'language'
  | 'status'
  | 'sex'
  | 'purpose'
  | 'category'
  | 'given_by'
  | 'consent_status'
  | 'duplicate_reason';

const CONSENT_ENUMS: ReadonlySet<EnumField> = new Set(['purpose', 'category', 'given_by', 'consent_status']);

/**
 * Labels of the people enums (`people.persons.enum.<field>.<value>`, the consents' under
 * `people.consents.enum`), dates and names in the reader's language.
 */
export function usePeopleLabels() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { day } = useCommonFormat();
  const label = (field: EnumField, value: string) =>
    intl.formatMessage({
      id: `people.${CONSENT_ENUMS.has(field) ? 'consents' : 'persons'}.enum.${field}.${value}`,
    });
  return {
    label,
    options: (field: EnumField, values: readonly string[]): Option[] =>
      values.map((v) => ({ id: v, label: label(field, v) })),
    /** An ISO day as the reader writes dates; the day itself, whatever the browser's time zone. */
    date: (d: string | null | undefined) => (d ? day(d) : null),
    name: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
    municipality: (o: { municipalityNameFr: string | null; municipalityNameNl: string | null }) =>
      o.municipalityNameFr && o.municipalityNameNl
        ? localized(language, o.municipalityNameFr, o.municipalityNameNl)
        : null,
  };
}
