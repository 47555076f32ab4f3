import { useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import type { BudgetView } from '../../../../common/monitoring/budget-schemas';
import { useLanguage } from '../../../app/i18n';

/** Display helpers of the budget page: amounts (decimal strings from the API) in euros, names, actions. */
export function useBudgetWords(b: BudgetView) {
  const intl = useIntl();
  const { language } = useLanguage();
  const names = new Map(b.partners.map((p) => [p.orgId, localized(language, p.nameFr, p.nameNl)]));
  const actions = new Map(
    b.actions.map((a) => [a.id, `${a.code} · ${localized(language, a.titleFr, a.titleNl)}`]),
  );
  return {
    // Display only: a decimal string of at most 12 integer digits is exact enough for a number.
    eur: (s: string) => intl.formatNumber(Number(s), { style: 'currency', currency: 'EUR' }),
    pct: (bp: number | null) =>
      bp === null ? '—' : intl.formatNumber(bp / 10000, { style: 'percent', maximumFractionDigits: 2 }),
    partner: (id: string | null) => (id ? (names.get(id) ?? id) : '—'),
    action: (id: string | null) =>
      id ? (actions.get(id) ?? id) : intl.formatMessage({ id: 'monitoring.budgets.no_action' }),
    category: (c: string) => intl.formatMessage({ id: `monitoring.budgets.category.${c}` }),
    fund: (f: string) => intl.formatMessage({ id: `monitoring.budgets.fund.${f}` }),
  };
}
