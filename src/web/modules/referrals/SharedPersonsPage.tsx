import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import type { SharedPage, SharedPerson } from '../../../common/people/referral-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';
import { useReferralFormat } from './format';

const PAGE_SIZE = 20;

/** The name if it is shared, else the participant code (the only thing always visible). */
export function sharedName(p: SharedPerson, intl: ReturnType<typeof useIntl>): string {
  const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
  return name || intl.formatMessage({ id: 'referrals.shared.name_hidden' }, { code: p.participantCode });
}

/** Persons that partners share with my organisation; each row is an audited read for their home centre. */
export function SharedPersonsPage() {
  const intl = useIntl();
  const fmt = useReferralFormat();
  const canView = useCan('person.view_shared');
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['shared-people', page],
    queryFn: () => get<SharedPage>(`/api/shared/people${qs({ page, pageSize: PAGE_SIZE })}`),
    enabled: canView,
  });

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'referrals.shared.title' })}
        description={<FormattedMessage id="referrals.shared.intro" />}
      />
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState
          title={<FormattedMessage id="referrals.shared.empty.title" />}
          action={
            <LinkButton to="/app/referrals" variant="secondary">
              <FormattedMessage id="referrals.nav" />
            </LinkButton>
          }
        >
          <FormattedMessage id="referrals.shared.empty.hint" />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'referrals.shared.caption' })}
            rowKey={(p) => p.id}
            rows={list.data.items}
            columns={[
              {
                key: 'name',
                header: <FormattedMessage id="referrals.shared.col.name" />,
                render: (p) => <Link to={`/app/shared/${p.id}`}>{sharedName(p, intl)}</Link>,
              },
              {
                key: 'home',
                header: <FormattedMessage id="referrals.shared.col.home" />,
                render: (p) => fmt.orgName(p.homeOrg),
              },
              {
                key: 'fields',
                header: <FormattedMessage id="referrals.shared.col.fields" />,
                render: (p) => fmt.fields(p.fields),
              },
              {
                key: 'until',
                header: <FormattedMessage id="referrals.shared.col.until" />,
                render: (p) =>
                  p.grantedUntil ? (
                    fmt.date(p.grantedUntil)
                  ) : (
                    <FormattedMessage id="referrals.shared.until_open" />
                  ),
              },
            ]}
          />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(p) => setParams({ page: String(p) })}
          />
        </>
      )}
    </div>
  );
}
