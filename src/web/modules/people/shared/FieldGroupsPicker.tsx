import type { ReactNode } from 'react';
import { CheckboxGroup as AriaCheckboxGroup, Label, Text } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { DATA_CATEGORIES } from '../../../../common/people/consent';
import { Checkbox } from '../../../app/ui/fields';

/**
 * The field groups of a person another organisation will see (referral, placement agreement), each with
 * what it contains, so that the referent shares only what the recipient needs.
 */
export function FieldGroupsPicker({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: ReactNode;
  description: ReactNode;
  value: string[];
  onChange: (fields: string[]) => void;
  error?: string;
}) {
  return (
    <AriaCheckboxGroup
      className="field"
      value={value}
      onChange={onChange}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <Text slot="description" className="description">
        {description}
      </Text>
      <ul className="stack">
        {DATA_CATEGORIES.map((f) => (
          <li key={f}>
            <Checkbox value={f}>
              <span>
                <FormattedMessage id={`people.shared.field.${f}`} />
                <span className="muted">
                  {' — '}
                  <FormattedMessage id={`people.shared.field_help.${f}`} />
                </span>
              </span>
            </Checkbox>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </AriaCheckboxGroup>
  );
}
