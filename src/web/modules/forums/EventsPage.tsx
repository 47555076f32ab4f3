import { Link } from 'react-router';
import { forumsApi as api } from '../../../common/forums/endpoints';
import { eventLink, eventNewLink } from '../../../common/forums/links';
import type { EventSummary } from '../../../common/forums/schemas';
import { useEndpoint } from '../../app/client';
import { LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { useForumWords, whenText } from './words';

/** The network's events; the organiser's own with their places and waiting list. */
export function EventsPage() {
  const w = useForumWords();
  const q = useEndpoint(api.list);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const places = (e: EventSummary) =>
    e.counts
      ? w.m('list.places', {
          taken: e.counts.confirmed + e.counts.attended,
          capacity: e.capacity,
          waiting: e.counts.waiting,
        })
      : '—';
  return (
    <div className="stack">
      <PageHeader
        title={w.m('list.title')}
        description={w.m('list.description')}
        actions={
          q.data.canCreate ? <LinkButton to={eventNewLink.href()}>{w.m('list.new')}</LinkButton> : undefined
        }
      />
      {q.data.items.length === 0 ? (
        <EmptyState title={w.m('list.empty')} />
      ) : (
        <DataTable
          stacked
          caption={w.m('list.title')}
          rows={q.data.items}
          rowKey={(e) => e.id}
          columns={[
            {
              key: 'title',
              header: w.m('field.title'),
              render: (e) => <Link to={eventLink.href({ id: e.id })}>{e.title}</Link>,
            },
            { key: 'kind', header: w.m('field.kind'), render: (e) => w.kind(e.kind) },
            { key: 'org', header: w.m('field.organiser'), render: (e) => e.organisation },
            { key: 'when', header: w.m('field.when'), render: (e) => whenText(w, e.startsAt, e.endsAt) },
            { key: 'status', header: w.m('field.status'), render: (e) => w.status(e.status) },
            { key: 'places', header: w.m('field.places'), render: places },
          ]}
        />
      )}
    </div>
  );
}
