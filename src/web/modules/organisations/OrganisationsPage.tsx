import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import {
  COUNTRIES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  type OrganisationPage,
  REGIONS,
} from '../../../common/network/organisation-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { SearchForm } from '../../app/ui/SearchForm';
import { DataTable, Pagination } from '../../app/ui/Table';
import { useOrganisationLabels } from './labels';

const PAGE_SIZE = 25;
const FILTERS = ['kind', 'country', 'region', 'status'] as const;
const VALUES = {
  kind: ORGANISATION_KINDS,
  country: COUNTRIES,
  region: REGIONS,
  status: ORGANISATION_STATUSES,
};
const ENUM_OF = { kind: 'kind', country: 'country', region: 'region', status: 'status' } as const;
const ALL = '*';

/** The partner network: search by name (French or Dutch), filter, page through; the state lives in the URL. */
export function OrganisationsPage() {
  const intl = useIntl();
  const labels = useOrganisationLabels();
  const canCreate = useCan('organisation.create');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v && v !== ALL) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['organisations', 'list', q, filters, page],
    queryFn: () =>
      get<OrganisationPage>(`/api/organisations${qs({ q, ...filters, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = q !== '' || FILTERS.some((f) => filters[f]);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'organisations.title' })}
        description={<FormattedMessage id="organisations.intro" />}
        actions={
          canCreate && (
            <LinkButton to="/app/organisations/new">
              <FormattedMessage id="organisations.new" />
            </LinkButton>
          )
        }
      />
      <Card>
        <SearchForm
          label={intl.formatMessage({ id: 'organisations.search' })}
          value={text}
          onChange={setText}
          onSearch={(v) => update({ q: v })}
        >
          <fieldset className="row">
            <legend className="visually-hidden">
              <FormattedMessage id="organisations.filters" />
            </legend>
            {FILTERS.map((f) => (
              <Select
                key={f}
                label={intl.formatMessage({ id: `organisations.field.${f}` })}
                value={filters[f] || ALL}
                onChange={(v) => update({ [f]: v })}
                options={[
                  { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
                  ...labels.options(ENUM_OF[f], VALUES[f]),
                ]}
              />
            ))}
            {filtered && (
              <Button variant="ghost" onPress={() => setParams(new URLSearchParams(), { replace: true })}>
                <FormattedMessage id="common.reset_filters" />
              </Button>
            )}
          </fieldset>
        </SearchForm>
      </Card>
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState
          title={
            <FormattedMessage id={filtered ? 'organisations.empty.title' : 'organisations.empty.none'} />
          }
        >
          <FormattedMessage id={filtered ? 'organisations.empty.hint' : 'organisations.empty.none_hint'} />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'organisations.list_caption' })}
            rows={list.data.items}
            rowKey={(o) => o.id}
            columns={[
              {
                key: 'name',
                header: <FormattedMessage id="organisations.column.name" />,
                render: (o) => (
                  <>
                    <Link to={`/app/organisations/${o.id}`}>{labels.name(o)}</Link>
                    {o.shortName && <span className="muted"> ({o.shortName})</span>}
                  </>
                ),
              },
              {
                key: 'kind',
                header: <FormattedMessage id="organisations.column.kind" />,
                render: (o) => labels.label('kind', o.kind),
              },
              {
                key: 'municipality',
                header: <FormattedMessage id="organisations.column.municipality" />,
                render: (o) => labels.municipality(o) ?? <span className="muted">—</span>,
              },
              {
                key: 'region',
                header: <FormattedMessage id="organisations.column.region" />,
                render: (o) => labels.label('region', o.region),
              },
              {
                key: 'status',
                header: <FormattedMessage id="organisations.column.status" />,
                render: (o) => (
                  <span className={o.status === 'closed' ? 'tag tag--warning' : 'tag tag--success'}>
                    {labels.label('status', o.status)}
                  </span>
                ),
              },
            ]}
          />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </div>
  );
}
