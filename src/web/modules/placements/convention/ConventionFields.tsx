import { FormattedMessage, useIntl } from 'react-intl';
import { WEEKDAYS, weekdayName } from '../../../../common/network/opening-hours';
import { JOB_CODE_KINDS, PLACEMENT_AIMS } from '../../../../common/placements/convention-terms';
import { Button } from '../../../app/ui/Button';
import { type Option, Select, TextArea, TextField } from '../../../app/ui/fields';
import {
  type ConventionPart,
  type ConventionValues,
  rowsHours,
  type TimetableRow,
} from './convention-values';

const NONE = 'none';

/** Rows of working days (weekday, start, end, break); errors are keyed `timetable.<row>[.field]`. */
export function TimetableFields({
  rows,
  onChange,
  errors,
}: {
  rows: TimetableRow[];
  onChange: (rows: TimetableRow[]) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const days = WEEKDAYS.map((d) => ({ id: String(d), label: weekdayName(d, intl.locale) }));
  const change = (i: number, patch: Partial<TimetableRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const last = rows[rows.length - 1];
  const total = rowsHours(rows);
  const hint = <FormattedMessage id="placements.convention.timetable.time_hint" />;
  return (
    <fieldset className="stack">
      <legend>
        <FormattedMessage id="placements.convention.timetable.legend" />
      </legend>
      <p className="muted">
        <FormattedMessage
          id={
            rows.length
              ? 'placements.convention.timetable.description'
              : 'placements.convention.timetable.empty'
          }
        />
      </p>
      {rows.map((r, i) => {
        const n = i + 1;
        const at = (field: string) => errors[`timetable.${i}.${field}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <div key={i} className="row">
            <Select
              label={intl.formatMessage({ id: 'placements.convention.timetable.day' }, { n })}
              value={String(r.day)}
              onChange={(v) => change(i, { day: Number(v) })}
              options={days}
              error={at('day')}
            />
            <TextField
              label={intl.formatMessage({ id: 'placements.convention.timetable.from' }, { n })}
              value={r.from}
              onChange={(v) => change(i, { from: v })}
              inputMode="numeric"
              maxLength={5}
              description={hint}
              error={at('from')}
            />
            <TextField
              label={intl.formatMessage({ id: 'placements.convention.timetable.to' }, { n })}
              value={r.to}
              onChange={(v) => change(i, { to: v })}
              inputMode="numeric"
              maxLength={5}
              description={hint}
              error={at('to')}
            />
            <TextField
              label={intl.formatMessage({ id: 'placements.convention.timetable.break' }, { n })}
              value={r.breakMinutes}
              onChange={(v) => change(i, { breakMinutes: v })}
              inputMode="numeric"
              maxLength={3}
              error={at('breakMinutes')}
            />
            <Button variant="ghost" onPress={() => onChange(rows.filter((_, j) => j !== i))}>
              <FormattedMessage id="placements.convention.timetable.remove" values={{ n }} />
            </Button>
          </div>
        );
      })}
      {errors.timetable && (
        <p className="field-error" role="alert">
          {errors.timetable}
        </p>
      )}
      {total && (
        <p className="muted" role="status">
          <FormattedMessage id="placements.convention.timetable.total" values={{ hours: Number(total) }} />
        </p>
      )}
      {rows.length < 7 && (
        <Button
          variant="secondary"
          onPress={() =>
            onChange([
              ...rows,
              last
                ? { ...last, day: Math.min(7, last.day + 1) }
                : { day: 1, from: '09:00', to: '16:00', breakMinutes: '30' },
            ])
          }
        >
          <FormattedMessage id="placements.convention.timetable.add" />
        </Button>
      )}
    </fieldset>
  );
}

/**
 * The convention's structured terms: the timetable, the job code and the protective equipment (an offer's
 * and an agreement's), the aim and the emergency contact (an agreement's only). A new timetable sets the
 * weekly hours it gives (`onHours`), which the server checks against it.
 */
export function ConventionFields({
  values: v,
  onChange,
  errors,
  part,
  onHours,
  legacySchedule,
}: {
  values: ConventionValues;
  onChange: (v: ConventionValues) => void;
  errors: Record<string, string>;
  part: ConventionPart;
  onHours?: (hours: string) => void;
  /** The free-text schedule of an agreement made before the timetable, shown while there is none. */
  legacySchedule?: string | null;
}) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const set = (key: Exclude<keyof ConventionValues, 'timetable'>) => (x: string) =>
    onChange({ ...v, [key]: x === NONE ? '' : x });
  const text = (key: Exclude<keyof ConventionValues, 'timetable'>) => ({
    value: v[key],
    onChange: set(key),
    error: errors[key],
  });
  const choices = (prefix: string, ids: readonly string[]): Option[] => [
    { id: NONE, label: label(`${prefix}.none`) },
    ...ids.map((id) => ({ id, label: label(`${prefix}.${id}`) })),
  ];
  return (
    <div className="stack">
      {legacySchedule && !v.timetable.length && (
        <p>
          <FormattedMessage
            id="placements.convention.timetable.legacy"
            values={{ schedule: legacySchedule }}
          />
        </p>
      )}
      <TimetableFields
        rows={v.timetable}
        errors={errors}
        onChange={(rows) => {
          onChange({ ...v, timetable: rows });
          const h = rowsHours(rows);
          if (h) onHours?.(h);
        }}
      />
      {part === 'agreement' && (
        <Select
          label={label('placements.convention.aim.label')}
          value={v.aim || NONE}
          onChange={set('aim')}
          options={choices('placements.convention.aim', PLACEMENT_AIMS)}
          error={errors.aim}
        />
      )}
      <div className="grid-2">
        <Select
          label={label('placements.convention.job_code_kind.label')}
          value={v.jobCodeKind || NONE}
          onChange={set('jobCodeKind')}
          options={choices('placements.convention.job_code_kind', JOB_CODE_KINDS)}
          error={errors.jobCodeKind}
        />
        <TextField
          label={label('placements.convention.job_code.label')}
          {...text('jobCode')}
          maxLength={5}
          description={<FormattedMessage id="placements.convention.job_code.description" />}
        />
      </div>
      <TextArea
        label={label('placements.convention.protective_equipment.label')}
        {...text('protectiveEquipment')}
        description={<FormattedMessage id="placements.convention.protective_equipment.description" />}
      />
      {part === 'agreement' && (
        <fieldset className="stack">
          <legend>
            <FormattedMessage id="placements.convention.emergency.legend" />
          </legend>
          <p className="muted">
            <FormattedMessage id="placements.convention.emergency.host_notice" />
          </p>
          <div className="grid-2">
            <TextField
              label={label('placements.convention.emergency.name')}
              {...text('emergencyContactName')}
              maxLength={200}
            />
            <TextField
              label={label('placements.convention.emergency.phone')}
              {...text('emergencyContactPhone')}
              type="tel"
              maxLength={40}
            />
            <TextField
              label={label('placements.convention.emergency.relation')}
              {...text('emergencyContactRelation')}
              maxLength={100}
            />
          </div>
        </fieldset>
      )}
    </div>
  );
}
