import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { followupLink, placementLink } from '../../../../common/placements/links';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, PageHeader } from '../../../app/ui/layout';
import { AttendanceSummaryFacts, MissingWeeks, PersonLine } from './AttendanceSummary';
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
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requested = followupLink.read(params).week ?? null;
  const allowed = useCan('placement.attendance');
  const q = useAttendanceWeek(id, requested);

  if (!allowed) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.isLoading) return <Loading />;
  const v = q.data;
  if (!v) return <ErrorAlert error={q.error} />;
  // A new history entry per week, so that the browser's back button returns to the previous one.
  const go = (week: string | null) => navigate(followupLink.href({ id }, { week: week ?? undefined }));

  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'placements.followup.sheet.title' }, { site: v.siteName })}
        description={
          <FormattedMessage
            id="placements.followup.sheet.intro"
            values={{ start: fmt.date(v.period.start), end: fmt.date(v.period.end) }}
          />
        }
        actions={
          <LinkButton to={placementLink.href({ id })} variant="ghost">
            <FormattedMessage id="placements.followup.sheet.back" />
          </LinkButton>
        }
      />
      <PersonLine person={v.person} />
      <nav className="row" aria-label={intl.formatMessage({ id: 'placements.followup.sheet.weeks' })}>
        <Button variant="secondary" isDisabled={!v.previousWeek} onPress={() => go(v.previousWeek)}>
          <FormattedMessage id="placements.followup.sheet.previous_week" />
        </Button>
        <h2 aria-live="polite">
          <FormattedMessage id="placements.followup.sheet.week_of" values={{ date: fmt.date(v.week) }} />
        </h2>
        <Button variant="secondary" isDisabled={!v.nextWeek} onPress={() => go(v.nextWeek)}>
          <FormattedMessage id="placements.followup.sheet.next_week" />
        </Button>
        <Button variant="ghost" onPress={() => go(null)}>
          <FormattedMessage id="placements.followup.sheet.this_week" />
        </Button>
      </nav>
      <Card>
        {/* Another week starts from what the server holds for it. */}
        <WeekForm key={v.week} view={v} requestedWeek={requested} />
      </Card>
      <Card title={<FormattedMessage id="placements.followup.attendance.title" />}>
        <AttendanceSummaryFacts s={v.summary} />
        <MissingWeeks weeks={v.summary.missingWeeks} />
      </Card>
    </div>
  );
}
