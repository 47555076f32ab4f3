import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router';
import { localized } from '../../../common/i18n/locales';
import { publicVolunteersApi as pub } from '../../../common/volunteers/endpoints';
import { volunteerRegisterLink } from '../../../common/volunteers/links';
import { VolunteerRegistration } from '../../../common/volunteers/schemas';
import { call, useEndpoint } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { Checkbox, CheckboxGroup, Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { PageHeader } from '../../app/ui/layout';
import { LanguageSwitch, PageLanguage, usePublicLanguage } from '../../app/ui/PageLanguage';
import { useVolunteerWords } from './words';

type Lang = 'fr' | 'nl';
const _LANGS: Lang[] = ['fr', 'nl'];

/**
 * "Become a volunteer", without an account, in French or Dutch (?lang=, else the visitor's language) with a
 * switch between the two. The answer is the same whatever was sent (a known e-mail, a robot's honeypot):
 * a thank-you that promises nothing.
 */
export function PublicVolunteerPage() {
  const location = useLocation();
  const lang: Lang = usePublicLanguage(volunteerRegisterLink.read(location.search).lang);
  return (
    <PageLanguage language={lang}>
      <Register lang={lang} />
    </PageLanguage>
  );
}

const EMPTY = {
  name: '',
  email: '',
  phone: '',
  languages: [] as string[],
  skills: [] as string[],
  availability: '',
  orgId: '',
  consent: false,
  website: '',
};

function Register({ lang }: { lang: Lang }) {
  const intl = useIntl();
  const w = useVolunteerWords();
  const m = (id: string) => intl.formatMessage({ id: `volunteers.register.${id}` });
  const orgs = useEndpoint(pub.organisations, {});
  const form = useForm(VolunteerRegistration, EMPTY);
  const [done, setDone] = useState(false);
  const switcher = (
    <LanguageSwitch
      current={lang}
      href={(l) => volunteerRegisterLink.href(undefined, { lang: l })}
      label={m('language')}
    />
  );
  if (done)
    return (
      <div className="stack">
        {switcher}
        <Alert tone="success" title={m('done_title')}>
          {m('done_body')}
        </Alert>
      </div>
    );
  const options = (orgs.data ?? []).map((o) => ({ id: o.id, label: localized(lang, o.nameFr, o.nameNl) }));
  return (
    <div className="stack">
      {switcher}
      <PageHeader title={m('title')} description={m('intro')} />
      <ErrorAlert error={form.error ?? orgs.error} />
      <Form
        className="stack"
        onSubmit={form.onSubmit(
          (body) => call(pub.register, { body: { ...(body as VolunteerRegistration), consent: true } }),
          () => setDone(true),
        )}
      >
        <TextField
          label={m('name')}
          value={form.values.name}
          onChange={form.set('name')}
          autoComplete="name"
          isRequired
          error={form.errors.name}
        />
        <TextField
          label={m('email')}
          type="email"
          value={form.values.email}
          onChange={form.set('email')}
          autoComplete="email"
          isRequired
          error={form.errors.email}
        />
        <TextField
          label={m('phone')}
          type="tel"
          value={form.values.phone}
          onChange={form.set('phone')}
          autoComplete="tel"
          error={form.errors.phone}
        />
        <CheckboxGroup
          label={m('languages')}
          value={form.values.languages}
          onChange={form.set('languages')}
          options={w.languageOptions()}
          isRequired
          error={form.errors.languages}
        />
        <CheckboxGroup
          label={m('skills')}
          value={form.values.skills}
          onChange={form.set('skills')}
          options={w.skillOptions()}
          error={form.errors.skills}
        />
        <TextArea
          label={m('availability')}
          description={m('availability_help')}
          value={form.values.availability}
          onChange={form.set('availability')}
          error={form.errors.availability}
        />
        <Select
          label={m('organisation')}
          value={form.values.orgId || null}
          onChange={form.set('orgId')}
          options={options}
          isRequired
          error={form.errors.orgId}
        />
        {/* A honeypot: hidden from people and from assistive technology, filled by robots only. */}
        <div className="visually-hidden" aria-hidden="true">
          <label>
            {m('website')}
            <input
              tabIndex={-1}
              autoComplete="off"
              value={form.values.website}
              onChange={(e) => form.set('website')(e.currentTarget.value)}
            />
          </label>
        </div>
        <p>{m('benefit_note')}</p>
        <Checkbox isSelected={form.values.consent} onChange={form.set('consent')}>
          {m('consent')}
        </Checkbox>
        {form.errors.consent && <p className="field-error">{form.errors.consent}</p>}
        <div className="row">
          <Button type="submit" isDisabled={form.submitting}>
            {m('submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
