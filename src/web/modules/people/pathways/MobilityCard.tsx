import { FormattedMessage, useIntl } from 'react-intl';
import { pathwaysApi } from '../../../../common/people/endpoints';
import { MOBILITY_GOAL_KM } from '../../../../common/people/pathway-rules';
import { MobilityCreateBody, type PathwayDetail } from '../../../../common/people/pathway-schemas';
import { schemaErrors } from '../../../../common/validation/text';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, Form, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { todayIso, useDateFormat } from './format';
import { usePathwayChange } from './usePathway';

/** How far the person travels alone, recorded along the pathway; the goal is 30 km and the border crossed. */
export function MobilityCard({ p }: { p: PathwayDetail }) {
  const intl = useIntl();
  const date = useDateFormat();
  const s = p.summary;
  return (
    <Card title={<FormattedMessage id="people.pathways.mobility.title" />}>
      <div className="stack">
        {s.goalReached ? (
          <Alert tone="success" title={<FormattedMessage id="people.pathways.mobility.goal_reached" />}>
            <FormattedMessage
              id="people.pathways.mobility.goal_reached_on"
              values={{ date: date(s.goalReachedOn), km: s.currentRadiusKm ?? 0 }}
            />
          </Alert>
        ) : (
          <p className="muted">
            <FormattedMessage id="people.pathways.mobility.goal" values={{ km: MOBILITY_GOAL_KM }} />
          </p>
        )}
        {s.firstBorderCrossingOn && (
          <p>
            <FormattedMessage
              id="people.pathways.mobility.first_crossing"
              values={{ date: date(s.firstBorderCrossingOn) }}
            />
          </p>
        )}
        {p.mobility.length ? (
          <DataTable
            caption={intl.formatMessage({ id: 'people.pathways.mobility.title' })}
            rowKey={(m) => m.id}
            rows={p.mobility}
            columns={[
              {
                key: 'd',
                header: <FormattedMessage id="people.pathways.field.recorded_on" />,
                render: (m) => date(m.recordedOn),
              },
              {
                key: 'r',
                header: <FormattedMessage id="people.pathways.field.radius_km" />,
                render: (m) => (
                  <FormattedMessage id="people.pathways.mobility.radius" values={{ km: m.radiusKm }} />
                ),
              },
              {
                key: 'b',
                header: <FormattedMessage id="people.pathways.field.crossed_border" />,
                render: (m) => <FormattedMessage id={m.crossedBorder ? 'common.yes' : 'common.no'} />,
              },
              {
                key: 'n',
                header: <FormattedMessage id="people.pathways.field.mobility_note" />,
                render: (m) => m.note ?? '',
              },
            ]}
          />
        ) : (
          <p className="muted">
            <FormattedMessage id="people.pathways.mobility.empty" />
          </p>
        )}
        {p.canManage && !p.exitOn && <MobilityForm p={p} />}
      </div>
    </Card>
  );
}

function MobilityForm({ p }: { p: PathwayDetail }) {
  const intl = useIntl();
  const blank = { recordedOn: todayIso(), radiusKm: '', crossedBorder: false, note: '' };
  const form = useForm(MobilityCreateBody, blank);
  const add = usePathwayChange(
    (body: MobilityCreateBody) => call(pathwaysApi.recordMobility, { params: { id: p.id }, body }),
    () => form.setValues(blank),
  );
  // The radius is typed as text and travels as a whole number; the rest is checked by the API's schema.
  const submit = () => {
    const raw = form.values.radiusKm.trim();
    if (!/^[0-9]{1,3}$/.test(raw)) {
      form.setErrors({ radiusKm: intl.formatMessage({ id: 'people.pathways.errors.radius' }) });
      return;
    }
    const body = { ...form.body(), radiusKm: Number(raw) };
    const fields = schemaErrors(MobilityCreateBody, body);
    form.setErrors(
      Object.fromEntries(fields.map((f) => [f.path, intl.formatMessage({ id: f.code }, f.params)])),
    );
    if (!fields.length) add.mutate(body as MobilityCreateBody, { onError: form.fromApiError });
  };
  return (
    <Form
      validationBehavior="aria"
      className="stack no-print"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>
        <FormattedMessage id="people.pathways.mobility.add_title" />
      </h3>
      <ErrorAlert error={add.error} />
      <DateField
        label={intl.formatMessage({ id: 'people.pathways.field.recorded_on' })}
        isRequired
        value={form.values.recordedOn}
        onChange={form.set('recordedOn')}
        error={form.errors.recordedOn}
      />
      <TextField
        label={intl.formatMessage({ id: 'people.pathways.field.radius_km' })}
        inputMode="numeric"
        isRequired
        value={form.values.radiusKm}
        onChange={form.set('radiusKm')}
        error={form.errors.radiusKm}
      />
      <Checkbox isSelected={form.values.crossedBorder} onChange={form.set('crossedBorder')}>
        <FormattedMessage id="people.pathways.field.crossed_border_alone" />
      </Checkbox>
      <TextField
        label={intl.formatMessage({ id: 'people.pathways.field.mobility_note' })}
        value={form.values.note}
        onChange={form.set('note')}
        error={form.errors.note}
        maxLength={500}
      />
      <div className="row">
        <Button type="submit" variant="secondary" isDisabled={add.isPending}>
          <FormattedMessage id="people.pathways.mobility.add" />
        </Button>
      </div>
    </Form>
  );
}
