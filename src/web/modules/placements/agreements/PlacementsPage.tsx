import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { FOLLOW_UP_STATUSES } from '../../../common/placements/agreement-rules';
import type { PlacementPage } from '../../../common/placements/agreement-schemas';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../common/placements/agreement-workflow';
import { get, qs } from '../../app/api';
import { useCan, useSession } from '../../app/session';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Checkbox, Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { type Column, DataTable, Pagination } from '../../app/ui/Table';
import { StatusBadge, useAgreementFormat } from './format';

const ALL = 'all';
const PAGE_SIZE = 20;
type Item = PlacementPage['items'][number];

/**
 * The agreements of one's organisation, as home centre or as host, filtered by status and by "mine". A
 * tutor lands on their own tutees, each with a link to the attendance sheet.
 */
export function PlacementsPage() {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const session = useSession();
  const canManage = useCan('placement.manage');
  const isTutor = session.roles.includes('tutor');
  const tutorOnly = isTutor && !canManage;
  const [params, setParams] = useSearchParams();
  const side = params.get('side') ?? (tutorOnly ? 'host' : ALL);
  const status = params.get('status') ?? ALL;
  const mine = params.has('mine') ? params.get('mine') === '1' : tutorOnly;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (change: Record<string, string>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(change)) next.set(k, v);
      if (!('page' in change)) next.delete('page');
      return next;
    });
  const q = useQuery({
    queryKey: ['placements', 'list', side, status, mine, page],
    queryFn: () =>
      get<PlacementPage>(
        `/api/placements${qs({
          side: side === ALL ? undefined : side,
          status: status === ALL ? undefined : status,
          mine: mine ? true : undefined,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const caption = intl.formatMessage({
    id: tutorOnly ? 'agreementScreens.list.tutees' : 'agreementScreens.list.title',
  });
  const columns: Column<Item>[] = [
    {
      key: 'person',
      header: <FormattedMessage id="agreementScreens.field.person" />,
      render: (r) => <Link to={`/app/placements/${r.id}`}>{fmt.person(r)}</Link>,
    },
    {
      key: 'other',
      header: <FormattedMessage id="agreementScreens.list.col.partner" />,
      render: (r) => (
        <>
          {fmt.orgName(r.side === 'home' ? r.hostOrg : r.homeOrg)}
          <br />
          <span className="muted">
            <FormattedMessage id={`agreements.side.${r.side === 'home' ? 'host' : 'home'}`} />
          </span>
        </>
      ),
    },
    { key: 'site', header: <FormattedMessage id="placements.field.site" />, render: (r) => r.siteName },
    {
      key: 'period',
      header: <FormattedMessage id="agreementScreens.field.period" />,
      render: (r) => fmt.period(r.startsOn, r.endsOn),
    },
    {
      key: 'status',
      header: <FormattedMessage id="agreementScreens.list.col.status" />,
      render: (r) => (
        <>
          <StatusBadge status={r.status} />
          {r.status === 'awaiting_signatures' && r.pendingSignatures > 0 && (
            <>
              <br />
              <span className="muted">
                <FormattedMessage
                  id="agreementScreens.list.pending"
                  values={{ count: r.pendingSignatures }}
                />
              </span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'people',
      header: <FormattedMessage id="agreementScreens.list.col.people" />,
      render: (r) =>
        [r.referentName, r.tutorName].filter(Boolean).join(' · ') ||
        intl.formatMessage({ id: 'common.not_given' }),
    },
  ];
  if (isTutor)
    columns.push({
      key: 'attendance',
      header: <FormattedMessage id="agreementScreens.list.col.attendance" />,
      render: (r) =>
        r.side === 'host' && FOLLOW_UP_STATUSES.includes(r.status) ? (
          <Link to={`/app/placements/${r.id}/attendance`}>
            <FormattedMessage id="agreementScreens.list.attendance" />
          </Link>
        ) : null,
    });

  return (
    <div className="stack">
      <PageHeader title={caption} description={<FormattedMessage id="agreementScreens.list.intro" />} />
      <Card>
        <div className="row no-print">
          <Select
            label={intl.formatMessage({ id: 'agreementScreens.list.side' })}
            value={side}
            onChange={(v) => update({ side: v })}
            options={[
              { id: ALL, label: intl.formatMessage({ id: 'agreementScreens.list.side_all' }) },
              { id: 'home', label: intl.formatMessage({ id: 'agreementScreens.list.side_home' }) },
              { id: 'host', label: intl.formatMessage({ id: 'agreementScreens.list.side_host' }) },
            ]}
          />
          <Select
            label={intl.formatMessage({ id: 'agreementScreens.list.col.status' })}
            value={status}
            onChange={(v) => update({ status: v })}
            options={[
              { id: ALL, label: intl.formatMessage({ id: 'agreementScreens.list.status_all' }) },
              ...AGREEMENT_STATUSES.map((s: AgreementStatus) => ({
                id: s,
                label: intl.formatMessage({ id: `agreements.status.${s}` }),
              })),
            ]}
          />
          <Checkbox isSelected={mine} onChange={(v) => update({ mine: v ? '1' : '0' })}>
            <FormattedMessage id="agreementScreens.list.mine" />
          </Checkbox>
        </div>
      </Card>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      {q.data && q.data.items.length === 0 && (
        <EmptyState title={<FormattedMessage id="agreementScreens.list.empty" />}>
          <FormattedMessage
            id={canManage ? 'agreementScreens.list.empty_hint' : 'agreementScreens.list.empty_host'}
          />
        </EmptyState>
      )}
      {q.data && q.data.items.length > 0 && (
        <>
          <DataTable caption={caption} rows={q.data.items} rowKey={(r) => r.id} columns={columns} />
          <Pagination
            page={q.data.page}
            pageSize={q.data.pageSize}
            total={q.data.total}
            onPage={(p) => update({ page: String(p) })}
          />
        </>
      )}
    </div>
  );
}
