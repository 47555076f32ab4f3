import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import {
  MAIL_STATUSES,
  type OutboxMail,
  type OutboxPage as OutboxPageData,
} from '../../../common/admin/schemas';
import { get, qs } from '../../app/api';
import { LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Select } from '../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { DataTable, Pagination } from '../../app/ui/Table';

const ANY = '*';
const STATUS_TONE: Record<string, string> = {
  sent: 'tag--success',
  kept: 'tag--warning',
  failed: 'tag--danger',
};
const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short' } as const;

function StatusTag({ status }: { status: string }) {
  return (
    <span className={`tag ${STATUS_TONE[status] ?? ''}`}>
      <FormattedMessage id={`admin.outbox.status.${status}`} />
    </span>
  );
}

export function OutboxPage() {
  const intl = useIntl();
  const [status, setStatus] = useState(ANY);
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['admin', 'outbox', status, page],
    queryFn: () =>
      get<OutboxPageData>(`/api/admin/outbox${qs({ status: status === ANY ? '' : status, page })}`),
  });
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.outbox.title' })}
        description={<FormattedMessage id="admin.outbox.intro" />}
      />
      <div className="row">
        <Select
          label={intl.formatMessage({ id: 'admin.outbox.status' })}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={[
            { id: ANY, label: intl.formatMessage({ id: 'common.all' }) },
            ...MAIL_STATUSES.map((s) => ({
              id: s,
              label: intl.formatMessage({ id: `admin.outbox.status.${s}` }),
            })),
          ]}
        />
      </div>
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && q.data.items.length === 0 && (
        <EmptyState title={<FormattedMessage id="admin.outbox.empty.title" />}>
          <FormattedMessage id="admin.outbox.empty.body" />
        </EmptyState>
      )}
      {q.data && q.data.items.length > 0 && (
        <>
          <DataTable
            caption={intl.formatMessage({ id: 'admin.outbox.caption' })}
            rows={q.data.items}
            rowKey={(m) => m.id}
            columns={[
              {
                key: 'created',
                header: <FormattedMessage id="admin.outbox.col.created" />,
                render: (m) => intl.formatDate(m.createdAt, DATE_TIME),
              },
              { key: 'to', header: <FormattedMessage id="admin.outbox.col.to" />, render: (m) => m.to },
              {
                key: 'subject',
                header: <FormattedMessage id="admin.outbox.col.subject" />,
                render: (m) => <Link to={`/app/admin/outbox/${m.id}`}>{m.subject}</Link>,
              },
              {
                key: 'language',
                header: <FormattedMessage id="admin.outbox.col.language" />,
                render: (m) => <FormattedMessage id={`shell.language.${m.language}`} />,
              },
              {
                key: 'status',
                header: <FormattedMessage id="admin.outbox.status" />,
                render: (m) => <StatusTag status={m.status} />,
              },
            ]}
          />
          <Pagination page={q.data.page} pageSize={q.data.pageSize} total={q.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}

function mailFacts(m: OutboxMail, formatDate: (d: string) => string, formatNumber: (n: number) => string) {
  const facts: Array<[ReactNode, ReactNode]> = [
    [<FormattedMessage key="to" id="admin.outbox.col.to" />, m.to],
    [<FormattedMessage key="at" id="admin.outbox.col.created" />, formatDate(m.createdAt)],
    [
      <FormattedMessage key="lang" id="admin.outbox.col.language" />,
      <FormattedMessage key="l" id={`shell.language.${m.language}`} />,
    ],
    [<FormattedMessage key="st" id="admin.outbox.status" />, <StatusTag key="s" status={m.status} />],
  ];
  if (m.sentAt) facts.push([<FormattedMessage key="sent" id="admin.outbox.sent_at" />, formatDate(m.sentAt)]);
  if (m.attempts > 0)
    facts.push([<FormattedMessage key="att" id="admin.outbox.attempts" />, formatNumber(m.attempts)]);
  if (m.lastError) facts.push([<FormattedMessage key="err" id="admin.outbox.last_error" />, m.lastError]);
  return facts;
}

export function OutboxMailPage() {
  const intl = useIntl();
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['admin', 'outbox', 'mail', id],
    queryFn: () => get<OutboxMail>(`/api/admin/outbox/${encodeURIComponent(id)}`),
  });
  const m = q.data;
  const back = (
    <LinkButton variant="secondary" to="/app/admin/outbox">
      <FormattedMessage id="admin.outbox.back" />
    </LinkButton>
  );
  return (
    <div className="stack">
      <PageHeader title={m?.subject ?? intl.formatMessage({ id: 'admin.outbox.title' })} actions={back} />
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {m && (
        <>
          <Card>
            <Facts
              items={mailFacts(
                m,
                (d) => intl.formatDate(d, DATE_TIME),
                (n) => intl.formatNumber(n),
              )}
            />
          </Card>
          <Card title={<FormattedMessage id="admin.outbox.body" />}>
            <div className="mail-body" lang={m.language}>
              {m.body}
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
