import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { interpretingApi as api } from '../../../../common/accompaniment/interpreting-endpoints';
import { bookingsLink } from '../../../../common/accompaniment/interpreting-links';
import type { BookingDetail, FeedbackInput } from '../../../../common/accompaniment/interpreting-schemas';
import { personLink } from '../../../../common/people/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { type InterpretingWords, useInterpretingWords } from './words';

/** A booking: its facts for the reader's side, the actions it may take now, the feedback after the slot. */
export function BookingPage() {
  const { id = '' } = useParams();
  const w = useInterpretingWords();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const b = q.data;
  const where = b.modality === 'on_site' ? b.place : b.modality === 'phone' ? b.phone : b.videoUrl;
  return (
    <div className="stack">
      <PageHeader
        title={`${w.m('detail.title')} – ${w.language(b.language)}`}
        description={`${w.m(`status.${b.status}`)} · ${w.slot(b.startsAt, b.endsAt)}`}
        actions={
          <LinkButton
            to={bookingsLink.href(undefined, { view: b.asProvider ? 'provider' : 'mine' })}
            variant="secondary"
          >
            {w.m('list.title')}
          </LinkButton>
        }
      />
      <Card>
        <Facts
          items={[
            [w.m('field.status'), w.m(`status.${b.status}`)],
            [w.m('field.slot'), w.slot(b.startsAt, b.endsAt)],
            [w.m('field.language'), `${w.language(b.language)}${b.dialect ? ` – ${b.dialect}` : ''}`],
            [w.m('field.modality'), w.m(`modality.${b.modality}`)],
            [
              w.m(
                b.modality === 'on_site'
                  ? 'field.place'
                  : b.modality === 'phone'
                    ? 'field.phone'
                    : 'field.video',
              ),
              where ?? '—',
            ],
            [w.m('field.domain'), w.m(`domain.${b.domain}`)],
            [w.m('field.gender'), w.m(`gender.${b.genderPreference}`)],
            [w.m('field.booker'), b.booker.name],
            [w.m('field.provider'), b.provider],
            [w.m('field.interpreter'), b.interpreterName ?? '—'],
            ...(b.interpreterEmail
              ? [[w.m('field.interpreter_email'), b.interpreterEmail] as [string, string]]
              : []),
            ...(b.providerReference
              ? [[w.m('field.reference'), b.providerReference] as [string, string]]
              : []),
            ...(b.costCentre ? [[w.m('field.cost_centre'), b.costCentre] as [string, string]] : []),
            ...(b.person
              ? [
                  [
                    w.m('field.person'),
                    <Link key="p" to={personLink.href({ id: b.person.id })}>
                      {b.person.name}
                    </Link>,
                  ] as [string, ReactNode],
                ]
              : []),
            ...(b.cancelReason ? [[w.m('field.reason'), b.cancelReason] as [string, string]] : []),
          ]}
        />
        {b.briefing && (
          <>
            <h2>{w.m('field.briefing')}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{b.briefing}</p>
          </>
        )}
        {b.externalLinkSent && <Alert tone="info">{w.m('detail.link_sent')}</Alert>}
      </Card>
      <Actions b={b} w={w} />
      {b.feedback && (
        <Card title={w.m('detail.feedback')}>
          <Facts
            items={[
              [w.m('feedback.rating'), w.m('detail.rating', { rating: b.feedback.rating })],
              [w.m('feedback.flags'), b.feedback.flags.map((f) => w.m(`flag.${f}`)).join(', ') || '—'],
              [w.m('feedback.comment'), b.feedback.comment ?? '—'],
            ]}
          />
        </Card>
      )}
      {b.canGiveFeedback && <Feedback b={b} w={w} />}
    </div>
  );
}

function Actions({ b, w }: { b: BookingDetail; w: InterpretingWords }) {
  const act = useEndpointMutation(api.act, [api.get, api.list]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  if (b.actions.length === 0) return null;
  const external = !!b.externalService;
  const confirm = (ev: FormEvent) => {
    ev.preventDefault();
    act.mutate({
      params: { id: b.id },
      body: {
        action: 'confirm',
        interpreterName: name.trim() || null,
        interpreterEmail: external ? email.trim() || null : null,
        providerReference: reference.trim() || null,
      },
    });
  };
  const simple = (action: 'cancel' | 'done' | 'no_show') =>
    act.mutate({
      params: { id: b.id },
      body: { action, reason: action === 'cancel' ? reason.trim() || null : null },
    });
  return (
    <div className="stack">
      {b.actions.includes('confirm') && (
        <Card title={w.m('confirm.title')}>
          <Form onSubmit={confirm}>
            <TextField
              label={w.m('field.interpreter')}
              value={name}
              onChange={setName}
              isRequired
              maxLength={200}
            />
            {external && (
              <TextField
                label={w.m('field.interpreter_email')}
                description={w.m('confirm.email_hint')}
                type="email"
                value={email}
                onChange={setEmail}
                isRequired
                maxLength={254}
              />
            )}
            <TextField
              label={w.m('field.reference')}
              value={reference}
              onChange={setReference}
              maxLength={100}
            />
            <Button type="submit" isDisabled={act.isPending}>
              {w.m('action.confirm')}
            </Button>
          </Form>
        </Card>
      )}
      {(b.actions.includes('done') || b.actions.includes('no_show')) && (
        <div className="row">
          {b.actions.includes('done') && <Button onPress={() => simple('done')}>{w.m('action.done')}</Button>}
          {b.actions.includes('no_show') && (
            <Button variant="secondary" onPress={() => simple('no_show')}>
              {w.m('action.no_show')}
            </Button>
          )}
        </div>
      )}
      {b.actions.includes('cancel') && (
        <Card title={w.m('cancel.title')}>
          <TextArea label={w.m('field.reason')} value={reason} onChange={setReason} />
          <Button variant="danger" onPress={() => simple('cancel')} isDisabled={act.isPending}>
            {w.m('action.cancel')}
          </Button>
        </Card>
      )}
      <ErrorAlert error={act.error} />
    </div>
  );
}

function Feedback({ b, w }: { b: BookingDetail; w: InterpretingWords }) {
  const save = useEndpointMutation(api.feedback, [api.get]);
  const [rating, setRating] = useState(String(b.feedback?.rating ?? ''));
  const [comment, setComment] = useState(b.feedback?.comment ?? '');
  const [flags, setFlags] = useState<string[]>(b.feedback?.flags ?? []);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    save.mutate({
      params: { id: b.id },
      body: {
        rating: Number(rating),
        comment: comment.trim() || null,
        flags: flags as FeedbackInput['flags'],
      },
    });
  };
  return (
    <Card title={w.m('feedback.title')}>
      <Form onSubmit={submit}>
        <Select
          label={w.m('feedback.rating')}
          value={rating}
          onChange={setRating}
          options={['1', '2', '3', '4', '5'].map((id) => ({ id, label: id }))}
          placeholder={w.m('form.choose')}
          isRequired
        />
        <CheckboxGroup
          label={w.m('feedback.flags')}
          value={flags}
          onChange={setFlags}
          options={w.flagOptions()}
        />
        <TextArea label={w.m('feedback.comment')} value={comment} onChange={setComment} />
        {save.isSuccess && <Alert tone="success">{w.m('done')}</Alert>}
        <ErrorAlert error={save.error} />
        <Button type="submit" isDisabled={save.isPending || !rating}>
          {w.m('feedback.submit')}
        </Button>
      </Form>
    </Card>
  );
}
