import { type CalendarDate, parseDate } from '@internationalized/date';
import { type ReactNode, useMemo } from 'react';
import {
  FieldError as AriaFieldError,
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Popover,
  Text,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { FieldLabel } from './fields';
import './date-field.css';

/** An ISO 'YYYY-MM-DD' string as a calendar date; anything else (empty, partial, impossible) is no date. */
export function toCalendarDate(iso: string | null | undefined): CalendarDate | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  try {
    return parseDate(iso);
  } catch {
    // An impossible day (2026-02-30): shown empty rather than crashing the form.
    return null;
  }
}

/**
 * A date typed day, month and year in the UI language's order (fr jj/mm/aaaa, nl-BE dd/mm/jjjj, en-GB
 * dd/mm/yyyy), whatever the browser's own locale: a native date input follows the browser, not the app.
 * Same contract as the text field it replaces: an ISO 'YYYY-MM-DD' string in and out, '' when empty, so
 * forms and the shared schemas are unchanged. The calendar button opens a month grid to pick from.
 */
export function DateField({
  label,
  description,
  error,
  value,
  onChange,
  min,
  max,
  isRequired,
  isDisabled,
  name,
  'aria-describedby': describedBy,
}: {
  label: string;
  description?: ReactNode;
  /** A translated error message; marks the field invalid. */
  error?: string;
  value: string;
  onChange: (v: string) => void;
  /** Earliest and latest dates the calendar offers (ISO). */
  min?: string;
  max?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  name?: string;
  'aria-describedby'?: string;
}) {
  const intl = useIntl();
  const date = useMemo(() => toCalendarDate(value), [value]);
  const low = toCalendarDate(min);
  const high = toCalendarDate(max);
  // react-aria words its own min/max message in the browser's language, not the app's: ours instead.
  const day = (d: CalendarDate) =>
    intl.formatDate(new Date(d.year, d.month - 1, d.day), {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
  const outOfRange =
    date && low && date.compare(low) < 0
      ? intl.formatMessage({ id: 'common.date.too_early' }, { min: day(low) })
      : date && high && date.compare(high) > 0
        ? intl.formatMessage({ id: 'common.date.too_late' }, { max: day(high) })
        : undefined;
  const shown = error || outOfRange;
  // react-intl's locale is the app's formatting locale (fr-BE, nl-BE, en-GB…), never the browser's.
  return (
    <I18nProvider locale={intl.locale}>
      <DatePicker
        className="field date-field"
        value={date}
        onChange={(d) => onChange(d ? d.toString() : '')}
        minValue={low}
        maxValue={high}
        granularity="day"
        shouldForceLeadingZeros
        isRequired={isRequired}
        isDisabled={isDisabled}
        isInvalid={!!shown}
        name={name}
        aria-describedby={describedBy}
        validationBehavior="aria"
      >
        <FieldLabel label={label} isRequired={isRequired} />
        <Group className="date-input">
          <DateInput className="date-segments">
            {(segment) => <DateSegment segment={segment} className="date-segment" />}
          </DateInput>
          <Button className="date-button">
            <CalendarIcon />
          </Button>
        </Group>
        {description && (
          <Text slot="description" className="description">
            {description}
          </Text>
        )}
        <AriaFieldError className="field-error">{shown}</AriaFieldError>
        <Popover className="popover date-popover">
          <Dialog className="date-dialog">
            <Calendar className="calendar">
              <header className="calendar-header">
                <Button slot="previous" className="calendar-nav">
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading className="calendar-heading" />
                <Button slot="next" className="calendar-nav">
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid className="calendar-grid">
                {(d) => <CalendarCell date={d} className="calendar-cell" />}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

/** The button's name comes from react-aria ("Calendrier", "Kalender", "Calendar"); the icon is decoration. */
function CalendarIcon() {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
