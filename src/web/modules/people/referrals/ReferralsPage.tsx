import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { referralsApi } from '../../../../common/people/endpoints';
import { referralLink, referralsLink } from '../../../../common/people/links';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../common/people/referral-rules';
import type { ReferralView } from '../../../../common/people/referral-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { useSharingFormat } from '../shared/format';
import { StatusTag } from './format';

const PAGE_SIZE = 20;

function PersonCell({ r }: { r: ReferralView }) {
  if (!r.person)
    return (
      <span className="muted">
        <FormattedMessage id="people.referrals.person_hidden" />
      </span>
    );
  const name = [r.person.firstName, r.person.lastName].filter(Boolean).join(' ');
  return <>{name || r.person.participantCode}</>;
}

const isStatus = (s: string | undefined): s is ReferralStatus =>
  (REFERRAL_STATUSES as readonly string[]).includes(s ?? '');

/** Received and sent referrals; the box, status and page live in the address so they can be bookmarked. */
export function ReferralsPage() {
  const intl = useIntl();
  const fmt = useSharingFormat();
  const canView = useCan('person.view');
  const { filters, page, set, setPage } = useListAddress(referralsLink);
  const box = filters.box === 'outbox' ? 'outbox' : 'inbox';
  const status = isStatus(filters.status) ? filters.status : undefined;
  const list = useEndpoint(
    referralsApi.list,
    { query: { box, status, page, pageSize: PAGE_SIZE } },
    { enabled: canView },
  );

  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <ListPage
      title={intl.formatMessage({ id: 'people.referrals.title' })}
      description={<FormattedMessage id="people.referrals.intro" />}
      filters={
        <div className="row no-print">
          <nav aria-label={intl.formatMessage({ id: 'people.referrals.tabs' })} className="row">
            {(['inbox', 'outbox'] as const).map((b) => (
              <LinkButton
                key={b}
                to={referralsLink.href(undefined, { box: b === 'inbox' ? undefined : b, status })}
                variant={b === box ? 'primary' : 'secondary'}
                aria-current={b === box ? 'page' : undefined}
              >
                <FormattedMessage id={`people.referrals.${b}`} />
              </LinkButton>
            ))}
          </nav>
          <Select
            label={intl.formatMessage({ id: 'people.referrals.filter.status' })}
            value={status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : v })}
            options={[
              { id: 'all', label: intl.formatMessage({ id: 'common.all' }) },
              ...REFERRAL_STATUSES.map((s) => ({
                id: s,
                label: intl.formatMessage({ id: `people.referrals.enum.status.${s}` }),
              })),
            ]}
          />
        </div>
      }
      query={list}
      onPage={setPage}
      filtered={!!status}
      empty={{
        title: <FormattedMessage id={`people.referrals.empty_${box}.title`} />,
        body: <FormattedMessage id={`people.referrals.empty_${box}.hint`} />,
      }}
      noMatch={{
        title: <FormattedMessage id={`people.referrals.empty_${box}.title`} />,
        body: <FormattedMessage id="people.referrals.empty_filtered.hint" />,
      }}
      caption={intl.formatMessage({ id: 'people.referrals.list.caption' })}
      rowKey={(r) => r.id}
      columns={[
        {
          key: 'person',
          header: <FormattedMessage id="people.referrals.col.person" />,
          render: (r) => (
            <Link to={referralLink.href({ id: r.id })}>
              <PersonCell r={r} />
            </Link>
          ),
        },
        box === 'inbox'
          ? {
              key: 'from',
              header: <FormattedMessage id="people.referrals.col.from" />,
              render: (r) => fmt.orgName(r.sender),
            }
          : {
              key: 'to',
              header: <FormattedMessage id="people.referrals.col.to" />,
              render: (r) => fmt.orgName(r.recipient),
            },
        {
          key: 'purpose',
          header: <FormattedMessage id="people.referrals.col.purpose" />,
          render: (r) => <FormattedMessage id={`people.shared.purpose.${r.purpose}`} />,
        },
        {
          key: 'status',
          header: <FormattedMessage id="people.referrals.col.status" />,
          render: (r) => <StatusTag status={r.status} />,
        },
        {
          key: 'date',
          header: <FormattedMessage id="people.referrals.col.date" />,
          render: (r) => fmt.date(r.createdAt),
        },
      ]}
    />
  );
}
