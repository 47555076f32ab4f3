import { FormattedMessage, useIntl } from 'react-intl';
import { serviceLinkEndpoints as api } from '../../../../common/network/service-links-endpoints';
import { useEndpoint } from '../../../app/client';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { SideName, useAccepts, usePeriod } from './text';

/** "Services in a cross-border network": every active link of the network, both sides. */
export function NetworkLinksPage() {
  const intl = useIntl();
  const period = usePeriod();
  const accepted = useAccepts();
  const q = useEndpoint(api.network);
  const t = (id: string) => intl.formatMessage({ id: `network.service_links.${id}` });
  return (
    <div className="stack">
      <PageHeader title={t('list.title')} description={t('list.intro')} />
      {q.isLoading ? (
        <Loading />
      ) : !q.data ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={<FormattedMessage id="network.service_links.list.empty" />} />
      ) : (
        <DataTable
          stacked
          caption={t('list.caption')}
          rows={q.data.items}
          rowKey={(l) => l.id}
          columns={[
            {
              key: 'service',
              header: t('col.service'),
              render: (l) => (
                <>
                  <SideName side={l.self} />
                  <div className="muted">{accepted(l.self.accepts)}</div>
                </>
              ),
            },
            {
              key: 'partner',
              header: t('col.partner'),
              render: (l) => (
                <>
                  <SideName side={l.partner} />
                  <div className="muted">{accepted(l.partner.accepts)}</div>
                </>
              ),
            },
            { key: 'period', header: t('col.period'), render: (l) => period(l) },
          ]}
        />
      )}
    </div>
  );
}
