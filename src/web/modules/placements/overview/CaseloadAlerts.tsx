import { FormattedMessage } from 'react-intl';
import type { CaseloadAlert } from '../../../common/placements/reminder-rules';

const TONE: Record<CaseloadAlert, string> = {
  signature_pending: 'tag tag--warning',
  evaluation_due: 'tag tag--warning',
  outcome_due: 'tag tag--warning',
  stays_abroad: 'tag tag--danger',
};

/** What needs the referent's attention about a person's placements, as tags on the caseload. */
export function CaseloadAlerts({ alerts }: { alerts: readonly CaseloadAlert[] | undefined }) {
  if (!alerts?.length) return <span className="muted">—</span>;
  return (
    <>
      {alerts.map((a) => (
        <span key={a} className={TONE[a]}>
          <FormattedMessage id={`overview.alert.${a}`} />
        </span>
      ))}
    </>
  );
}
