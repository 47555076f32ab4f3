import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { experimentationsApi as api } from '../../../../common/accompaniment/experimentations-endpoints';
import { experimentationLink } from '../../../../common/accompaniment/experimentations-links';
import type {
  ExperimentationDetail,
  ExperimentationInput,
} from '../../../../common/accompaniment/experimentations-schemas';
import { call, useEndpoint, useEndpointMutation } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { ParticipantsFields } from './ParticipantsFields';
import { useExperimentationWords } from './words';

const EMPTY: ExperimentationInput = {
  programmeId: '',
  actionId: null,
  side: null,
  titleFr: '',
  titleNl: '',
  theme: 'integration_ambassadors',
  objectives: null,
  startsOn: null,
  endsOn: null,
  participants: { newcomers: 0, professionals: 0, volunteers: 0 },
  partnerOrgIds: [],
};

const fromDetail = (e: ExperimentationDetail): ExperimentationInput => ({
  programmeId: e.programmeId,
  actionId: e.actionId,
  side: e.side,
  titleFr: e.titleFr,
  titleNl: e.titleNl,
  theme: e.theme,
  objectives: e.objectives,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  participants: {
    newcomers: e.participants.newcomers,
    professionals: e.participants.professionals,
    volunteers: e.participants.volunteers,
  },
  partnerOrgIds: e.partners.map((p) => p.id),
});

export function NewExperimentationPage() {
  return <ExperimentationForm initial={EMPTY} />;
}

export function EditExperimentationPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <ExperimentationForm id={id} initial={fromDetail(q.data)} />;
}

/** An experimentation's form: its side comes from the lead's region (asked only when it cannot). */
function ExperimentationForm({ id, initial }: { id?: string; initial: ExperimentationInput }) {
  const w = useExperimentationWords();
  const navigate = useNavigate();
  const session = useSession();
  const [s, setS] = useState<ExperimentationInput>(initial);
  const [error, setError] = useState<unknown>(null);
  const options = useEndpoint(api.options, {});
  const update = useEndpointMutation(api.update, [api.get, api.list]);
  const set =
    <K extends keyof ExperimentationInput>(k: K) =>
    (v: ExperimentationInput[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const text = (k: 'objectives') => ({
    value: s[k] ?? '',
    onChange: (v: string) => setS((x) => ({ ...x, [k]: v.trim() ? v : null })),
  });
  if (options.isPending) return <Loading />;
  if (options.error) return <ErrorAlert error={options.error} />;
  const o = options.data;
  const programme = o.programmes.find((p) => p.id === s.programmeId);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const body: ExperimentationInput = { ...s, side: o.ownSide ? null : s.side };
    try {
      if (id) {
        await update.mutateAsync({ params: { id }, body });
        navigate(experimentationLink.href({ id }));
      } else {
        const created = await call(api.create, { body });
        navigate(experimentationLink.href({ id: created.id }));
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <PageHeader title={w.m(id ? 'form.edit_title' : 'form.new_title')} />
      <Form onSubmit={submit}>
        <Select
          label={w.m('field.programme')}
          value={s.programmeId}
          onChange={(v) => setS((x) => ({ ...x, programmeId: v, actionId: null }))}
          options={[
            { id: '', label: w.m('form.choose') },
            ...o.programmes.map((p) => ({ id: p.id, label: p.name })),
          ]}
          isRequired
          isDisabled={!!id}
        />
        {programme && programme.actions.length > 0 && (
          <Select
            label={w.m('field.module')}
            value={s.actionId ?? ''}
            onChange={(v) => set('actionId')(v || null)}
            options={[
              { id: '', label: w.m('form.none') },
              ...programme.actions.map((a) => ({ id: a.id, label: `${a.code} · ${a.title}` })),
            ]}
          />
        )}
        {o.ownSide ? (
          <p>{w.m('form.side_from_region', { side: w.side(id ? (s.side ?? o.ownSide) : o.ownSide) })}</p>
        ) : (
          <Select
            label={w.m('field.side')}
            value={s.side ?? ''}
            onChange={(v) => set('side')((v || null) as ExperimentationInput['side'])}
            options={[{ id: '', label: w.m('form.choose') }, ...w.sideOptions()]}
            isRequired
            isDisabled={!!id}
          />
        )}
        <TextField
          label={w.m('field.title_fr')}
          value={s.titleFr}
          onChange={set('titleFr')}
          isRequired
          maxLength={200}
        />
        <TextField
          label={w.m('field.title_nl')}
          value={s.titleNl}
          onChange={set('titleNl')}
          isRequired
          maxLength={200}
        />
        <Select
          label={w.m('field.theme')}
          value={s.theme}
          onChange={(v) => set('theme')(v as ExperimentationInput['theme'])}
          options={w.themeOptions()}
          isRequired
        />
        <TextArea label={w.m('field.objectives')} {...text('objectives')} />
        <div className="row">
          <DateField
            label={w.m('field.starts_on')}
            value={s.startsOn ?? ''}
            onChange={(v) => set('startsOn')(v || null)}
          />
          <DateField
            label={w.m('field.ends_on')}
            value={s.endsOn ?? ''}
            onChange={(v) => set('endsOn')(v || null)}
            min={s.startsOn ?? undefined}
          />
        </div>
        <ParticipantsFields w={w} value={s.participants} onChange={set('participants')} />
        <CheckboxGroup
          label={w.m('field.partners')}
          value={s.partnerOrgIds}
          onChange={set('partnerOrgIds')}
          options={o.organisations
            .filter((x) => x.id !== session.activeOrgId)
            .map((x) => ({ id: x.id, label: x.side ? `${x.name} (${w.side(x.side)})` : x.name }))}
        />
        <ErrorAlert error={error} />
        <Button type="submit">{w.m('form.save')}</Button>
      </Form>
    </div>
  );
}
