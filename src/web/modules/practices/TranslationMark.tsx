import { FormattedMessage, useIntl } from 'react-intl';
import { versionMark } from '../../../common/practices/rules';
import type { PracticeLanguage } from '../../../common/practices/schemas';

/**
 * Says which version of a sheet is the original and which a translation of it, or that only one version
 * exists: readers of the other language see at once that they read a text not written for them.
 */
export function TranslationMark({
  originalLanguage,
  hasFr,
  hasNl,
  compact = false,
}: {
  originalLanguage: PracticeLanguage;
  hasFr: boolean;
  hasNl: boolean;
  compact?: boolean;
}) {
  const intl = useIntl();
  const original = intl.formatMessage({ id: `practices.enum.language.${originalLanguage}` });
  const other = originalLanguage === 'fr' ? 'nl' : 'fr';
  const translated = versionMark(other, originalLanguage, other === 'fr' ? hasFr : hasNl) === 'translation';
  if (translated)
    return (
      <span className="tag">
        <FormattedMessage
          id={compact ? 'practices.mark.translated_short' : 'practices.mark.translated'}
          values={{ original, translation: intl.formatMessage({ id: `practices.enum.language.${other}` }) }}
        />
      </span>
    );
  return (
    <span className="tag tag--warning">
      <FormattedMessage id="practices.mark.only" values={{ language: original }} />
    </span>
  );
}

/** The mark above one version of the sheet: original, translation of the other, or absent. */
export function VersionMark({
  language,
  originalLanguage,
  present,
}: {
  language: PracticeLanguage;
  originalLanguage: PracticeLanguage;
  present: boolean;
}) {
  const intl = useIntl();
  const mark = versionMark(language, originalLanguage, present);
  const from = intl.formatMessage({ id: `practices.enum.language.${originalLanguage}` });
  return (
    <span className={mark === 'missing' ? 'tag tag--warning' : 'tag'}>
      <FormattedMessage id={`practices.mark.version_${mark}`} values={{ from }} />
    </span>
  );
}
