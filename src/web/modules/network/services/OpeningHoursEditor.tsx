import { FormattedMessage, useIntl } from 'react-intl';
import { type OpeningRange, WEEKDAYS, weekdayName } from '../../../../common/network/opening-hours';
import { Button } from '../../../app/ui/Button';
import { Select, TextField } from '../../../app/ui/fields';

/** Rows of opening ranges (weekday, opens, closes); errors are keyed `openingHours.<row>[.field]`. */
export function OpeningHoursEditor({
  value,
  onChange,
  errors,
}: {
  value: OpeningRange[];
  onChange: (v: OpeningRange[]) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const days = WEEKDAYS.map((d) => ({ id: String(d), label: weekdayName(d, intl.locale) }));
  const change = (i: number, patch: Partial<OpeningRange>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const last = value[value.length - 1];
  return (
    <fieldset className="stack opening-hours-editor">
      <legend>
        <FormattedMessage id="network.services.hours.title" />
      </legend>
      {value.length === 0 && (
        <p className="muted">
          <FormattedMessage id="network.services.form.hours_empty" />
        </p>
      )}
      {value.map((r, i) => {
        const rowError = errors[`openingHours.${i}`];
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <div key={i} className="stack">
            <div className="row">
              <Select
                label={intl.formatMessage({ id: 'network.services.form.day' }, { n })}
                value={String(r.day)}
                onChange={(v) => change(i, { day: Number(v) })}
                options={days}
                error={errors[`openingHours.${i}.day`]}
              />
              <TextField
                label={intl.formatMessage({ id: 'network.services.form.opens' }, { n })}
                value={r.opens}
                onChange={(v) => change(i, { opens: v })}
                inputMode="numeric"
                maxLength={5}
                description={<FormattedMessage id="network.services.form.time_hint" />}
                error={errors[`openingHours.${i}.opens`]}
              />
              <TextField
                label={intl.formatMessage({ id: 'network.services.form.closes' }, { n })}
                value={r.closes}
                onChange={(v) => change(i, { closes: v })}
                inputMode="numeric"
                maxLength={5}
                description={<FormattedMessage id="network.services.form.time_hint" />}
                error={errors[`openingHours.${i}.closes`]}
              />
              <Button variant="ghost" onPress={() => onChange(value.filter((_, j) => j !== i))}>
                <FormattedMessage id="network.services.form.remove_range" values={{ n }} />
              </Button>
            </div>
            {rowError && (
              <p className="field-error" role="alert">
                {rowError}
              </p>
            )}
          </div>
        );
      })}
      <Button
        variant="secondary"
        onPress={() =>
          onChange([
            ...value,
            last
              ? { day: Math.min(7, last.day + 1), opens: last.opens, closes: last.closes }
              : { day: 1, opens: '09:00', closes: '12:00' },
          ])
        }
      >
        <FormattedMessage id="network.services.form.add_range" />
      </Button>
    </fieldset>
  );
}
