import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { teamsApi as api } from '../../../../common/accompaniment/teams-endpoints';
import { teamLink, teamRequestsLink } from '../../../../common/accompaniment/teams-links';
import { TEAM_PROFESSIONS, TEAM_REGIONS } from '../../../../common/accompaniment/teams-rules';
import type { TeamInput, TeamSummary } from '../../../../common/accompaniment/teams-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox, CheckboxGroup, Form, TextArea, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { LanguagePicker } from './LanguagePicker';
import { type TeamWords, useTeamWords } from './words';

/** The professions of a team, counted (what the network sees to choose a team). */
export function professionsText(w: TeamWords, professions: Record<string, number>) {
  return (
    TEAM_PROFESSIONS.filter((p) => professions[p])
      .map((p) => `${w.m(`profession.${p}`)} ${professions[p]}`)
      .join(', ') || w.m('none')
  );
}

/** The network's mobile teams; a new team for those who manage their organisation's. */
export function TeamsPage() {
  const w = useTeamWords();
  const manage = useCan('accompaniment.manage');
  const q = useEndpoint(api.list);
  const [creating, setCreating] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <div className="stack">
      <PageHeader
        title={w.m('directory.title')}
        description={w.m('directory.description')}
        actions={
          <>
            <LinkButton to={teamRequestsLink.href()} variant="secondary">
              {w.m('directory.requests')}
            </LinkButton>
            {manage && !creating && <Button onPress={() => setCreating(true)}>{w.m('directory.new')}</Button>}
          </>
        }
      />
      {creating && <TeamForm w={w} onDone={() => setCreating(false)} />}
      {q.data.items.length === 0 ? (
        <EmptyState title={w.m('directory.empty')} />
      ) : (
        <DataTable<TeamSummary>
          stacked
          caption={w.m('directory.title')}
          rows={q.data.items}
          rowKey={(t) => t.id}
          columns={[
            {
              key: 'team',
              header: w.m('col.team'),
              render: (t) => <Link to={teamLink.href({ id: t.id })}>{w.name(t)}</Link>,
            },
            { key: 'org', header: w.m('col.org'), render: (t) => `${w.name(t.org)} (${t.org.country})` },
            {
              key: 'regions',
              header: w.m('col.regions'),
              render: (t) => t.regions.map((r) => w.m(`region.${r}`)).join(', '),
            },
            {
              key: 'professions',
              header: w.m('col.professions'),
              render: (t) => professionsText(w, t.professions),
            },
            {
              key: 'languages',
              header: w.m('col.languages'),
              render: (t) => t.languages.map(w.lang).join(', ') || w.m('none'),
            },
            {
              key: 'status',
              header: w.m('col.status'),
              render: (t) => w.m(t.active ? 'active' : 'inactive'),
            },
          ]}
        />
      )}
    </div>
  );
}

export const emptyTeam = (): TeamInput => ({
  nameFr: '',
  nameNl: '',
  description: '',
  languages: ['fra'],
  regions: [],
  active: true,
});

/** A team's name, description, languages, areas and whether it receives requests. */
export function TeamForm({
  w,
  initial,
  teamId,
  onDone,
}: {
  w: TeamWords;
  initial?: TeamInput;
  teamId?: string;
  onDone: () => void;
}) {
  const navigate = useNavigate();
  const [v, setV] = useState<TeamInput>(initial ?? emptyTeam());
  const create = useEndpointMutation(api.create, [api.list]);
  const update = useEndpointMutation(api.update, [api.list, api.get]);
  const set = (patch: Partial<TeamInput>) => setV((x) => ({ ...x, ...patch }));
  const submit = () => {
    const body = { ...v, description: v.description?.trim() || null };
    if (teamId) update.mutate({ params: { id: teamId }, body }, { onSuccess: onDone });
    else create.mutate({ body }, { onSuccess: (r) => navigate(teamLink.href({ id: r.id })) });
  };
  return (
    <Card title={w.m(teamId ? 'team.edit' : 'directory.new')}>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ErrorAlert error={create.error ?? update.error} />
        <TextField
          label={w.m('team.name_fr')}
          value={v.nameFr}
          onChange={(x) => set({ nameFr: x })}
          isRequired
        />
        <TextField
          label={w.m('team.name_nl')}
          value={v.nameNl}
          onChange={(x) => set({ nameNl: x })}
          isRequired
        />
        <TextArea
          label={w.m('team.description')}
          value={v.description ?? ''}
          onChange={(x) => set({ description: x })}
        />
        <LanguagePicker
          w={w}
          label={w.m('team.languages')}
          value={v.languages}
          onChange={(languages) => set({ languages: languages as TeamInput['languages'] })}
        />
        <CheckboxGroup
          label={w.m('team.regions')}
          value={v.regions}
          onChange={(r) => set({ regions: r as TeamInput['regions'] })}
          options={w.options('region', TEAM_REGIONS)}
        />
        <Checkbox isSelected={v.active} onChange={(active) => set({ active })}>
          {w.m('team.active')}
        </Checkbox>
        <div className="row">
          <Button type="submit" isDisabled={create.isPending || update.isPending}>
            {w.m(teamId ? 'team.save' : 'team.create')}
          </Button>
          <Button variant="secondary" onPress={onDone}>
            {w.m('page.cancel_edit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
