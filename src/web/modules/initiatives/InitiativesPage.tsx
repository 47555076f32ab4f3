import { useState } from 'react';
import { Link } from 'react-router';
import { initiativesApi as api } from '../../../common/initiatives/endpoints';
import { initiativeLink, initiativeNewLink } from '../../../common/initiatives/links';
import type { InitiativeStatus, InitiativeSummary } from '../../../common/initiatives/schemas';
import { useEndpoint } from '../../app/client';
import { LinkButton } from '../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Select } from '../../app/ui/fields';
import { Card, PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { CrossBorderBadge, StatusBadge } from './Badges';
import { InitiativeMap } from './InitiativeMap';
import { useInitiativeWords } from './words';

/** The network's initiatives: filters (status, municipality, cross-border) and a map by municipality. */
export function InitiativesPage() {
  const w = useInitiativeWords();
  const [status, setStatus] = useState<InitiativeStatus | ''>('');
  const [crossBorder, setCrossBorder] = useState<'' | 'yes' | 'no'>('');
  const [municipality, setMunicipality] = useState<string | undefined>();
  const q = useEndpoint(api.list, {
    query: {
      ...(status ? { status } : {}),
      ...(crossBorder ? { crossBorder: crossBorder === 'yes' } : {}),
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const municipalities = new Map<string, string>();
  for (const i of q.data.items) for (const t of i.territories) municipalities.set(t.code, t.name);
  const rows = q.data.items.filter(
    (i) => !municipality || i.territories.some((t) => t.code === municipality),
  );
  return (
    <div className="stack">
      <PageHeader
        title={w.m('list.title')}
        description={w.m('list.description')}
        actions={
          q.data.canCreate ? (
            <LinkButton to={initiativeNewLink.href()}>{w.m('list.new')}</LinkButton>
          ) : undefined
        }
      />
      <div className="row">
        <Select
          label={w.m('field.status')}
          value={status}
          onChange={(v) => setStatus(v as InitiativeStatus | '')}
          options={[{ id: '', label: w.m('filter.all') }, ...w.statusOptions()]}
        />
        <Select
          label={w.m('field.municipality')}
          value={municipality ?? ''}
          onChange={(v) => setMunicipality(v || undefined)}
          options={[
            { id: '', label: w.m('filter.all') },
            ...[...municipalities]
              .map(([id, label]) => ({ id, label }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
        <Select
          label={w.m('field.cross_border')}
          value={crossBorder}
          onChange={(v) => setCrossBorder(v as '' | 'yes' | 'no')}
          options={[
            { id: '', label: w.m('filter.all') },
            { id: 'yes', label: w.m('filter.cross_border_only') },
            { id: 'no', label: w.m('filter.local_only') },
          ]}
        />
      </div>
      <Card title={w.m('map.title')}>
        <InitiativeMap items={q.data.items} selected={municipality} onSelect={setMunicipality} />
      </Card>
      {rows.length === 0 ? (
        <EmptyState title={w.m('list.empty')} />
      ) : (
        <DataTable
          stacked
          caption={w.m('list.title')}
          rows={rows}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'title',
              header: w.m('field.title'),
              render: (i: InitiativeSummary) => (
                <>
                  <Link to={initiativeLink.href({ id: i.id })}>{i.title}</Link>{' '}
                  <CrossBorderBadge crossBorder={i.crossBorder} />
                </>
              ),
            },
            { key: 'lead', header: w.m('field.lead'), render: (i) => i.lead.name },
            {
              key: 'places',
              header: w.m('field.municipalities'),
              render: (i) => i.territories.map((t) => t.name).join(', ') || '—',
            },
            { key: 'status', header: w.m('field.status'), render: (i) => <StatusBadge status={i.status} /> },
            {
              key: 'published',
              header: w.m('field.published'),
              render: (i) => w.m(i.published ? 'yes' : 'no'),
            },
          ]}
        />
      )}
    </div>
  );
}
