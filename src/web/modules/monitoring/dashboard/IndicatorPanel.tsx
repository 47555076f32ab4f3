import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { indicatorsLink } from '../../../../common/monitoring/links';
import type { IndicatorBoard, IndicatorView } from '../../../../common/monitoring/schemas';
import { useLanguage } from '../../../app/i18n';
import { EmptyState } from '../../../app/ui/feedback';
import { useCommonFormat } from '../../../app/ui/format';
import { pick } from '../indicators/words';
import { Swatch, TargetBar } from './charts';

const STATUSES = ['reached', 'missed', 'upcoming'] as const;

/**
 * One bar per indicator, achieved against its target with its milestones as marks; each goes to the
 * indicators page. A hidden figure (small numbers) reads "< 5", never 0; the table beside says it all.
 */
export function IndicatorChart({ board, programmeId }: { board: IndicatorBoard; programmeId: string }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const f = useCommonFormat();
  if (board.items.length === 0)
    return <EmptyState title={<FormattedMessage id="monitoring.dashboard.indicators.empty" />} />;
  const hidden = (i: IndicatorView) => i.value === null && i.ruleCode !== null;
  const figure = (i: IndicatorView) =>
    i.value !== null
      ? String(i.value)
      : intl.formatMessage({
          id: hidden(i)
            ? 'monitoring.dashboard.indicators.hidden'
            : 'monitoring.dashboard.indicators.no_value',
        });
  const percent = (i: IndicatorView) =>
    i.percent === null
      ? '—'
      : intl.formatNumber(i.percent / 100, { style: 'percent', maximumFractionDigits: 1 });
  const label = (i: IndicatorView) => pick(language, i.labelFr, i.labelNl, i.labelEn);
  const href = indicatorsLink.href({ id: programmeId });
  const anyHidden = board.items.some(hidden);
  const anyMilestone = board.items.some((i) => i.milestones.length > 0);
  return (
    <div className="stack">
      <ul className="dash-ind-list">
        {board.items.map((i) => (
          <li key={i.id}>
            <Link to={href} className="dash-ind-link">
              <span className="dash-ind-label">
                <span className="dash-ind-code">{i.code}</span> {label(i)}
              </span>
              <span className="dash-ind-figure">
                <FormattedMessage
                  id={
                    i.percent === null
                      ? 'monitoring.dashboard.indicators.figure_only'
                      : 'monitoring.dashboard.indicators.figure'
                  }
                  values={{
                    value:
                      i.value === null && !hidden(i) ? (
                        <span className="muted">{figure(i)}</span>
                      ) : (
                        <strong>{figure(i)}</strong>
                      ),
                    target: i.target,
                    percent: percent(i),
                  }}
                />
              </span>
              <TargetBar
                value={i.value}
                target={i.target}
                milestones={i.milestones.map((m) => ({ key: m.dueOn, at: m.target, status: m.status }))}
              />
            </Link>
          </li>
        ))}
      </ul>
      {anyMilestone && (
        <p className="dash-legend muted">
          {STATUSES.map((s) => (
            <span key={s}>
              <Swatch className={`dash-tick dash-tick--${s}`} />{' '}
              <FormattedMessage id={`monitoring.dashboard.milestone.${s}`} />
            </span>
          ))}
        </p>
      )}
      {anyHidden && (
        <p className="muted">
          <FormattedMessage id="monitoring.dashboard.indicators.hidden_note" />
        </p>
      )}
      {/* A hidden table still widens the page to its content; the 1 px box around it does not. */}
      <div className="visually-hidden">
        <table>
          <caption>
            <FormattedMessage id="monitoring.dashboard.indicators.table" />
          </caption>
          <thead>
            <tr>
              {['indicator', 'achieved', 'target', 'percent', 'milestones'].map((k) => (
                <th key={k} scope="col">
                  <FormattedMessage id={`monitoring.dashboard.col.${k}`} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{`${i.code} ${label(i)}`}</th>
                <td>
                  {figure(i)}
                  {hidden(i) && (
                    <>
                      {' '}
                      <FormattedMessage id="monitoring.dashboard.indicators.hidden_short" />
                    </>
                  )}
                </td>
                <td>{i.target}</td>
                <td>{percent(i)}</td>
                <td>
                  {i.milestones.length === 0
                    ? '—'
                    : i.milestones
                        .map((m) =>
                          intl.formatMessage(
                            { id: 'monitoring.dashboard.indicators.milestone' },
                            {
                              date: f.day(m.dueOn),
                              target: m.target,
                              status: intl.formatMessage({
                                id: `monitoring.dashboard.milestone.${m.status}`,
                              }),
                            },
                          ),
                        )
                        .join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
