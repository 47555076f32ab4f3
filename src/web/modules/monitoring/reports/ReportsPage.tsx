import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { indicatorsLink, reportLink } from '../../../../common/monitoring/links';
import { reportEndpoints as api } from '../../../../common/monitoring/report-endpoints';
import { daysUntil } from '../../../../common/monitoring/report-figures';
import { ReportInput, type ReportSummary } from '../../../../common/monitoring/report-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { FormDialog } from '../../../app/ui/FormDialog';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { useCommonFormat } from '../../../app/ui/format';
import { PageHeader } from '../../../app/ui/layout';
import { civilToday } from './today';

/**
 * A programme's progress reports: each period with its deadline, state and version. The lead's
 * coordinator creates one (its figures are taken then); partners open the submitted versions.
 */
export function ReportsPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.view');
  const q = useEndpoint(api.list, { params: { id } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const l = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'monitoring.reports.title' })}
        description={`${l.programme.acronym ? `${l.programme.acronym} — ` : ''}${localized(language, l.programme.nameFr, l.programme.nameNl)}`}
        actions={
          <>
            <LinkButton to={indicatorsLink.href({ id })} variant="ghost">
              <FormattedMessage id="monitoring.reports.back" />
            </LinkButton>
            {l.canManage && <NewReportDialog programmeId={id} programme={l.programme} />}
          </>
        }
      />
      <p>
        <FormattedMessage id="monitoring.reports.intro" />
      </p>
      {l.items.length === 0 ? (
        <EmptyState title={<FormattedMessage id="monitoring.reports.empty" />} />
      ) : (
        <ReportTable rows={l.items} />
      )}
    </div>
  );
}

/** "Due in 5 days" or "3 days overdue" for a report not submitted yet. */
export function Deadline({ r }: { r: Pick<ReportSummary, 'dueOn' | 'status'> }) {
  const f = useCommonFormat();
  if (r.status === 'submitted') return <>{f.day(r.dueOn)}</>;
  const days = daysUntil(civilToday(), r.dueOn);
  return (
    <>
      {f.day(r.dueOn)}{' '}
      <span className={days < 0 ? 'tag tag--danger' : days <= 14 ? 'tag tag--warning' : 'tag'}>
        <FormattedMessage
          id={days < 0 ? 'monitoring.reports.overdue' : 'monitoring.reports.due_in'}
          values={{ days: Math.abs(days) }}
        />
      </span>
    </>
  );
}

/** A column's name beside its value when the table stacks into blocks on a phone. */
function Label({ k }: { k: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      <FormattedMessage id={`monitoring.reports.col.${k}`} />
    </span>
  );
}

function ReportTable({ rows }: { rows: ReportSummary[] }) {
  const f = useCommonFormat();
  return (
    <div className="table-wrap">
      <table className="data data--stacked">
        <caption className="visually-hidden">
          <FormattedMessage id="monitoring.reports.title" />
        </caption>
        <thead>
          <tr>
            {['period', 'dates', 'due', 'status', 'version'].map((k) => (
              <th key={k} scope="col">
                <FormattedMessage id={`monitoring.reports.col.${k}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Label k="period" />
                <strong>
                  {r.readableVersion === null ? (
                    r.period
                  ) : (
                    <Link to={reportLink.href({ id: r.id })}>{r.period}</Link>
                  )}
                </strong>
              </td>
              <td>
                <Label k="dates" />
                {f.day(r.startsOn)} – {f.day(r.endsOn)}
              </td>
              <td>
                <Label k="due" />
                <Deadline r={r} />
              </td>
              <td>
                <Label k="status" />
                <FormattedMessage id={`monitoring.reports.status.${r.status}`} />
                {r.readableVersion === null && (
                  <>
                    {' '}
                    <span className="muted">
                      (<FormattedMessage id="monitoring.reports.no_readable" />)
                    </span>
                  </>
                )}
              </td>
              <td className="num">
                <Label k="version" />
                {r.version}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewReportDialog({
  programmeId,
  programme,
}: {
  programmeId: string;
  programme: { startsOn: string; endsOn: string };
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const create = useEndpointMutation(api.create, [api.list]);
  const form = useForm(ReportInput, { period: '', startsOn: '', endsOn: '', dueOn: '' });
  const msg = (k: string) => intl.formatMessage({ id: `monitoring.reports.${k}` });
  return (
    <FormDialog
      trigger={
        <Button>
          <FormattedMessage id="monitoring.reports.new" />
        </Button>
      }
      title={<FormattedMessage id="monitoring.reports.new" />}
      submitLabel={<FormattedMessage id="monitoring.reports.create" />}
      isSubmitDisabled={create.isPending}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        const v = form.values;
        const r = await create.mutateAsync({
          params: { id: programmeId },
          body: { period: v.period.trim(), startsOn: v.startsOn, endsOn: v.endsOn, dueOn: v.dueOn },
        });
        navigate(reportLink.href({ id: r.id }));
        return true;
      }}
    >
      <TextField
        label={msg('field.period')}
        description={msg('field.period_help')}
        value={form.values.period}
        onChange={form.set('period')}
        isRequired
        maxLength={20}
        error={form.errors.period}
      />
      <DateField
        label={msg('field.starts_on')}
        value={form.values.startsOn}
        onChange={form.set('startsOn')}
        min={programme.startsOn}
        max={programme.endsOn}
        isRequired
        error={form.errors.startsOn}
      />
      <DateField
        label={msg('field.ends_on')}
        value={form.values.endsOn}
        onChange={form.set('endsOn')}
        min={programme.startsOn}
        max={programme.endsOn}
        isRequired
        error={form.errors.endsOn}
      />
      <DateField
        label={msg('field.due_on')}
        value={form.values.dueOn}
        onChange={form.set('dueOn')}
        isRequired
        error={form.errors.dueOn}
      />
    </FormDialog>
  );
}
