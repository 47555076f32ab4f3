import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { volunteerLink } from '../../../common/volunteers/links';
import type { VolunteerDetail } from '../../../common/volunteers/schemas';
import { VolunteerUpdate } from '../../../common/volunteers/update';
import { call, invalidate, useEndpoint } from '../../app/client';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { CheckboxGroup, Form, TextArea, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card, PageHeader } from '../../app/ui/layout';
import { RecordTraining } from './VolunteerForms';
import { useVolunteerWords } from './words';

/**
 * The coordinator's edit of a volunteer: contact, languages, skills, availability and the organisations
 * the volunteer works with (one save, checked by the same schema as the API), and the trainings (each
 * added or removed at once). Status, benefit centre and declarations stay on the volunteer's page.
 */
export function VolunteerEditPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } }, { retry: false });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <EditVolunteer v={q.data} />;
}

const fromVolunteer = (v: VolunteerDetail) => ({
  name: v.name,
  email: v.email,
  phone: v.phone ?? '',
  languages: v.languages,
  skills: v.skills,
  availability: v.availability ?? '',
  organisationIds: v.organisations.map((o) => o.id),
});

function EditVolunteer({ v }: { v: VolunteerDetail }) {
  const w = useVolunteerWords();
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `volunteers.work.${id}` }, values);
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm(VolunteerUpdate, fromVolunteer(v));
  const orgs = useEndpoint(api.organisations, {}, { enabled: v.canManage });
  const [trainingError, setTrainingError] = useState<unknown>(null);
  const back = volunteerLink.href({ id: v.id });
  const title = m('edit_title', { name: v.name });
  if (!v.canManage)
    return (
      <div className="stack">
        <PageHeader title={title} />
        <Alert tone="warning">{m('not_coordinator')}</Alert>
        <LinkButton variant="secondary" to={back}>
          {m('cancel')}
        </LinkButton>
      </div>
    );
  const orgOptions = (orgs.data ?? [])
    .filter((o) => o.id !== v.coordinator.id)
    .map((o) => ({ id: o.id, label: w.org(o) }));
  const removeTraining = async (trainingId: string) => {
    setTrainingError(null);
    try {
      await call(api.removeTraining, { params: { id: v.id, trainingId } });
      await invalidate(client, api.get);
    } catch (e) {
      setTrainingError(e);
    }
  };
  return (
    <div className="stack">
      <PageHeader title={title} description={m('edit_intro')} />
      <ErrorAlert error={form.error ?? orgs.error} />
      <Form
        className="stack"
        onSubmit={form.onSubmit(
          (body) => call(api.update, { params: { id: v.id }, body: body as VolunteerUpdate }),
          async () => {
            await invalidate(client, api.get, api.list);
            navigate(back);
          },
        )}
      >
        <TextField
          label={m('name')}
          value={form.values.name}
          onChange={form.set('name')}
          isRequired
          error={form.errors.name}
        />
        <TextField
          label={m('email')}
          type="email"
          value={form.values.email}
          onChange={form.set('email')}
          isRequired
          error={form.errors.email}
        />
        <TextField
          label={m('phone')}
          type="tel"
          value={form.values.phone}
          onChange={form.set('phone')}
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
          value={form.values.availability}
          onChange={form.set('availability')}
          error={form.errors.availability}
        />
        <CheckboxGroup
          label={m('organisations')}
          description={m('organisations_help', { org: w.org(v.coordinator) })}
          value={form.values.organisationIds}
          onChange={form.set('organisationIds')}
          options={orgOptions}
          error={form.errors.organisationIds}
        />
        <div className="row">
          <Button type="submit" isDisabled={form.submitting}>
            {m('save')}
          </Button>
          <LinkButton variant="secondary" to={back}>
            {m('cancel')}
          </LinkButton>
        </div>
      </Form>
      <Card title={m('trainings')} actions={<RecordTraining volunteer={v} />}>
        <ErrorAlert error={trainingError} />
        {v.trainings.length === 0 ? (
          <p>{w.m('trainings_none')}</p>
        ) : (
          <ul className="stack">
            {v.trainings.map((t) => (
              <li key={t.id} className="row">
                <span>
                  {w.m('training_line', {
                    date: intl.formatDate(t.followedOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                    title: t.title,
                    org: w.org(t.org),
                  })}
                </span>
                {t.canRemove && (
                  <Button variant="secondary" onPress={() => removeTraining(t.id)}>
                    {m('remove_training', { title: t.title })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
