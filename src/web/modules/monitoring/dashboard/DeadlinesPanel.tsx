import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { reportLink } from '../../../../common/monitoring/links';
import { useLanguage } from '../../../app/i18n';
import { EmptyState } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { pick } from '../indicators/words';
import { TargetBar } from './charts';
import { type Deadline, daysBetween } from './deadlines';

/**
 * What is due next: reports not yet submitted (overdue ones in red), the programme's milestones and its
 * end, each with its date and the days left; above them, how much of the programme's time has passed.
 */
export function DeadlineList({
  today,
  items,
  span,
}: {
  today: string;
  items: readonly Deadline[];
  span: { startsOn: string; endsOn: string } | null;
}) {
  const intl = useIntl();
  const { language } = useLanguage();
  const f = useCommonFormat();
  const elapsed =
    span === null
      ? null
      : Math.min(
          1,
          Math.max(
            0,
            daysBetween(span.startsOn, today) / Math.max(1, daysBetween(span.startsOn, span.endsOn)),
          ),
        );
  return (
    <div className="stack">
      {span && elapsed !== null && (
        <div>
          <p className="dash-total">
            <FormattedMessage
              id="monitoring.dashboard.deadlines.elapsed"
              values={{
                from: f.day(span.startsOn),
                to: f.day(span.endsOn),
                share: (
                  <strong>
                    {intl.formatNumber(elapsed, { style: 'percent', maximumFractionDigits: 0 })}
                  </strong>
                ),
              }}
            />
          </p>
          {/* The sentence above says it; the bar is a picture of it. */}
          <TargetBar value={Math.round(elapsed * 1000)} target={1000} milestones={[]} />
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState title={<FormattedMessage id="monitoring.dashboard.deadlines.empty" />} />
      ) : (
        <ol className="dash-deadlines">
          {items.map((d) => {
            const days = daysBetween(today, d.on);
            const late = d.kind === 'report' && days < 0;
            return (
              <li key={d.key} className={late ? 'dash-deadline dash-deadline--late' : 'dash-deadline'}>
                <span className="dash-deadline-date">{f.day(d.on)}</span>
                <span className="dash-deadline-what">
                  {d.kind === 'report' ? (
                    <Link to={reportLink.href({ id: d.report.id })}>
                      <FormattedMessage
                        id="monitoring.dashboard.deadlines.report"
                        values={{ period: d.report.period }}
                      />
                    </Link>
                  ) : d.kind === 'milestone' ? (
                    <>
                      <span className="tag">
                        <FormattedMessage id="monitoring.dashboard.deadlines.milestone" />
                      </span>{' '}
                      {pick(language, d.labelFr, d.labelNl, d.labelEn)}
                    </>
                  ) : d.kind === 'target' ? (
                    <>
                      <span className="tag">
                        <FormattedMessage id="monitoring.dashboard.deadlines.indicator" />
                      </span>{' '}
                      <FormattedMessage
                        id="monitoring.dashboard.deadlines.target"
                        values={{ code: d.code, target: d.target }}
                      />
                    </>
                  ) : (
                    <FormattedMessage id="monitoring.dashboard.deadlines.end" />
                  )}
                </span>
                <span
                  className={
                    late ? 'tag tag--danger' : days <= 14 && days >= 0 ? 'tag tag--warning' : 'muted'
                  }
                >
                  {d.kind === 'report' ? (
                    late ? (
                      <FormattedMessage id="monitoring.reports.overdue" values={{ days: -days }} />
                    ) : (
                      <FormattedMessage id="monitoring.reports.due_in" values={{ days }} />
                    )
                  ) : days < 0 ? (
                    <FormattedMessage id="monitoring.dashboard.deadlines.ago" values={{ days: -days }} />
                  ) : (
                    <FormattedMessage id="monitoring.dashboard.deadlines.in_days" values={{ days }} />
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
