import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink, programmeNewLink, programmesLink } from '../../../../common/network/links';
import { FUNDS, PROGRAMME_STATUSES } from '../../../../common/network/programme-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { oneOf } from '../narrow';
import { FundTags, StatusTag, useProgrammeFormat } from './format';

const PAGE_SIZE = 20;
const ALL = 'all';

/** The network's programmes; filters live in the address so a filtered list can be shared or bookmarked. */
export function ProgrammesPage() {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const canView = useCan('programme.view');
  const canCreate = useCan('programme.create');
  const { filters, page, set, setPage } = useListAddress(programmesLink);
  const fund = oneOf(FUNDS, filters.fund);
  const status = oneOf(PROGRAMME_STATUSES, filters.status);
  const list = useEndpoint(
    programmesApi.list,
    { query: { q: filters.q, fund, status, page, pageSize: PAGE_SIZE } },
    { enabled: canView, placeholderData: keepPreviousData },
  );
  const filtered = !!(filters.q || fund || status);
  const all = intl.formatMessage({ id: 'common.all' });
  const create = canCreate && (
    <LinkButton to={programmeNewLink.href()}>
      <FormattedMessage id="network.programmes.new" />
    </LinkButton>
  );

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <ListPage
      title={intl.formatMessage({ id: 'network.programmes.title' })}
      description={<FormattedMessage id="network.programmes.intro" />}
      actions={create}
      search={{
        label: intl.formatMessage({ id: 'network.programmes.search' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <div className="row">
          <Select
            label={intl.formatMessage({ id: 'network.programmes.filter.fund' })}
            value={fund ?? ALL}
            onChange={(v) => set({ fund: v === ALL ? undefined : v })}
            options={[
              { id: ALL, label: all },
              ...FUNDS.map((x) => ({
                id: x,
                label: intl.formatMessage({ id: `network.programmes.enum.fund.${x}` }),
              })),
            ]}
          />
          <Select
            label={intl.formatMessage({ id: 'network.programmes.filter.status' })}
            value={status ?? ALL}
            onChange={(v) => set({ status: v === ALL ? undefined : v })}
            options={[
              { id: ALL, label: all },
              ...PROGRAMME_STATUSES.map((x) => ({
                id: x,
                label: intl.formatMessage({ id: `network.programmes.enum.status.${x}` }),
              })),
            ]}
          />
          {filtered && (
            <Button variant="ghost" onPress={() => set({ q: undefined, fund: undefined, status: undefined })}>
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
        </div>
      }
      query={list}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="network.programmes.empty.title" />,
        body: <FormattedMessage id="network.programmes.empty.hint" />,
        action: create,
      }}
      noMatch={{
        title: <FormattedMessage id="network.programmes.empty_filtered.title" />,
        body: <FormattedMessage id="network.programmes.empty_filtered.hint" />,
      }}
      caption={intl.formatMessage({ id: 'network.programmes.list.caption' })}
      rowKey={(p) => p.id}
      onPage={setPage}
      columns={[
        {
          key: 'name',
          header: <FormattedMessage id="network.programmes.col.name" />,
          render: (p) => (
            <>
              <Link to={programmeLink.href({ id: p.id })}>{f.name(p)}</Link>
              {p.acronym && <div className="muted">{p.acronym}</div>}
            </>
          ),
        },
        {
          key: 'period',
          header: <FormattedMessage id="network.programmes.col.period" />,
          render: (p) => f.period(p.startsOn, p.endsOn),
        },
        {
          key: 'lead',
          header: <FormattedMessage id="network.programmes.col.lead" />,
          render: (p) => (
            <>
              {p.lead.shortName ?? f.orgName(p.lead)}
              <div className="muted">
                <FormattedMessage id="network.programmes.partner_count" values={{ count: p.partnerCount }} />
              </div>
            </>
          ),
        },
        {
          key: 'funds',
          header: <FormattedMessage id="network.programmes.col.funds" />,
          render: (p) => <FundTags funds={p.funds} />,
        },
        {
          key: 'status',
          header: <FormattedMessage id="network.programmes.col.status" />,
          render: (p) => <StatusTag status={p.status} />,
        },
      ]}
    />
  );
}
