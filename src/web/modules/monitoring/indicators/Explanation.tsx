import { FormattedMessage, useIntl } from 'react-intl';
import type { IndicatorView } from '../../../../common/monitoring/schemas';
import { useLanguage } from '../../../app/i18n';
import { pick } from './words';

/** A parameter's value in words: a number, yes/no, or its options translated and joined. */
function ParamValue({ p }: { p: IndicatorView['params'][number] }) {
  const intl = useIntl();
  if (p.kind === 'boolean')
    return <FormattedMessage id={p.value ? 'monitoring.indicators.yes' : 'monitoring.indicators.no'} />;
  if (Array.isArray(p.value))
    return p.value.length === 0 ? (
      <FormattedMessage id="monitoring.indicators.any" />
    ) : (
      <>
        {intl.formatList(
          p.value.map((o) => intl.formatMessage({ id: `monitoring.indicators.option.${o}` })),
          { type: 'conjunction' },
        )}
      </>
    );
  return <>{intl.formatNumber(Number(p.value))}</>;
}

/**
 * How a figure is counted: the indicator's own definition, then the rule (its name, how it counts, its
 * parameters in words) and the period counted; for a manual indicator, its latest value's evidence.
 */
export function Explanation({ item }: { item: IndicatorView }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const day = (d: string) => intl.formatDate(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const definition = pick(language, item.definitionFr, item.definitionNl, item.definitionEn);
  return (
    <details className="ind-explain">
      <summary>
        <FormattedMessage id="monitoring.indicators.explain" />
      </summary>
      <div className="stack">
        {definition && <p>{definition}</p>}
        {item.ruleCode === null ? (
          <p className="muted">
            <FormattedMessage id="monitoring.indicators.manual_explain" />
          </p>
        ) : item.ruleLabelKey && item.ruleDefinitionKey ? (
          <>
            <p>
              <strong>
                <FormattedMessage id="monitoring.indicators.rule" />
              </strong>{' '}
              <FormattedMessage id={item.ruleLabelKey} />
            </p>
            <p>
              <FormattedMessage id={item.ruleDefinitionKey} />
            </p>
            {item.params.length > 0 && (
              <dl className="facts">
                {item.params.map((p) => (
                  <div key={p.name} style={{ display: 'contents' }}>
                    <dt>
                      <FormattedMessage id={`monitoring.indicators.param.${p.name}`} />
                    </dt>
                    <dd>
                      <ParamValue p={p} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        ) : (
          <p className="muted">
            <FormattedMessage id="monitoring.indicators.rule_missing" />
          </p>
        )}
        <p className="muted">
          <FormattedMessage
            id="monitoring.indicators.period"
            values={{ from: day(item.period.from), to: day(item.period.to) }}
          />
        </p>
      </div>
    </details>
  );
}
