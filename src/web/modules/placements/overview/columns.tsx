import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import type { OverviewItem } from '../../../../common/placements/overview-schemas';
import { useLanguage } from '../../../app/i18n';
import { useCommonFormat } from '../../../app/ui/format';
import type { Column } from '../../../app/ui/Table';

const STATUS_TONE: Record<string, string> = {
  active: 'tag tag--success',
  completed: 'tag tag--success',
  interrupted: 'tag tag--danger',
  cancelled: 'tag',
  draft: 'tag',
};

/** The columns of a programme's placements, pseudonymous: the participant code stands for the person. */
export function usePlacementColumns(): Column<OverviewItem>[] {
  const intl = useIntl();
  const { language } = useLanguage();
  const { day } = useCommonFormat();
  const none = <span className="muted">—</span>;
  const situation = (id: string, s: string | null) =>
    s && (
      <div>
        <FormattedMessage
          id={id}
          values={{ situation: intl.formatMessage({ id: `placements.overview.situation.${s}` }) }}
        />
      </div>
    );
  return [
    {
      key: 'code',
      header: <FormattedMessage id="placements.overview.column.participant_code" />,
      render: (i) => <code>{i.participantCode}</code>,
    },
    {
      key: 'home',
      header: <FormattedMessage id="placements.overview.column.home_org" />,
      render: (i) => localized(language, i.homeOrg.nameFr, i.homeOrg.nameNl),
    },
    {
      key: 'host',
      header: <FormattedMessage id="placements.overview.column.host_org" />,
      render: (i) => (
        <>
          {localized(language, i.hostOrg.nameFr, i.hostOrg.nameNl)}
          <div className="muted">
            {i.siteName}
            {' · '}
            {localized(language, i.municipalityNameFr, i.municipalityNameNl) || i.municipalityCode}
          </div>
        </>
      ),
    },
    {
      key: 'period',
      header: <FormattedMessage id="placements.overview.column.period" />,
      render: (i) => (
        <>
          <FormattedMessage
            id="placements.overview.period"
            values={{ start: day(i.startsOn), end: day(i.endsOn) }}
          />
          {i.endedOn && (
            <div className="muted">
              <FormattedMessage id="placements.overview.ended_on" values={{ date: day(i.endedOn) }} />
            </div>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: <FormattedMessage id="placements.overview.column.status" />,
      render: (i) => (
        <span className={STATUS_TONE[i.status] ?? 'tag tag--warning'}>
          <FormattedMessage id={`placements.agreements.status.${i.status}`} />
        </span>
      ),
    },
    {
      key: 'attendance',
      header: <FormattedMessage id="placements.overview.column.attendance" />,
      render: (i) =>
        i.attendanceRate === null
          ? none
          : intl.formatNumber(i.attendanceRate, { style: 'percent', maximumFractionDigits: 0 }),
    },
    {
      key: 'evaluations',
      header: <FormattedMessage id="placements.overview.evaluations_done" />,
      render: (i) =>
        i.midTermDone || i.finalDone ? (
          <>
            {i.midTermDone && (
              <span className="tag">
                <FormattedMessage id="placements.overview.evaluation.mid_term" />
              </span>
            )}
            {i.finalDone && (
              <span className="tag">
                <FormattedMessage id="placements.overview.evaluation.final" />
              </span>
            )}
          </>
        ) : (
          none
        ),
    },
    {
      key: 'outcomes',
      header: <FormattedMessage id="placements.overview.outcomes" />,
      render: (i) =>
        i.exitSituation || i.sixMonthSituation ? (
          <>
            {situation('placements.overview.outcome.exit', i.exitSituation)}
            {situation('placements.overview.outcome.six_months', i.sixMonthSituation)}
          </>
        ) : (
          none
        ),
    },
  ];
}
