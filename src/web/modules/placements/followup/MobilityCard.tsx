import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { MOBILITY_MODES } from '../../../../common/placements/followup-rules';
import type { FollowUpView } from '../../../../common/placements/followup-schemas';
import { DateField } from '../../../app/ui/DateField';
import { Alert } from '../../../app/ui/feedback';
import { Checkbox, Select, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { EntryForm, useEntryForm } from './EntryForm';
import { defaultDay, parseDecimal, useFollowUpFormat } from './format';
import { given } from './validate';

/** How the person travels to the placement: mode, door-to-door time, cost refunded, alone or not. */
export function MobilityCard({ f }: { f: FollowUpView }) {
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  const yesNo = (b: boolean) => <FormattedMessage id={b ? 'common.yes' : 'common.no'} />;
  return (
    <Card title={<FormattedMessage id="placements.followup.mobility.title" />}>
      <div className="stack">
        {f.firstCrossingOn && (
          <Alert tone="success">
            <FormattedMessage
              id="placements.followup.mobility.first_crossing_on"
              values={{ date: fmt.date(f.firstCrossingOn) }}
            />
          </Alert>
        )}
        {f.mobility.length ? (
          <DataTable
            // Free text in the rows: on a phone each entry is a card, not a table scrolled sideways.
            stacked
            caption={intl.formatMessage({ id: 'placements.followup.mobility.title' })}
            rowKey={(m) => m.id}
            rows={f.mobility}
            columns={[
              {
                key: 'd',
                header: <FormattedMessage id="placements.followup.field.travelled_on" />,
                render: (m) => fmt.date(m.travelledOn),
              },
              {
                key: 'm',
                header: <FormattedMessage id="placements.followup.field.mode" />,
                render: (m) => <FormattedMessage id={`placements.followup.mobility_mode.${m.mode}`} />,
              },
              {
                key: 't',
                header: <FormattedMessage id="placements.followup.field.door_to_door" />,
                render: (m) =>
                  m.doorToDoorMinutes === null ? (
                    '—'
                  ) : (
                    <FormattedMessage
                      id="placements.followup.minutes_value"
                      values={{ minutes: m.doorToDoorMinutes }}
                    />
                  ),
              },
              {
                key: 'c',
                header: <FormattedMessage id="placements.followup.field.cost_refunded" />,
                render: (m) => fmt.money(m.costRefundedCents),
              },
              {
                key: 'a',
                header: <FormattedMessage id="placements.followup.field.travels_alone" />,
                render: (m) => yesNo(m.travelsAlone),
              },
              {
                key: 'x',
                header: <FormattedMessage id="placements.followup.field.first_crossing" />,
                render: (m) => yesNo(m.firstAutonomousCrossing),
              },
              {
                // What was written with the journey (sealed with its author's key, opened by the server).
                key: 'n',
                header: <FormattedMessage id="placements.followup.field.note" />,
                render: (m) => m.note ?? '—',
              },
            ]}
          />
        ) : (
          <p className="muted">
            <FormattedMessage id="placements.followup.mobility.empty" />
          </p>
        )}
        {f.canRecord && <MobilityForm f={f} />}
      </div>
    </Card>
  );
}

function MobilityForm({ f }: { f: FollowUpView }) {
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  const label = (id: string) => intl.formatMessage({ id });
  const [warnings, setWarnings] = useState<string[]>([]);
  const entry = useEntryForm({
    placementId: f.placementId,
    endpoint: placementsEndpoints.logMobility,
    blank: {
      travelledOn: defaultDay(f),
      mode: '',
      minutes: '',
      cost: '',
      travelsAlone: false,
      firstAutonomousCrossing: false,
      note: '',
    },
    toBody: (v) => {
      setWarnings([]);
      const minutes = parseDecimal(v.minutes);
      const euros = parseDecimal(v.cost);
      const errors: Record<string, string> = {};
      if (Number.isNaN(minutes)) errors.doorToDoorMinutes = label('placements.followup.errors.not_a_number');
      if (Number.isNaN(euros)) errors.costRefundedCents = label('placements.followup.errors.not_a_number');
      const body = {
        travelledOn: v.travelledOn,
        mode: v.mode || undefined,
        doorToDoorMinutes: minutes === null || Number.isNaN(minutes) ? undefined : minutes,
        // Typed in euros, kept in cents.
        costRefundedCents: euros === null || Number.isNaN(euros) ? undefined : Math.round(euros * 100),
        travelsAlone: v.travelsAlone,
        firstAutonomousCrossing: v.firstAutonomousCrossing,
        note: given(v.note),
      };
      return { body, errors };
    },
    onSaved: (next) => setWarnings(next.warnings),
  });
  const { v, set, errors } = entry;
  return (
    <EntryForm
      title={<FormattedMessage id="placements.followup.mobility.add_title" />}
      submitLabel={<FormattedMessage id="placements.followup.mobility.add" />}
      entry={entry}
    >
      {warnings.map((w) => (
        <Alert key={w} tone="warning">
          <FormattedMessage id={w} />
        </Alert>
      ))}
      <DateField
        label={label('placements.followup.field.travelled_on')}
        isRequired
        value={v.travelledOn}
        onChange={set('travelledOn')}
        error={errors.travelledOn}
      />
      <Select
        label={label('placements.followup.field.mode')}
        value={v.mode || null}
        onChange={set('mode')}
        options={MOBILITY_MODES.map((m) => ({
          id: m,
          label: label(`placements.followup.mobility_mode.${m}`),
        }))}
        error={errors.mode}
        isRequired
      />
      <TextField
        label={label('placements.followup.field.door_to_door_minutes')}
        inputMode="numeric"
        value={v.minutes}
        onChange={set('minutes')}
        error={errors.doorToDoorMinutes}
        maxLength={3}
      />
      <TextField
        label={label('placements.followup.field.cost_refunded_euros')}
        value={v.cost}
        onChange={set('cost')}
        error={errors.costRefundedCents}
        maxLength={10}
      />
      <Checkbox isSelected={v.travelsAlone} onChange={set('travelsAlone')}>
        <FormattedMessage id="placements.followup.field.travels_alone" />
      </Checkbox>
      <Checkbox isSelected={v.firstAutonomousCrossing} onChange={set('firstAutonomousCrossing')}>
        <FormattedMessage id="placements.followup.field.first_crossing" />
      </Checkbox>
      {v.firstAutonomousCrossing && f.firstCrossingOn && (
        <Alert tone="warning">
          <FormattedMessage
            id="placements.followup.mobility.first_crossing_recorded"
            values={{ date: fmt.date(f.firstCrossingOn) }}
          />
        </Alert>
      )}
      <TextField
        label={label('placements.followup.field.note')}
        value={v.note}
        onChange={set('note')}
        error={errors.note}
        maxLength={500}
      />
    </EntryForm>
  );
}
