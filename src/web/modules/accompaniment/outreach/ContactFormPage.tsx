import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { outreachApi as api } from '../../../../common/accompaniment/outreach-endpoints';
import { contactLink } from '../../../../common/accompaniment/outreach-links';
import { pseudonymProblem } from '../../../../common/accompaniment/outreach-rules';
import type { Contact, ContactInput } from '../../../../common/accompaniment/outreach-schemas';
import { civilDay } from '../../../../common/kernel/clock';
import { ApiError } from '../../../app/api';
import { call, useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { useOutreachWords } from './words';

type State = Omit<ContactInput, 'pseudonym' | 'referral' | 'note' | 'language' | 'municipalityCode'> & {
  pseudonym: string;
  referral: string;
  note: string;
  language: string;
  municipalityCode: string;
};

const fromContact = (c: Contact): State => ({
  contactOn: c.contactOn,
  place: c.place,
  municipalityCode: c.municipalityCode ?? '',
  country: c.country,
  pseudonym: c.pseudonym ?? '',
  ageBand: c.ageBand,
  language: c.language ?? '',
  needs: c.needs,
  referral: c.referral ?? '',
  note: c.note ?? '',
});

export function NewContactPage() {
  return (
    <ContactForm
      initial={{
        contactOn: civilDay(new Date()),
        place: '',
        municipalityCode: '',
        country: 'BE',
        pseudonym: '',
        ageBand: 'unknown',
        language: '',
        needs: [],
        referral: '',
        note: '',
      }}
    />
  );
}

export function EditContactPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <ContactForm id={id} initial={fromContact(q.data)} />;
}

/** An outreach contact: no name — a pseudonym at most, checked as typed (never an e-mail or a number). */
function ContactForm({ id, initial }: { id?: string; initial: State }) {
  const w = useOutreachWords();
  const navigate = useNavigate();
  const [s, setS] = useState<State>(initial);
  const [error, setError] = useState<unknown>(null);
  const update = useEndpointMutation(api.update, [api.get, api.list]);
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const problem = pseudonymProblem(s.pseudonym.trim() || null);
  const fieldError = (path: string) =>
    error instanceof ApiError
      ? error.fields.find((f) => f.path === `/${path}` || f.path === path)?.message
      : undefined;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    if (problem) return;
    const text = (v: string) => (v.trim() ? v.trim() : null);
    const body: ContactInput = {
      contactOn: s.contactOn,
      place: s.place.trim(),
      municipalityCode: s.municipalityCode || null,
      country: s.country,
      pseudonym: text(s.pseudonym),
      ageBand: s.ageBand,
      language: s.language || null,
      needs: s.needs,
      referral: text(s.referral),
      note: text(s.note),
    };
    try {
      if (id) {
        await update.mutateAsync({ params: { id }, body });
        navigate(contactLink.href({ id }));
      } else {
        const created = await call(api.create, { body });
        navigate(contactLink.href({ id: created.id }));
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack">
      <PageHeader title={w.m(id ? 'form.edit_title' : 'form.title')} />
      <Form onSubmit={submit}>
        <DateField
          label={w.m('field.date')}
          value={s.contactOn}
          onChange={set('contactOn')}
          isRequired
          error={fieldError('contactOn')}
        />
        <TextField
          label={w.m('field.place')}
          value={s.place}
          onChange={set('place')}
          isRequired
          maxLength={200}
        />
        <Select
          label={w.m('field.country')}
          value={s.country}
          onChange={(v) => setS((x) => ({ ...x, country: v as State['country'], municipalityCode: '' }))}
          options={[
            { id: 'BE', label: w.m('country.BE') },
            { id: 'FR', label: w.m('country.FR') },
          ]}
        />
        <MunicipalityPicker
          key={s.country}
          label={w.m('field.municipality')}
          value={s.municipalityCode}
          initialName={s.municipalityCode}
          country={s.country}
          error={fieldError('municipalityCode')}
          onChange={(code) => set('municipalityCode')(code)}
        />
        <TextField
          label={w.m('field.pseudonym')}
          description={w.m('form.pseudonym_hint')}
          value={s.pseudonym}
          onChange={set('pseudonym')}
          maxLength={60}
          error={problem ? w.m(`errors.pseudonym_${problem}`) : fieldError('pseudonym')}
        />
        <Select
          label={w.m('field.age_band')}
          value={s.ageBand}
          onChange={(v) => set('ageBand')(v as State['ageBand'])}
          options={w.ageOptions()}
        />
        <Select
          label={w.m('field.language')}
          value={s.language}
          onChange={set('language')}
          options={[{ id: '', label: w.m('form.no_language') }, ...w.languageOptions()]}
        />
        <CheckboxGroup
          label={w.m('field.needs')}
          value={s.needs}
          onChange={(v) => set('needs')(v as State['needs'])}
          options={w.needOptions()}
        />
        <TextField
          label={w.m('field.referral')}
          value={s.referral}
          onChange={set('referral')}
          maxLength={200}
        />
        <TextArea
          label={w.m('field.note')}
          description={w.m('form.note_hint')}
          value={s.note}
          onChange={set('note')}
        />
        <ErrorAlert error={error} />
        <Button type="submit">{w.m('form.submit')}</Button>
      </Form>
    </div>
  );
}
