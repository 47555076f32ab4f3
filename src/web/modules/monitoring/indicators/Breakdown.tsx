import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import { useLanguage } from '../../../app/i18n';

/** The figure by partner: a hidden count reads "< 5" (the legend under the board says why). */
export function Breakdown({ item }: { item: IndicatorView }) {
  const intl = useIntl();
  const { language } = useLanguage();
  if (item.byPartner.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data ind-breakdown">
        <caption>
          <FormattedMessage id="monitoring.indicators.by_partner" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="monitoring.indicators.partner" />
            </th>
            <th scope="col" className="num">
              <FormattedMessage id="monitoring.indicators.count" />
            </th>
          </tr>
        </thead>
        <tbody>
          {item.byPartner.map((p) => (
            <tr key={p.orgId}>
              <td>{localized(language, p.nameFr, p.nameNl)}</td>
              <td className="num">
                {p.n === null ? (
                  <abbr title={intl.formatMessage({ id: 'monitoring.indicators.suppressed_cell' })}>
                    <FormattedMessage id="monitoring.indicators.hidden" />
                  </abbr>
                ) : (
                  intl.formatNumber(p.n)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
