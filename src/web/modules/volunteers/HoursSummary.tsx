import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { eventLink } from '../../../common/forums/links';
import { initiativeLink } from '../../../common/initiatives/links';
import type { HoursSummary as Summary, VolunteerAssignment } from '../../../common/volunteers/schemas';
import { Card } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { useVolunteerWords } from './words';

/** What an assignment was for, as a link to the event's or the initiative's page when it has one. */
export function ActivityLink({
  a,
}: {
  a: Pick<
    VolunteerAssignment,
    'eventId' | 'eventTitle' | 'initiativeId' | 'initiativeTitle' | 'activityTitle'
  >;
}) {
  if (a.eventId) return <Link to={eventLink.href({ id: a.eventId })}>{a.eventTitle ?? a.eventId}</Link>;
  if (a.initiativeId)
    return (
      <Link to={initiativeLink.href({ id: a.initiativeId })}>{a.initiativeTitle ?? a.initiativeId}</Link>
    );
  return <>{a.activityTitle ?? ''}</>;
}

/** This year's hours of the volunteer, per organisation and per event / initiative / activity. */
export function HoursSummary({ summary, coordinator }: { summary: Summary; coordinator: boolean }) {
  const w = useVolunteerWords();
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `volunteers.work.${id}` }, values);
  const hours = (n: number) => w.m('hours_value', { n });
  const year = summary.year;
  return (
    <Card title={m('summary_title', { year })}>
      {!coordinator && <p className="description">{m('summary_scope')}</p>}
      {summary.byActivity.length === 0 ? (
        <p>{m('summary_none', { year })}</p>
      ) : (
        <div className="stack">
          <p>
            <strong>{m('summary_total', { year, n: summary.total })}</strong>
          </p>
          <h3>{m('summary_by_org')}</h3>
          <DataTable
            caption={m('summary_by_org')}
            rows={summary.byOrganisation}
            rowKey={(r) => r.org.id}
            columns={[
              { key: 'org', header: m('summary_org'), render: (r) => w.org(r.org) },
              { key: 'hours', header: m('summary_hours'), render: (r) => hours(r.hours) },
            ]}
          />
          <h3>{m('summary_by_activity')}</h3>
          <DataTable
            caption={m('summary_by_activity')}
            rows={summary.byActivity}
            rowKey={(r) => `${r.kind}:${r.id ?? r.title}`}
            columns={[
              {
                key: 'what',
                header: m('summary_activity'),
                // Two columns only, the kind beside the title: the table fits a phone's width.
                render: (r) => (
                  <>
                    <ActivityLink
                      a={{
                        eventId: r.kind === 'event' ? r.id : null,
                        eventTitle: r.title,
                        initiativeId: r.kind === 'initiative' ? r.id : null,
                        initiativeTitle: r.title,
                        activityTitle: r.title,
                      }}
                    />{' '}
                    <span className="tag">{m(`kind.${r.kind}`)}</span>
                  </>
                ),
              },
              { key: 'hours', header: m('summary_hours'), render: (r) => hours(r.hours) },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
