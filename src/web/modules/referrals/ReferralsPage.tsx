import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { REFERRAL_STATUSES } from '../../../common/people/referral-rules';
import type { ReferralPage, ReferralView } from '../../../common/people/referral-schemas';
import { get, qs } from '../../app/api';
import { useCan } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';
import { StatusTag, useReferralFormat } from './format';

const PAGE_SIZE = 20;

function PersonCell({ r }: { r: ReferralView }) {
  if (!r.person)
    return (
      <span className="muted">
        <FormattedMessage id="referrals.person_hidden" />
      </span>
    );
  const name = [r.person.firstName, r.person.lastName].filter(Boolean).join(' ');
  return <>{name || r.person.participantCode}</>;
}

/** Received and sent referrals; the box, status and page live in the address so they can be bookmarked. */
export function ReferralsPage() {
  const intl = useIntl();
  const fmt = useReferralFormat();
  const canView = useCan('person.view');
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['referrals', box, status, page],
    queryFn: () => get<ReferralPage>(`/api/referrals${qs({ box, status, page, pageSize: PAGE_SIZE })}`),
    enabled: canView,
  });
  const update = (next: Record<string, string>) => {
    const merged = { box, status, ...next, page: next.page ?? '' };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'referrals.title' })}
        description={<FormattedMessage id="referrals.intro" />}
      />
      <Card>
        <div className="row no-print">
          <nav aria-label={intl.formatMessage({ id: 'referrals.tabs' })} className="row">
            {(['inbox', 'outbox'] as const).map((b) => (
              <LinkButton
                key={b}
                to={`/app/referrals${qs({ box: b === 'inbox' ? '' : b, status })}`}
                variant={b === box ? 'primary' : 'secondary'}
                aria-current={b === box ? 'page' : undefined}
              >
                <FormattedMessage id={`referrals.${b}`} />
              </LinkButton>
            ))}
          </nav>
          <Select
            label={intl.formatMessage({ id: 'referrals.filter.status' })}
            value={status || 'all'}
            onChange={(v) => update({ status: v === 'all' ? '' : v })}
            options={[
              { id: 'all', label: intl.formatMessage({ id: 'common.all' }) },
              ...REFERRAL_STATUSES.map((s) => ({
                id: s,
                label: intl.formatMessage({ id: `referrals.enum.status.${s}` }),
              })),
            ]}
          />
        </div>
      </Card>
      {list.isLoading && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && (
        <EmptyState title={<FormattedMessage id={`referrals.empty_${box}.title`} />}>
          <FormattedMessage id={status ? 'referrals.empty_filtered.hint' : `referrals.empty_${box}.hint`} />
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'referrals.list.caption' })}
            rowKey={(r) => r.id}
            rows={list.data.items}
            columns={[
              {
                key: 'person',
                header: <FormattedMessage id="referrals.col.person" />,
                render: (r) => (
                  <Link to={`/app/referrals/${r.id}`}>
                    <PersonCell r={r} />
                  </Link>
                ),
              },
              box === 'inbox'
                ? {
                    key: 'from',
                    header: <FormattedMessage id="referrals.col.from" />,
                    render: (r) => fmt.orgName(r.sender),
                  }
                : {
                    key: 'to',
                    header: <FormattedMessage id="referrals.col.to" />,
                    render: (r) => fmt.orgName(r.recipient),
                  },
              {
                key: 'purpose',
                header: <FormattedMessage id="referrals.col.purpose" />,
                render: (r) => <FormattedMessage id={`referrals.enum.purpose.${r.purpose}`} />,
              },
              {
                key: 'status',
                header: <FormattedMessage id="referrals.col.status" />,
                render: (r) => <StatusTag status={r.status} />,
              },
              {
                key: 'date',
                header: <FormattedMessage id="referrals.col.date" />,
                render: (r) => fmt.date(r.createdAt),
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
