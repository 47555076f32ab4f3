import { FormattedMessage } from 'react-intl';
import type { AttendanceSummaryView, FollowUpPerson } from '../../../../common/placements/followup-schemas';
import { Facts } from '../../../app/ui/layout';
import { useFollowUpFormat } from './format';

/** Planned and present days and hours, absences and the attendance rate (hours, as in the overview). */
export function AttendanceSummaryFacts({ s }: { s: AttendanceSummaryView }) {
  const fmt = useFollowUpFormat();
  return (
    <Facts
      items={[
        [
          <FormattedMessage key="k" id="placements.followup.summary.planned" />,
          <FormattedMessage
            key="v"
            id="placements.followup.summary.days_hours"
            values={{ days: s.plannedDays, hours: fmt.hours(s.plannedHours) }}
          />,
        ],
        [
          <FormattedMessage key="k" id="placements.followup.summary.present" />,
          <FormattedMessage
            key="v"
            id="placements.followup.summary.days_hours"
            values={{ days: s.presentDays, hours: fmt.hours(s.presentHours) }}
          />,
        ],
        [<FormattedMessage key="k" id="placements.followup.summary.justified" />, s.justifiedAbsences],
        [<FormattedMessage key="k" id="placements.followup.summary.unjustified" />, s.unjustifiedAbsences],
        [
          <FormattedMessage key="k" id="placements.followup.summary.rate" />,
          s.attendanceRate === null ? (
            fmt.percent(null)
          ) : (
            <FormattedMessage
              key="v"
              id="placements.followup.summary.rate_value"
              values={{
                rate: fmt.percent(s.attendanceRate),
                realised: fmt.hours(s.realisedHours),
                planned: fmt.hours(s.plannedHours),
              }}
            />
          ),
        ],
      ]}
    />
  );
}

/**
 * Whom the follow-up is about: the name where the reader may see it, else the participant code and why
 * there is no name (only the host can lack it: the home centre always sees its own person).
 */
export function PersonLine({ person }: { person: FollowUpPerson }) {
  if (person.name)
    return (
      <p>
        <strong>
          <FormattedMessage id="placements.followup.person.name" values={{ name: person.name }} />
        </strong>
        {person.participantCode && (
          <>
            {' '}
            <code className="muted">{person.participantCode}</code>
          </>
        )}
      </p>
    );
  if (!person.participantCode) return null;
  return (
    <p>
      <strong>
        <FormattedMessage id="placements.followup.person.code" values={{ code: person.participantCode }} />
      </strong>
      <br />
      <span className="muted">
        <FormattedMessage id="placements.followup.person.code_hint" />
      </span>
    </p>
  );
}

/** The weeks over that the tutor has not entered yet. */
export function MissingWeeks({ weeks }: { weeks: readonly string[] }) {
  const fmt = useFollowUpFormat();
  if (!weeks.length)
    return (
      <p className="muted">
        <FormattedMessage id="placements.followup.summary.all_entered" />
      </p>
    );
  return (
    <p>
      <span className="tag tag--warning">
        <FormattedMessage id="placements.followup.summary.missing" values={{ count: weeks.length }} />
      </span>{' '}
      <FormattedMessage
        id="placements.followup.summary.missing_list"
        values={{ weeks: weeks.map((w) => fmt.date(w)).join(', ') }}
      />
    </p>
  );
}
