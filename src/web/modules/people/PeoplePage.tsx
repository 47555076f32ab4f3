import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import type { PersonPage, ReferentOption } from '../../../common/people/schemas';
import { parseSearch } from '../../../common/people/search';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { SearchForm } from '../../app/ui/SearchForm';
import { DataTable, Pagination } from '../../app/ui/Table';
import { CaseloadAlerts } from '../programme-placements/CaseloadAlerts';
import { usePeopleLabels } from './labels';

const PAGE_SIZE = 25;
const ALL = '*';

/** The caseload: one search box (name, birth date or participant code), paginated; state in the URL. */
export function PeoplePage() {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const canCreate = useCan('person.manage');
  const allCaseloads = useCan('person.view_all_caseloads');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = params.get('search') ?? '';
  const referent = params.get('referent') ?? '';
  const archived = params.get('status') === 'archived';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v && v !== ALL) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const referents = useQuery({
    queryKey: ['people', 'referents'],
    queryFn: () => get<ReferentOption[]>('/api/people/referents'),
    enabled: allCaseloads,
  });
  const list = useQuery({
    queryKey: ['people', 'list', search, referent, archived, page],
    queryFn: () =>
      get<PersonPage>(
        `/api/people${qs({
          ...parseSearch(search),
          referent: referent || undefined,
          status: archived ? 'archived' : undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = search !== '' || referent !== '' || archived;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'people.title' })}
        description={<FormattedMessage id={allCaseloads ? 'people.intro_all' : 'people.intro_own'} />}
        actions={
          canCreate && (
            <LinkButton to="/app/people/new">
              <FormattedMessage id="people.new" />
            </LinkButton>
          )
        }
      />
      <Card>
        <SearchForm
          label={intl.formatMessage({ id: 'people.search' })}
          value={text}
          onChange={setText}
          onSearch={(v) => update({ search: v })}
        >
          <p className="muted">
            <FormattedMessage id="people.search_hint" />
          </p>
          <fieldset className="row">
            <legend className="visually-hidden">
              <FormattedMessage id="people.filters" />
            </legend>
            {allCaseloads && (
              <Select
                label={intl.formatMessage({ id: 'people.field.referent' })}
                value={referent || ALL}
                onChange={(v) => update({ referent: v })}
                options={[
                  { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
                  { id: 'none', label: intl.formatMessage({ id: 'people.no_referent' }) },
                  ...(referents.data ?? []).map((r) => ({ id: r.id, label: r.displayName })),
                ]}
              />
            )}
            <Select
              label={intl.formatMessage({ id: 'people.field.status' })}
              value={archived ? 'archived' : 'active'}
              onChange={(v) => update({ status: v === 'archived' ? v : '' })}
              options={labels.options('status', ['active', 'archived'])}
            />
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
          title={<FormattedMessage id={filtered ? 'people.empty.title' : 'people.empty.none'} />}
          action={
            canCreate && (
              <LinkButton to="/app/people/new">
                <FormattedMessage id="people.new" />
              </LinkButton>
            )
          }
        >
          <FormattedMessage id={filtered ? 'people.empty.hint' : 'people.empty.none_hint'} />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'people.list_caption' })}
            rows={list.data.items}
            rowKey={(p) => p.id}
            columns={[
              {
                key: 'name',
                header: <FormattedMessage id="people.column.name" />,
                render: (p) => (
                  <Link to={`/app/people/${p.id}`}>
                    {p.lastName.toUpperCase()} {p.firstName}
                  </Link>
                ),
              },
              {
                key: 'birth',
                header: <FormattedMessage id="people.column.birth_date" />,
                render: (p) => labels.date(p.birthDate),
              },
              {
                key: 'municipality',
                header: <FormattedMessage id="people.column.municipality" />,
                render: (p) => labels.municipality(p) ?? <span className="muted">—</span>,
              },
              {
                key: 'benefit',
                header: <FormattedMessage id="people.column.benefit" />,
                render: (p) => labels.label('benefit', p.benefit),
              },
              {
                key: 'evaluation',
                header: <FormattedMessage id="people.column.next_evaluation" />,
                render: (p) => labels.date(p.contractNextEvaluationOn) ?? <span className="muted">—</span>,
              },
              ...(list.data.allCaseloads
                ? [
                    {
                      key: 'referent',
                      header: <FormattedMessage id="people.column.referent" />,
                      render: (p: PersonPage['items'][number]) =>
                        p.referentName ?? (
                          <span className="muted">
                            <FormattedMessage id="people.no_referent" />
                          </span>
                        ),
                    },
                  ]
                : []),
              {
                key: 'code',
                header: <FormattedMessage id="people.column.code" />,
                render: (p) => <code>{p.participantCode}</code>,
              },
              {
                key: 'alerts',
                header: <FormattedMessage id="overview.alerts" />,
                render: (p) => <CaseloadAlerts alerts={p.alerts} />,
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
