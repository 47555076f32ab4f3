import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import type { ReferralStatus } from '../../../common/people/referral-rules';
import { useLanguage } from '../../app/i18n';

/** Display helpers shared by the referral and shared-person pages. */
export function useReferralFormat() {
  const intl = useIntl();
  const { language } = useLanguage();
  return {
    // Dates are calendar days: formatted in UTC so no time zone shifts them by one.
    date: (iso: string) =>
      intl.formatDate(`${iso.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    orgName: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
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
