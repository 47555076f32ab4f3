import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, TextArea, TextField } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useDisplayNames } from '../directory/text';

/**
 * The providing organisation's monthly count of persons from the other country (no names: a number and,
 * for persons followed in samen, their participant codes), with the months recorded so far.
 */
export function UsePanel({ serviceId }: { serviceId: string }) {
  const intl = useIntl();
  const names = useDisplayNames();
  const q = useEndpoint(api.uses, { params: { id: serviceId } });
  const save = useEndpointMutation(api.recordUse, [api.uses]);
  const [month, setMonth] = useState('');
  const [persons, setPersons] = useState('');
  const [codes, setCodes] = useState('');
  const [saved, setSaved] = useState(false);
  const label = (id: string) => intl.formatMessage({ id: `network.service_links.use.${id}` });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <Card title={<FormattedMessage id="network.service_links.use.title" />}>
      <p className="muted">
        <FormattedMessage id="network.service_links.use.intro" />
      </p>
      {saved && <Alert tone="success" title={<FormattedMessage id="network.service_links.use.saved" />} />}
      <ErrorAlert error={save.error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const participantCodes = codes
            .split(/\s+/)
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean);
          save.mutate(
            {
              params: { id: serviceId },
              body: { month: month.trim(), persons: Number(persons), participantCodes },
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <div className="grid-2">
          <TextField label={label('month')} value={month} onChange={setMonth} isRequired maxLength={7} />
          <TextField
            label={label('persons')}
            value={persons}
            onChange={setPersons}
            type="number"
            inputMode="numeric"
            isRequired
          />
        </div>
        <TextArea label={label('codes')} value={codes} onChange={setCodes} />
        <div className="row">
          <Button type="submit" isDisabled={save.isPending || !month || persons === ''}>
            <FormattedMessage id="network.service_links.use.save" />
          </Button>
        </div>
      </Form>
      {q.data.items.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="network.service_links.use.empty" />
        </p>
      ) : (
        <DataTable
          stacked
          caption={label('caption')}
          rows={q.data.items}
          rowKey={(r) => `${r.month}-${r.homeCountry}`}
          columns={[
            { key: 'month', header: label('month'), render: (r) => r.month },
            { key: 'country', header: label('home_country'), render: (r) => names.country(r.homeCountry) },
            { key: 'persons', header: label('persons'), render: (r) => intl.formatNumber(r.persons) },
            { key: 'codes', header: label('codes_count'), render: (r) => r.participantCodes.length },
          ]}
        />
      )}
    </Card>
  );
}
