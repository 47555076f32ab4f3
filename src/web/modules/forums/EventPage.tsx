import { Link, useParams } from 'react-router';
import { forumsApi as api } from '../../../common/forums/endpoints';
import { eventEditLink, eventsLink, publicEventLink } from '../../../common/forums/links';
import { localized } from '../../../common/i18n/locales';
import { useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { EventProposals } from '../initiatives';
import { FeedbackSection } from './feedback/FeedbackSection';
import { RegistrationsPanel } from './RegistrationsPanel';
import { useForumWords, whenText } from './words';

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
            ...(e.trainers?.length
              ? [[w.m('field.trainers'), e.trainers.map((t) => t.name).join(' · ')] as [string, string]]
              : []),
            [w.m('field.languages'), e.languages.map(w.languageName).join(', ')],
            [w.m('field.interpreting'), w.m(e.interpreting ? 'yes' : 'no')],
            [w.m('field.audiences'), e.audiences.map(w.audience).join(', ')],
            [w.m('field.partners'), e.partners.map((p) => p.name).join(', ') || '—'],
            [w.m('field.capacity'), String(e.capacity)],
          ]}
        />
      </Card>
      {e.canEdit && e.counts && <RegistrationsPanel w={w} event={e} />}
      <FeedbackSection event={e} />
      <EventProposals eventId={e.id} />
    </div>
  );
}
