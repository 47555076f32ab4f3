import { FormattedMessage, useIntl } from 'react-intl';
import type { AbsorptionRow, ExpenditureOverview } from '../../../../common/monitoring/expenditure-schemas';
import { EmptyState } from '../../../app/ui/feedback';
import { useExpenditureWords } from '../expenditure/words';
import { type BarGroup, GroupedBars, type Series } from './charts';

const SERIES: Series[] = ['budget', 'declared', 'accepted'];

/**
 * The absorption of the budget in force, by partner and by category: budget, declared and accepted
 * side by side for each (sums only), with the same figures in a table for screen readers.
 */
export function AbsorptionCharts({ overview }: { overview: ExpenditureOverview }) {
  const intl = useIntl();
  const w = useExpenditureWords(overview.actions, overview.partners);
  const a = overview.absorption;
  if (a.versionNumber === null)
    return <EmptyState title={<FormattedMessage id="monitoring.dashboard.absorption.no_budget" />} />;
  const name = (s: Series) => intl.formatMessage({ id: `monitoring.dashboard.series.${s}` });
  const rate = (r: AbsorptionRow) =>
    r.absorptionBp === null
      ? undefined
      : intl.formatMessage({ id: 'monitoring.dashboard.absorption.rate' }, { rate: w.pct(r.absorptionBp) });
  const chart = (id: 'partner' | 'category', rows: AbsorptionRow[], label: (k: string | null) => string) => {
    const groups: BarGroup[] = rows.map((r) => ({
      key: r.key ?? '-',
      label: label(r.key),
      note: rate(r),
      bars: SERIES.map((s) => ({ series: s, name: name(s), value: Number(r[s]), text: w.eur(r[s]) })),
    }));
    return (
      <div className="dash-subchart">
        <h3>
          <FormattedMessage id={`monitoring.dashboard.absorption.by_${id}`} />
        </h3>
        {rows.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="monitoring.dashboard.absorption.nothing" />
          </p>
        ) : (
          <GroupedBars groups={groups} />
        )}
        {/* A hidden table still widens the page to its content; the 1 px box around it does not. */}
        <div className="visually-hidden">
          <table>
            <caption>
              <FormattedMessage id={`monitoring.dashboard.absorption.table_${id}`} />
            </caption>
            <thead>
              <tr>
                {[id, 'budget', 'declared', 'accepted', 'absorption'].map((k) => (
                  <th key={k} scope="col">
                    <FormattedMessage id={`monitoring.dashboard.col.${k}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key ?? '-'}>
                  <th scope="row">{label(r.key)}</th>
                  <td>{w.eur(r.budget)}</td>
                  <td>{w.eur(r.declared)}</td>
                  <td>{w.eur(r.accepted)}</td>
                  <td>{w.pct(r.absorptionBp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  };
  return (
    <div className="stack">
      <p className="dash-total">
        <FormattedMessage
          id="monitoring.dashboard.absorption.total"
          values={{
            n: a.versionNumber,
            rate: <strong>{w.pct(a.total.absorptionBp)}</strong>,
            accepted: w.eur(a.total.accepted),
            budget: w.eur(a.total.budget),
          }}
        />
      </p>
      <div className="dash-subcharts">
        {chart('partner', a.byPartner, w.partner)}
        {chart('category', a.byCategory, w.category)}
      </div>
    </div>
  );
}
