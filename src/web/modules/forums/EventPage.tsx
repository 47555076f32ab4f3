import { Link, useParams } from 'react-router';
import { forumsApi as api } from '../../../common/forums/endpoints';
import { eventEditLink, eventsLink, publicEventLink } from '../../../common/forums/links';
import type { EventDetail, RegistrationView } from '../../../common/forums/schemas';
import { localized } from '../../../common/i18n/locales';
import { useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { type ForumWords, useForumWords, whenText } from './words';

/** An event: its details for the network; for the organiser, its places and registrations, and its actions. */
export function EventPage() {
  const { id = '' } = useParams();
  const w = useForumWords();
  const { language } = useLanguage();
  const q = useEndpoint(api.get, { params: { id } });
  const transition = useEndpointMutation(api.transition, [api.get, api.list]);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const move = (to: 'published' | 'cancelled') => {
    if (to === 'cancelled' && !window.confirm(w.m('event.cancel_confirm'))) return;
    transition.mutate({ params: { id }, body: { to } });
  };
  return (
    <div className="stack">
      <PageHeader
        title={localized(language, e.titleFr, e.titleNl)}
        description={`${w.kind(e.kind)} · ${e.organisation} · ${w.status(e.status)}`}
        actions={
          <>
            <LinkButton to={eventsLink.href()} variant="secondary">
              {w.m('event.back')}
            </LinkButton>
            {e.status !== 'draft' && (
              <Link to={publicEventLink.href({ id })}>{w.m('event.public_page')}</Link>
            )}
            {e.canEdit && e.status !== 'cancelled' && (
              <LinkButton to={eventEditLink.href({ id })} variant="secondary">
                {w.m('event.edit')}
              </LinkButton>
            )}
            {e.canEdit && e.status === 'draft' && (
              <Button onPress={() => move('published')}>{w.m('event.publish')}</Button>
            )}
            {e.canEdit && e.status !== 'cancelled' && (
              <Button variant="danger" onPress={() => move('cancelled')}>
                {w.m('event.cancel')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={transition.error} />
      <Card title={w.m('event.details')}>
        <Facts
          items={[
            [w.m('field.when'), whenText(w, e.startsAt, e.endsAt)],
            [w.m('field.place'), e.venue ?? e.onlineUrl ?? ''],
            [w.m('field.languages'), e.languages.map(w.languageName).join(', ')],
            [w.m('field.interpreting'), w.m(e.interpreting ? 'yes' : 'no')],
            [w.m('field.audiences'), e.audiences.map(w.audience).join(', ')],
            [w.m('field.partners'), e.partners.map((p) => p.name).join(', ') || '—'],
            [w.m('field.capacity'), String(e.capacity)],
          ]}
        />
      </Card>
      {e.canEdit && e.counts && <Registrations w={w} event={e} />}
    </div>
  );
}

function Registrations({ w, event }: { w: ForumWords; event: EventDetail }) {
  const c = event.counts!;
  const by = (...s: RegistrationView['status'][]) => event.registrations.filter((r) => s.includes(r.status));
  const columns = [
    { key: 'name', header: w.m('field.name'), render: (r: RegistrationView) => r.name },
    { key: 'email', header: w.m('field.email'), render: (r: RegistrationView) => r.email },
    { key: 'org', header: w.m('field.organisation'), render: (r: RegistrationView) => r.organisation ?? '' },
    {
      key: 'language',
      header: w.m('field.language'),
      render: (r: RegistrationView) => w.languageName(r.language),
    },
    {
      key: 'needs',
      header: w.m('field.accessibility'),
      render: (r: RegistrationView) => r.accessibilityNeeds ?? '',
    },
    {
      key: 'status',
      header: w.m('field.status'),
      render: (r: RegistrationView) => w.registrationStatus(r.status),
    },
  ];
  const waiting = by('waiting');
  return (
    <>
      <p>
        {w.m('event.counts', {
          taken: c.confirmed + c.attended,
          capacity: event.capacity,
          waiting: c.waiting,
          cancelled: c.cancelled,
        })}
      </p>
      <Card title={w.m('event.confirmed')}>
        <DataTable
          caption={w.m('event.confirmed')}
          rows={by('confirmed', 'attended')}
          rowKey={(r) => r.id}
          columns={columns}
        />
      </Card>
      <Card title={w.m('event.waiting')}>
        {waiting.length === 0 ? (
          <p>{w.m('event.no_waiting')}</p>
        ) : (
          <DataTable
            caption={w.m('event.waiting')}
            rows={waiting}
            rowKey={(r) => r.id}
            columns={[
              { key: 'rank', header: w.m('field.rank'), render: (r) => String(waiting.indexOf(r) + 1) },
              ...columns.slice(0, 5),
            ]}
          />
        )}
      </Card>
      {c.cancelled > 0 && (
        <Card title={w.m('event.cancelled')}>
          <DataTable
            caption={w.m('event.cancelled')}
            rows={by('cancelled')}
            rowKey={(r) => r.id}
            columns={columns.slice(0, 3)}
          />
        </Card>
      )}
    </>
  );
}
