import { FormattedMessage, useIntl } from 'react-intl';
import { AGREEMENT_LANGUAGES, SIGNATORIES } from '../../../../common/placements/agreement-schemas';
import { Select, TextField } from '../../../app/ui/fields';

/** Who signs for the person (themselves or a legal representative, named) and the agreement's language. */
export function SignatoryFields({
  signatory,
  representativeName,
  language,
  set,
  errors,
}: {
  signatory: string;
  representativeName: string;
  language: string;
  set: (key: 'signatory' | 'representativeName' | 'language') => (v: string) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  return (
    <div className="stack">
      <div className="grid-2">
        <Select
          label={label('placements.agreements.signatory.who')}
          value={signatory}
          onChange={set('signatory')}
          options={SIGNATORIES.map((s) => ({ id: s, label: label(`placements.agreements.signatory.${s}`) }))}
          error={errors.signatory}
          isRequired
        />
        {signatory === 'legal_representative' && (
          <TextField
            label={label('placements.agreements.signatory.representative_name')}
            value={representativeName}
            onChange={set('representativeName')}
            error={errors.representativeName}
            maxLength={200}
            isRequired
          />
        )}
      </div>
      <Select
        label={label('placements.agreements.signatory.language')}
        value={language}
        onChange={set('language')}
        options={AGREEMENT_LANGUAGES.map((l) => ({
          id: l,
          label: label(`placements.offers.enum.language.${l}`),
        }))}
        description={<FormattedMessage id="placements.agreements.signatory.language_hint" />}
        error={errors.language}
        isRequired
      />
    </div>
  );
}
