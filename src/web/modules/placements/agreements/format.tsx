import { FormattedMessage, useIntl } from 'react-intl';
import type { PlacementItem } from '../../../../common/placements/agreement-schemas';
import type { AgreementStatus } from '../../../../common/placements/agreement-workflow';
import { useCommonFormat } from '../../../app/ui/format';

/** Display helpers shared by the agreement pages. */
export function useAgreementFormat() {
  const intl = useIntl();
  const f = useCommonFormat();
  return {
    date: f.day,
    dateTime: f.dateTime,
    period: (start: string, end: string) =>
      intl.formatMessage({ id: 'placements.agreements.period' }, { start: f.day(start), end: f.day(end) }),
    orgName: f.orgName,
    /** The host side sees a participant code when it was not granted the person's identity. */
    person: (p: Pick<PlacementItem, 'personName' | 'participantCode'>) =>
      p.personName ?? p.participantCode ?? intl.formatMessage({ id: 'placements.agreements.person_hidden' }),
    hours: (h: number | null) =>
      h === null
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatMessage({ id: 'placements.agreements.hours_value' }, { hours: h }),
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
      <FormattedMessage id={`placements.agreements.status.${status}`} />
    </span>
  );
}
