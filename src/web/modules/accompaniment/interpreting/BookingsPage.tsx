import { Link, useLocation, useNavigate } from 'react-router';
import { interpretingApi as api } from '../../../../common/accompaniment/interpreting-endpoints';
import {
  bookingLink,
  bookingNewLink,
  bookingsLink,
} from '../../../../common/accompaniment/interpreting-links';
import type { BookingSummary } from '../../../../common/accompaniment/interpreting-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useInterpretingWords } from './words';

/** Bookings: the organisation's own, or those addressed to it as an interpreting provider. */
export function BookingsPage() {
  const w = useInterpretingWords();
  const location = useLocation();
  const navigate = useNavigate();
  const canBook = useCan('interpreting.book');
  const asked = bookingsLink.read(location.search).view;
  const view = asked === 'provider' || asked === 'mine' ? asked : canBook ? 'mine' : 'provider';
  const q = useEndpoint(api.list, { query: { view } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const both = q.data.canBook && q.data.canProvide;
  return (
    <div className="stack">
      <PageHeader
        title={w.m('list.title')}
        description={w.m('hub.description')}
        actions={
          q.data.canBook ? <LinkButton to={bookingNewLink.href()}>{w.m('list.new')}</LinkButton> : undefined
        }
      />
      {both && (
        <Select
          label={w.m('field.booker')}
          labelHidden
          value={view}
          onChange={(v) => navigate(bookingsLink.href(undefined, { view: v }))}
          options={[
            { id: 'mine', label: w.m('list.mine') },
            { id: 'provider', label: w.m('list.provider') },
          ]}
        />
      )}
      {q.data.items.length === 0 ? (
        <EmptyState title={w.m('list.empty')} />
      ) : (
        <DataTable
          stacked
          caption={w.m(view === 'provider' ? 'list.provider' : 'list.mine')}
          rows={q.data.items}
          rowKey={(b) => b.id}
          columns={[
            {
              key: 'slot',
              header: w.m('field.slot'),
              render: (b: BookingSummary) => (
                <Link to={bookingLink.href({ id: b.id })}>{w.slot(b.startsAt, b.endsAt)}</Link>
              ),
            },
            {
              key: 'language',
              header: w.m('field.language'),
              render: (b) => `${w.language(b.language)}${b.dialect ? ` – ${b.dialect}` : ''}`,
            },
            { key: 'modality', header: w.m('field.modality'), render: (b) => w.m(`modality.${b.modality}`) },
            {
              key: 'other',
              header: w.m(view === 'provider' ? 'field.booker' : 'field.provider'),
              render: (b) => (view === 'provider' ? b.booker.name : b.provider),
            },
            { key: 'status', header: w.m('field.status'), render: (b) => w.m(`status.${b.status}`) },
            { key: 'interpreter', header: w.m('field.interpreter'), render: (b) => b.interpreterName ?? '—' },
          ]}
        />
      )}
    </div>
  );
}
