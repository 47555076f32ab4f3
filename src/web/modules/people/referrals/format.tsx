import { FormattedMessage } from 'react-intl';
import type { ReferralStatus } from '../../../../common/people/referral-rules';

const TONE: Record<ReferralStatus, string> = {
  sent: 'tag--warning',
  accepted: 'tag--success',
  declined: 'tag--danger',
  done: '',
  revoked: 'tag--danger',
};

export function StatusTag({ status }: { status: ReferralStatus }) {
  return (
    <span className={`tag ${TONE[status]}`}>
      <FormattedMessage id={`people.referrals.enum.status.${status}`} />
    </span>
  );
}
