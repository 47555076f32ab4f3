import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { proposalsApi as api } from '../../../common/initiatives/endpoints';
import { initiativeLink, initiativeNewLink } from '../../../common/initiatives/links';
import type { ProposalInput, ProposalView } from '../../../common/initiatives/schemas';
import { useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';
import { useInitiativeWords } from './words';

/**
 * The proposals that came out of a forum event, for the event's page (the forums module includes it):
 * the network reads them; the organiser records them, sets them aside, or turns one into an initiative
 * (the new initiative's form, prefilled; the proposal then links to it and reads adopted).
 */
export function EventProposals({ eventId }: { eventId: string }) {
  const w = useInitiativeWords();
  const q = useEndpoint(api.list, { params: { eventId } });
  const setStatus = useEndpointMutation(api.setStatus, [api.list]);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  // Nothing to show when the answer has no list (a page test that does not answer this endpoint).
  if (!Array.isArray(q.data?.items)) return null;
  const { items, canManage } = q.data;
  if (!canManage && items.length === 0) return null;
  return (
    <Card title={w.m('proposals.title')}>
      {items.length === 0 ? (
        <p>{w.m('proposals.none')}</p>
      ) : (
        <ul className="stack">
          {items.map((p) => (
            <li key={p.id}>
              <strong>{p.title}</strong> <span className="tag">{w.proposalStatus(p.status)}</span>
              {p.description && <p className="pre-line">{p.description}</p>}
              {p.initiative && (
                <p>
                  {w.m('proposals.became')}{' '}
                  <Link to={initiativeLink.href({ id: p.initiative.id })}>{p.initiative.title}</Link> (
                  {w.status(p.initiative.status)})
                </p>
              )}
              {canManage && (
                <ProposalActions
                  p={p}
                  onStatus={(status) => setStatus.mutate({ params: { id: p.id }, body: { status } })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={setStatus.error} />
      {canManage && <NewProposal eventId={eventId} />}
    </Card>
  );
}

function ProposalActions({ p, onStatus }: { p: ProposalView; onStatus: (s: 'open' | 'set_aside') => void }) {
  const w = useInitiativeWords();
  if (p.status === 'adopted') return null;
  return (
    <div className="row">
      {p.status === 'open' && (
        <LinkButton to={initiativeNewLink.href({}, { proposal: p.id })}>{w.m('proposals.adopt')}</LinkButton>
      )}
      <Button variant="secondary" onPress={() => onStatus(p.status === 'open' ? 'set_aside' : 'open')}>
        {w.m(p.status === 'open' ? 'proposals.set_aside' : 'proposals.reopen')}
      </Button>
    </div>
  );
}

function NewProposal({ eventId }: { eventId: string }) {
  const w = useInitiativeWords();
  const { language } = useLanguage();
  const create = useEndpointMutation(api.create, [api.list]);
  const blank = (): ProposalInput => ({
    title: '',
    description: null,
    language: language === 'nl' ? 'nl' : 'fr',
  });
  const [s, setS] = useState<ProposalInput>(blank);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await create.mutateAsync({ params: { eventId }, body: s });
      setS(blank());
    } catch {
      // Shown by the ErrorAlert below.
    }
  };
  return (
    <Form onSubmit={submit}>
      <TextField
        label={w.m('proposals.field_title')}
        value={s.title}
        onChange={(title) => setS((x) => ({ ...x, title }))}
        isRequired
        maxLength={200}
      />
      <TextArea
        label={w.m('proposals.field_description')}
        value={s.description ?? ''}
        onChange={(v) => setS((x) => ({ ...x, description: v.trim() ? v : null }))}
      />
      <Select
        label={w.m('proposals.field_language')}
        value={s.language}
        onChange={(v) => setS((x) => ({ ...x, language: v === 'nl' ? 'nl' : 'fr' }))}
        options={[
          { id: 'fr', label: w.m('language.fr') },
          { id: 'nl', label: w.m('language.nl') },
        ]}
      />
      <ErrorAlert error={create.error} />
      <Button type="submit">{w.m('proposals.add')}</Button>
    </Form>
  );
}
