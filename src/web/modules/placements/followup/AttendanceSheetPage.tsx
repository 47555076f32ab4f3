import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { Button, LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, PageHeader } from '../../app/ui/layout';
import { AttendanceSummaryFacts, MissingWeeks } from './AttendanceSummary';
import { useFollowUpFormat } from './format';
import { useAttendanceWeek } from './useFollowUp';
import { WeekForm } from './WeekForm';

/**
 * The tutor's weekly attendance sheet: one week at a time, a row per day, saved as a whole. The week is in
 * the address (?week=), so that the browser's back button and a shared link land on the same week.
 */
export function AttendanceSheetPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const fmt = useFollowUpFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week');
  const allowed = useCan('placement.attendance');
  const q = useAttendanceWeek(id, requested);

  if (!allowed) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.isLoading) return <Loading />;
  const v = q.data;
  if (!v) return <ErrorAlert error={q.error} />;
  const go = (week: string | null) => setParams(week ? { week } : {});

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'followup.sheet.title' }, { site: v.siteName })}
        description={
          <FormattedMessage
            id="followup.sheet.intro"
            values={{ start: fmt.date(v.period.start), end: fmt.date(v.period.end) }}
          />
        }
        actions={
          <LinkButton to={`/app/placements/${id}`} variant="ghost">
            <FormattedMessage id="followup.sheet.back" />
          </LinkButton>
        }
      />
      <nav className="row" aria-label={intl.formatMessage({ id: 'followup.sheet.weeks' })}>
        <Button variant="secondary" isDisabled={!v.previousWeek} onPress={() => go(v.previousWeek)}>
          <FormattedMessage id="followup.sheet.previous_week" />
        </Button>
        <h2 aria-live="polite">
          <FormattedMessage id="followup.sheet.week_of" values={{ date: fmt.date(v.week) }} />
        </h2>
        <Button variant="secondary" isDisabled={!v.nextWeek} onPress={() => go(v.nextWeek)}>
          <FormattedMessage id="followup.sheet.next_week" />
        </Button>
        <Button variant="ghost" onPress={() => go(null)}>
          <FormattedMessage id="followup.sheet.this_week" />
        </Button>
      </nav>
      <Card>
        {/* Another week starts from what the server holds for it. */}
        <WeekForm key={v.week} view={v} requestedWeek={requested} />
      </Card>
      <Card title={<FormattedMessage id="followup.attendance.title" />}>
        <AttendanceSummaryFacts s={v.summary} />
        <MissingWeeks weeks={v.summary.missingWeeks} />
      </Card>
    </div>
  );
}
