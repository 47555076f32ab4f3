import { keepPreviousData } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { personsApi } from '../../../../common/people/endpoints';
import { newPersonLink, personLink, personsLink } from '../../../../common/people/links';
import type { PersonPage } from '../../../../common/people/schemas';
import { parseSearch } from '../../../../common/people/search';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { useSlot } from '../../../app/slots';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { usePeopleLabels } from './labels';
import { useNewcomerLabels } from './newcomer';

const PAGE_SIZE = 25;
const ALL = '*';

type Row = PersonPage['items'][number];

/** The caseload: one search box (name, birth date or participant code), paginated; state in the address. */
export function PeoplePage() {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const newcomer = useNewcomerLabels();
  const canCreate = useCan('person.manage');
  const allCaseloads = useCan('person.view_all_caseloads');
  const { filters, page, set, setPage } = useListAddress(personsLink);
  const search = filters.search ?? '';
  const referent = filters.referent ?? '';
  const archived = filters.status === 'archived';
  const referents = useEndpoint(personsApi.referents, {}, { enabled: allCaseloads });
  const list = useEndpoint(
    personsApi.list,
    {
      query: {
        ...parseSearch(search),
        referent: referent || undefined,
        status: archived ? 'archived' : undefined,
        page,
        pageSize: PAGE_SIZE,
      },
    },
    { placeholderData: keepPreviousData },
  );
  const filtered = search !== '' || referent !== '' || archived;
  const create = canCreate && (
    <LinkButton to={newPersonLink.href()}>
      <FormattedMessage id="people.persons.new" />
    </LinkButton>
  );
  return (
    <ListPage
      title={intl.formatMessage({ id: 'people.persons.title' })}
      description={
        <FormattedMessage id={allCaseloads ? 'people.persons.intro_all' : 'people.persons.intro_own'} />
      }
      actions={create}
      search={{
        label: intl.formatMessage({ id: 'people.persons.search' }),
        value: search,
        onSearch: (v) => set({ search: v || undefined }),
      }}
      filters={
        <>
          <p className="muted">
            <FormattedMessage id="people.persons.search_hint" />
          </p>
          <fieldset className="row">
            <legend className="visually-hidden">
              <FormattedMessage id="people.persons.filters" />
            </legend>
            {allCaseloads && (
              <Select
                label={intl.formatMessage({ id: 'people.persons.field.referent' })}
                value={referent || ALL}
                onChange={(v) => set({ referent: v === ALL ? undefined : v })}
                options={[
                  { id: ALL, label: intl.formatMessage({ id: 'common.all' }) },
                  { id: 'none', label: intl.formatMessage({ id: 'people.persons.no_referent' }) },
                  ...(referents.data ?? []).map((r) => ({ id: r.id, label: r.displayName })),
                ]}
              />
            )}
            <Select
              label={intl.formatMessage({ id: 'people.persons.field.status' })}
              value={archived ? 'archived' : 'active'}
              onChange={(v) => set({ status: v === 'archived' ? v : undefined })}
              options={labels.options('status', ['active', 'archived'])}
            />
            {filtered && (
              <Button
                variant="ghost"
                onPress={() => set({ search: undefined, referent: undefined, status: undefined })}
              >
                <FormattedMessage id="common.reset_filters" />
              </Button>
            )}
          </fieldset>
        </>
      }
      query={list}
      onPage={setPage}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="people.persons.empty.none" />,
        body: <FormattedMessage id="people.persons.empty.none_hint" />,
        action: create,
      }}
      noMatch={{
        title: <FormattedMessage id="people.persons.empty.title" />,
        body: <FormattedMessage id="people.persons.empty.hint" />,
      }}
      caption={intl.formatMessage({ id: 'people.persons.list_caption' })}
      rowKey={(p) => p.id}
      columns={[
        {
          key: 'name',
          header: <FormattedMessage id="people.persons.column.name" />,
          render: (p) => (
            <Link to={personLink.href({ id: p.id })}>
              {p.lastName.toUpperCase()} {p.firstName}
            </Link>
          ),
        },
        {
          key: 'birth',
          header: <FormattedMessage id="people.persons.column.birth_date" />,
          render: (p) => newcomer.birthDate(p.birthDate, p.birthDatePrecision),
        },
        {
          key: 'municipality',
          header: <FormattedMessage id="people.persons.column.municipality" />,
          render: (p) => labels.municipality(p) ?? <span className="muted">—</span>,
        },
        {
          key: 'benefit',
          header: <FormattedMessage id="people.persons.column.benefit" />,
          render: (p) => labels.label('benefit', p.benefit),
        },
        {
          key: 'evaluation',
          header: <FormattedMessage id="people.persons.column.next_evaluation" />,
          render: (p) => labels.date(p.contractNextEvaluationOn) ?? <span className="muted">—</span>,
        },
        ...(list.data?.allCaseloads
          ? [
              {
                key: 'referent',
                header: <FormattedMessage id="people.persons.column.referent" />,
                render: (p: Row) =>
                  p.referentName ?? (
                    <span className="muted">
                      <FormattedMessage id="people.persons.no_referent" />
                    </span>
                  ),
              },
            ]
          : []),
        {
          key: 'code',
          header: <FormattedMessage id="people.persons.column.code" />,
          render: (p) => <code>{p.participantCode}</code>,
        },
        {
          key: 'alerts',
          header: <FormattedMessage id="people.persons.column.alerts" />,
          render: (p) => <Alerts codes={p.alerts ?? []} />,
        },
      ]}
    />
  );
}

/** The person's alerts, each module's rendered by its own view (the caseloadAlerts slot). */
function Alerts({ codes }: { codes: readonly string[] }) {
  const views = useSlot('caseloadAlerts');
  const shown = views
    .map((v, i) => ({ key: i, Component: v.Component, codes: codes.filter((c) => v.owns(c)) }))
    .filter((v) => v.codes.length > 0);
  if (shown.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {shown.map(({ key, Component, codes: own }) => (
        <Component key={key} codes={own} />
      ))}
    </>
  );
}
