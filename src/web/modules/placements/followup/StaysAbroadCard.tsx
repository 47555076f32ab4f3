import { FormattedMessage, useIntl } from 'react-intl';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { FollowUpView, StayView } from '../../../../common/placements/followup-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { EntryForm, useEntryForm } from './EntryForm';
import { defaultDay, useFollowUpFormat } from './format';
import { useFollowUpChange } from './useFollowUp';
import { given } from './validate';

/**
 * Nights the person spends abroad for the placement (home centre only). For a Belgian RIS/leefloon
 * recipient, a stay of 7 days or more, or more than 4 weeks in a year, must be notified: it is flagged here.
 */
export function StaysAbroadCard({ f, stays }: { f: FollowUpView; stays: StayView[] }) {
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  const remove = useFollowUpChange(f.placementId, (stayId: string) =>
    call(placementsEndpoints.removeStay, { params: { id: f.placementId, stayId } }),
  );
  return (
    <Card title={<FormattedMessage id="placements.followup.stays.title" />}>
      <div className="stack">
        {f.stayAlerts === null ? (
          <p className="muted">
            <FormattedMessage id="placements.followup.stays.rule_not_applicable" />
          </p>
        ) : (
          f.stayAlerts.map((a) => (
            <Alert
              key={`${a.code}-${a.startsOn ?? a.year}`}
              tone="warning"
              title={<FormattedMessage id="placements.followup.stays.alert_title" />}
            >
              <FormattedMessage
                id={`placements.followup.stay_alert.${a.code}`}
                values={{
                  start: fmt.date(a.startsOn),
                  end: fmt.date(a.endsOn),
                  year: String(a.year ?? ''),
                  days: a.days,
                }}
              />
            </Alert>
          ))
        )}
        <ErrorAlert error={remove.error} />
        {stays.length ? (
          <DataTable
            // A reason and a removal button per row: on a phone each stay is a card, as incidents are.
            stacked
            caption={intl.formatMessage({ id: 'placements.followup.stays.title' })}
            rowKey={(s) => s.id}
            rows={stays}
            columns={[
              {
                key: 's',
                header: <FormattedMessage id="placements.followup.field.starts_on" />,
                render: (s) => fmt.date(s.startsOn),
              },
              {
                key: 'e',
                header: <FormattedMessage id="placements.followup.field.ends_on" />,
                render: (s) => fmt.date(s.endsOn),
              },
              {
                key: 'd',
                header: <FormattedMessage id="placements.followup.field.days" />,
                render: (s) => (
                  <FormattedMessage id="placements.followup.days_value" values={{ days: s.days }} />
                ),
              },
              {
                key: 'r',
                header: <FormattedMessage id="placements.followup.field.reason" />,
                render: (s) => s.reason ?? '—',
              },
              {
                key: 'x',
                header: <FormattedMessage id="placements.followup.field.actions" />,
                render: (s) =>
                  f.canRecordStays && (
                    <Button variant="ghost" isDisabled={remove.isPending} onPress={() => remove.mutate(s.id)}>
                      <FormattedMessage
                        id="placements.followup.stays.remove"
                        values={{ start: fmt.date(s.startsOn), end: fmt.date(s.endsOn) }}
                      />
                    </Button>
                  ),
              },
            ]}
          />
        ) : (
          <p className="muted">
            <FormattedMessage id="placements.followup.stays.empty" />
          </p>
        )}
        {f.canRecordStays && <StayForm f={f} />}
      </div>
    </Card>
  );
}

function StayForm({ f }: { f: FollowUpView }) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const entry = useEntryForm({
    placementId: f.placementId,
    endpoint: placementsEndpoints.recordStay,
    blank: { startsOn: defaultDay(f), endsOn: defaultDay(f), reason: '' },
    toBody: (v) => ({ body: { startsOn: v.startsOn, endsOn: v.endsOn, reason: given(v.reason) } }),
  });
  const { v, set, errors } = entry;
  return (
    <EntryForm
      title={<FormattedMessage id="placements.followup.stays.add_title" />}
      hint={<FormattedMessage id="placements.followup.stays.hint" />}
      submitLabel={<FormattedMessage id="placements.followup.stays.add" />}
      entry={entry}
    >
      <div className="grid-2">
        <DateField
          label={label('placements.followup.field.starts_on')}
          isRequired
          value={v.startsOn}
          onChange={set('startsOn')}
          error={errors.startsOn}
        />
        <DateField
          label={label('placements.followup.field.ends_on')}
          isRequired
          value={v.endsOn}
          onChange={set('endsOn')}
          error={errors.endsOn}
        />
      </div>
      <TextField
        label={label('placements.followup.field.reason')}
        value={v.reason}
        onChange={set('reason')}
        error={errors.reason}
        maxLength={500}
      />
    </EntryForm>
  );
}
