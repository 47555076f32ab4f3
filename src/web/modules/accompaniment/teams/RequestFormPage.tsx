import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { teamRequestsApi as api, teamsApi } from '../../../../common/accompaniment/teams-endpoints';
import { teamRequestLink } from '../../../../common/accompaniment/teams-links';
import {
  REQUEST_FIELDS,
  REQUEST_NEEDS,
  REQUEST_URGENCIES,
} from '../../../../common/accompaniment/teams-rules';
import type { RequestInput } from '../../../../common/accompaniment/teams-schemas';
import { personsApi } from '../../../../common/people/endpoints';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { LanguagePicker } from './LanguagePicker';
import { type TeamWords, useTeamWords } from './words';

type Person = { id: string; firstName: string; lastName: string };

/**
 * A request to a mobile team: the team, the household (persons of the organisation's own caseload), the
 * field groups shared, needs, urgency, languages and a message; each person's consent shown before sending.
 */
export function RequestFormPage() {
  const w = useTeamWords();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const first = params.get('person');
  const teams = useEndpoint(teamsApi.list);
  const firstPerson = useEndpoint(personsApi.get, { params: { id: first ?? '' } }, { enabled: !!first });
  const [added, setAdded] = useState<Person[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [v, setV] = useState<Omit<RequestInput, 'personIds'>>({
    teamId: '',
    fields: ['identity', 'languages'],
    needs: [],
    urgency: 'normal',
    languages: [],
    message: '',
    overrideReason: '',
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const persons: Person[] = [
    ...(firstPerson.data && !removed.includes(firstPerson.data.id) ? [firstPerson.data] : []),
    ...added.filter((p) => p.id !== first && !removed.includes(p.id)),
  ];
  const ids = persons.map((p) => p.id);
  const preview = useEndpoint(
    api.preview,
    { query: { teamId: v.teamId, personIds: ids.join(','), fields: v.fields.join(',') } },
    { enabled: !!v.teamId && ids.length > 0 && v.fields.length > 0 },
  );
  const create = useEndpointMutation(api.create, [api.list]);
  if (teams.isPending) return <Loading />;
  if (teams.error) return <ErrorAlert error={teams.error} />;
  const choices = teams.data.items.filter((t) => !t.own && t.active);
  const missing = preview.data?.persons.some((p) => !p.consent || p.guardianGap) ?? false;
  return (
    <div className="stack">
      <PageHeader title={w.m('form.title')} description={w.m('form.description')} />
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              body: {
                ...v,
                personIds: ids,
                message: v.message?.trim() || null,
                overrideReason: v.overrideReason?.trim() || null,
              },
            },
            { onSuccess: (r) => navigate(teamRequestLink.href({ id: r.id })) },
          );
        }}
      >
        <ErrorAlert error={create.error} />
        <Card>
          <Select
            label={w.m('form.team')}
            value={v.teamId || null}
            onChange={(teamId) => set({ teamId })}
            options={choices.map((t) => ({ id: t.id, label: `${w.name(t)} — ${w.name(t.org)}` }))}
            isRequired
          />
        </Card>
        <Card title={w.m('form.persons')}>
          {persons.length === 0 && <p className="muted">{w.m('form.no_person')}</p>}
          <ul className="stack">
            {persons.map((p) => (
              <li key={p.id} className="row">
                <strong>
                  {p.firstName} {p.lastName}
                </strong>
                <Button variant="ghost" onPress={() => setRemoved((r) => [...r, p.id])}>
                  {w.m('form.remove')}
                </Button>
              </li>
            ))}
          </ul>
          <PersonSearch
            w={w}
            exclude={ids}
            onAdd={(p) => {
              setAdded((a) => [...a, p]);
              setRemoved((r) => r.filter((x) => x !== p.id));
            }}
          />
        </Card>
        <Card>
          <CheckboxGroup
            label={w.m('form.fields')}
            value={v.fields}
            onChange={(f) => set({ fields: f as RequestInput['fields'] })}
            options={w.options('field_group', REQUEST_FIELDS)}
          />
          <CheckboxGroup
            label={w.m('form.needs')}
            value={v.needs}
            onChange={(n) => set({ needs: n as RequestInput['needs'] })}
            options={w.options('need', REQUEST_NEEDS)}
          />
          <Select
            label={w.m('form.urgency')}
            value={v.urgency}
            onChange={(u) => set({ urgency: u as RequestInput['urgency'] })}
            options={w.options('urgency', REQUEST_URGENCIES)}
          />
          <LanguagePicker
            w={w}
            label={w.m('form.languages')}
            value={v.languages}
            onChange={(languages) => set({ languages: languages as RequestInput['languages'] })}
          />
          <TextArea
            label={w.m('form.message')}
            value={v.message ?? ''}
            onChange={(message) => set({ message })}
          />
        </Card>
        <Card title={w.m('form.consents')}>
          {!preview.data ? (
            <p className="muted">{w.m('form.consent_choose')}</p>
          ) : (
            <ul className="stack">
              {preview.data.persons.map((p) => (
                <li key={p.id}>
                  <Alert
                    tone={p.consent && !p.guardianGap ? 'success' : 'warning'}
                    title={`${p.firstName} ${p.lastName}`}
                  >
                    {p.consent
                      ? w.m('form.consent_ok', { date: w.day(p.consent.givenOn) })
                      : w.m('form.consent_missing')}
                    {p.guardianGap && <> · {w.m('form.guardian_gap')}</>}
                  </Alert>
                </li>
              ))}
            </ul>
          )}
          <ErrorAlert error={preview.error} />
          {missing && preview.data?.canOverride && (
            <TextField
              label={w.m('form.override_reason')}
              value={v.overrideReason ?? ''}
              onChange={(overrideReason) => set({ overrideReason })}
            />
          )}
        </Card>
        <Button type="submit" isDisabled={create.isPending || ids.length === 0 || !v.teamId}>
          {w.m('form.submit')}
        </Button>
      </Form>
    </div>
  );
}

/** Finds persons of the organisation's own caseload by name, to add to the household. */
function PersonSearch({
  w,
  exclude,
  onAdd,
}: {
  w: TeamWords;
  exclude: string[];
  onAdd: (p: Person) => void;
}) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useEndpoint(personsApi.list, { query: { q, pageSize: 10 } }, { enabled: q.length >= 2 });
  return (
    <div className="stack">
      <div className="row">
        <TextField label={w.m('form.search')} value={text} onChange={setText} />
        <Button variant="secondary" onPress={() => setQ(text.trim())}>
          {w.m('form.search_button')}
        </Button>
      </div>
      {found.data && (
        <ul className="stack">
          {found.data.items
            .filter((p) => !exclude.includes(p.id))
            .map((p) => (
              <li key={p.id} className="row">
                <span>
                  {p.firstName} {p.lastName}
                </span>
                <Button
                  variant="secondary"
                  aria-label={`${w.m('form.add')} ${p.firstName} ${p.lastName}`}
                  onPress={() => onAdd({ id: p.id, firstName: p.firstName, lastName: p.lastName })}
                >
                  {w.m('form.add')}
                </Button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
