import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import type { OrgRef, ProgrammeStatus } from '../../../../common/network/programme-schemas';
import { useLanguage } from '../../../app/i18n';
import { useCommonFormat } from '../../../app/ui/format';

/** Display helpers shared by the programme pages; amounts arrive as decimal strings and are only formatted. */
export function useProgrammeFormat() {
  const intl = useIntl();
  const { language } = useLanguage();
  const f = useCommonFormat();
  return {
    money: (amount: string | null | undefined) =>
      amount == null || amount === ''
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatNumber(Number(amount), { style: 'currency', currency: 'EUR' }),
    rate: (bp: number | null) =>
      bp === null
        ? intl.formatMessage({ id: 'common.not_given' })
        : intl.formatNumber(bp / 10000, { style: 'percent', maximumFractionDigits: 2 }),
    date: f.day,
    period: (start: string, end: string) =>
      intl.formatMessage({ id: 'network.programmes.period' }, { start: f.day(start), end: f.day(end) }),
    orgName: (o: Pick<OrgRef, 'nameFr' | 'nameNl'>) => f.orgName(o),
    name: (p: { nameFr: string; nameNl: string }) => localized(language, p.nameFr, p.nameNl),
    /** A kind of record an action receives by default (placements, immersions…). */
    recordKind: (k: string) => intl.formatMessage({ id: `network.programmes.enum.record_kind.${k}` }),
    role: (r: string) => intl.formatMessage({ id: `network.programmes.enum.role.${r}` }),
    language,
  };
}

export function FundTags({ funds }: { funds: readonly string[] }) {
  return (
    <>
      {funds.map((f) => (
        <span key={f} className="tag">
          <FormattedMessage id={`network.programmes.enum.fund.${f}`} />
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
      <FormattedMessage id={`network.programmes.enum.status.${status}`} />
    </span>
  );
}
