import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { civilDay } from '../../../../common/kernel/clock';
import { monitoringEndpoints as api } from '../../../../common/monitoring/endpoints';
import { indicatorRecordsLink } from '../../../../common/monitoring/links';
import type { IndicatorBoard, IndicatorView } from '../../../../common/monitoring/schemas';
import { programmeLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, PageHeader } from '../../../app/ui/layout';
import { Breakdown } from './Breakdown';
import { Explanation } from './Explanation';
import { IndicatorFormDialog } from './IndicatorFormDialog';
import { ManualValueDialog } from './ManualValueDialog';
import { Progress } from './Progress';
import { pick } from './words';
import './indicators.css';

/**
 * A programme's indicators, counted now from the partners' records: each with its codes, achieved
 * against target and milestones, by partner (small numbers hidden for readers who see aggregates only),
 * how it is counted, and — for those allowed — the records behind it; the lead coordinator types the
 * values of manual indicators.
 */
export function IndicatorsPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const canView = useCan('indicators.view');
  const board = useEndpoint(api.board, { params: { id } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (board.error) return <ErrorAlert error={board.error} />;
  if (!board.data) return <Loading />;
  const b = board.data;
  const today = civilDay(new Date());
  const suppressed = b.items.some((i) => i.suppressed);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'monitoring.indicators.title' })}
        description={`${b.programme.acronym ? `${b.programme.acronym} — ` : ''}${localized(language, b.programme.nameFr, b.programme.nameNl)}`}
        actions={
          <>
            <LinkButton to={programmeLink.href({ id })} variant="ghost">
              <FormattedMessage id="monitoring.indicators.back" />
            </LinkButton>
            {b.canManage && (
              <IndicatorFormDialog
                board={b}
                trigger={
                  <Button>
                    <FormattedMessage id="monitoring.indicators.form.new" />
                  </Button>
                }
              />
            )}
          </>
        }
      />
      <p className="muted">
        <FormattedMessage
          id={b.seesAll ? 'monitoring.indicators.intro_all' : 'monitoring.indicators.intro_aggregates'}
        />
      </p>
      {b.items.length === 0 ? (
        <EmptyState title={<FormattedMessage id="monitoring.indicators.empty" />} />
      ) : (
        <ul className="ind-list">
          {b.items.map((item) => (
            <li key={item.id}>
              <IndicatorCard
                board={b}
                item={item}
                actionTitle={(() => {
                  const a = b.actions.find((x) => x.id === item.actionId);
                  return a ? `${a.code} · ${localized(language, a.titleFr, a.titleNl)}` : null;
                })()}
                canManage={b.canManage}
                canDrill={b.canDrill}
                today={today}
              />
            </li>
          ))}
        </ul>
      )}
      {suppressed && (
        <p className="muted ind-legend">
          <FormattedMessage id="monitoring.indicators.legend" />
        </p>
      )}
    </div>
  );
}

function IndicatorCard({
  board,
  item,
  actionTitle,
  canManage,
  canDrill,
  today,
}: {
  board: IndicatorBoard;
  item: IndicatorView;
  actionTitle: string | null;
  canManage: boolean;
  canDrill: boolean;
  today: string;
}) {
  const { language } = useLanguage();
  const manual = item.ruleCode === null;
  return (
    <Card
      title={
        <>
          <span className="ind-code">{item.code}</span>
          {item.euCode && <span className="tag">{item.euCode}</span>}{' '}
          {pick(language, item.labelFr, item.labelNl, item.labelEn)}
        </>
      }
    >
      <div className="stack">
        <p className="muted">
          <FormattedMessage id={`monitoring.indicators.kind.${item.kind}`} />
          {' · '}
          <FormattedMessage id={`monitoring.indicators.unit.${item.unit}`} />
          {manual && (
            <>
              {' · '}
              <FormattedMessage id="monitoring.indicators.manual" />
            </>
          )}
          {actionTitle && <> · {actionTitle}</>}
        </p>
        <Progress item={item} />
        {manual && item.asOf && (
          <p className="muted">
            <FormattedMessage
              id="monitoring.indicators.as_of"
              values={{
                date: new Date(`${item.asOf}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC' }),
              }}
            />
            {item.values[0]?.evidenceUrl && (
              <>
                {' · '}
                <a href={item.values[0].evidenceUrl} rel="noopener noreferrer" target="_blank">
                  <FormattedMessage id="monitoring.indicators.evidence" />
                </a>
              </>
            )}
            {item.values[0]?.evidenceNote && <> · {item.values[0].evidenceNote}</>}
          </p>
        )}
        {manual && !item.asOf && (
          <p className="muted">
            <FormattedMessage id="monitoring.indicators.no_value" />
          </p>
        )}
        <Breakdown item={item} />
        <Explanation item={item} />
        <div className="row">
          {manual && canManage && <ManualValueDialog indicatorId={item.id} today={today} />}
          {canManage && (
            <IndicatorFormDialog
              board={board}
              indicator={item}
              trigger={
                <Button variant="ghost">
                  <FormattedMessage id="monitoring.indicators.form.edit" />
                </Button>
              }
            />
          )}
          {!manual && canDrill && (
            <LinkButton variant="secondary" to={indicatorRecordsLink.href({ id: item.id })}>
              <FormattedMessage id="monitoring.indicators.records_link" />
            </LinkButton>
          )}
        </div>
      </div>
    </Card>
  );
}
