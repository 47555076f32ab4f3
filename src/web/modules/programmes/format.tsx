import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../common/i18n/locales';
import type { OrgRef, ProgrammeStatus } from '../../../common/network/programme-schemas';
import { useLanguage } from '../../app/i18n';

/** Display helpers shared by the programme pages; amounts arrive as decimal strings and are only formatted. */
export function useProgrammeFormat() {
  const intl = useIntl();
  const { language } = useLanguage();
  return {
    money: (amount: string | null | undefined) =>
      amount == null || amount === ''
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatNumber(Number(amount), { style: 'currency', currency: 'EUR' }),
    rate: (bp: number | null) =>
      bp === null
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatNumber(bp / 10000, { style: 'percent', maximumFractionDigits: 2 }),
    // Dates are calendar days: formatted in UTC so no time zone shifts them by one.
    date: (iso: string) => intl.formatDate(`${iso}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
    period: (start: string, end: string) =>
      intl.formatMessage(
        { id: 'programmes.period' },
        {
          start: intl.formatDate(`${start}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
          end: intl.formatDate(`${end}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
        },
      ),
    orgName: (o: Pick<OrgRef, 'nameFr' | 'nameNl'>) => localized(language, o.nameFr, o.nameNl),
    name: (p: { nameFr: string; nameNl: string }) => localized(language, p.nameFr, p.nameNl),
    language,
  };
}

export function FundTags({ funds }: { funds: readonly string[] }) {
  return (
    <>
      {funds.map((f) => (
        <span key={f} className="tag">
          <FormattedMessage id={`programmes.enum.fund.${f}`} />
        </span>
      ))}
    </>
  );
}

const STATUS_TONE: Record<ProgrammeStatus, string> = {
  planned: 'tag tag--warning',
  running: 'tag tag--success',
  closed: 'tag',
};

export function StatusTag({ status }: { status: ProgrammeStatus }) {
  return (
    <span className={STATUS_TONE[status]}>
      <FormattedMessage id={`programmes.enum.status.${status}`} />
    </span>
  );
}
