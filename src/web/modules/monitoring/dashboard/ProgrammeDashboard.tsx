import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { localized } from '../../../../common/i18n/locales';
import { civilDay } from '../../../../common/kernel/clock';
import { monitoringEndpoints } from '../../../../common/monitoring/endpoints';
import { expenditureEndpoints } from '../../../../common/monitoring/expenditure-endpoints';
import { expenditureLink, indicatorsLink, reportsLink } from '../../../../common/monitoring/links';
import { reportEndpoints } from '../../../../common/monitoring/report-endpoints';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { PageHeader } from '../../../app/ui/layout';
import { AbsorptionCharts } from './AbsorptionPanel';
import { DeadlineList } from './DeadlinesPanel';
import { deadlines } from './deadlines';
import { IndicatorChart } from './IndicatorPanel';
import { Panel } from './Panel';
import './dashboard.css';

/**
 * A programme's monitoring at a glance: its indicators against targets and milestones, the absorption
 * of its budget by partner and category, and what is due next. Each panel reads its own endpoint and
 * stands alone: a reader refused one still sees the others.
 */
export function ProgrammeDashboard() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const { language } = useLanguage();
  const allowed = useCan('indicators.view');
  const params = { params: { id } };
  const board = useEndpoint(monitoringEndpoints.board, params, { enabled: allowed });
  const overview = useEndpoint(expenditureEndpoints.overview, params, { enabled: allowed });
  const reports = useEndpoint(reportEndpoints.list, params, { enabled: allowed });
  // The programme's own milestones and dates (its partners see the milestones, others an empty list).
  const programme = useEndpoint(programmesApi.get, params);
  const named =
    programme.data ?? board.data?.programme ?? reports.data?.programme ?? overview.data?.programme;
  const span = programme.data ?? board.data?.programme ?? reports.data?.programme ?? null;
  const today = civilDay(new Date());
  const title = intl.formatMessage({ id: 'monitoring.dashboard.title' });
  return (
    <div className="stack dash">
      <PageHeader
        title={title}
        description={
          named
            ? `${named.acronym ? `${named.acronym} — ` : ''}${localized(language, named.nameFr, named.nameNl)}`
            : undefined
        }
        actions={
          <LinkButton to={programmeLink.href({ id })} variant="ghost">
            <FormattedMessage id="monitoring.dashboard.back" />
          </LinkButton>
        }
      />
      <div className="dash-grid">
        <Panel
          className="dash-panel--main"
          title={<FormattedMessage id="monitoring.dashboard.indicators.title" />}
          allowed={allowed}
          query={board}
          actions={
            <LinkButton to={indicatorsLink.href({ id })} variant="secondary">
              <FormattedMessage id="monitoring.dashboard.indicators.open" />
            </LinkButton>
          }
        >
          {(b) => <IndicatorChart board={b} programmeId={id} />}
        </Panel>
        <Panel
          className="dash-panel--side"
          title={<FormattedMessage id="monitoring.dashboard.deadlines.title" />}
          allowed={allowed}
          query={reports}
          actions={
            <LinkButton to={reportsLink.href({ id })} variant="secondary">
              <FormattedMessage id="monitoring.dashboard.deadlines.open" />
            </LinkButton>
          }
        >
          {(r) => (
            <DeadlineList
              today={today}
              span={span ? { startsOn: span.startsOn, endsOn: span.endsOn } : null}
              items={deadlines(
                today,
                r.items,
                programme.data?.milestones ?? [],
                span?.endsOn ?? null,
                board.data?.items ?? [],
              )}
            />
          )}
        </Panel>
        <Panel
          className="dash-panel--wide"
          title={<FormattedMessage id="monitoring.dashboard.absorption.title" />}
          allowed={allowed}
          query={overview}
          actions={
            <LinkButton to={expenditureLink.href({ id })} variant="secondary">
              <FormattedMessage id="monitoring.dashboard.absorption.open" />
            </LinkButton>
          }
        >
          {(o) => <AbsorptionCharts overview={o} />}
        </Panel>
      </div>
    </div>
  );
}
