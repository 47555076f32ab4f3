import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  experimentationsApi as api,
  experimentationTransfersApi as tr,
} from '../../../../common/accompaniment/experimentations-endpoints';
import {
  experimentationEditLink,
  experimentationsLink,
} from '../../../../common/accompaniment/experimentations-links';
import type {
  ExperimentationDetail,
  Participants,
  TransferView,
  WorkflowAction,
} from '../../../../common/accompaniment/experimentations-schemas';
import { localized } from '../../../../common/i18n/locales';
import { practiceLink } from '../../../../common/practices/links';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox, Form, TextArea } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { ParticipantsFields } from './ParticipantsFields';
import { type ExperimentationWords, useExperimentationWords } from './words';

/**
 * An experimentation: its facts, participants and evaluation; for its lead the workflow's actions and the
 * evaluation form; its transfers to the other sides (each moved by the organisation taking it up); the
 * good-practice sheet drawn from it.
 */
export function ExperimentationPage() {
  const { id = '' } = useParams();
  const w = useExperimentationWords();
  const { language } = useLanguage();
  const q = useEndpoint(api.get, { params: { id } });
  const move = useEndpointMutation(api.transition, [api.get, api.list]);
  const draw = useEndpointMutation(api.drawPractice, [api.get]);
  const navigate = useNavigate();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const act = (a: WorkflowAction) => {
    if (a.tone === 'danger' && !window.confirm(w.m('action.confirm_abandon'))) return;
    move.mutate({ params: { id }, body: { action: a.action } });
  };
  return (
    <div className="stack">
      <PageHeader
        title={localized(language, e.titleFr, e.titleNl)}
        description={`${w.side(e.side)} · ${e.lead.name} · ${w.status(e.status)}`}
        actions={
          <>
            <LinkButton to={experimentationsLink.href()} variant="secondary">
              {w.m('page.back')}
            </LinkButton>
            {e.canEdit && (
              <LinkButton to={experimentationEditLink.href({ id })} variant="secondary">
                {w.m('page.edit')}
              </LinkButton>
            )}
            <Actions w={w} actions={e.actions} onAct={act} />
          </>
        }
      />
      <ErrorAlert error={move.error} />
      <Card title={w.m('page.details')}>
        <Facts
          items={[
            [w.m('field.programme'), e.action ? `${e.programme} · ${e.action}` : e.programme],
            [w.m('field.theme'), w.theme(e.theme)],
            [w.m('field.side'), w.side(e.side)],
            [w.m('field.lead'), e.lead.name],
            [w.m('field.partners'), e.partners.map((p) => p.name).join(', ') || '—'],
            [w.m('field.period'), w.period(e.startsOn, e.endsOn)],
            [w.m('field.participants'), w.participants(e.participants)],
          ]}
        />
        {e.objectives && (
          <>
            <h3>{w.m('field.objectives')}</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{e.objectives}</p>
          </>
        )}
      </Card>
      <EvaluationCard w={w} e={e} />
      <Card
        title={w.m('practice.title')}
        actions={
          e.canDrawPractice ? (
            <Button
              variant="secondary"
              onPress={() =>
                draw.mutate(
                  { params: { id } },
                  { onSuccess: (r) => navigate(practiceLink.href({ id: r.id })) },
                )
              }
            >
              {w.m('practice.draw')}
            </Button>
          ) : undefined
        }
      >
        <ErrorAlert error={draw.error} />
        {e.practice ? (
          <p>
            <Link to={practiceLink.href({ id: e.practice.id })}>
              {w.m('practice.link', { reference: e.practice.reference })}
            </Link>
          </p>
        ) : (
          <p>{w.m(e.evaluation.findings ? 'practice.none' : 'practice.after_evaluation')}</p>
        )}
      </Card>
      <Card title={w.m('transfers.title')}>
        <p className="description">
          {e.transferSides.length
            ? w.m('transfers.sides', { sides: e.transferSides.map(w.side).join(', ') })
            : w.m('transfers.not_yet')}
        </p>
        {e.transfers.length === 0 && <p>{w.m('transfers.none')}</p>}
        {e.transfers.map((t) => (
          <TransferBlock key={t.id} w={w} t={t} />
        ))}
        {e.canTakeUp && <TakeUpForm w={w} id={e.id} />}
      </Card>
    </div>
  );
}

function Actions({
  w,
  actions,
  onAct,
}: {
  w: ExperimentationWords;
  actions: WorkflowAction[];
  onAct: (a: WorkflowAction) => void;
}) {
  return (
    <>
      {actions.map((a) => (
        <Button
          key={`${a.action}>${a.to}`}
          variant={a.tone === 'danger' ? 'danger' : a.tone === 'primary' ? 'primary' : 'secondary'}
          isDisabled={a.blockedBy.length > 0}
          onPress={() => onAct(a)}
        >
          {w.action(a.action)}
        </Button>
      ))}
      {actions.some((a) => a.blockedBy.includes('evaluation_recorded')) && (
        <p className="description">{w.m('action.blocked_evaluation')}</p>
      )}
    </>
  );
}

function EvaluationCard({ w, e }: { w: ExperimentationWords; e: ExperimentationDetail }) {
  const ev = e.evaluation;
  const mayEvaluate = e.canEdit && (e.status === 'running' || e.status === 'evaluated');
  const [editing, setEditing] = useState(false);
  const [findings, setFindings] = useState(ev.findings ?? '');
  const [whatWorked, setWhatWorked] = useState(ev.whatWorked ?? '');
  const [conditions, setConditions] = useState(ev.transferConditions ?? '');
  const [recommend, setRecommend] = useState(ev.recommendTransfer ?? false);
  const save = useEndpointMutation(api.evaluate, [api.get]);
  const submit = (f: FormEvent) => {
    f.preventDefault();
    save.mutate(
      {
        params: { id: e.id },
        body: {
          findings,
          whatWorked: whatWorked.trim() || null,
          transferConditions: conditions.trim() || null,
          recommendTransfer: recommend,
        },
      },
      { onSuccess: () => setEditing(false) },
    );
  };
  return (
    <Card
      title={w.m('evaluation.title')}
      actions={
        mayEvaluate && !editing ? (
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {w.m(ev.findings ? 'evaluation.edit' : 'evaluation.record')}
          </Button>
        ) : undefined
      }
    >
      {editing ? (
        <Form onSubmit={submit}>
          <TextArea label={w.m('field.findings')} value={findings} onChange={setFindings} isRequired />
          <TextArea label={w.m('field.what_worked')} value={whatWorked} onChange={setWhatWorked} />
          <TextArea label={w.m('field.transfer_conditions')} value={conditions} onChange={setConditions} />
          <Checkbox isSelected={recommend} onChange={setRecommend}>
            {w.m('field.recommend_transfer')}
          </Checkbox>
          <ErrorAlert error={save.error} />
          <div className="row">
            <Button type="submit">{w.m('form.save')}</Button>
            <Button variant="secondary" onPress={() => setEditing(false)}>
              {w.m('form.cancel')}
            </Button>
          </div>
        </Form>
      ) : ev.findings ? (
        <Facts
          items={[
            [
              w.m('field.findings'),
              <span key="f" style={{ whiteSpace: 'pre-wrap' }}>
                {ev.findings}
              </span>,
            ],
            [w.m('field.what_worked'), ev.whatWorked ?? '—'],
            [w.m('field.transfer_conditions'), ev.transferConditions ?? '—'],
            [
              w.m('field.recommend_transfer'),
              ev.recommendTransfer === null ? '—' : w.m(ev.recommendTransfer ? 'yes' : 'no'),
            ],
            [w.m('field.evaluated_on'), w.day(ev.evaluatedOn)],
          ]}
        />
      ) : (
        <p>{w.m('evaluation.none')}</p>
      )}
    </Card>
  );
}

function TransferBlock({ w, t }: { w: ExperimentationWords; t: TransferView }) {
  const move = useEndpointMutation(tr.transition, [api.get, api.list]);
  const evaluate = useEndpointMutation(tr.evaluate, [api.get]);
  const draw = useEndpointMutation(tr.drawPractice, [api.get]);
  const [findings, setFindings] = useState(t.findings ?? '');
  const [whatWorked, setWhatWorked] = useState(t.whatWorked ?? '');
  const mayEvaluate = t.canEdit && (t.status === 'running' || t.status === 'evaluated');
  return (
    <section className="card">
      <h3>
        {t.organisation.name} · {w.side(t.side)} · {w.transferStatus(t.status)}
      </h3>
      <Facts
        items={[
          [w.m('field.adaptations'), t.adaptations ?? '—'],
          [w.m('field.period'), w.period(t.startsOn, t.endsOn)],
          [w.m('field.participants'), w.participants(t.participants)],
          ...(t.findings
            ? ([
                [w.m('field.findings'), t.findings],
                [w.m('field.what_worked'), t.whatWorked ?? '—'],
                [w.m('field.evaluated_on'), w.day(t.evaluatedOn)],
              ] as Array<[string, string]>)
            : []),
          ...(t.practice
            ? ([
                [
                  w.m('practice.title'),
                  <Link key="p" to={practiceLink.href({ id: t.practice.id })}>
                    {w.m('practice.link', { reference: t.practice.reference })}
                  </Link>,
                ],
              ] as Array<[string, ReactNode]>)
            : []),
        ]}
      />
      <div className="row">
        <Actions
          w={w}
          actions={t.actions}
          onAct={(a) => {
            if (a.tone === 'danger' && !window.confirm(w.m('action.confirm_abandon'))) return;
            move.mutate({ params: { id: t.id }, body: { action: a.action } });
          }}
        />
        {t.canDrawPractice && (
          <Button variant="secondary" onPress={() => draw.mutate({ params: { id: t.id } })}>
            {w.m('practice.draw')}
          </Button>
        )}
      </div>
      <ErrorAlert error={move.error ?? draw.error} />
      {mayEvaluate && (
        <Form
          onSubmit={(f) => {
            f.preventDefault();
            evaluate.mutate({
              params: { id: t.id },
              body: { findings, whatWorked: whatWorked.trim() || null },
            });
          }}
        >
          <TextArea label={w.m('field.findings')} value={findings} onChange={setFindings} isRequired />
          <TextArea label={w.m('field.what_worked')} value={whatWorked} onChange={setWhatWorked} />
          <ErrorAlert error={evaluate.error} />
          <Button type="submit" variant="secondary">
            {w.m('evaluation.save')}
          </Button>
        </Form>
      )}
    </section>
  );
}

function TakeUpForm({ w, id }: { w: ExperimentationWords; id: string }) {
  const [open, setOpen] = useState(false);
  const [adaptations, setAdaptations] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [participants, setParticipants] = useState<Participants>({
    newcomers: 0,
    professionals: 0,
    volunteers: 0,
  });
  const create = useEndpointMutation(api.createTransfer, [api.get, api.list]);
  if (!open) return <Button onPress={() => setOpen(true)}>{w.m('transfers.take_up')}</Button>;
  return (
    <Form
      onSubmit={(f) => {
        f.preventDefault();
        create.mutate(
          {
            params: { id },
            body: { adaptations: adaptations.trim() || null, startsOn: startsOn || null, participants },
          },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <p className="description">{w.m('transfers.take_up_hint')}</p>
      <TextArea label={w.m('field.adaptations')} value={adaptations} onChange={setAdaptations} />
      <DateField label={w.m('field.starts_on')} value={startsOn} onChange={setStartsOn} />
      <ParticipantsFields w={w} value={participants} onChange={setParticipants} />
      <ErrorAlert error={create.error} />
      <div className="row">
        <Button type="submit">{w.m('transfers.take_up')}</Button>
        <Button variant="secondary" onPress={() => setOpen(false)}>
          {w.m('form.cancel')}
        </Button>
      </div>
    </Form>
  );
}
