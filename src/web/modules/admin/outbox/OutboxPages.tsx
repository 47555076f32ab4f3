import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { outboxApi } from '../../../../common/admin/endpoints';
import { outboxLink, outboxMailLink } from '../../../../common/admin/links';
import { MAIL_STATUSES, type OutboxMail } from '../../../../common/admin/outbox-schemas';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { ListPage, useListAddress } from '../../../app/ui/ListPage';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';

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

const isStatus = (s: string | undefined) => MAIL_STATUSES.find((x) => x === s);

/** The outbox, newest first, filtered by status through its address. */
export function OutboxPage() {
  const intl = useIntl();
  const address = useListAddress(outboxLink);
  const status = isStatus(address.filters.status);
  const q = useEndpoint(outboxApi.list, { query: { status, page: address.page } });
  return (
    <ListPage
      title={intl.formatMessage({ id: 'admin.outbox.title' })}
      description={<FormattedMessage id="admin.outbox.intro" />}
      filters={
        <div className="row">
          <Select
            label={intl.formatMessage({ id: 'admin.outbox.status' })}
            value={status ?? ANY}
            onChange={(s) => address.set({ status: s === ANY ? undefined : s })}
            options={[
              { id: ANY, label: intl.formatMessage({ id: 'common.all' }) },
              ...MAIL_STATUSES.map((s) => ({
                id: s,
                label: intl.formatMessage({ id: `admin.outbox.status.${s}` }),
              })),
            ]}
          />
        </div>
      }
      query={q}
      caption={intl.formatMessage({ id: 'admin.outbox.caption' })}
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
          render: (m) => <Link to={outboxMailLink.href({ id: m.id })}>{m.subject}</Link>,
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
      onPage={address.setPage}
      empty={{
        title: <FormattedMessage id="admin.outbox.empty.title" />,
        body: <FormattedMessage id="admin.outbox.empty.body" />,
      }}
    />
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
  const q = useEndpoint(outboxApi.get, { params: { id } });
  const m = q.data;
  const back = (
    <LinkButton variant="secondary" to={outboxLink.href()}>
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
