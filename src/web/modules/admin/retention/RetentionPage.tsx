import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { retentionApi } from '../../../../common/admin/endpoints';
import {
  type RetentionDryRun,
  type RetentionPage as RetentionPageData,
  RetentionPolicyBody,
} from '../../../../common/admin/retention-schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox, Form, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';

const DATE = { dateStyle: 'medium' } as const;
const years = (v: string) => (/^\d{1,3}$/.test(v) ? Number(v) : Number.NaN);

function PolicyCard({ policy }: { policy: RetentionPageData['policy'] }) {
  const intl = useIntl();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm(RetentionPolicyBody, {
    caseFileYears: policy.caseFileYears,
    participationYears: policy.participationYears,
    automatic: policy.automatic,
  });
  const { values } = form;
  const submit = form.onSubmit(
    () => call(retentionApi.set, { body: values }),
    async () => {
      setSaved(true);
      await invalidate(client, retentionApi.get, retentionApi.dryRun);
    },
  );
  const shown = (n: number) => (Number.isNaN(n) ? '' : String(n));
  return (
    <Card title={<FormattedMessage id="admin.retention.policy.title" />}>
      {policy.isDefault && (
        <Alert tone="info" title={<FormattedMessage id="admin.retention.policy.defaults" />} />
      )}
      {saved && <Alert tone="success" title={<FormattedMessage id="admin.retention.policy.saved" />} />}
      <ErrorAlert error={form.error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          setSaved(false);
          return submit(e);
        }}
      >
        <div className="row">
          <TextField
            label={intl.formatMessage({ id: 'admin.retention.policy.case_file_years' })}
            description={intl.formatMessage({ id: 'admin.retention.policy.case_file_hint' })}
            inputMode="numeric"
            value={shown(values.caseFileYears)}
            onChange={(v) => form.set('caseFileYears')(years(v))}
            error={form.errors.caseFileYears}
            isRequired
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.retention.policy.participation_years' })}
            description={intl.formatMessage({ id: 'admin.retention.policy.participation_hint' })}
            inputMode="numeric"
            value={shown(values.participationYears)}
            onChange={(v) => form.set('participationYears')(years(v))}
            error={form.errors.participationYears}
            isRequired
          />
        </div>
        <Checkbox isSelected={values.automatic} onChange={form.set('automatic')}>
          <FormattedMessage id="admin.retention.policy.automatic" />
        </Checkbox>
        <p className="muted">
          <FormattedMessage id="admin.retention.policy.automatic_hint" />
        </p>
        <div>
          <Button type="submit">
            <FormattedMessage id="common.save" />
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function Counts({ counts }: { counts: RetentionDryRun['counts'] }) {
  return (
    <ul className="row">
      {(['caseFile', 'participation', 'held', 'restricted'] as const).map((k) => (
        <li key={k} className="tag">
          <FormattedMessage id={`admin.retention.count.${k}`} values={{ count: counts[k] }} />
        </li>
      ))}
    </ul>
  );
}

/** "What would be anonymised now": counts and participant codes; changes nothing. */
function DryRunCard() {
  const intl = useIntl();
  const [asked, setAsked] = useState(false);
  const q = useEndpoint(retentionApi.dryRun, {}, { enabled: asked });
  return (
    <Card title={<FormattedMessage id="admin.retention.dry_run.title" />}>
      <p className="muted">
        <FormattedMessage id="admin.retention.dry_run.intro" />
      </p>
      <div>
        <Button variant="secondary" onPress={() => (asked ? q.refetch() : setAsked(true))}>
          <FormattedMessage id="admin.retention.dry_run.button" />
        </Button>
      </div>
      {q.isFetching && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && (
        <>
          <p>
            <FormattedMessage
              id="admin.retention.dry_run.today"
              values={{ today: intl.formatDate(`${q.data.today}T12:00:00Z`, DATE) }}
            />
          </p>
          <Counts counts={q.data.counts} />
          {q.data.due.length === 0 ? (
            <EmptyState title={<FormattedMessage id="admin.retention.dry_run.none" />}>
              <FormattedMessage id="admin.retention.dry_run.none_body" />
            </EmptyState>
          ) : (
            <DataTable
              caption={intl.formatMessage({ id: 'admin.retention.dry_run.caption' })}
              rows={q.data.due}
              rowKey={(d) => d.participantCode}
              columns={[
                {
                  key: 'code',
                  header: <FormattedMessage id="admin.retention.col.code" />,
                  render: (d) => <code>{d.participantCode}</code>,
                },
                {
                  key: 'kind',
                  header: <FormattedMessage id="admin.retention.col.kind" />,
                  render: (d) => <FormattedMessage id={`admin.retention.kind.${d.kind}`} />,
                },
                {
                  key: 'last',
                  header: <FormattedMessage id="admin.retention.col.last_contact" />,
                  render: (d) => intl.formatDate(`${d.lastContactOn}T12:00:00Z`, DATE),
                },
                {
                  key: 'due',
                  header: <FormattedMessage id="admin.retention.col.due_on" />,
                  render: (d) => intl.formatDate(`${d.dueOn}T12:00:00Z`, DATE),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

function RunsCard({ runs }: { runs: RetentionPageData['runs'] }) {
  const intl = useIntl();
  return (
    <Card title={<FormattedMessage id="admin.retention.runs.title" />}>
      {runs.length === 0 ? (
        <EmptyState title={<FormattedMessage id="admin.retention.runs.none" />}>
          <FormattedMessage id="admin.retention.runs.none_body" />
        </EmptyState>
      ) : (
        <DataTable
          caption={intl.formatMessage({ id: 'admin.retention.runs.caption' })}
          rows={runs}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'on',
              header: <FormattedMessage id="admin.retention.col.ran_on" />,
              render: (r) => intl.formatDate(`${r.ranOn}T12:00:00Z`, DATE),
            },
            {
              key: 'policy',
              header: <FormattedMessage id="admin.retention.col.policy" />,
              render: (r) => (
                <FormattedMessage
                  id="admin.retention.runs.policy"
                  values={{ caseFile: r.caseFileYears, participation: r.participationYears }}
                />
              ),
            },
            {
              key: 'counts',
              header: <FormattedMessage id="admin.retention.col.counts" />,
              render: (r) => (
                <>
                  <Counts counts={r.counts} />
                  {r.failed > 0 && (
                    <span className="tag tag--danger">
                      <FormattedMessage id="admin.retention.count.failed" values={{ count: r.failed }} />
                    </span>
                  )}
                </>
              ),
            },
            {
              key: 'ids',
              header: <FormattedMessage id="admin.retention.col.persons" />,
              render: (r) =>
                r.personIds.length === 0 ? (
                  '—'
                ) : (
                  <details>
                    <summary>
                      <FormattedMessage
                        id="admin.retention.runs.ids"
                        values={{ count: r.personIds.length }}
                      />
                    </summary>
                    <ul className="muted">
                      {r.personIds.map((id) => (
                        <li key={id}>
                          <code>{id}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** The organisation's retention policy, what a run would do today, and what the runs did. */
export function RetentionPage() {
  const intl = useIntl();
  const q = useEndpoint(retentionApi.get);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'admin.retention.title' })}
        description={<FormattedMessage id="admin.retention.intro" />}
      />
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && <PolicyCard key={q.data.policy.updatedAt ?? 'default'} policy={q.data.policy} />}
      {q.data && <DryRunCard />}
      {q.data && <RunsCard runs={q.data.runs} />}
    </div>
  );
}
