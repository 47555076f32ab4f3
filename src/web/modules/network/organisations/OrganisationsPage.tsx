import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { organisationsApi } from '../../../../common/network/endpoints';
import { organisationLink, organisationNewLink, organisationsLink } from '../../../../common/network/links';
import {
  COUNTRIES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  REGIONS,
} from '../../../../common/network/organisation-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { oneOf } from '../narrow';
import { useOrganisationLabels } from './labels';

const PAGE_SIZE = 25;
const VALUES = {
  kind: ORGANISATION_KINDS,
  country: COUNTRIES,
  region: REGIONS,
  status: ORGANISATION_STATUSES,
};
const FILTERS = ['kind', 'country', 'region', 'status'] as const;
const ALL = '*';

/** The partner network: search by name (French or Dutch), filter, page through; the state lives in the URL. */
export function OrganisationsPage() {
  const intl = useIntl();
  const labels = useOrganisationLabels();
  const canCreate = useCan('organisation.create');
  const { filters, page, set, setPage } = useListAddress(organisationsLink);
  const query = {
    q: filters.q,
    kind: oneOf(ORGANISATION_KINDS, filters.kind),
    country: oneOf(COUNTRIES, filters.country),
    region: oneOf(REGIONS, filters.region),
    status: oneOf(ORGANISATION_STATUSES, filters.status),
  };
  const list = useEndpoint(
    organisationsApi.list,
    { query: { ...query, page, pageSize: PAGE_SIZE } },
    { placeholderData: keepPreviousData },
  );
  const filtered = Object.values(query).some(Boolean);
  return (
    <ListPage
      title={intl.formatMessage({ id: 'network.organisations.title' })}
      description={<FormattedMessage id="network.organisations.intro" />}
      actions={
        canCreate && (
          <LinkButton to={organisationNewLink.href()}>
            <FormattedMessage id="network.organisations.new" />
          </LinkButton>
        )
      }
      search={{
        label: intl.formatMessage({ id: 'network.organisations.search' }),
        value: filters.q ?? '',
        onSearch: (q) => set({ q }),
      }}
      filters={
        <fieldset className="row">
          <legend className="visually-hidden">
            <FormattedMessage id="network.organisations.filters" />
          </legend>
          {FILTERS.map((f) => (
            <Select
              key={f}
              label={intl.formatMessage({ id: `network.organisations.field.${f}` })}
              value={query[f] ?? ALL}
              onChange={(v) => set({ [f]: v === ALL ? undefined : v })}
              options={[
                { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
                ...labels.options(f, VALUES[f]),
              ]}
            />
          ))}
          {filtered && (
            <Button
              variant="ghost"
              onPress={() =>
                set({
                  q: undefined,
                  kind: undefined,
                  country: undefined,
                  region: undefined,
                  status: undefined,
                })
              }
            >
              <FormattedMessage id="common.reset_filters" />
            </Button>
          )}
        </fieldset>
      }
      query={list}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="network.organisations.empty.none" />,
        body: <FormattedMessage id="network.organisations.empty.none_hint" />,
      }}
      noMatch={{
        title: <FormattedMessage id="network.organisations.empty.title" />,
        body: <FormattedMessage id="network.organisations.empty.hint" />,
      }}
      caption={intl.formatMessage({ id: 'network.organisations.list_caption' })}
      rowKey={(o) => o.id}
      onPage={setPage}
      columns={[
        {
          key: 'name',
          header: <FormattedMessage id="network.organisations.column.name" />,
          render: (o) => (
            <>
              <Link to={organisationLink.href({ id: o.id })}>{labels.name(o)}</Link>
              {o.shortName && <span className="muted"> ({o.shortName})</span>}
            </>
          ),
        },
        {
          key: 'kind',
          header: <FormattedMessage id="network.organisations.column.kind" />,
          render: (o) => labels.label('kind', o.kind),
        },
        {
          key: 'municipality',
          header: <FormattedMessage id="network.organisations.column.municipality" />,
          render: (o) => labels.municipality(o) ?? <span className="muted">—</span>,
        },
        {
          key: 'region',
          header: <FormattedMessage id="network.organisations.column.region" />,
          render: (o) => labels.label('region', o.region),
        },
        {
          key: 'status',
          header: <FormattedMessage id="network.organisations.column.status" />,
          render: (o) => (
            <span className={o.status === 'closed' ? 'tag tag--warning' : 'tag tag--success'}>
              {labels.label('status', o.status)}
            </span>
          ),
        },
      ]}
    />
  );
}
