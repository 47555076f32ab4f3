import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { directoryApi } from '../../../../common/network/endpoints';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import { LINK_ACCEPTS, type LinkAccept } from '../../../../common/network/service-links-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { pickText } from '../directory/text';

/** A proposal from our service to a published service on the other side; the partner accepts it. */
export function ProposeLinkForm({ serviceId, country }: { serviceId: string; country: string }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const other = country === 'FR' ? 'BE' : 'FR';
  const partners = useEndpoint(directoryApi.search, { query: { country: other, pageSize: 50 } });
  const propose = useEndpointMutation(api.propose, [api.ofService, api.network]);
  const [partnerServiceId, setPartner] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [accepts, setAccepts] = useState<LinkAccept[]>(['orientation']);
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const options = (partners.data?.items ?? []).map((s) => ({
    id: s.id,
    label: `${pickText(language, s.titleFr, s.titleNl)?.text ?? ''} — ${localized(language, s.orgNameFr, s.orgNameNl)}`,
  }));
  const field = (id: string) => intl.formatMessage({ id: `network.service_links.field.${id}` });
  return (
    <Card title={<FormattedMessage id="network.service_links.propose.title" />}>
      {done && <Alert tone="success" title={<FormattedMessage id="network.service_links.propose.done" />} />}
      <ErrorAlert error={propose.error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!partnerServiceId || !since) return;
          setDone(false);
          propose.mutate(
            {
              params: { id: serviceId },
              body: {
                partnerServiceId,
                since,
                until: until || null,
                accepts,
                note: note.trim() || null,
              },
            },
            { onSuccess: () => setDone(true) },
          );
        }}
      >
        <Select
          label={field('partner')}
          value={partnerServiceId}
          onChange={setPartner}
          options={options}
          isRequired
        />
        <div className="grid-2">
          <DateField label={field('since')} value={since} onChange={setSince} isRequired />
          <DateField label={field('until')} value={until} onChange={setUntil} min={since || undefined} />
        </div>
        <CheckboxGroup
          label={field('accepts')}
          value={accepts}
          onChange={(v) => setAccepts(v as LinkAccept[])}
          options={LINK_ACCEPTS.map((id) => ({
            id,
            label: intl.formatMessage({ id: `network.service_links.accepts.${id}` }),
          }))}
        />
        <TextArea label={field('note')} value={note} onChange={setNote} />
        <div className="row">
          <Button type="submit" isDisabled={propose.isPending || !partnerServiceId || !since}>
            <FormattedMessage id="network.service_links.propose.submit" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}
