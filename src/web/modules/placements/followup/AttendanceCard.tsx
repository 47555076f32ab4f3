import { FormattedMessage } from 'react-intl';
import type { FollowUpView } from '../../../../common/placements/followup-schemas';
import { followupLink } from '../../../../common/placements/links';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { Card } from '../../../app/ui/layout';
import { AttendanceSummaryFacts, MissingWeeks } from './AttendanceSummary';

/** The attendance summary and the way to the tutor's weekly sheet. */
export function AttendanceCard({ f }: { f: FollowUpView }) {
  const canSheet = useCan('placement.attendance');
  return (
    <Card
      title={<FormattedMessage id="placements.followup.attendance.title" />}
      actions={
        canSheet && (
          <LinkButton to={followupLink.href({ id: f.placementId })} variant="secondary">
            <FormattedMessage
              id={
                f.canRecord
                  ? 'placements.followup.attendance.open_sheet'
                  : 'placements.followup.attendance.view_sheet'
              }
            />
          </LinkButton>
        )
      }
    >
      <AttendanceSummaryFacts s={f.summary} />
      <MissingWeeks weeks={f.summary.missingWeeks} />
    </Card>
  );
}
