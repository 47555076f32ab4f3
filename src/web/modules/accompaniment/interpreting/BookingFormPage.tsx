import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { interpretingApi as api } from '../../../../common/accompaniment/interpreting-endpoints';
import { bookingLink, bookingNewLink } from '../../../../common/accompaniment/interpreting-links';
import type { BookingInput } from '../../../../common/accompaniment/interpreting-schemas';
import { personsApi } from '../../../../common/people/endpoints';
import { ApiError } from '../../../app/api';
import { call, useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { Alert, ErrorAlert } from '../../../app/ui/feedback';
import { Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { TimeField } from '../../../app/ui/TimeField';
import { brusselsInstant, useInterpretingWords } from './words';

type ProviderKind = 'samen' | 'external';
interface State {
  language: string;
  dialect: string;
  modality: BookingInput['modality'];
  day: string;
  start: string;
  end: string;
  place: string;
  phone: string;
  videoUrl: string;
  domain: BookingInput['domain'];
  genderPreference: BookingInput['genderPreference'];
  personId: string;
  briefing: string;
  kind: ProviderKind;
  providerOrgId: string;
  externalService: string;
  costCentre: string;
}

const EMPTY: State = {
  language: '',
  dialect: '',
  modality: 'phone',
  day: '',
  start: '',
  end: '',
  place: '',
  phone: '',
  videoUrl: '',
  domain: 'social',
  genderPreference: 'none',
  personId: '',
  briefing: '',
  kind: 'external',
  providerOrgId: '',
  externalService: '',
  costCentre: '',
};

/**
 * A new booking: language (ISO 639-3) and dialect, modality with what it needs (place, number or link),
 * the slot in Brussels time, the domain, a gender preference, the person concerned (for the booker only),
 * and the provider — a member service or an external one. Prefilled from the person's interpreter need.
 */
export function BookingFormPage() {
  const w = useInterpretingWords();
  const navigate = useNavigate();
  const location = useLocation();
  const askedPerson = bookingNewLink.read(location.search).personId ?? '';
  const [s, setS] = useState<State>({ ...EMPTY, personId: askedPerson });
  const [error, setError] = useState<unknown>(null);
  const [prefilled, setPrefilled] = useState(false);
  const [busy, setBusy] = useState(false);
  const canSeePersons = useCan('person.view');
  const providers = useEndpoint(api.providers, {});
  const persons = useEndpoint(
    personsApi.list,
    { query: { pageSize: 100, status: 'active' } },
    { enabled: canSeePersons },
  );
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((x) => ({ ...x, [k]: v }));

  // The person's interpreter need, when the record has one.
  useEffect(() => {
    if (!s.personId) return;
    let live = true;
    call(api.prefill, { query: { personId: s.personId } })
      .then((p) => {
        if (!live || !p.language) return;
        setS((x) => ({
          ...x,
          language: p.language ?? x.language,
          modality: (p.modality as State['modality']) ?? x.modality,
          genderPreference: (p.genderPreference as State['genderPreference']) ?? x.genderPreference,
        }));
        setPrefilled(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [s.personId]);

  const fieldError = (path: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.path === `/${path}` || f.path === path)?.message
      : undefined;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const startsAt = brusselsInstant(s.day, s.start);
    const endsAt = brusselsInstant(s.day, s.end);
    if (!startsAt || !endsAt) {
      setError(new ApiError(400, 'errors.validation', w.m('errors.slot_order')));
      return;
    }
    const text = (v: string) => (v.trim() ? v.trim() : null);
    const body: BookingInput = {
      language: s.language,
      dialect: text(s.dialect),
      modality: s.modality,
      startsAt,
      endsAt,
      place: s.modality === 'on_site' ? text(s.place) : null,
      phone: s.modality === 'phone' ? text(s.phone) : null,
      videoUrl: s.modality === 'video' ? text(s.videoUrl) : null,
      domain: s.domain,
      genderPreference: s.genderPreference,
      personId: s.personId || null,
      briefing: text(s.briefing),
      providerOrgId: s.kind === 'samen' ? s.providerOrgId || null : null,
      externalService: s.kind === 'external' ? text(s.externalService) : null,
      costCentre: text(s.costCentre),
    };
    setBusy(true);
    try {
      const created = await call(api.create, { body });
      navigate(bookingLink.href({ id: created.id }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <PageHeader title={w.m('form.title')} />
      {prefilled && <Alert tone="info">{w.m('form.prefilled')}</Alert>}
      <Form onSubmit={submit}>
        {canSeePersons && persons.data && (
          <Select
            label={w.m('field.person')}
            description={w.m('form.person_hint')}
            value={s.personId}
            onChange={set('personId')}
            options={[
              { id: '', label: w.m('form.person_none') },
              ...persons.data.items.map((p) => ({ id: p.id, label: `${p.firstName} ${p.lastName}`.trim() })),
            ]}
          />
        )}
        <Select
          label={w.m('field.language')}
          value={s.language}
          onChange={set('language')}
          options={w.languageOptions()}
          placeholder={w.m('form.choose')}
          isRequired
          error={fieldError('language')}
        />
        <TextField
          label={w.m('field.dialect')}
          description={w.m('form.dialect_hint')}
          value={s.dialect}
          onChange={set('dialect')}
          maxLength={100}
        />
        <Select
          label={w.m('field.modality')}
          value={s.modality}
          onChange={(v) => set('modality')(v as State['modality'])}
          options={w.modalityOptions()}
          isRequired
        />
        {s.modality === 'on_site' && (
          <TextField
            label={w.m('field.place')}
            value={s.place}
            onChange={set('place')}
            isRequired
            maxLength={300}
            error={fieldError('place')}
          />
        )}
        {s.modality === 'phone' && (
          <TextField
            label={w.m('field.phone')}
            type="tel"
            value={s.phone}
            onChange={set('phone')}
            isRequired
            maxLength={30}
            error={fieldError('phone')}
          />
        )}
        {s.modality === 'video' && (
          <TextField
            label={w.m('field.video')}
            type="url"
            value={s.videoUrl}
            onChange={set('videoUrl')}
            isRequired
            maxLength={500}
            error={fieldError('videoUrl')}
          />
        )}
        <div className="row">
          <DateField
            label={w.m('field.day')}
            value={s.day}
            onChange={set('day')}
            isRequired
            error={fieldError('startsAt')}
          />
          <TimeField label={w.m('field.starts')} value={s.start} onChange={set('start')} isRequired />
          <TimeField
            label={w.m('field.ends')}
            value={s.end}
            onChange={set('end')}
            isRequired
            error={fieldError('endsAt')}
          />
        </div>
        <Select
          label={w.m('field.domain')}
          value={s.domain}
          onChange={(v) => set('domain')(v as State['domain'])}
          options={w.domainOptions()}
          isRequired
        />
        <Select
          label={w.m('field.gender')}
          value={s.genderPreference}
          onChange={(v) => set('genderPreference')(v as State['genderPreference'])}
          options={w.genderOptions()}
        />
        <TextArea
          label={w.m('field.briefing')}
          description={w.m('form.briefing_hint')}
          value={s.briefing}
          onChange={set('briefing')}
        />
        <Select
          label={w.m('field.provider_kind')}
          value={s.kind}
          onChange={(v) => set('kind')(v as ProviderKind)}
          options={[
            { id: 'external', label: w.m('form.provider_external') },
            { id: 'samen', label: w.m('form.provider_samen') },
          ]}
        />
        {s.kind === 'samen' ? (
          <Select
            label={w.m('field.provider_org')}
            value={s.providerOrgId}
            onChange={set('providerOrgId')}
            options={(providers.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }))}
            placeholder={w.m('form.choose')}
            isRequired
            error={fieldError('providerOrgId')}
          />
        ) : (
          <TextField
            label={w.m('field.external_service')}
            description={w.m('form.external_hint')}
            value={s.externalService}
            onChange={set('externalService')}
            isRequired
            maxLength={200}
            error={fieldError('providerOrgId')}
          />
        )}
        <TextField
          label={w.m('field.cost_centre')}
          value={s.costCentre}
          onChange={set('costCentre')}
          maxLength={100}
        />
        <ErrorAlert error={error} />
        <Button type="submit" isDisabled={busy}>
          {w.m('form.submit')}
        </Button>
      </Form>
    </div>
  );
}
