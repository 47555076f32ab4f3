import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import type { LinkFilters } from '../../../../common/kernel/links';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink } from '../../../../common/network/links';
import type { OrgRef } from '../../../../common/network/programme-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { overviewLink } from '../../../../common/placements/links';
import { hrefOf, useEndpoint } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert } from '../../../app/ui/feedback';
import { ListPage } from '../../../app/ui/ListPage';
import { usePlacementColumns } from './columns';
import { FILTER_KEYS, type FilterKey, narrowFilters } from './filters';
import { OverviewFilters } from './OverviewFilters';

const PAGE_SIZE = 25;

/**
 * The overview's filters and page in its address, read with `overviewLink.read()` and written with
 * `overviewLink.href()`. (The list page's `useListAddress` builds addresses without path parameters; this
 * page's address names its programme.) Changes replace the history entry, so the back button leaves the
 * overview instead of undoing filters one by one.
 */
function useOverviewAddress(id: string) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const read = overviewLink.read(params);
  const filters = narrowFilters(read);
  const page = Math.max(1, read.page ?? 1);
  const go = (next: Partial<LinkFilters<typeof overviewLink.filters>>) =>
    navigate(overviewLink.href({ id }, next), { replace: true });
  return {
    filters,
    page,
    // A new filter starts again at the first page.
    set: (changes: Partial<Record<FilterKey, string>>) => go({ ...filters, ...changes }),
    setPage: (p: number) => go({ ...filters, page: p }),
    reset: () => go({}),
  };
}

/**
 * The coordinator's view of every placement of a programme (lead organisation only): filters and status
 * chips, the pseudonymous table, and CSV/XLSX exports of the same filtered list.
 */
export function OverviewPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('placement.programme_overview');
  const { filters, page, set, setPage, reset } = useOverviewAddress(id);
  const columns = usePlacementColumns();

  const programme = useEndpoint(programmesApi.get, { params: { id } }, { enabled: canView });
  const list = useEndpoint(
    placementsEndpoints.overview,
    { params: { id }, query: { ...filters, page, pageSize: PAGE_SIZE } },
    { enabled: canView, placeholderData: keepPreviousData },
  );
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      downloadFile(
        hrefOf(format === 'csv' ? placementsEndpoints.overviewCsv : placementsEndpoints.overviewXlsx, {
          params: { id },
          query: filters,
        }),
        language,
      ),
  });

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  const orgName = (o: Pick<OrgRef, 'nameFr' | 'nameNl'>) => localized(language, o.nameFr, o.nameNl);
  const orgs = [...(programme.data?.partners ?? []).map((p) => p.org)].sort((a, b) =>
    orgName(a).localeCompare(orgName(b), language),
  );
  // Sorting is not filtering: a sorted list with no placement says the programme has none.
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && k !== 'order' && filters[k]);
  return (
    <ListPage
      title={intl.formatMessage({ id: 'placements.overview.title' })}
      description={programme.data ? orgName(programme.data) : undefined}
      actions={
        <>
          <LinkButton to={programmeLink.href({ id })} variant="ghost">
            <FormattedMessage id="placements.overview.back" />
          </LinkButton>
          {list.data?.canExport && (
            <>
              <Button
                variant="secondary"
                isDisabled={exporter.isPending}
                onPress={() => exporter.mutate('csv')}
              >
                <FormattedMessage id="placements.overview.export_csv" />
              </Button>
              <Button
                variant="secondary"
                isDisabled={exporter.isPending}
                onPress={() => exporter.mutate('xlsx')}
              >
                <FormattedMessage id="placements.overview.export_xlsx" />
              </Button>
            </>
          )}
        </>
      }
      before={
        <>
          <p className="muted">
            <FormattedMessage id="placements.overview.intro" />
            {list.data?.canExport && (
              <>
                {' '}
                <FormattedMessage id="placements.overview.export_hint" />
              </>
            )}
          </p>
          <ErrorAlert error={exporter.error} />
        </>
      }
      search={{
        label: intl.formatMessage({ id: 'placements.overview.search' }),
        value: filters.code ?? '',
        onSearch: (code) => set({ code }),
      }}
      filters={
        <OverviewFilters
          filters={filters}
          orgs={orgs}
          counts={list.data?.counts}
          orgName={orgName}
          onChange={set}
          onReset={reset}
        />
      }
      query={list}
      onPage={setPage}
      filtered={filtered}
      empty={{
        title: <FormattedMessage id="placements.overview.empty.none" />,
        body: <FormattedMessage id="placements.overview.empty.none_hint" />,
      }}
      noMatch={{
        title: <FormattedMessage id="placements.overview.empty.title" />,
        body: <FormattedMessage id="placements.overview.empty.hint" />,
      }}
      caption={intl.formatMessage({ id: 'placements.overview.list_caption' })}
      rowKey={(i) => i.id}
      columns={columns}
    />
  );
}
