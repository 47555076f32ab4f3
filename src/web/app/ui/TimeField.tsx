import { parseTime, type Time } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  FieldError as AriaFieldError,
  TimeField as AriaTimeField,
  DateInput,
  DateSegment,
  I18nProvider,
  Text,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { FieldLabel } from './fields';
import './date-field.css';
import './time-field.css';

/** An 'HH:MM' string as a time of day; anything else is no time. */
function toTime(v: string | null | undefined): Time | null {
  if (!v || !/^\d{2}:\d{2}$/.test(v)) return null;
  try {
    return parseTime(v);
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time of day typed as hour and minute segments in the UI language's way (24-hour clock, as in France
 * and Belgium), announced by screen readers segment by segment: no "HH:MM" format for the person to
 * guess. Like DateField, a plain string in and out ('HH:MM', '' when empty), so forms are unchanged.
 */
export function TimeField({
  label,
  description,
  error,
  value,
  onChange,
  isRequired,
  isDisabled,
  name,
}: {
  label: string;
  description?: ReactNode;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
}) {
  const intl = useIntl();
  return (
    <I18nProvider locale={intl.locale}>
      <AriaTimeField
        className="field date-field"
        value={toTime(value)}
        onChange={(t) => onChange(t ? `${pad(t.hour)}:${pad(t.minute)}` : '')}
        hourCycle={24}
        granularity="minute"
        shouldForceLeadingZeros
        isRequired={isRequired}
        isDisabled={isDisabled}
        isInvalid={!!error}
        name={name}
        validationBehavior="aria"
      >
        <FieldLabel label={label} isRequired={isRequired} />
        <DateInput className="date-input date-input--time">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        {description && (
          <Text slot="description" className="description">
            {description}
          </Text>
        )}
        <AriaFieldError className="field-error">{error}</AriaFieldError>
      </AriaTimeField>
    </I18nProvider>
  );
}
