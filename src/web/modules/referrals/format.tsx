import { FormattedMessage, useIntl } from 'react-intl';
import type { ReferralStatus } from '../../../common/people/referral-rules';
import { useCommonFormat } from '../../app/ui/format';

/** Display helpers shared by the referral and shared-person pages. */
export function useReferralFormat() {
  const intl = useIntl();
  const f = useCommonFormat();
  return {
    date: f.day,
    dateTime: f.dateTime,
    orgName: f.orgName,
    fields: (fields: readonly string[]) =>
      fields.map((f) => intl.formatMessage({ id: `referrals.enum.field.${f}` })).join(', '),
  };
}

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
      <FormattedMessage id={`referrals.enum.status.${status}`} />
    </span>
  );
}
