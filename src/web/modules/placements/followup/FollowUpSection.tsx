import { FormattedMessage } from 'react-intl';
import { FOLLOW_UP_STATUSES } from '../../../../common/placements/agreement-rules';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { HOST_ACCESS_GRACE_DAYS } from '../../../../common/placements/followup-rules';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { AttendanceCard } from './AttendanceCard';
import { PersonLine } from './AttendanceSummary';
import { EvaluationsCard } from './EvaluationsCard';
import { useFollowUpFormat } from './format';
import { IncidentsCard } from './IncidentsCard';
import { MobilityCard } from './MobilityCard';
import { OutcomesCard } from './OutcomesCard';
import { StaysAbroadCard } from './StaysAbroadCard';
import { useFollowUp } from './useFollowUp';

/**
 * The follow-up of a placement on its page: attendance, evaluations, incidents, mobility, and on the home
 * centre's side the stays abroad (with the RIS/leefloon alert) and the outcomes. Before the placement
 * starts there is nothing to follow yet.
 */
export function FollowUpSection({ placement }: { placement: PlacementView }) {
  if (!FOLLOW_UP_STATUSES.includes(placement.status))
    return (
      <Card title={<FormattedMessage id="placements.followup.title" />}>
        <p className="muted">
          <FormattedMessage id="placements.followup.not_started" />
        </p>
      </Card>
    );
  return <FollowUpCards placementId={placement.id} />;
}

function FollowUpCards({ placementId }: { placementId: string }) {
  const q = useFollowUp(placementId);
  const fmt = useFollowUpFormat();
  if (q.isLoading) return <Loading />;
  const f = q.data;
  if (!f) return <ErrorAlert error={q.error} />;
  return (
    <section className="stack" aria-labelledby="followup-title">
      <h2 id="followup-title">
        <FormattedMessage id="placements.followup.title" />
      </h2>
      <PersonLine person={f.person} />
      <p className="muted">
        <FormattedMessage
          id="placements.followup.host_access"
          values={{ date: fmt.date(f.hostAccessUntil), days: HOST_ACCESS_GRACE_DAYS }}
        />
      </p>
      <AttendanceCard f={f} />
      <EvaluationsCard f={f} />
      <IncidentsCard f={f} />
      <MobilityCard f={f} />
      {f.stays && <StaysAbroadCard f={f} stays={f.stays} />}
      {f.outcomes && <OutcomesCard f={f} slots={f.outcomes} />}
    </section>
  );
}
