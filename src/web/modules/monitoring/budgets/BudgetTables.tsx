import { FormattedMessage } from 'react-intl';
import { type BudgetView, COST_CATEGORIES } from '../../../../common/monitoring/budget-schemas';
import { useBudgetWords } from './money';

type Shown = BudgetView & {
  version: NonNullable<BudgetView['version']>;
  totals: NonNullable<BudgetView['totals']>;
};

/** Partner × category with totals, co-financing per fund and the partner's own contribution. */
export function PartnerTable({ b }: { b: Shown }) {
  const w = useBudgetWords(b);
  const t = b.totals;
  const cats = COST_CATEGORIES.filter((c) => t.byCategory[c] !== undefined);
  const funds = [...new Set(t.byFund.map((f) => f.fund))];
  return (
    <div className="table-wrap">
      <table className="data budget-table">
        <caption>
          <FormattedMessage id="monitoring.budgets.by_partner" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="monitoring.budgets.partner" />
            </th>
            {cats.map((c) => (
              <th key={c} scope="col" className="num">
                {w.category(c)}
              </th>
            ))}
            <th scope="col" className="num">
              <FormattedMessage id="monitoring.budgets.total" />
            </th>
            {funds.map((f) => (
              <th key={f} scope="col" className="num">
                {w.fund(f)}
              </th>
            ))}
            <th scope="col" className="num">
              <FormattedMessage id="monitoring.budgets.own" />
            </th>
          </tr>
        </thead>
        <tbody>
          {t.byPartner.map((p) => (
            <tr key={p.orgId}>
              <th scope="row">{w.partner(p.orgId)}</th>
              {cats.map((c) => (
                <td key={c} className="num">
                  {p.byCategory[c] ? w.eur(p.byCategory[c]) : '—'}
                </td>
              ))}
              <td className="num">
                <strong>{w.eur(p.total)}</strong>
              </td>
              {funds.map((f) => {
                const parts = p.funds.filter((x) => x.fund === f);
                return (
                  <td key={f} className="num">
                    {parts.length === 0
                      ? '—'
                      : parts.map((x) => (
                          <div key={`${x.fund}${x.funder ?? ''}`}>
                            {w.eur(x.amount)} <span className="muted">({w.pct(x.rateBp)})</span>
                            {x.funder && <div className="muted">{x.funder}</div>}
                          </div>
                        ))}
                  </td>
                );
              })}
              <td className="num">{w.eur(p.own)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              <FormattedMessage id="monitoring.budgets.total" />
            </th>
            {cats.map((c) => (
              <td key={c} className="num">
                {w.eur(t.byCategory[c] ?? '0')}
              </td>
            ))}
            <td className="num">
              <strong>{w.eur(t.total)}</strong>
            </td>
            {funds.map((f) => (
              <td key={f} className="num">
                {w.eur(t.byFund.find((x) => x.fund === f)?.amount ?? '0')}
              </td>
            ))}
            <td className="num">{w.eur(t.own)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The budget by action and by period. */
export function SplitTables({ b }: { b: Shown }) {
  const w = useBudgetWords(b);
  const t = b.totals;
  return (
    <div className="budget-split">
      <div className="table-wrap">
        <table className="data">
          <caption>
            <FormattedMessage id="monitoring.budgets.by_action" />
          </caption>
          <tbody>
            {t.byAction.map((a) => (
              <tr key={a.actionId ?? '-'}>
                <th scope="row">{w.action(a.actionId)}</th>
                <td className="num">{w.eur(a.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="data">
          <caption>
            <FormattedMessage id="monitoring.budgets.by_period" />
          </caption>
          <tbody>
            {t.byPeriod.map((p) => (
              <tr key={p.period ?? '-'}>
                <th scope="row">{p.period ?? '—'}</th>
                <td className="num">{w.eur(p.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Earmarked envelopes: the grant, the part set aside, for whom, and how much of it the lines use. */
export function EnvelopeTable({ b }: { b: Shown }) {
  const w = useBudgetWords(b);
  if (b.version.envelopes.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id="monitoring.budgets.envelopes" />
        </caption>
        <thead>
          <tr>
            {['envelope', 'for', 'grant', 'earmarked', 'used', 'remaining'].map((k) => (
              <th key={k} scope="col" className={k === 'envelope' || k === 'for' ? undefined : 'num'}>
                <FormattedMessage id={`monitoring.budgets.envelope.${k}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.version.envelopes.map((e, i) => {
            const use = b.totals.envelopes[i];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: envelopes have no id of their own in a version
              <tr key={i}>
                <th scope="row">
                  {w.fund(e.fund)} — {e.label}
                  {e.note && <div className="muted">{e.note}</div>}
                </th>
                <td>{w.partner(e.partnerOrgId)}</td>
                <td className="num">{e.grant ? w.eur(e.grant) : '—'}</td>
                <td className="num">{w.eur(e.earmarked)}</td>
                <td className="num">{use ? w.eur(use.used) : '—'}</td>
                <td className="num">
                  {use ? w.eur(use.remaining) : '—'}
                  {use?.overspent && (
                    <div className="budget-over">
                      <FormattedMessage id="monitoring.budgets.envelope.overspent" />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Every line as entered, with its note (a source's caveat, or "fictional"). */
export function LineList({ b }: { b: Shown }) {
  const w = useBudgetWords(b);
  const lines = b.version.lines;
  const notes = [...new Set(lines.map((l) => l.note).filter((n): n is string => !!n))];
  return (
    <details className="budget-lines">
      <summary>
        <FormattedMessage id="monitoring.budgets.lines" values={{ n: lines.length }} />
      </summary>
      {notes.length > 0 && (
        <ul className="muted">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              {['partner', 'category', 'action', 'period', 'amount'].map((k) => (
                <th key={k} scope="col" className={k === 'amount' ? 'num' : undefined}>
                  <FormattedMessage id={`monitoring.budgets.line.${k}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id of their own in a version
              <tr key={i}>
                <td>{w.partner(l.partnerOrgId)}</td>
                <td>{w.category(l.category)}</td>
                <td>{w.action(l.actionId)}</td>
                <td>{l.period ?? '—'}</td>
                <td className="num">
                  {l.amount !== null ? (
                    w.eur(l.amount)
                  ) : (
                    <FormattedMessage id="monitoring.budgets.flat_rate" values={{ rate: l.flatRate }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
