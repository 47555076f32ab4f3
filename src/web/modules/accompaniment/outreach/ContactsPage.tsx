import { useState } from 'react';
import { Link } from 'react-router';
import { outreachApi as api } from '../../../../common/accompaniment/outreach-endpoints';
import { contactLink, contactNewLink } from '../../../../common/accompaniment/outreach-links';
import type { Contact } from '../../../../common/accompaniment/outreach-schemas';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useOutreachWords } from './words';

/** The organisation's outreach log, with the persons reached counted without double counting. */
export function ContactsPage() {
  const w = useOutreachWords();
  const [linked, setLinked] = useState<'' | 'yes' | 'no'>('');
  const q = useEndpoint(api.list, { query: linked ? { linked: linked === 'yes' } : {} });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <div className="stack">
      <PageHeader
        title={w.m('list.title')}
        description={w.m('list.reached', { count: q.data.reached })}
        actions={<LinkButton to={contactNewLink.href()}>{w.m('list.new')}</LinkButton>}
      />
      <Select
        label={w.m('field.linked')}
        value={linked}
        onChange={(v) => setLinked(v as '' | 'yes' | 'no')}
        options={[
          { id: '', label: w.m('filter.all') },
          { id: 'yes', label: w.m('filter.linked') },
          { id: 'no', label: w.m('filter.unlinked') },
        ]}
      />
      {q.data.items.length === 0 ? (
        <EmptyState title={w.m('list.empty')} />
      ) : (
        <DataTable
          stacked
          caption={w.m('list.title')}
          rows={q.data.items}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'date',
              header: w.m('field.date'),
              render: (c: Contact) => <Link to={contactLink.href({ id: c.id })}>{w.day(c.contactOn)}</Link>,
            },
            { key: 'place', header: w.m('field.place'), render: (c) => c.place },
            { key: 'pseudonym', header: w.m('field.pseudonym'), render: (c) => c.pseudonym ?? '—' },
            {
              key: 'language',
              header: w.m('field.language'),
              render: (c) => (c.language ? w.language(c.language) : '—'),
            },
            {
              key: 'needs',
              header: w.m('field.needs'),
              render: (c) => c.needs.map((n) => w.m(`need.${n}`)).join(', ') || '—',
            },
            {
              key: 'linked',
              header: w.m('field.linked'),
              render: (c) =>
                c.person ? `${c.person.name} (${c.person.participantCode})` : w.m('filter.unlinked'),
            },
          ]}
        />
      )}
    </div>
  );
}
