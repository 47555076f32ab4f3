import { useState } from 'react';
import { Link } from 'react-router';
import { teamRequestsApi as api } from '../../../../common/accompaniment/teams-endpoints';
import { teamRequestLink, teamsLink } from '../../../../common/accompaniment/teams-links';
import type { RequestSummary } from '../../../../common/accompaniment/teams-schemas';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useTeamWords } from './words';

/** Requests received by the organisation's teams, or sent by the organisation. */
export function RequestsPage() {
  const w = useTeamWords();
  const [box, setBox] = useState<'received' | 'sent'>('received');
  const q = useEndpoint(api.list, { query: { box } });
  return (
    <div className="stack">
      <PageHeader
        title={w.m('requests.title')}
        description={w.m('requests.description')}
        actions={
          <LinkButton to={teamsLink.href()} variant="secondary">
            {w.m('directory.title')}
          </LinkButton>
        }
      />
      <Select
        label={w.m('requests.title')}
        labelHidden
        value={box}
        onChange={(b) => setBox(b as 'received' | 'sent')}
        options={[
          { id: 'received', label: w.m('requests.received') },
          { id: 'sent', label: w.m('requests.sent') },
        ]}
      />
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={w.m('requests.empty')} />
      ) : (
        <DataTable<RequestSummary>
          stacked
          caption={w.m(box === 'sent' ? 'requests.sent' : 'requests.received')}
          rows={q.data.items}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'date',
              header: w.m('requests.col.date'),
              render: (r) => <Link to={teamRequestLink.href({ id: r.id })}>{w.day(r.createdAt)}</Link>,
            },
            { key: 'team', header: w.m('requests.col.team'), render: (r) => w.name(r.team) },
            { key: 'requester', header: w.m('requests.col.requester'), render: (r) => w.name(r.requester) },
            { key: 'persons', header: w.m('requests.col.persons'), render: (r) => r.personCount },
            {
              key: 'urgency',
              header: w.m('requests.col.urgency'),
              render: (r) => w.m(`urgency.${r.urgency}`),
            },
            {
              key: 'status',
              header: w.m('requests.col.status'),
              render: (r) => w.m(`requests.status.${r.status}`),
            },
          ]}
        />
      )}
    </div>
  );
}
