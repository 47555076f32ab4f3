import type { ReactNode } from 'react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { teamRequestsApi as api } from '../../../../common/accompaniment/teams-endpoints';
import { teamRequestsLink } from '../../../../common/accompaniment/teams-links';
import type { InterventionView, RequestDetail } from '../../../../common/accompaniment/teams-schemas';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { SharedNewcomerFacts } from '../records/SharedNewcomerFacts';
import { InterventionForm } from './InterventionForm';
import { type TeamWords, useTeamWords } from './words';

/** A person of the request: the requester's own name, or what the grants let the team see. */
export function personLabel(w: TeamWords, r: RequestDetail, id: string) {
  const i = r.persons.findIndex((p) => p.id === id);
  const p = r.persons[i];
  const first = p?.firstName ?? p?.shared?.firstName;
  const last = p?.lastName ?? p?.shared?.lastName;
  return first || last ? `${first ?? ''} ${last ?? ''}`.trim() : w.m('iv.person_fallback', { n: i + 1 });
}

/**
 * A request to a mobile team, for both sides: the request, the team's decision, the persons (the team
 * sees only the granted field groups), the interventions (planned and recorded by the team) and, for the
 * team's clinical roles only, the clinical notes.
 */
export function RequestPage() {
  const { id = '' } = useParams();
  const w = useTeamWords();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={w.m('page.title', { team: w.name(r.team) })}
        description={w.m(`requests.status.${r.status}`)}
        actions={
          <LinkButton to={teamRequestsLink.href()} variant="secondary">
            {w.m('page.back')}
          </LinkButton>
        }
      />
      <Card title={w.m('page.details')}>
        <Facts
          items={[
            [w.m('page.requester'), `${w.name(r.requester)} (${r.requester.country})`],
            [w.m('page.team_org'), `${w.name(r.teamOrg)} (${r.teamOrg.country})`],
            [w.m('page.status'), w.m(`requests.status.${r.status}`)],
            [w.m('page.urgency'), w.m(`urgency.${r.urgency}`)],
            [w.m('page.needs'), r.needs.map((n) => w.m(`need.${n}`)).join(', ')],
            [w.m('page.languages'), r.languages.map(w.lang).join(', ') || w.m('none')],
            [w.m('page.fields'), r.fields.map((f) => w.m(`field_group.${f}`)).join(', ')],
            ...(r.declineReason ? [[w.m('page.decline_reason'), r.declineReason] as [string, string]] : []),
            ...(r.message
              ? [
                  [
                    w.m('page.message'),
                    <span key="message" className="pre-line">
                      {r.message}
                    </span>,
                  ] as [string, ReactNode],
                ]
              : []),
          ]}
        />
        {r.canDecide && <Decision w={w} request={r} />}
      </Card>
      <Persons w={w} request={r} />
      <Interventions w={w} request={r} />
      {r.clinical && r.status === 'accepted' && <ClinicalNotes w={w} request={r} />}
    </div>
  );
}

function Decision({ w, request: r }: { w: TeamWords; request: RequestDetail }) {
  const decide = useEndpointMutation(api.decide, [api.get, api.list]);
  const [reason, setReason] = useState('');
  const act = (action: 'accept' | 'decline' | 'close') => {
    if (action === 'close' && !window.confirm(w.m('page.close_confirm'))) return;
    decide.mutate({ params: { id: r.id }, body: { action, reason: action === 'decline' ? reason : null } });
  };
  return (
    <div className="stack">
      <ErrorAlert error={decide.error} />
      {r.status === 'sent' && (
        <>
          <TextField label={w.m('page.decline_reason')} value={reason} onChange={setReason} />
          <div className="row">
            <Button onPress={() => act('accept')} isDisabled={decide.isPending}>
              {w.m('page.accept')}
            </Button>
            <Button variant="danger" onPress={() => act('decline')} isDisabled={decide.isPending}>
              {w.m('page.decline')}
            </Button>
          </div>
        </>
      )}
      {r.status === 'accepted' && (
        <div className="row">
          <Button variant="secondary" onPress={() => act('close')} isDisabled={decide.isPending}>
            {w.m('page.close')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Persons({ w, request: r }: { w: TeamWords; request: RequestDetail }) {
  return (
    <Card title={w.m('page.persons')}>
      <ul className="stack">
        {r.persons.map((p) => {
          const s = p.shared;
          return (
            <li key={p.id}>
              <strong>{personLabel(w, r, p.id)}</strong>
              {r.side === 'team' &&
                (s ? (
                  <Facts
                    items={[
                      [w.m('page.person_code'), s.participantCode],
                      ...(s.languages && Object.keys(s.languages).length > 0
                        ? [
                            [w.m('page.person_languages'), Object.keys(s.languages).join(', ')] as [
                              string,
                              string,
                            ],
                          ]
                        : []),
                      ...(s.phone || s.email
                        ? [
                            [w.m('page.person_contact'), [s.phone, s.email].filter(Boolean).join(' · ')] as [
                              string,
                              string,
                            ],
                          ]
                        : []),
                      [w.m('page.fields'), s.fields.map((f) => w.m(`field_group.${f}`, {})).join(', ')],
                    ]}
                  />
                ) : (
                  <p className="muted">{w.m('page.person_not_shared')}</p>
                ))}
              {r.side === 'team' && s && <SharedNewcomerFacts personId={p.id} />}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Interventions({ w, request: r }: { w: TeamWords; request: RequestDetail }) {
  const [editing, setEditing] = useState<InterventionView | null>(null);
  // A new blank form after each save.
  const [round, setRound] = useState(0);
  return (
    <Card title={w.m('page.interventions')}>
      {r.interventions.length === 0 ? (
        <p>{w.m('page.no_interventions')}</p>
      ) : (
        <DataTable<InterventionView>
          stacked
          caption={w.m('page.interventions')}
          rows={r.interventions}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'when',
              header: w.m('iv.when'),
              render: (i) => `${w.when(i.startsAt)} · ${i.durationMinutes} min`,
            },
            {
              key: 'where',
              header: w.m('iv.where'),
              render: (i) => `${i.place} (${w.m(`country.${i.placeCountry}`)})`,
            },
            {
              key: 'kind',
              header: w.m('iv.kind'),
              render: (i) => (
                <>
                  {w.m(`kind.${i.kind}`)} · {w.lang(i.language)}
                  {i.crossBorder && (
                    <>
                      {' '}
                      <span className="badge">{w.m('page.cross_border')}</span>
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'persons',
              header: w.m('iv.persons'),
              render: (i) =>
                [
                  ...i.personIds.map((p) => personLabel(w, r, p)),
                  ...(i.otherParticipants > 0 ? [`+${i.otherParticipants}`] : []),
                ].join(', '),
            },
            {
              key: 'status',
              header: w.m('iv.status'),
              render: (i) => w.m(`intervention_status.${i.status}`),
            },
            {
              key: 'outcome',
              header: w.m('iv.outcome'),
              render: (i) =>
                [i.outcome, ...i.onwardReferrals.map((o) => `→ ${o.organisation} : ${o.reason}`)]
                  .filter(Boolean)
                  .join(' ') || null,
            },
            ...(r.canRecord
              ? [
                  {
                    key: 'edit',
                    header: '',
                    render: (i: InterventionView) => (
                      <Button variant="ghost" onPress={() => setEditing(i)}>
                        {w.m('page.edit_intervention')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {r.canRecord && (
        <InterventionForm
          key={editing?.id ?? `new-${round}`}
          w={w}
          request={r}
          editing={editing}
          onDone={() => {
            setEditing(null);
            setRound((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}

function ClinicalNotes({ w, request: r }: { w: TeamWords; request: RequestDetail }) {
  const notes = useEndpoint(api.notes, { params: { id: r.id } });
  const add = useEndpointMutation(api.addNote, [api.notes]);
  const [body, setBody] = useState('');
  const [person, setPerson] = useState('household');
  return (
    <Card title={w.m('clinical.title')}>
      <p className="muted">{w.m('clinical.hint')}</p>
      <ErrorAlert error={notes.error ?? add.error} />
      {notes.data &&
        (notes.data.items.length === 0 ? (
          <p>{w.m('clinical.empty')}</p>
        ) : (
          <ul className="stack">
            {notes.data.items.map((n) => (
              <li key={n.id}>
                <p className="muted">
                  {w.m('clinical.by', { name: n.writtenBy, date: w.when(n.createdAt) })}
                  {n.personId ? ` · ${personLabel(w, r, n.personId)}` : ''}
                </p>
                <p className="pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        ))}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { params: { id: r.id }, body: { body, personId: person === 'household' ? null : person } },
            { onSuccess: () => setBody('') },
          );
        }}
      >
        <Select
          label={w.m('clinical.person')}
          value={person}
          onChange={setPerson}
          options={[
            { id: 'household', label: w.m('clinical.household') },
            ...r.persons.map((p) => ({ id: p.id, label: personLabel(w, r, p.id) })),
          ]}
        />
        <TextArea label={w.m('clinical.body')} value={body} onChange={setBody} />
        <Button type="submit" isDisabled={add.isPending || body.trim().length < 2}>
          {w.m('clinical.add')}
        </Button>
      </Form>
    </Card>
  );
}
