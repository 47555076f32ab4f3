import { useState } from 'react';
import { useParams } from 'react-router';
import { teamsApi as api } from '../../../../common/accompaniment/teams-endpoints';
import { teamRequestNewLink, teamsLink } from '../../../../common/accompaniment/teams-links';
import { TEAM_PROFESSIONS, type TeamProfession } from '../../../../common/accompaniment/teams-rules';
import type { TeamDetail, TeamMember } from '../../../../common/accompaniment/teams-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, Select, TextField } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { professionsText, TeamForm } from './TeamsPage';
import { type TeamWords, useTeamWords } from './words';

/** A mobile team: what the network sees; members (and their management) for the team's organisation. */
export function TeamPage() {
  const { id = '' } = useParams();
  const w = useTeamWords();
  const canRequest = useCan('accompaniment.request');
  const q = useEndpoint(api.get, { params: { id } });
  const [editing, setEditing] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const t = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={w.name(t)}
        description={`${w.name(t.org)} (${t.org.country})`}
        actions={
          <>
            <LinkButton to={teamsLink.href()} variant="secondary">
              {w.m('team.back')}
            </LinkButton>
            {canRequest && !t.own && t.active && (
              <LinkButton to={teamRequestNewLink.href(undefined, {})}>{w.m('team.ask')}</LinkButton>
            )}
            {t.canManage && !editing && (
              <Button variant="secondary" onPress={() => setEditing(true)}>
                {w.m('team.edit')}
              </Button>
            )}
          </>
        }
      />
      {editing ? (
        <TeamForm
          w={w}
          teamId={id}
          initial={{
            nameFr: t.nameFr,
            nameNl: t.nameNl,
            description: t.description,
            languages: t.languages as never,
            regions: t.regions as never,
            active: t.active,
          }}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Card title={w.m('team.details')}>
          <Facts
            items={[
              [w.m('col.regions'), t.regions.map((r) => w.m(`region.${r}`)).join(', ')],
              [w.m('col.languages'), t.languages.map(w.lang).join(', ') || w.m('none')],
              [w.m('col.professions'), professionsText(w, t.professions)],
              [w.m('col.status'), w.m(t.active ? 'active' : 'inactive')],
            ]}
          />
          {t.description && <p className="pre-line">{t.description}</p>}
        </Card>
      )}
      <Members w={w} team={t} />
    </div>
  );
}

function Members({ w, team: t }: { w: TeamWords; team: TeamDetail }) {
  const remove = useEndpointMutation(api.removeMember, [api.get, api.list]);
  if (!t.own) return <p className="muted">{w.m('team.members_hidden')}</p>;
  return (
    <Card title={w.m('team.members')}>
      <ErrorAlert error={remove.error} />
      {t.members.length === 0 ? (
        <p>{w.m('team.no_members')}</p>
      ) : (
        <DataTable<TeamMember>
          stacked
          caption={w.m('team.members')}
          rows={t.members}
          rowKey={(m) => m.id}
          columns={[
            { key: 'name', header: w.m('team.member_name'), render: (m) => m.name },
            {
              key: 'profession',
              header: w.m('team.member_profession'),
              render: (m) => w.m(`profession.${m.profession}`),
            },
            {
              key: 'account',
              header: w.m('team.member_account'),
              render: (m) => w.m(m.hasAccount ? 'team.has_account' : 'team.no_account'),
            },
            ...(t.canManage
              ? [
                  {
                    key: 'remove',
                    header: '',
                    render: (m: TeamMember) => (
                      <Button
                        variant="ghost"
                        aria-label={`${w.m('team.remove')} ${m.name}`}
                        onPress={() => remove.mutate({ params: { id: t.id, memberId: m.id } })}
                      >
                        {w.m('team.remove')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {t.canManage && <AddMember w={w} team={t} />}
    </Card>
  );
}

function AddMember({ w, team: t }: { w: TeamWords; team: TeamDetail }) {
  const [account, setAccount] = useState<string>('none');
  const [name, setName] = useState('');
  const [profession, setProfession] = useState<TeamProfession>('psychologist');
  const add = useEndpointMutation(api.addMember, [api.get, api.list]);
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          {
            params: { id: t.id },
            body: {
              userId: account === 'none' ? null : account,
              displayName: account === 'none' ? name : null,
              profession,
            },
          },
          { onSuccess: () => setName('') },
        );
      }}
    >
      <ErrorAlert error={add.error} />
      <div className="grid-2">
        <Select
          label={w.m('team.member_account')}
          value={account}
          onChange={setAccount}
          options={[
            { id: 'none', label: w.m('team.member_account_none') },
            ...t.candidates.map((c) => ({ id: c.userId, label: c.name })),
          ]}
        />
        {account === 'none' && (
          <TextField label={w.m('team.member_display_name')} value={name} onChange={setName} />
        )}
        <Select
          label={w.m('team.member_profession')}
          value={profession}
          onChange={(p) => setProfession(p as TeamProfession)}
          options={w.options('profession', TEAM_PROFESSIONS)}
        />
      </div>
      <Button type="submit" isDisabled={add.isPending}>
        {w.m('team.add_member')}
      </Button>
    </Form>
  );
}
