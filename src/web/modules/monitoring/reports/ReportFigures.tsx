import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import type { ReportFigures, ReportIndicator } from '../../../../common/monitoring/report-schemas';
import { useLanguage } from '../../../app/i18n';
import { Card } from '../../../app/ui/layout';
import { Reveal } from '../../../app/ui/Reveal';

/** A count as the report publishes it: the number, "< 5 (hidden)", or for a manual one "no value". */
function Count({ n, manual }: { n: number | null; manual: boolean }) {
  const intl = useIntl();
  if (n === null && manual)
    return (
      <span className="muted">
        <FormattedMessage id="monitoring.reports.no_value" />
      </span>
    );
  return n === null ? (
    <span className="muted">
      <FormattedMessage id="monitoring.reports.hidden" />
    </span>
  ) : (
    <>{intl.formatNumber(n)}</>
  );
}

const pick = (language: string, fr: string, nl: string, en?: string | null) =>
  language === 'nl' ? nl : language === 'en' ? (en ?? fr) : fr;

/** How an indicator is counted, in words: its own definition, then its rule's (or "typed by hand"). */
function HowCounted({ i }: { i: ReportIndicator }) {
  const { language } = useLanguage();
  const intl = useIntl();
  const own = pick(language, i.definitionFr ?? '', i.definitionNl ?? '', i.definitionEn);
  return (
    <div className="stack">
      {own && <p>{own}</p>}
      <p>
        {i.ruleDefinitionKey ? (
          <FormattedMessage id={i.ruleDefinitionKey} />
        ) : (
          <FormattedMessage id="monitoring.reports.manual_explanation" />
        )}
      </p>
      {i.params.length > 0 && (
        <ul>
          {i.params.map((p) => (
            <li key={p.name}>
              <FormattedMessage
                id="monitoring.reports.pair"
                values={{
                  label: intl.formatMessage({ id: `monitoring.indicators.param.${p.name}` }),
                  value:
                    typeof p.value === 'boolean'
                      ? intl.formatMessage({
                          id: p.value ? 'monitoring.indicators.yes' : 'monitoring.indicators.no',
                        })
                      : Array.isArray(p.value)
                        ? p.value.length === 0
                          ? intl.formatMessage({ id: 'monitoring.indicators.any' })
                          : intl.formatList(
                              p.value.map((o) =>
                                intl.formatMessage({ id: `monitoring.indicators.option.${o}` }),
                              ),
                            )
                        : String(p.value),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function IndicatorTable({ figures, exact }: { figures: ReportFigures; exact: boolean }) {
  const { language } = useLanguage();
  const intl = useIntl();
  const cols = ['previous', 'this_period', 'cumulative', 'target', 'percent'];
  return (
    <Card title={<FormattedMessage id="monitoring.reports.figures" />}>
      <div className="stack">
        <p className="muted">
          <FormattedMessage
            id={exact ? 'monitoring.reports.exact_note' : 'monitoring.reports.pdf.suppression_note'}
          />
        </p>
        <ul className="report-indicators">
          {figures.indicators.map((i) => (
            <li key={i.code}>
              <h3>
                <span className="ind-code">{i.code}</span>
                {pick(language, i.labelFr, i.labelNl, i.labelEn)}
                {i.euCode && <span className="muted"> ({i.euCode})</span>}
              </h3>
              <dl className="report-figures">
                {cols.map((c) => (
                  <div key={c}>
                    <dt>
                      <FormattedMessage id={`monitoring.reports.col.${c}`} />
                    </dt>
                    <dd>
                      {c === 'previous' && <Count n={i.previous} manual={i.ruleCode === null} />}
                      {c === 'this_period' && <Count n={i.thisPeriod} manual={i.ruleCode === null} />}
                      {c === 'cumulative' && <Count n={i.cumulative} manual={i.ruleCode === null} />}
                      {c === 'target' && intl.formatNumber(i.target)}
                      {c === 'percent' && (i.percent === null ? '–' : `${intl.formatNumber(i.percent)} %`)}
                    </dd>
                  </div>
                ))}
              </dl>
              <Reveal label={<FormattedMessage id="monitoring.reports.col.how_counted" />} level={4}>
                <HowCounted i={i} />
                {i.byPartner.some((p) => p.n !== 0) && (
                  <p>
                    <FormattedMessage id="monitoring.reports.pdf.by_partner" />{' '}
                    {i.byPartner
                      .filter((p) => p.n !== 0)
                      .map((p) => {
                        const o = figures.partners.find((x) => x.orgId === p.orgId);
                        const name = o ? localized(language, o.nameFr, o.nameNl) : '';
                        const value =
                          p.n === null
                            ? intl.formatMessage({ id: 'monitoring.reports.hidden' })
                            : intl.formatNumber(p.n);
                        return intl.formatMessage({ id: 'monitoring.reports.pair' }, { label: name, value });
                      })
                      .join(intl.formatMessage({ id: 'monitoring.reports.list_separator' }))}
                  </p>
                )}
              </Reveal>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

export function ExpenditureTable({ figures }: { figures: ReportFigures }) {
  const { language } = useLanguage();
  const intl = useIntl();
  const eur = (s: string) => intl.formatNumber(Number(s), { style: 'currency', currency: 'EUR' });
  const pct = (bp: number | null) =>
    bp === null ? '–' : intl.formatNumber(bp / 10_000, { style: 'percent', maximumFractionDigits: 1 });
  const name = (id: string) => {
    const o = figures.partners.find((x) => x.orgId === id);
    return o ? localized(language, o.nameFr, o.nameNl) : '';
  };
  const a = figures.expenditure.absorption;
  const cols = ['budget', 'declared_period', 'accepted_period', 'accepted_cumulative', 'absorption'];
  return (
    <Card title={<FormattedMessage id="monitoring.reports.expenditure" />}>
      <div className="stack">
        <p>
          {a.versionNumber === null ? (
            <FormattedMessage id="monitoring.reports.pdf.no_budget" />
          ) : (
            <FormattedMessage
              id="monitoring.reports.pdf.absorption_total"
              values={{
                version: a.versionNumber,
                budget: eur(a.total.budget),
                accepted: eur(a.total.accepted),
                rate: pct(a.total.absorptionBp),
              }}
            />
          )}
        </p>
        {figures.expenditure.missingDeclarations.length > 0 && (
          <p>
            <FormattedMessage
              id="monitoring.reports.missing"
              values={{ partners: intl.formatList(figures.expenditure.missingDeclarations.map(name)) }}
            />
          </p>
        )}
        <div className="table-wrap">
          <table className="data data--stacked report-expenditure">
            <caption className="visually-hidden">
              <FormattedMessage id="monitoring.reports.expenditure" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="monitoring.reports.col.partner_category" />
                </th>
                {cols.map((c) => (
                  <th key={c} scope="col" className="num">
                    <FormattedMessage id={`monitoring.reports.col.${c}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.expenditure.byPartnerCategory.map((r) => (
                <tr key={`${r.orgId}-${r.category}`}>
                  <td>
                    <strong>
                      {name(r.orgId)} – <FormattedMessage id={`monitoring.budgets.category.${r.category}`} />
                    </strong>
                  </td>
                  {(
                    [
                      ['budget', eur(r.budget)],
                      ['declared_period', eur(r.declaredPeriod)],
                      ['accepted_period', eur(r.acceptedPeriod)],
                      ['accepted_cumulative', eur(r.acceptedCumulative)],
                      ['absorption', pct(r.absorptionBp)],
                    ] as const
                  ).map(([k, v]) => (
                    <td key={k} className="num">
                      <span className="cell-label" aria-hidden="true">
                        <FormattedMessage id={`monitoring.reports.col.${k}`} />
                      </span>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
