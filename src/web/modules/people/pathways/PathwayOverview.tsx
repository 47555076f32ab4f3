import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { pathwaysApi } from '../../../../common/people/endpoints';
import type { PathwayDetail } from '../../../../common/people/pathway-schemas';
import { call } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Card, Facts } from '../../../app/ui/layout';
import { ExitForm } from './ExitForm';
import { ModuleTags, useDateFormat } from './format';
import { PathwayEditForm } from './PathwayEditForm';
import { usePathwayChange } from './usePathway';

/** Header of a pathway: modules, referents, dates and the progress derived from its records. */
export function PathwayOverview({ p }: { p: PathwayDetail }) {
  const intl = useIntl();
  const { language } = useLanguage();
  const date = useDateFormat();
  const [editing, setEditing] = useState(false);
  const s = p.summary;
  const reopen = usePathwayChange(() =>
    call(pathwaysApi.update, { params: { id: p.id }, body: { exitOn: null } }),
  );
  return (
    <>
      <Card
        title={<FormattedMessage id="people.pathways.overview.title" />}
        actions={
          p.canManage &&
          !editing && (
            <Button variant="secondary" className="no-print" onPress={() => setEditing(true)}>
              <FormattedMessage id="common.edit" />
            </Button>
          )
        }
      >
        {editing ? (
          <PathwayEditForm p={p} onClose={() => setEditing(false)} />
        ) : (
          <Facts
            items={[
              [
                <FormattedMessage key="m" id="people.pathways.field.modules" />,
                <ModuleTags key="mv" modules={p.modules} />,
              ],
              [
                <FormattedMessage key="r" id="people.pathways.field.referents" />,
                p.referents.map((r) => r.displayName).join(', ') || intl.formatMessage({ id: 'common.none' }),
              ],
              [
                <FormattedMessage key="pr" id="people.pathways.field.programme" />,
                p.programme
                  ? [p.programme.acronym, localized(language, p.programme.nameFr, p.programme.nameNl)]
                      .filter(Boolean)
                      .join(' – ')
                  : intl.formatMessage({ id: 'people.pathways.field.programme_none' }),
              ],
              [<FormattedMessage key="e" id="people.pathways.field.entry_on" />, date(p.entryOn)],
              [
                <FormattedMessage key="x" id="people.pathways.field.exit_on" />,
                p.exitOn ? (
                  <FormattedMessage
                    key="xv"
                    id="people.pathways.overview.exited"
                    values={{ date: date(p.exitOn), reason: p.exitReason ?? '' }}
                  />
                ) : (
                  <span key="xv" className="tag tag--success">
                    <FormattedMessage id="people.pathways.overview.open" />
                  </span>
                ),
              ],
              [
                <FormattedMessage key="o" id="people.pathways.summary.objectives_label" />,
                <FormattedMessage
                  key="ov"
                  id="people.pathways.summary.objectives"
                  values={{ achieved: s.objectivesAchieved, total: s.objectivesTotal }}
                />,
              ],
              [
                <FormattedMessage key="a" id="people.pathways.summary.actions_label" />,
                <FormattedMessage
                  key="av"
                  id="people.pathways.summary.actions"
                  values={{ done: s.actionsDone, total: s.actionsTotal }}
                />,
              ],
              [
                <FormattedMessage key="mo" id="people.pathways.summary.mobility_label" />,
                s.currentRadiusKm === null ? (
                  intl.formatMessage({ id: 'people.pathways.mobility.none_yet' })
                ) : (
                  <span key="mov">
                    <FormattedMessage
                      id="people.pathways.mobility.radius"
                      values={{ km: s.currentRadiusKm }}
                    />{' '}
                    <span className={s.goalReached ? 'tag tag--success' : 'tag'}>
                      <FormattedMessage
                        id={
                          s.goalReached
                            ? 'people.pathways.mobility.goal_reached'
                            : 'people.pathways.mobility.goal_not_yet'
                        }
                      />
                    </span>
                  </span>
                ),
              ],
            ]}
          />
        )}
        {s.objectivesTotal > 0 && (
          <progress
            className="pathway-progress"
            max={s.objectivesTotal}
            value={s.objectivesAchieved}
            aria-label={intl.formatMessage({ id: 'people.pathways.summary.objectives_label' })}
          />
        )}
      </Card>
      {p.canManage && !p.exitOn && <ExitForm p={p} />}
      {p.canManage && p.exitOn && (
        <div className="row no-print">
          <ErrorAlert error={reopen.error} />
          <Button variant="secondary" onPress={() => reopen.mutate(undefined)} isDisabled={reopen.isPending}>
            <FormattedMessage id="people.pathways.exit.reopen" />
          </Button>
        </div>
      )}
    </>
  );
}
