import { FormattedMessage } from 'react-intl';
import { CASELOAD_ALERTS, type CaseloadAlert } from '../../../../common/placements/reminder-rules';

const TONE: Record<CaseloadAlert, string> = {
  signature_pending: 'tag tag--warning',
  evaluation_due: 'tag tag--warning',
  outcome_due: 'tag tag--warning',
  stays_abroad: 'tag tag--danger',
};

/** Whether a caseload alert code is one of the placements module's (the people page asks each module). */
export const ownsCaseloadAlert = (code: string): code is CaseloadAlert =>
  (CASELOAD_ALERTS as readonly string[]).includes(code);

/** What needs the referent's attention about a person's placements, as tags on the caseload. */
export function CaseloadAlerts({ codes }: { codes: readonly string[] }) {
  return (
    <>
      {codes.filter(ownsCaseloadAlert).map((a) => (
        <span key={a} className={TONE[a]}>
          <FormattedMessage id={`placements.overview.alert.${a}`} />
        </span>
      ))}
    </>
  );
}
