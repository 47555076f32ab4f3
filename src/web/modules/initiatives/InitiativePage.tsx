import { Link, useParams } from 'react-router';
import { eventLink } from '../../../common/forums/links';
import { localized } from '../../../common/i18n/locales';
import { initiativesApi as api } from '../../../common/initiatives/endpoints';
import { initiativeEditLink, initiativesLink, publicInitiativeLink } from '../../../common/initiatives/links';
import type { InitiativeDetail } from '../../../common/initiatives/schemas';
import { useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { CrossBorderBadge, StatusBadge } from './Badges';
import { Results } from './Results';
import { type InitiativeWords, useInitiativeWords } from './words';

/** An initiative for the network: partners, places, results, volunteers; the lead's actions. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const w = useInitiativeWords();
  const { language } = useLanguage();
  const q = useEndpoint(api.get, { params: { id } });
  const transition = useEndpointMutation(api.transition, [api.get, api.list]);
  const publish = useEndpointMutation(api.publish, [api.get, api.list]);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const i = q.data;
  const move = (action: string) => {
    if (action === 'abandon' && !window.confirm(w.m('page.abandon_confirm'))) return;
    transition.mutate({ params: { id }, body: { action } });
  };
  const org = (o: InitiativeDetail['lead']) => `${o.name} (${o.country})`;
  return (
    <div className="stack">
      <PageHeader
        title={localized(language, i.titleFr, i.titleNl)}
        description={
          <>
            <StatusBadge status={i.status} /> <CrossBorderBadge crossBorder={i.crossBorder} />
          </>
        }
        actions={
          <>
            <LinkButton to={initiativesLink.href()} variant="secondary">
              {w.m('page.back')}
            </LinkButton>
            {i.published && <Link to={publicInitiativeLink.href({ id })}>{w.m('page.public_page')}</Link>}
            {i.canEdit && i.status !== 'abandoned' && (
              <LinkButton to={initiativeEditLink.href({ id })} variant="secondary">
                {w.m('page.edit')}
              </LinkButton>
            )}
            {i.actions.map((a) => (
              <Button
                key={`${a.action}-${a.to}`}
                variant={a.action === 'abandon' ? 'danger' : 'primary'}
                onPress={() => move(a.action)}
              >
                {w.action(a.action)}
              </Button>
            ))}
            {i.canEdit && i.status !== 'abandoned' && (
              <Button
                variant="secondary"
                onPress={() => publish.mutate({ params: { id }, body: { published: !i.published } })}
              >
                {w.m(i.published ? 'page.unpublish' : 'page.publish')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={transition.error ?? publish.error} />
      <Card title={w.m('page.details')}>
        <Facts
          items={[
            [w.m('field.lead'), org(i.lead)],
            [w.m('field.partners'), i.partners.map(org).join(', ') || '—'],
            [w.m('field.municipalities'), i.territories.map((t) => t.name).join(', ') || '—'],
            [w.m('field.target_public'), i.targetPublic ?? '—'],
            [w.m('field.started_on'), i.startedOn ? w.day(i.startedOn) : '—'],
            [w.m('field.ended_on'), i.endedOn ? w.day(i.endedOn) : '—'],
            [w.m('field.published'), w.m(i.published ? 'yes' : 'no')],
            [
              w.m('field.proposal'),
              i.proposal ? (
                <Link key="proposal" to={eventLink.href({ id: i.proposal.eventId })}>
                  {i.proposal.title}
                </Link>
              ) : (
                '—'
              ),
            ],
          ]}
        />
        {i.descriptionFr && (
          <p className="pre-line" lang="fr">
            {i.descriptionFr}
          </p>
        )}
        {i.descriptionNl && (
          <p className="pre-line" lang="nl">
            {i.descriptionNl}
          </p>
        )}
      </Card>
      <Results initiative={i} />
      <Volunteers w={w} initiative={i} />
    </div>
  );
}

function Volunteers({ w, initiative: i }: { w: InitiativeWords; initiative: InitiativeDetail }) {
  return (
    <Card title={w.m('volunteers.title')}>
      <p>
        {w.m('volunteers.totals', {
          volunteers: i.volunteerTotals.volunteers,
          hours: i.volunteerTotals.hours,
        })}
      </p>
      {i.assignments.length > 0 && (
        <DataTable
          stacked
          caption={w.m('volunteers.title')}
          rows={i.assignments}
          rowKey={(a) => a.id}
          columns={[
            { key: 'name', header: w.m('volunteers.name'), render: (a) => a.volunteerName },
            { key: 'org', header: w.m('volunteers.organisation'), render: (a) => a.organisation },
            { key: 'on', header: w.m('volunteers.on'), render: (a) => w.day(a.assignedOn) },
            { key: 'hours', header: w.m('volunteers.hours'), render: (a) => w.number(a.hours) },
          ]}
        />
      )}
      <p className="muted">{w.m('volunteers.hint')}</p>
    </Card>
  );
}
