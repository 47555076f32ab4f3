import { useState } from 'react';
import { Link } from 'react-router';
import { experimentationsApi as api } from '../../../../common/accompaniment/experimentations-endpoints';
import {
  deliverablesLink,
  experimentationLink,
  experimentationNewLink,
} from '../../../../common/accompaniment/experimentations-links';
import type {
  ExperimentationQuery,
  ExperimentationSummary,
} from '../../../../common/accompaniment/experimentations-schemas';
import { useEndpoint } from '../../../app/client';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { useExperimentationWords } from './words';

/** The network's experimentations, filtered by side, status and theme; stacked on a phone. */
export function ExperimentationsPage() {
  const w = useExperimentationWords();
  const [side, setSide] = useState('');
  const [status, setStatus] = useState('');
  const [theme, setTheme] = useState('');
  const query = {
    ...(side ? { side } : {}),
    ...(status ? { status } : {}),
    ...(theme ? { theme } : {}),
  } as ExperimentationQuery;
  const q = useEndpoint(api.list, { query });
  const all = { id: '', label: w.m('filter.all') };
  return (
    <div className="stack">
      <PageHeader
        title={w.m('list.title')}
        description={w.m('list.description')}
        actions={
          <>
            <LinkButton to={deliverablesLink.href()} variant="secondary">
              {w.m('deliverables.title')}
            </LinkButton>
            {q.data?.canCreate && (
              <LinkButton to={experimentationNewLink.href()}>{w.m('list.new')}</LinkButton>
            )}
          </>
        }
      />
      <div className="row">
        <Select
          label={w.m('field.side')}
          value={side}
          onChange={setSide}
          options={[all, ...w.sideOptions()]}
        />
        <Select
          label={w.m('field.status')}
          value={status}
          onChange={setStatus}
          options={[all, ...w.statusOptions()]}
        />
        <Select
          label={w.m('field.theme')}
          value={theme}
          onChange={setTheme}
          options={[all, ...w.themeOptions()]}
        />
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
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
              render: (e: ExperimentationSummary) => (
                <Link to={experimentationLink.href({ id: e.id })}>{e.title}</Link>
              ),
            },
            { key: 'side', header: w.m('field.side'), render: (e) => w.side(e.side) },
            { key: 'lead', header: w.m('field.lead'), render: (e) => e.lead.name },
            { key: 'theme', header: w.m('field.theme'), render: (e) => w.theme(e.theme) },
            { key: 'period', header: w.m('field.period'), render: (e) => w.period(e.startsOn, e.endsOn) },
            {
              key: 'participants',
              header: w.m('field.participants'),
              render: (e) => String(e.participants.total),
            },
            { key: 'status', header: w.m('field.status'), render: (e) => w.status(e.status) },
            { key: 'transfers', header: w.m('field.transfers'), render: (e) => String(e.transfers) },
          ]}
        />
      )}
    </div>
  );
}
