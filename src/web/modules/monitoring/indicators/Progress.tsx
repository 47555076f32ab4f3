import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { IndicatorView } from '../../../../common/monitoring/schemas';

/**
 * Achieved against the target, in words, then as a bar with a mark per milestone at its share of the
 * target, and the milestones listed in words below it (reached, missed, upcoming).
 */
export function Progress({ item }: { item: IndicatorView }) {
  const intl = useIntl();
  const share = item.value === null ? 0 : Math.min(1, item.value / item.target);
  return (
    <div className="ind-progress">
      <p className="ind-figure">
        <strong>
          {item.value === null ? <FormattedMessage id="monitoring.indicators.hidden" /> : item.value}
        </strong>{' '}
        <FormattedMessage id="monitoring.indicators.target" values={{ target: item.target }} />
        {item.percent !== null && (
          <span className="muted">
            {' · '}
            <FormattedNumber value={item.percent / 100} style="percent" maximumFractionDigits={1} />
          </span>
        )}
      </p>
      {/* The figure above says it in words; the bar and its milestone marks are a picture of it. */}
      <div className="ind-bar" aria-hidden="true">
        <div className="ind-bar-fill" style={{ width: `${share * 100}%` }} />
        {item.milestones.map((m) => (
          <span
            key={m.dueOn}
            className={`ind-mark ind-mark--${m.status}`}
            style={{ left: `${Math.min(100, (m.target / item.target) * 100)}%` }}
            aria-hidden="true"
          />
        ))}
      </div>
      {item.milestones.length > 0 && (
        <ul className="ind-milestones">
          {item.milestones.map((m) => (
            <li key={m.dueOn}>
              <span
                className={`tag ${m.status === 'reached' ? 'tag--success' : m.status === 'missed' ? 'tag--danger' : ''}`}
              >
                <FormattedMessage id={`monitoring.indicators.milestone.${m.status}`} />
              </span>{' '}
              <FormattedMessage
                id="monitoring.indicators.milestone.line"
                values={{
                  date: intl.formatDate(m.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                  target: m.target,
                }}
              />
              {m.valueAt !== null && (
                <span className="muted">
                  {' '}
                  <FormattedMessage
                    id="monitoring.indicators.milestone.value"
                    values={{ value: m.valueAt }}
                  />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
