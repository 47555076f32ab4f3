import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { FUNDS, PROGRAMME_STATUSES, type ProgrammeList } from '../../../common/network/programme-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { SearchField, Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';
import { FundTags, StatusTag, useProgrammeFormat } from './format';

const PAGE_SIZE = 20;

/** The network's programmes; filters live in the address so a filtered list can be shared or bookmarked. */
export function ProgrammesPage() {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const canView = useCan('programme.view');
  const canCreate = useCan('programme.create');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const fund = params.get('fund') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);

  const update = (next: Record<string, string>) => {
    const merged = { q, fund, status, ...next, page: next.page ?? '' };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const list = useQuery({
    queryKey: ['programmes', q, fund, status, page],
    queryFn: () => get<ProgrammeList>(`/api/programmes${qs({ q, fund, status, page, pageSize: PAGE_SIZE })}`),
    enabled: canView,
  });
  const filtered = !!(q || fund || status);
  const all = intl.formatMessage({ id: 'common.all' });

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'programmes.title' })}
        description={<FormattedMessage id="programmes.intro" />}
        actions={
          canCreate && (
            <LinkButton to="/app/programmes/new">
              <FormattedMessage id="programmes.new" />
            </LinkButton>
          )
        }
      />
      <Card>
        <div className="row no-print">
          <SearchField
            label={intl.formatMessage({ id: 'programmes.search' })}
            value={text}
            onChange={setText}
            onSubmit={(v) => update({ q: v.trim() })}
          />
          <Select
            label={intl.formatMessage({ id: 'programmes.filter.fund' })}
            value={fund || 'all'}
            onChange={(v) => update({ fund: v === 'all' ? '' : v })}
            options={[
              { id: 'all', label: all },
              ...FUNDS.map((x) => ({
                id: x,
                label: intl.formatMessage({ id: `programmes.enum.fund.${x}` }),
              })),
            ]}
          />
          <Select
            label={intl.formatMessage({ id: 'programmes.filter.status' })}
            value={status || 'all'}
            onChange={(v) => update({ status: v === 'all' ? '' : v })}
            options={[
              { id: 'all', label: all },
              ...PROGRAMME_STATUSES.map((x) => ({
                id: x,
                label: intl.formatMessage({ id: `programmes.enum.status.${x}` }),
              })),
            ]}
          />
          <Button variant="secondary" onPress={() => update({ q: text.trim() })}>
            <FormattedMessage id="common.search" />
          </Button>
          {filtered && (
            <Button
              variant="ghost"
              onPress={() => {
                setText('');
                setParams({});
              }}
            >
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
        </div>
      </Card>
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState
          title={
            <FormattedMessage id={filtered ? 'programmes.empty_filtered.title' : 'programmes.empty.title'} />
          }
          action={
            !filtered &&
            canCreate && (
              <LinkButton to="/app/programmes/new">
                <FormattedMessage id="programmes.new" />
              </LinkButton>
            )
          }
        >
          <FormattedMessage id={filtered ? 'programmes.empty_filtered.hint' : 'programmes.empty.hint'} />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'programmes.list.caption' })}
            rowKey={(p) => p.id}
            rows={list.data.items}
            columns={[
              {
                key: 'name',
                header: <FormattedMessage id="programmes.col.name" />,
                render: (p) => (
                  <>
                    <Link to={`/app/programmes/${p.id}`}>{f.name(p)}</Link>
                    {p.acronym && <div className="muted">{p.acronym}</div>}
                  </>
                ),
              },
              {
                key: 'period',
                header: <FormattedMessage id="programmes.col.period" />,
                render: (p) => f.period(p.startsOn, p.endsOn),
              },
              {
                key: 'lead',
                header: <FormattedMessage id="programmes.col.lead" />,
                render: (p) => (
                  <>
                    {p.lead.shortName ?? f.orgName(p.lead)}
                    <div className="muted">
                      <FormattedMessage id="programmes.partner_count" values={{ count: p.partnerCount }} />
                    </div>
                  </>
                ),
              },
              {
                key: 'funds',
                header: <FormattedMessage id="programmes.col.funds" />,
                render: (p) => <FundTags funds={p.funds} />,
              },
              {
                key: 'status',
                header: <FormattedMessage id="programmes.col.status" />,
                render: (p) => <StatusTag status={p.status} />,
              },
            ]}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </div>
  );
}
