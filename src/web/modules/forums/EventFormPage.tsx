import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { forumsApi as api } from '../../../common/forums/endpoints';
import { eventLink } from '../../../common/forums/links';
import { instantToWall, wallToInstant } from '../../../common/forums/schedule';
import { type EventDetail, type EventInput, hasTrainers } from '../../../common/forums/schemas';
import { localized } from '../../../common/i18n/locales';
import { organisationsApi, programmesApi } from '../../../common/network/endpoints';
import { call, useEndpoint, useEndpointMutation } from '../../app/client';
import { useLanguage } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Checkbox, CheckboxGroup, Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { PageHeader } from '../../app/ui/layout';
import { TimeField } from '../../app/ui/TimeField';
import { useForumWords } from './words';
import './schedule.css';

/**
 * The form's state: the API's input with the start and end as typed, each a day and a time in the
 * network's time zone (Brussels/Paris), so that an event may last several days.
 */
type State = Omit<EventInput, 'startsAt' | 'endsAt' | 'capacity'> & {
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  capacity: string;
};

const EMPTY: State = {
  kind: 'thematic_forum',
  titleFr: '',
  titleNl: '',
  descriptionFr: null,
  descriptionNl: null,
  theme: null,
  startDay: '',
  startTime: '09:00',
  endDay: '',
  endTime: '12:00',
  venue: null,
  onlineUrl: null,
  languages: ['fr', 'nl'],
  interpreting: false,
  capacity: '30',
  audiences: ['professionals'],
  partnerOrgIds: [],
  programmeId: null,
  trainers: [],
};

const fromEvent = (e: EventDetail): State => ({
  kind: e.kind,
  titleFr: e.titleFr,
  titleNl: e.titleNl,
  descriptionFr: e.descriptionFr,
  descriptionNl: e.descriptionNl,
  theme: e.theme,
  startDay: instantToWall(e.startsAt).day,
  startTime: instantToWall(e.startsAt).time,
  endDay: instantToWall(e.endsAt).day,
  endTime: instantToWall(e.endsAt).time,
  venue: e.venue,
  onlineUrl: e.onlineUrl,
  languages: e.languages,
  interpreting: e.interpreting,
  capacity: String(e.capacity),
  audiences: e.audiences,
  partnerOrgIds: e.partners.map((p) => p.id),
  programmeId: e.programmeId,
  trainers: (e.trainers ?? []).map((t) => ({ name: t.name, userId: t.userId })),
});

export function NewEventPage() {
  return <EventForm initial={EMPTY} />;
}

export function EditEventPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <EventForm id={id} initial={fromEvent(q.data)} />;
}

function EventForm({ id, initial }: { id?: string; initial: State }) {
  const w = useForumWords();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [s, setS] = useState<State>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const session = useSession();
  const orgs = useEndpoint(organisationsApi.list, { query: { status: 'active', pageSize: 100 } });
  const programmes = useEndpoint(programmesApi.list, { query: { pageSize: 100 } });
  const update = useEndpointMutation(api.update, [api.get, api.list]);
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const text = (k: 'descriptionFr' | 'descriptionNl' | 'theme' | 'venue' | 'onlineUrl') => ({
    value: s[k] ?? '',
    onChange: (v: string) => setS((x) => ({ ...x, [k]: v.trim() ? v : null })),
  });

  const setTrainer = (i: number, name: string) =>
    setS((x) => {
      const t = [...(x.trainers ?? [])];
      while (t.length <= i) t.push({ name: '', userId: null });
      t[i] = { name, userId: t[i]?.name === name ? (t[i]?.userId ?? null) : null };
      return { ...x, trainers: t };
    });

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const { startDay, startTime, endDay, endTime, capacity, ...rest } = s;
    const startsAt = wallToInstant(startDay, startTime);
    // An end day left empty is the start day: most events last a few hours.
    const endsAt = wallToInstant(endDay || startDay, endTime);
    if (!startsAt || !endsAt) return setProblem(w.m('schedule.missing'));
    if (endsAt <= startsAt) return setProblem(w.m('schedule.ends_before'));
    if (!s.venue && !s.onlineUrl) return setProblem(w.m('form.place_missing'));
    setProblem(null);
    // The trainer pair only for the kinds that have one, without the names left empty.
    const trainers = hasTrainers(rest.kind) ? (rest.trainers ?? []).filter((t) => t.name.trim()) : [];
    const body: EventInput = {
      ...rest,
      trainers,
      startsAt,
      endsAt,
      capacity: Number.parseInt(capacity, 10) || 0,
    };
    try {
      if (id) {
        await update.mutateAsync({ params: { id }, body });
        navigate(eventLink.href({ id }));
      } else {
        const created = await call(api.create, { body });
        navigate(eventLink.href({ id: created.id }));
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
          label={w.m('field.kind')}
          value={s.kind}
          onChange={(v) => set('kind')(v as State['kind'])}
          options={w.kindOptions()}
          isRequired
        />
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
        {hasTrainers(s.kind) && (
          <fieldset className="schedule-fields">
            <legend>{w.m('field.trainers')}</legend>
            <p className="description">{w.m('form.trainers_hint')}</p>
            {[0, 1].map((i) => (
              <TextField
                key={i}
                label={w.m(i === 0 ? 'field.trainer_1' : 'field.trainer_2')}
                value={s.trainers?.[i]?.name ?? ''}
                onChange={(v) => setTrainer(i, v)}
                maxLength={200}
              />
            ))}
          </fieldset>
        )}
        <TextArea label={w.m('field.description_fr')} {...text('descriptionFr')} />
        <TextArea label={w.m('field.description_nl')} {...text('descriptionNl')} />
        <TextField label={w.m('field.theme')} {...text('theme')} maxLength={120} />
        <fieldset className="schedule-fields">
          <legend>{w.m('schedule.legend')}</legend>
          <p className="description">{w.m('schedule.hint')}</p>
          <div className="row">
            <DateField
              label={w.m('schedule.start_day')}
              value={s.startDay}
              onChange={(v) =>
                // The end day follows the start until it is set later than it.
                setS((x) => ({ ...x, startDay: v, endDay: !x.endDay || x.endDay < v ? v : x.endDay }))
              }
              isRequired
            />
            <TimeField
              label={w.m('schedule.start_time')}
              value={s.startTime}
              onChange={set('startTime')}
              isRequired
            />
          </div>
          <div className="row">
            <DateField
              label={w.m('schedule.end_day')}
              value={s.endDay}
              onChange={set('endDay')}
              min={s.startDay || undefined}
              isRequired
            />
            <TimeField
              label={w.m('schedule.end_time')}
              value={s.endTime}
              onChange={set('endTime')}
              isRequired
            />
          </div>
        </fieldset>
        <TextField label={w.m('field.venue')} {...text('venue')} maxLength={500} />
        <TextField label={w.m('field.online_url')} type="url" {...text('onlineUrl')} maxLength={500} />
        <CheckboxGroup
          label={w.m('field.languages')}
          value={s.languages}
          onChange={(v) => set('languages')(v as State['languages'])}
          options={w.languageOptions()}
        />
        <Checkbox isSelected={s.interpreting} onChange={set('interpreting')}>
          {w.m('field.interpreting')}
        </Checkbox>
        <TextField
          label={w.m('field.capacity')}
          type="number"
          inputMode="numeric"
          value={s.capacity}
          onChange={set('capacity')}
          isRequired
        />
        <CheckboxGroup
          label={w.m('field.audiences')}
          value={s.audiences}
          onChange={(v) => set('audiences')(v as State['audiences'])}
          options={w.audienceOptions()}
        />
        {orgs.data && (
          <CheckboxGroup
            label={w.m('field.partners')}
            value={s.partnerOrgIds}
            onChange={set('partnerOrgIds')}
            // The organiser or lead is not its own partner.
            options={orgs.data.items
              .filter((o) => o.id !== session.activeOrgId)
              .map((o) => ({
                id: o.id,
                label: o.shortName || localized(language, o.nameFr, o.nameNl),
              }))}
          />
        )}
        {programmes.data && (
          <Select
            label={w.m('field.programme')}
            value={s.programmeId ?? ''}
            onChange={(v) => set('programmeId')(v || null)}
            options={[
              { id: '', label: w.m('form.no_programme') },
              ...programmes.data.items.map((p) => ({
                id: p.id,
                label: p.acronym || localized(language, p.nameFr, p.nameNl),
              })),
            ]}
          />
        )}
        {problem && (
          <p role="alert" className="field-error">
            {problem}
          </p>
        )}
        <ErrorAlert error={error} />
        <Button type="submit">{w.m('form.save')}</Button>
      </Form>
    </div>
  );
}
