import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import type { OrgRef, ProgrammeDetail } from '../../../common/network/programme-schemas';
import type { OverviewPage } from '../../../common/placements/overview-schemas';
import { get, qs } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { Pagination } from '../../app/ui/Table';
import { downloadFile } from './download';
import { FiltersCard } from './FiltersCard';
import { FILTER_KEYS, type FilterKey, readFilters } from './filters';
import { PlacementsTable } from './PlacementsTable';

const PAGE_SIZE = 25;

/**
 * The coordinator's view of every placement of a programme (lead organisation only): filters and status
 * chips, the pseudonymous table, and CSV/XLSX exports of the same filtered list. State lives in the URL.
 */
export function ProgrammePlacementsPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('placement.programme_overview');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const base = `/api/programmes/${encodeURIComponent(id)}`;

  const update = (changes: Partial<Record<FilterKey | 'page', string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });

  const programme = useQuery({
    queryKey: ['programme', id],
    queryFn: () => get<ProgrammeDetail>(base),
    enabled: canView,
  });
  const list = useQuery({
    queryKey: ['programme-placements', id, filters, page],
    queryFn: () => get<OverviewPage>(`${base}/placements${qs({ ...filters, page, pageSize: PAGE_SIZE })}`),
    enabled: canView,
    placeholderData: keepPreviousData,
  });
  const exporter = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      downloadFile(`${base}/placements.${format}${qs(filters)}`, language),
  });

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  const orgName = (o: Pick<OrgRef, 'nameFr' | 'nameNl'>) => localized(language, o.nameFr, o.nameNl);
  const orgs = [...(programme.data?.partners ?? []).map((p) => p.org)].sort((a, b) =>
    orgName(a).localeCompare(orgName(b), language),
  );
  const filtered = FILTER_KEYS.some((k) => k !== 'sort' && k !== 'order' && filters[k]);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'overview.title' })}
        description={programme.data ? orgName(programme.data) : undefined}
        actions={
          <>
            <LinkButton to={`/app/programmes/${encodeURIComponent(id)}`} variant="ghost">
              <FormattedMessage id="overview.back" />
            </LinkButton>
            {list.data?.canExport && (
              <>
                <Button
                  variant="secondary"
                  isDisabled={exporter.isPending}
                  onPress={() => exporter.mutate('csv')}
                >
                  <FormattedMessage id="overview.export_csv" />
                </Button>
                <Button
                  variant="secondary"
                  isDisabled={exporter.isPending}
                  onPress={() => exporter.mutate('xlsx')}
                >
                  <FormattedMessage id="overview.export_xlsx" />
                </Button>
              </>
            )}
          </>
        }
      />
      <p className="muted">
        <FormattedMessage id="overview.intro" />
        {list.data?.canExport && (
          <>
            {' '}
            <FormattedMessage id="overview.export_hint" />
          </>
        )}
      </p>
      <ErrorAlert error={exporter.error} />
      <FiltersCard
        filters={filters}
        orgs={orgs}
        counts={list.data?.counts}
        orgName={orgName}
        onChange={update}
        onReset={reset}
      />
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState
          title={<FormattedMessage id={filtered ? 'overview.empty.title' : 'overview.empty.none'} />}
          action={
            filtered && (
              <Button variant="secondary" onPress={reset}>
                <FormattedMessage id="common.reset_filters" />
              </Button>
            )
          }
        >
          <FormattedMessage id={filtered ? 'overview.empty.hint' : 'overview.empty.none_hint'} />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <PlacementsTable items={list.data.items} />
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
