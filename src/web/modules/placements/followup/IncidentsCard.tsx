import { FormattedMessage, useIntl } from 'react-intl';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { INCIDENT_KINDS } from '../../../../common/placements/followup-rules';
import type { FollowUpView } from '../../../../common/placements/followup-schemas';
import { DateField } from '../../../app/ui/DateField';
import { Select, TextArea } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { EntryForm, useEntryForm } from './EntryForm';
import { defaultDay, useFollowUpFormat } from './format';
import { given } from './validate';

/** Incidents reported by either side: accidents, behaviour, conflicts, health, damage. */
export function IncidentsCard({ f }: { f: FollowUpView }) {
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  return (
    <Card title={<FormattedMessage id="placements.followup.incidents.title" />}>
      <div className="stack">
        {f.incidents.length ? (
          <DataTable
            // Free text in the rows: on a phone each entry is a card, not a table scrolled sideways.
            stacked
            caption={intl.formatMessage({ id: 'placements.followup.incidents.title' })}
            rowKey={(i) => i.id}
            rows={f.incidents}
            columns={[
              {
                key: 'd',
                header: <FormattedMessage id="placements.followup.field.occurred_on" />,
                render: (i) => fmt.date(i.occurredOn),
              },
              {
                key: 'k',
                header: <FormattedMessage id="placements.followup.field.incident_kind" />,
                render: (i) => <FormattedMessage id={`placements.followup.incident_kind.${i.kind}`} />,
              },
              {
                key: 'w',
                header: <FormattedMessage id="placements.followup.field.description" />,
                render: (i) => i.description,
              },
              {
                key: 'a',
                header: <FormattedMessage id="placements.followup.field.action_taken" />,
                render: (i) => i.actionTaken ?? '—',
              },
            ]}
          />
        ) : (
          <p className="muted">
            <FormattedMessage id="placements.followup.incidents.empty" />
          </p>
        )}
        {f.canRecord && <IncidentForm f={f} />}
      </div>
    </Card>
  );
}

function IncidentForm({ f }: { f: FollowUpView }) {
  const intl = useIntl();
  const label = (id: string) => intl.formatMessage({ id });
  const entry = useEntryForm({
    placementId: f.placementId,
    endpoint: placementsEndpoints.reportIncident,
    blank: { occurredOn: defaultDay(f), kind: '', description: '', actionTaken: '' },
    toBody: (v) => ({
      body: {
        occurredOn: v.occurredOn,
        kind: v.kind || undefined,
        description: v.description.trim(),
        actionTaken: given(v.actionTaken),
      },
    }),
  });
  const { v, set, errors } = entry;
  return (
    <EntryForm
      title={<FormattedMessage id="placements.followup.incidents.add_title" />}
      submitLabel={<FormattedMessage id="placements.followup.incidents.add" />}
      entry={entry}
    >
      <DateField
        label={label('placements.followup.field.occurred_on')}
        isRequired
        value={v.occurredOn}
        onChange={set('occurredOn')}
        error={errors.occurredOn}
      />
      <Select
        label={label('placements.followup.field.incident_kind')}
        value={v.kind || null}
        onChange={set('kind')}
        options={INCIDENT_KINDS.map((k) => ({
          id: k,
          label: label(`placements.followup.incident_kind.${k}`),
        }))}
        error={errors.kind}
        isRequired
      />
      <TextArea
        label={label('placements.followup.field.description')}
        value={v.description}
        onChange={set('description')}
        error={errors.description}
        isRequired
      />
      <TextArea
        label={label('placements.followup.field.action_taken')}
        value={v.actionTaken}
        onChange={set('actionTaken')}
        error={errors.actionTaken}
      />
    </EntryForm>
  );
}
