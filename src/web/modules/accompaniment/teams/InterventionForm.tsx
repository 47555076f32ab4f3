import { useState } from 'react';
import { teamRequestsApi as api } from '../../../../common/accompaniment/teams-endpoints';
import {
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  PLACE_COUNTRIES,
} from '../../../../common/accompaniment/teams-rules';
import type {
  InterventionInput,
  InterventionView,
  RequestDetail,
} from '../../../../common/accompaniment/teams-schemas';
import { ISO639_3_LANGUAGES } from '../../../../common/people/languages';
import { useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { TimeField } from '../../../app/ui/TimeField';
import { personLabel } from './RequestPage';
import type { TeamWords } from './words';

/** The day and time of an instant in Brussels (the form speaks Brussels time). */
function brusselsParts(iso: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return { day: `${p('year')}-${p('month')}-${p('day')}`, time: `${p('hour')}:${p('minute')}` };
}

/** A Brussels wall-clock day and time as an instant (the offset of that day in Brussels). */
function brusselsInstant(day: string, time: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  const shown = brusselsParts(guess.toISOString());
  const drift = new Date(`${shown.day}T${shown.time}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - drift).toISOString();
}

/** Plans or records an intervention of the team (a new one, or the one being edited). */
export function InterventionForm({
  w,
  request: r,
  editing,
  onDone,
}: {
  w: TeamWords;
  request: RequestDetail;
  editing: InterventionView | null;
  onDone: () => void;
}) {
  const start = editing ? brusselsParts(editing.startsAt) : { day: '', time: '' };
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const [v, setV] = useState<Omit<InterventionInput, 'startsAt'>>({
    durationMinutes: editing?.durationMinutes ?? 60,
    place: editing?.place ?? '',
    placeCountry: editing?.placeCountry ?? (r.teamOrg.country === 'FR' ? 'FR' : 'BE'),
    kind: editing?.kind ?? 'consultation',
    language: (editing?.language ?? r.languages[0] ?? 'fra') as InterventionInput['language'],
    personIds: editing?.personIds ?? r.persons.map((p) => p.id),
    otherParticipants: editing?.otherParticipants ?? 0,
    memberIds: editing?.memberIds ?? [],
    status: editing?.status ?? 'planned',
    outcome: editing?.outcome ?? '',
    onwardReferrals: editing?.onwardReferrals ?? [],
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const add = useEndpointMutation(api.addIntervention, [api.get]);
  const update = useEndpointMutation(api.updateIntervention, [api.get]);
  const [onOrg, setOnOrg] = useState('');
  const [onReason, setOnReason] = useState('');
  const submit = () => {
    const onward =
      onOrg.trim() && onReason.trim()
        ? [...v.onwardReferrals, { organisation: onOrg.trim(), reason: onReason.trim() }]
        : v.onwardReferrals;
    const body = {
      ...v,
      onwardReferrals: onward,
      outcome: v.outcome?.trim() || null,
      startsAt: day && time ? brusselsInstant(day, time) : '',
    };
    const done = {
      onSuccess: () => {
        setOnOrg('');
        setOnReason('');
        onDone();
      },
    };
    if (editing) update.mutate({ params: { id: editing.id }, body }, done);
    else add.mutate({ params: { id: r.id }, body }, done);
  };
  return (
    <Form
      aria-label={w.m('page.plan')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{editing ? w.m('page.edit_intervention') : w.m('page.plan')}</h3>
      <ErrorAlert error={add.error ?? update.error} />
      <div className="grid-2">
        <DateField label={w.m('iv.date')} value={day} onChange={setDay} isRequired />
        <TimeField label={w.m('iv.time')} value={time} onChange={setTime} isRequired />
        <TextField
          label={w.m('iv.duration')}
          type="number"
          inputMode="numeric"
          value={String(v.durationMinutes)}
          onChange={(x) => set({ durationMinutes: Number(x) || 0 })}
        />
        <Select
          label={w.m('iv.kind')}
          value={v.kind}
          onChange={(k) => set({ kind: k as InterventionInput['kind'] })}
          options={w.options('kind', INTERVENTION_KINDS)}
        />
        <TextField label={w.m('iv.place')} value={v.place} onChange={(place) => set({ place })} isRequired />
        <Select
          label={w.m('iv.place_country')}
          value={v.placeCountry}
          onChange={(c) => set({ placeCountry: c as InterventionInput['placeCountry'] })}
          options={w.options('country', PLACE_COUNTRIES)}
        />
        <Select
          label={w.m('iv.language')}
          value={v.language}
          onChange={(l) => set({ language: l as InterventionInput['language'] })}
          options={ISO639_3_LANGUAGES.map((id) => ({ id, label: w.lang(id) }))}
        />
        <Select
          label={w.m('iv.status')}
          value={v.status}
          onChange={(s) => set({ status: s as InterventionInput['status'] })}
          options={w.options('intervention_status', INTERVENTION_STATUSES)}
        />
      </div>
      <CheckboxGroup
        label={w.m('iv.persons')}
        value={v.personIds}
        onChange={(personIds) => set({ personIds })}
        options={r.persons.map((p) => ({ id: p.id, label: personLabel(w, r, p.id) }))}
      />
      <TextField
        label={w.m('iv.other_participants')}
        type="number"
        inputMode="numeric"
        value={String(v.otherParticipants)}
        onChange={(x) => set({ otherParticipants: Number(x) || 0 })}
      />
      {r.members.length > 0 && (
        <CheckboxGroup
          label={w.m('iv.members')}
          value={v.memberIds}
          onChange={(memberIds) => set({ memberIds })}
          options={r.members.map((m) => ({
            id: m.id,
            label: `${m.name} (${w.m(`profession.${m.profession}`)})`,
          }))}
        />
      )}
      <TextArea label={w.m('iv.outcome')} value={v.outcome ?? ''} onChange={(outcome) => set({ outcome })} />
      <fieldset className="stack">
        <legend>{w.m('iv.onward')}</legend>
        {v.onwardReferrals.length > 0 && (
          <ul>
            {v.onwardReferrals.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a short list edited in place
              <li key={i}>
                {o.organisation} : {o.reason}{' '}
                <Button
                  variant="ghost"
                  onPress={() => set({ onwardReferrals: v.onwardReferrals.filter((_, j) => j !== i) })}
                >
                  {w.m('form.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="grid-2">
          <TextField label={w.m('iv.onward_org')} value={onOrg} onChange={setOnOrg} />
          <TextField label={w.m('iv.onward_reason')} value={onReason} onChange={setOnReason} />
        </div>
      </fieldset>
      <div className="row">
        <Button type="submit" isDisabled={add.isPending || update.isPending}>
          {w.m('iv.save')}
        </Button>
        {editing && (
          <Button variant="secondary" onPress={onDone}>
            {w.m('page.cancel_edit')}
          </Button>
        )}
      </div>
    </Form>
  );
}
