import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { useLanguage } from '../../../app/i18n';

/** Display helpers of the expenditure pages: euros, percentages, actions, categories, partners. */
export function useExpenditureWords(
  actions: readonly { id: string; code: string; titleFr: string; titleNl: string }[],
  partners: readonly { orgId: string; nameFr: string; nameNl: string }[] = [],
) {
  const intl = useIntl();
  const { language } = useLanguage();
  const names = new Map(partners.map((p) => [p.orgId, localized(language, p.nameFr, p.nameNl)]));
  const titles = new Map(
    actions.map((a) => [a.id, `${a.code} · ${localized(language, a.titleFr, a.titleNl)}`]),
  );
  return {
    // Display only: a decimal string of at most 12 integer digits is exact enough for a number.
    eur: (s: string) => intl.formatNumber(Number(s), { style: 'currency', currency: 'EUR' }),
    pct: (bp: number | null) =>
      bp === null ? '—' : intl.formatNumber(bp / 10000, { style: 'percent', maximumFractionDigits: 2 }),
    action: (id: string | null) =>
      id ? (titles.get(id) ?? id) : intl.formatMessage({ id: 'monitoring.expenditure.item.no_action' }),
    category: (c: string | null) =>
      intl.formatMessage({ id: `monitoring.budgets.category.${c ?? 'unspecified'}` }),
    partner: (id: string | null) => (id ? (names.get(id) ?? id) : '—'),
    status: (s: string) => intl.formatMessage({ id: `monitoring.expenditure.status.${s}` }),
  };
}
