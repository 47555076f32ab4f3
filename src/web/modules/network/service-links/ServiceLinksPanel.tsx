import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import {
  LINK_ACCEPTS,
  type LinkAccept,
  type LinkView,
} from '../../../../common/network/service-links-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useSessionState } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { ProposeLinkForm } from './ProposeLinkForm';
import { SideName, useAccepts, usePeriod } from './text';
import { UsePanel } from './UsePanel';

/**
 * On a service's page, for signed-in members: its cross-border links (accept a partner's proposal, end a
 * link), and for its own organisation the proposal form and the monthly use by persons from the other side.
 */
export function ServiceLinksPanel({ serviceId, country }: { serviceId: string; country: string | null }) {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') return null;
  return <Links serviceId={serviceId} country={country} />;
}

function AcceptDialog({ serviceId, link }: { serviceId: string; link: LinkView }) {
  const intl = useIntl();
  const [accepts, setAccepts] = useState<LinkAccept[]>(['orientation']);
  const accept = useEndpointMutation(api.accept, [api.ofService, api.network]);
  return (
    <FormDialog
      trigger={
        <Button>
          <FormattedMessage id="network.service_links.accept.submit" />
        </Button>
      }
      title={<FormattedMessage id="network.service_links.proposed_to_us" />}
      submitLabel={<FormattedMessage id="network.service_links.accept.submit" />}
      onSubmit={async () => {
        await accept.mutateAsync({
          params: { id: serviceId, linkId: link.id },
          body: { accepts },
        });
        return true;
      }}
    >
      <CheckboxGroup
        label={intl.formatMessage({ id: 'network.service_links.field.accepts' })}
        value={accepts}
        onChange={(v) => setAccepts(v as LinkAccept[])}
        options={LINK_ACCEPTS.map((id) => ({
          id,
          label: intl.formatMessage({ id: `network.service_links.accepts.${id}` }),
        }))}
      />
    </FormDialog>
  );
}

function Links({ serviceId, country }: { serviceId: string; country: string | null }) {
  const intl = useIntl();
  const period = usePeriod();
  const accepted = useAccepts();
  const q = useEndpoint(api.ofService, { params: { id: serviceId } });
  const end = useEndpointMutation(api.end, [api.ofService, api.network]);
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { items, canManage } = q.data;
  return (
    <>
      <Card title={<FormattedMessage id="network.service_links.panel.title" />}>
        <ErrorAlert error={end.error} />
        {items.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="network.service_links.panel.empty" />
          </p>
        ) : (
          <DataTable
            stacked
            caption={intl.formatMessage({ id: 'network.service_links.panel.caption' })}
            rows={items}
            rowKey={(l) => l.id}
            columns={[
              {
                key: 'partner',
                header: <FormattedMessage id="network.service_links.col.partner" />,
                render: (l) => <SideName side={l.partner} />,
              },
              {
                key: 'period',
                header: <FormattedMessage id="network.service_links.col.period" />,
                render: (l) => period(l),
              },
              {
                key: 'accepts',
                header: <FormattedMessage id="network.service_links.col.accepts" />,
                render: (l) => accepted(l.self.accepts),
              },
              {
                key: 'status',
                header: <FormattedMessage id="network.service_links.col.status" />,
                render: (l) => (
                  <div className="stack">
                    <span className={`tag${l.status === 'active' ? ' tag--success' : ''}`}>
                      <FormattedMessage id={`network.service_links.status.${l.status}`} />
                    </span>
                    {l.status === 'proposed' && !l.canAccept && l.canEnd && (
                      <span className="muted">
                        <FormattedMessage id="network.service_links.waiting_partner" />
                      </span>
                    )}
                    <div className="row">
                      {l.canAccept && <AcceptDialog serviceId={serviceId} link={l} />}
                      {l.canEnd && (
                        <Button
                          variant="secondary"
                          isDisabled={end.isPending}
                          onPress={() => end.mutate({ params: { id: serviceId, linkId: l.id }, body: {} })}
                        >
                          <FormattedMessage
                            id={
                              l.status === 'proposed'
                                ? 'network.service_links.end.withdraw'
                                : 'network.service_links.end.submit'
                            }
                          />
                        </Button>
                      )}
                    </div>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Card>
      {canManage && country && <ProposeLinkForm serviceId={serviceId} country={country} />}
      {canManage && <UsePanel serviceId={serviceId} />}
    </>
  );
}
