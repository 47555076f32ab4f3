import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import type { PlacementItem } from '../../../common/placements/agreement-schemas';
import type { AgreementStatus } from '../../../common/placements/agreement-workflow';
import { useLanguage } from '../../app/i18n';

/** Display helpers shared by the agreement pages. */
export function useAgreementFormat() {
  const intl = useIntl();
  const { language } = useLanguage();
  return {
    // Dates are calendar days: formatted in UTC so no time zone shifts them by one.
    date: (iso: string) =>
      intl.formatDate(`${iso.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    period: (start: string, end: string) =>
      intl.formatMessage(
        { id: 'agreementScreens.period' },
        {
          start: intl.formatDate(`${start}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
          end: intl.formatDate(`${end}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
        },
      ),
    orgName: (o: { nameFr: string; nameNl: string }) => localized(language, o.nameFr, o.nameNl),
    /** The host side sees a participant code when it was not granted the person's identity. */
    person: (p: Pick<PlacementItem, 'personName' | 'participantCode'>) =>
      p.personName ?? p.participantCode ?? intl.formatMessage({ id: 'agreementScreens.person_hidden' }),
    hours: (h: number | null) =>
      h === null
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatMessage({ id: 'agreementScreens.hours_value' }, { hours: h }),
  };
}

const TONE: Record<AgreementStatus, string> = {
  draft: '',
  awaiting_signatures: 'tag--warning',
  home_review: 'tag--warning',
  host_validation: 'tag--warning',
  validated: 'tag--success',
  active: 'tag--success',
  completed: '',
  interrupted: 'tag--danger',
  cancelled: 'tag--danger',
};

export function StatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <span className={`tag ${TONE[status]}`}>
      <FormattedMessage id={`agreements.status.${status}`} />
    </span>
  );
}
