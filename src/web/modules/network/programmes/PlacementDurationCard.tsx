import { FormattedMessage, useIntl } from 'react-intl';
import { DEFAULT_DURATION } from '../../../../common/placements/dates';
import { TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';

/** The programme's limits for Action 1 placement agreements, as the programme form holds them (text). */
export const MONTHS = ['placementMinMonths', 'placementMaxMonths'] as const;
export type MonthsKey = (typeof MONTHS)[number];
export type MonthsValues = Record<MonthsKey, string>;

export const DEFAULT_MONTHS: MonthsValues = {
  placementMinMonths: String(DEFAULT_DURATION.minMonths),
  placementMaxMonths: String(DEFAULT_DURATION.maxMonths),
};

/** Typed as text, sent as whole numbers; other text stays text, for the schema to refuse. */
export function withMonths(body: Partial<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const k of MONTHS) {
    const s = body[k];
    if (typeof s === 'string' && /^[0-9]{1,3}$/.test(s)) out[k] = Number(s);
  }
  return out;
}

const LABELS: Record<MonthsKey, string> = {
  placementMinMonths: 'network.programmes.field.placement_min_months',
  placementMaxMonths: 'network.programmes.field.placement_max_months',
};

/** Both limits are required: the programme always has them (2 and 6 months unless changed). */
export function PlacementDurationCard({
  values,
  set,
  errors,
}: {
  values: MonthsValues;
  set: (key: MonthsKey) => (v: string) => void;
  errors: Partial<Record<string, string>>;
}) {
  const intl = useIntl();
  return (
    <Card title={<FormattedMessage id="network.programmes.form.placement_duration" />}>
      <p className="muted">
        <FormattedMessage id="network.programmes.field.placement_duration_hint" />
      </p>
      <div className="grid-2">
        {MONTHS.map((k) => (
          <TextField
            key={k}
            label={intl.formatMessage({ id: LABELS[k] })}
            inputMode="numeric"
            maxLength={3}
            value={values[k]}
            onChange={set(k)}
            error={errors[k]}
            isRequired
          />
        ))}
      </div>
    </Card>
  );
}
