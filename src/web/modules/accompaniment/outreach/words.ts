import { useIntl } from 'react-intl';
import { AGE_BANDS, NEEDS } from '../../../../common/accompaniment/outreach-rules';
import { ISO639_3_LANGUAGES, languageLabelId } from '../../../../common/people/languages';
import type { Option } from '../../../app/ui/fields';

/** The outreach part's words, translated. */
export function useOutreachWords() {
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `accompaniment.outreach.${id}` }, values);
  const language = (code: string) =>
    intl.messages[languageLabelId(code)] ? intl.formatMessage({ id: languageLabelId(code) }) : code;
  return {
    m,
    language,
    languageOptions: (): Option[] =>
      ISO639_3_LANGUAGES.map((id) => ({ id, label: `${language(id)} (${id})` })).sort((a, b) =>
        a.label.localeCompare(b.label, intl.locale),
      ),
    ageOptions: (): Option[] => AGE_BANDS.map((id) => ({ id, label: m(`age.${id}`) })),
    needOptions: (): Option[] => NEEDS.map((id) => ({ id, label: m(`need.${id}`) })),
    day: (iso: string) => intl.formatDate(`${iso}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
  };
}
export type OutreachWords = ReturnType<typeof useOutreachWords>;
