import { useState } from 'react';
import { checkInOpen, matchesSearch } from '../../../common/forums/attendance-rules';
import { forumsApi as api, attendanceApi } from '../../../common/forums/endpoints';
import { eventCheckInLink } from '../../../common/forums/links';
import type { EventDetail, RegistrationView } from '../../../common/forums/schemas';
import { useEndpointMutation } from '../../app/client';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { SearchField } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';
import { type Column, DataTable } from '../../app/ui/Table';
import { SheetButton } from './SheetButton';
import type { ForumWords } from './words';
import './checkin.css';

/**
 * The organiser's registrations on the event page (migration 0050): confirmed, waiting list in order and
 * cancelled, filtered by a search on name, e-mail or organisation; for each, present / undo once check-in
 * is open, and cancelling for the person (the waiting list moves up as with their own link). The name and
 * the actions come first, so that a phone shows them without scrolling sideways.
 */
export function RegistrationsPanel({ w, event }: { w: ForumWords; event: EventDetail }) {
  const c = event.counts!;
  const [q, setQ] = useState('');
  const refresh = [api.get, api.list, attendanceApi.checkIn];
  const attendance = useEndpointMutation(attendanceApi.attendance, refresh);
  const cancel = useEndpointMutation(attendanceApi.cancel, refresh);
  const open = checkInOpen(event, new Date());
  const live = event.status !== 'cancelled';
  const shown = event.registrations.filter((r) => matchesSearch(r, q));
  const by = (...s: RegistrationView['status'][]) => shown.filter((r) => s.includes(r.status));
  const params = (r: RegistrationView) => ({ id: event.id, registrationId: r.id });
  const cancelFor = (r: RegistrationView) => {
    if (!window.confirm(w.m('manage.cancel_confirm', { name: r.name }))) return;
    cancel.mutate({ params: params(r) });
  };

  const actions = (r: RegistrationView) => (
    <div className="row registration-actions">
      {open && r.status === 'confirmed' && (
        <Button
          aria-label={w.m('checkin.present_for', { name: r.name })}
          onPress={() => attendance.mutate({ params: params(r), body: { present: true } })}
        >
          {w.m('checkin.present')}
        </Button>
      )}
      {open && r.status === 'attended' && (
        <Button
          variant="secondary"
          aria-label={w.m('checkin.undo_for', { name: r.name })}
          onPress={() => attendance.mutate({ params: params(r), body: { present: false } })}
        >
          {w.m('checkin.undo')}
        </Button>
      )}
      {live && (r.status === 'confirmed' || r.status === 'waiting') && (
        <Button
          variant="ghost"
          aria-label={w.m('manage.cancel_for', { name: r.name })}
          onPress={() => cancelFor(r)}
        >
          {w.m('manage.cancel')}
        </Button>
      )}
    </div>
  );
  const columns: Column<RegistrationView>[] = [
    { key: 'name', header: w.m('field.name'), render: (r) => r.name },
    { key: 'actions', header: w.m('manage.actions'), render: actions },
    { key: 'status', header: w.m('field.status'), render: (r) => w.registrationStatus(r.status) },
    { key: 'org', header: w.m('field.organisation'), render: (r) => r.organisation ?? '' },
    { key: 'email', header: w.m('field.email'), render: (r) => r.email },
    { key: 'language', header: w.m('field.language'), render: (r) => w.languageName(r.language) },
    { key: 'needs', header: w.m('field.accessibility'), render: (r) => r.accessibilityNeeds ?? '' },
  ];
  // The waiting list keeps its rank among all who wait, whatever the search shows.
  const allWaiting = event.registrations.filter((r) => r.status === 'waiting');
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
      <div className="row no-print">
        {live && event.status === 'published' && (
          <LinkButton to={eventCheckInLink.href({ id: event.id })}>{w.m('checkin.link')}</LinkButton>
        )}
        <SheetButton w={w} eventId={event.id} />
      </div>
      <SearchField label={w.m('checkin.search')} value={q} onChange={setQ} />
      <ErrorAlert error={attendance.error ?? cancel.error} />
      <Card title={w.m('event.confirmed')}>
        <DataTable
          stacked
          caption={w.m('event.confirmed')}
          rows={by('confirmed', 'attended')}
          rowKey={(r) => r.id}
          columns={columns}
        />
      </Card>
      <Card title={w.m('event.waiting')}>
        {allWaiting.length === 0 ? (
          <p>{w.m('event.no_waiting')}</p>
        ) : (
          <DataTable
            stacked
            caption={w.m('event.waiting')}
            rows={waiting}
            rowKey={(r) => r.id}
            columns={[
              { key: 'rank', header: w.m('field.rank'), render: (r) => String(allWaiting.indexOf(r) + 1) },
              ...columns.filter((x) => x.key !== 'status'),
            ]}
          />
        )}
      </Card>
      {c.cancelled > 0 && (
        <Card title={w.m('event.cancelled')}>
          <DataTable
            stacked
            caption={w.m('event.cancelled')}
            rows={by('cancelled')}
            rowKey={(r) => r.id}
            columns={columns.filter((x) => ['name', 'org', 'email'].includes(x.key))}
          />
        </Card>
      )}
    </>
  );
}
