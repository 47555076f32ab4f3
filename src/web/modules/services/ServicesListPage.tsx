import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import type { ManagedServiceItem } from '../../../common/network/service-schemas';
import { get, qs } from '../../app/api';
import { useLanguage } from '../../app/i18n';
import { LinkButton } from '../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';
import { Localized } from '../directory/text';

const PAGE_SIZE = 25;

/** The services of the manager's organisation, drafts and published, most recently changed first. */
export function ServicesListPage() {
  const intl = useIntl();
  const { language } = useLanguage();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['services', page],
    queryFn: () =>
      get<{ items: ManagedServiceItem[]; total: number }>(
        `/api/services${qs({ page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const add = (
    <LinkButton to="/app/services/new">
      <FormattedMessage id="directory.manage.new" />
    </LinkButton>
  );
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'directory.manage.title' })}
        description={<FormattedMessage id="directory.manage.intro" />}
        actions={add}
      />
      {notice && <Alert tone="success" title={<FormattedMessage id={notice} />} />}
      <ErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      {q.data && q.data.items.length === 0 && (
        <EmptyState title={<FormattedMessage id="directory.manage.empty.title" />} action={add}>
          <FormattedMessage id="directory.manage.empty.hint" />
        </EmptyState>
      )}
      {q.data && q.data.items.length > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'directory.manage.title' })}
            rows={q.data.items}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'title',
                header: <FormattedMessage id="directory.field.title" />,
                render: (r) => (
                  <Link to={`/app/services/${r.id}/edit`}>
                    <Localized fr={r.titleFr} nl={r.titleNl} />
                  </Link>
                ),
              },
              {
                key: 'theme',
                header: <FormattedMessage id="directory.field.theme" />,
                render: (r) => intl.formatMessage({ id: `directory.enum.theme.${r.theme}` }),
              },
              {
                key: 'place',
                header: <FormattedMessage id="directory.field.municipality" />,
                render: (r) => localized(language, r.municipalityNameFr, r.municipalityNameNl),
              },
              {
                key: 'status',
                header: <FormattedMessage id="directory.field.status" />,
                render: (r) =>
                  r.published ? (
                    <span className="tag tag--success">
                      <FormattedMessage id="directory.status.published" />
                    </span>
                  ) : (
                    <span className="tag tag--warning">
                      <FormattedMessage id="directory.status.draft" />
                    </span>
                  ),
              },
              {
                key: 'updated',
                header: <FormattedMessage id="directory.field.updated" />,
                render: (r) => intl.formatDate(r.updatedAt, { dateStyle: 'medium' }),
              },
              {
                key: 'view',
                header: <FormattedMessage id="common.actions" />,
                render: (r) => (
                  <Link to={`/directory/${r.id}`}>
                    <FormattedMessage id="directory.manage.view_public" />
                  </Link>
                ),
              },
            ]}
          />
          {q.data.total > PAGE_SIZE && (
            <Pagination page={page} pageSize={PAGE_SIZE} total={q.data.total} onPage={setPage} />
          )}
        </>
      )}
    </div>
  );
}
