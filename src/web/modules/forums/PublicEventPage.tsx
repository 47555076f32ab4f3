import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { publicForumsApi as pub } from '../../../common/forums/endpoints';
import { publicEventLink } from '../../../common/forums/links';
import type { PublicEventView, RegistrationInput } from '../../../common/forums/schemas';
import { call, useEndpoint } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Checkbox, Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { Facts, PageHeader } from '../../app/ui/layout';
import { LanguageSwitch, PageLanguage, usePageError, usePublicLanguage } from '../../app/ui/PageLanguage';
import { useForumWords, whenText } from './words';

/**
 * A published event without an account, in French or Dutch (?lang=, else the visitor's), with the
 * registration form. Nothing about other registrants is shown: only whether a new registration waits.
 */
export function PublicEventPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const lang = usePublicLanguage(publicEventLink.read(location.search).lang);
  return (
    <PageLanguage language={lang}>
      <PublicEvent id={id} lang={lang} />
    </PageLanguage>
  );
}

function PublicEvent({ id, lang }: { id: string; lang: 'fr' | 'nl' }) {
  const w = useForumWords();
  const pageError = usePageError();
  const q = useEndpoint(pub.get, { params: { id }, query: { lang } }, { retry: false });
  const switcher = (
    <LanguageSwitch
      current={lang}
      href={(l) => publicEventLink.href({ id }, { lang: l })}
      label={w.m('public.language')}
    />
  );
  if (q.isLoading) return <Loading />;
  if (!q.data)
    return (
      <div className="stack">
        {switcher}
        <ErrorAlert error={pageError(q.error)} />
      </div>
    );
  const e = q.data;
  return (
    <div className="stack">
      {switcher}
      <PageHeader title={e.title} description={`${w.kind(e.kind)} · ${e.organisation}`} />
      {e.status === 'cancelled' && <Alert tone="warning">{w.m('public.cancelled')}</Alert>}
      {e.description && <p className="pre-line">{e.description}</p>}
      <Facts
        items={[
          [w.m('field.when'), whenText(w, e.startsAt, e.endsAt)],
          ...(e.venue ? [[w.m('field.venue'), e.venue] as [string, string]] : []),
          ...(e.onlineUrl ? [[w.m('field.online_url'), e.onlineUrl] as [string, string]] : []),
          [w.m('field.languages'), e.languages.map(w.languageName).join(', ')],
          [w.m('field.interpreting'), w.m(e.interpreting ? 'yes' : 'no')],
          [w.m('field.audiences'), e.audiences.map(w.audience).join(', ')],
          ...(e.partners.length ? [[w.m('field.partners'), e.partners.join(', ')] as [string, string]] : []),
        ]}
      />
      {e.open ? (
        <RegistrationForm event={e} lang={lang} />
      ) : (
        e.status !== 'cancelled' && <p>{w.m('public.closed')}</p>
      )}
    </div>
  );
}

export function RegistrationForm({ event, lang }: { event: PublicEventView; lang: 'fr' | 'nl' }) {
  const w = useForumWords();
  const pageError = usePageError();
  const [s, setS] = useState<RegistrationInput>({
    name: '',
    email: '',
    organisation: null,
    language: lang,
    accessibilityNeeds: null,
    consentContact: false,
    website: '',
  });
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set =
    <K extends keyof RegistrationInput>(k: K) =>
    (v: RegistrationInput[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(pub.register, { params: { id: event.id }, body: s });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (sent) return <Alert tone="success">{w.m('public.received')}</Alert>;
  return (
    <section className="card">
      <h2>{w.m('public.register')}</h2>
      {event.full && <p>{w.m('public.full')}</p>}
      <Form onSubmit={submit}>
        <TextField
          label={w.m('field.name')}
          value={s.name}
          onChange={set('name')}
          isRequired
          autoComplete="name"
          maxLength={200}
        />
        <TextField
          label={w.m('field.email')}
          type="email"
          value={s.email}
          onChange={set('email')}
          isRequired
          autoComplete="email"
          maxLength={254}
        />
        <TextField
          label={w.m('field.organisation')}
          value={s.organisation ?? ''}
          onChange={(v) => set('organisation')(v.trim() ? v : null)}
          maxLength={200}
        />
        <Select
          label={w.m('field.language')}
          value={s.language}
          onChange={(v) => set('language')(v as RegistrationInput['language'])}
          options={w.registrationLanguageOptions()}
          isRequired
        />
        <TextArea
          label={w.m('field.accessibility')}
          description={w.m('public.accessibility_hint')}
          value={s.accessibilityNeeds ?? ''}
          onChange={(v) => set('accessibilityNeeds')(v.trim() ? v : null)}
        />
        <Checkbox isSelected={s.consentContact} onChange={set('consentContact')}>
          {w.m('field.consent_contact')}
        </Checkbox>
        {/* The honeypot: hidden from people and from assistive technology; robots fill it. */}
        <div className="visually-hidden" aria-hidden="true">
          <label>
            {w.m('public.honeypot')}
            <input
              tabIndex={-1}
              autoComplete="off"
              name="website"
              value={s.website ?? ''}
              onChange={(e) => set('website')(e.target.value)}
            />
          </label>
        </div>
        <p className="description">{w.m('public.privacy')}</p>
        <ErrorAlert error={pageError(error)} />
        <Button type="submit" isDisabled={busy}>
          {w.m(event.full ? 'public.submit_waiting' : 'public.submit')}
        </Button>
      </Form>
    </section>
  );
}
