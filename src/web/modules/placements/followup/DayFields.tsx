import { FormattedMessage, useIntl } from 'react-intl';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../../common/placements/followup-rules';
import type { AttendanceDayView } from '../../../../common/placements/followup-schemas';
import { Select, TextField } from '../../../app/ui/fields';
import { useFollowUpFormat } from './format';
import { type DayState, withStatus } from './week-form';

/**
 * One day of the attendance sheet: a group named by the day, with its status, planned hours, hours worked
 * and a note. Days outside the period or still to come are shown but cannot be filled in.
 */
export function DayFields({
  d,
  value,
  onChange,
  errors,
  isDisabled,
}: {
  d: AttendanceDayView;
  value: DayState;
  onChange: (v: DayState) => void;
  errors: Record<string, string>;
  isDisabled: boolean;
}) {
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  const label = (id: string) => intl.formatMessage({ id });
  const dayError = errors.day ?? errors.status;
  const errorId = `day-error-${d.day}`;
  return (
    <fieldset className="attendance-day" aria-describedby={dayError ? errorId : undefined}>
      <legend>
        <strong>{fmt.weekday(d.day)}</strong>{' '}
        {d.open ? (
          <span className={d.recorded ? 'tag tag--success' : 'tag'}>
            <FormattedMessage
              id={
                d.recorded ? 'placements.followup.sheet.recorded' : 'placements.followup.sheet.not_recorded'
              }
            />
          </span>
        ) : (
          <span className="muted">
            <FormattedMessage id={`placements.followup.sheet.closed.${d.problem ?? 'future'}`} />
          </span>
        )}
      </legend>
      {d.open && (
        <div className="row">
          <Select
            label={label('placements.followup.field.status')}
            value={value.status}
            onChange={(s) => onChange(withStatus(value, s as AttendanceStatus))}
            options={ATTENDANCE_STATUSES.map((s) => ({
              id: s,
              label: intl.formatMessage({ id: `placements.followup.attendance_status.${s}` }),
            }))}
            isDisabled={isDisabled}
            isRequired
          />
          <TextField
            label={label('placements.followup.field.planned_hours')}
            value={value.plannedHours}
            onChange={(plannedHours) => onChange({ ...value, plannedHours })}
            error={errors.plannedHours}
            isDisabled={isDisabled || value.status === 'not_planned'}
            maxLength={5}
          />
          <TextField
            label={label('placements.followup.field.hours')}
            value={value.hours}
            onChange={(hours) => onChange({ ...value, hours })}
            error={errors.hours}
            isDisabled={isDisabled || value.status !== 'present'}
            maxLength={5}
          />
          <TextField
            label={label('placements.followup.field.note')}
            value={value.note}
            onChange={(note) => onChange({ ...value, note })}
            error={errors.note}
            isDisabled={isDisabled}
            maxLength={500}
          />
        </div>
      )}
      {dayError && (
        <p className="field-error" id={errorId}>
          {dayError}
        </p>
      )}
    </fieldset>
  );
}
