import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { reportLink, reportsLink } from '../../../../common/monitoring/links';
import { reportEndpoints as api } from '../../../../common/monitoring/report-endpoints';
import type { ReportView } from '../../../../common/monitoring/report-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select, TextArea } from '../../../app/ui/fields';
import { useCommonFormat } from '../../../app/ui/format';
import { Card, PageHeader } from '../../../app/ui/layout';
import { Narratives } from './Narratives';
import { ExpenditureTable, IndicatorTable } from './ReportFigures';
import { Deadline } from './ReportsPage';
import './reports.css';

/**
 * One progress report: who acts next, its versions, the figures of the version shown (as every partner
 * reads them), the narratives per action and the exports. The lead's coordinator writes, takes the
 * figures again, submits and re-opens; an older version is read as it was frozen.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const asked = reportLink.read(search).version;
  const canView = useCan('indicators.view');
  const q = useEndpoint(
    api.view,
    { params: { id }, query: asked ? { version: asked } : {} },
    { enabled: canView },
  );
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  return <Report v={q.data} />;
}

function Report({ v }: { v: ReportView }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const f = useCommonFormat();
  const p = v.figures.programme;
  const latest = v.versions[0];
  const old = latest !== undefined && v.version.number !== latest.number;
  return (
    <div className="stack">
      <PageHeader
        title={`${intl.formatMessage({ id: 'monitoring.reports.pdf.title' })} ${v.report.period}`}
        description={`${p.acronym ? `${p.acronym} — ` : ''}${localized(language, p.nameFr, p.nameNl)}`}
        actions={
          <LinkButton to={reportsLink.href({ id: v.report.programmeId })} variant="ghost">
            <FormattedMessage id="monitoring.reports.back_list" />
          </LinkButton>
        }
      />
      <NextStep v={v} old={old} />
      <Card title={<FormattedMessage id="monitoring.reports.version" values={{ n: v.version.number }} />}>
        <div className="stack">
          <p>
            {f.day(v.report.startsOn)} – {f.day(v.report.endsOn)} ·{' '}
            <FormattedMessage id="monitoring.reports.col.due" /> <Deadline r={v.report} /> ·{' '}
            <FormattedMessage id={`monitoring.reports.version_status.${v.version.status}`} />
          </p>
          <p className="muted">
            <FormattedMessage
              id="monitoring.reports.figures_taken"
              values={{ date: f.dateTime(v.version.figuresTakenAt) }}
            />
          </p>
          <Actions v={v} />
          <Exports v={v} />
        </div>
      </Card>
      <IndicatorTable figures={v.figures} exact={v.exact} />
      <Narratives v={v} />
      <ExpenditureTable figures={v.figures} />
      <Versions v={v} />
    </div>
  );
}

/** Who acts next, said plainly at the top of the page. */
function NextStep({ v, old }: { v: ReportView; old: boolean }) {
  const f = useCommonFormat();
  if (old)
    return (
      <Alert
        tone="info"
        title={<FormattedMessage id="monitoring.reports.viewing_old" values={{ n: v.version.number }} />}
      >
        <Link to={reportLink.href({ id: v.report.id })}>
          <FormattedMessage id="monitoring.reports.show_latest" />
        </Link>
      </Alert>
    );
  if (v.canEdit)
    return (
      <Alert
        tone="warning"
        title={
          <FormattedMessage
            id="monitoring.reports.next_step.lead_draft"
            values={{ date: f.day(v.report.dueOn) }}
          />
        }
      />
    );
  if (v.report.status === 'submitted')
    return <Alert tone="success" title={<FormattedMessage id="monitoring.reports.next_step.submitted" />} />;
  return <Alert tone="info" title={<FormattedMessage id="monitoring.reports.next_step.partner" />} />;
}

function Actions({ v }: { v: ReportView }) {
  const intl = useIntl();
  const refresh = useEndpointMutation(api.refresh, [api.view, api.list]);
  const submit = useEndpointMutation(api.submit, [api.view, api.list]);
  const reopen = useEndpointMutation(api.reopen, [api.view, api.list]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [done, setDone] = useState<string | null>(null);
  const params = { id: v.report.id };
  if (!v.canEdit && !v.canReopen) return null;
  return (
    <div className="stack">
      {done && <Alert tone="success" title={done} />}
      <ErrorAlert error={refresh.error} />
      <div className="row">
        {v.canEdit && (
          <Button
            variant="secondary"
            isDisabled={refresh.isPending}
            onPress={async () => {
              await refresh.mutateAsync({ params });
              setDone(intl.formatMessage({ id: 'monitoring.reports.refreshed' }));
            }}
          >
            <FormattedMessage id="monitoring.reports.refresh" />
          </Button>
        )}
        {v.canEdit && (
          <FormDialog
            trigger={
              <Button>
                <FormattedMessage id="monitoring.reports.submit" />
              </Button>
            }
            title={<FormattedMessage id="monitoring.reports.submit" />}
            submitLabel={<FormattedMessage id="monitoring.reports.submit" />}
            isSubmitDisabled={submit.isPending}
            onSubmit={async () => {
              await submit.mutateAsync({ params });
              setDone(intl.formatMessage({ id: 'monitoring.reports.submitted_ok' }, { n: v.version.number }));
              return true;
            }}
          >
            <p>
              <FormattedMessage id="monitoring.reports.submit_confirm" values={{ n: v.version.number }} />
            </p>
          </FormDialog>
        )}
        {v.canReopen && (
          <FormDialog
            trigger={
              <Button variant="secondary">
                <FormattedMessage id="monitoring.reports.reopen" />
              </Button>
            }
            title={<FormattedMessage id="monitoring.reports.reopen" />}
            submitLabel={<FormattedMessage id="monitoring.reports.reopen_confirm" />}
            isSubmitDisabled={reopen.isPending}
            onSubmit={async () => {
              if (reason.trim().length < 3) {
                setReasonError(intl.formatMessage({ id: 'monitoring.reports.errors.reason_required' }));
                return false;
              }
              setReasonError(undefined);
              await reopen.mutateAsync({ params, body: { reason: reason.trim() } });
              setReason('');
              setDone(
                intl.formatMessage({ id: 'monitoring.reports.reopened_ok' }, { n: v.report.version + 1 }),
              );
              return true;
            }}
          >
            <TextArea
              label={intl.formatMessage({ id: 'monitoring.reports.reopen_reason' })}
              value={reason}
              onChange={setReason}
              isRequired
              error={reasonError}
            />
          </FormDialog>
        )}
      </div>
    </div>
  );
}

/** The version shown as a PDF or a workbook, in the language chosen (the reader's by default). */
function Exports({ v }: { v: ReportView }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const [lang, setLang] = useState<string>(language);
  const [error, setError] = useState<unknown>(null);
  const url = (format: 'pdf' | 'xlsx') =>
    `${api[format].path.replace(':id', v.report.id)}?version=${v.version.number}&language=${lang}`;
  const get = async (format: 'pdf' | 'xlsx') => {
    setError(null);
    try {
      await downloadFile(url(format), language, {
        fallbackName: `report-${v.report.period}.${format}`,
      });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="report-exports">
      <Select
        label={intl.formatMessage({ id: 'monitoring.reports.export_language' })}
        value={lang}
        onChange={setLang}
        options={['fr', 'nl', 'en'].map((l) => ({
          id: l,
          label: intl.formatMessage({ id: `monitoring.reports.language.${l}` }),
        }))}
      />
      <div className="row">
        <Button variant="secondary" onPress={() => get('pdf')}>
          <FormattedMessage id="monitoring.reports.download_pdf" />
        </Button>
        <Button variant="secondary" onPress={() => get('xlsx')}>
          <FormattedMessage id="monitoring.reports.download_xlsx" />
        </Button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}

function Versions({ v }: { v: ReportView }) {
  const f = useCommonFormat();
  return (
    <Card title={<FormattedMessage id="monitoring.reports.versions" />}>
      <ol className="report-versions" reversed>
        {v.versions.map((x) => (
          <li key={x.number}>
            {x.number === v.version.number ? (
              <strong>
                <FormattedMessage id="monitoring.reports.version" values={{ n: x.number }} />
              </strong>
            ) : (
              <Link to={reportLink.href({ id: v.report.id }, { version: x.number })}>
                <FormattedMessage id="monitoring.reports.version" values={{ n: x.number }} />
              </Link>
            )}{' '}
            — <FormattedMessage id={`monitoring.reports.version_status.${x.status}`} />
            {x.submittedAt && (
              <>
                {', '}
                <FormattedMessage
                  id="monitoring.reports.version_submitted"
                  values={{ date: f.dateTime(x.submittedAt), by: x.submittedBy ?? '—' }}
                />
              </>
            )}
            {x.reopenedAt && (
              <>
                {'; '}
                <FormattedMessage
                  id="monitoring.reports.version_reopened"
                  values={{
                    date: f.dateTime(x.reopenedAt),
                    by: x.reopenedBy ?? '—',
                    reason: x.reopenReason ?? '',
                  }}
                />
              </>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
