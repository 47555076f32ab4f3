import { FormattedMessage } from 'react-intl';
import type { FollowUpView } from '../../../common/placements/followup-schemas';
import { useCan } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { Card } from '../../app/ui/layout';
import { AttendanceSummaryFacts, MissingWeeks } from './AttendanceSummary';

/** The attendance summary and the way to the tutor's weekly sheet. */
export function AttendanceCard({ f }: { f: FollowUpView }) {
  const canSheet = useCan('placement.attendance');
  return (
    <Card
      title={<FormattedMessage id="followup.attendance.title" />}
      actions={
        canSheet && (
          <LinkButton to={`/app/placements/${f.placementId}/attendance`} variant="secondary">
            <FormattedMessage
              id={f.canRecord ? 'followup.attendance.open_sheet' : 'followup.attendance.view_sheet'}
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
