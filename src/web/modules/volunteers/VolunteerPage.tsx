import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { volunteerEditLink, volunteersLink } from '../../../common/volunteers/links';
import { volunteerActions } from '../../../common/volunteers/rules';
import type { VolunteerAction, VolunteerDetail } from '../../../common/volunteers/schemas';
import { call, invalidate, useEndpoint } from '../../app/client';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { AssignVolunteer } from './AssignVolunteer';
import { ActivityLink, HoursSummary } from './HoursSummary';
import { AddOrganisation, RecordDeclaration, RecordTraining, SetBenefitCentre } from './VolunteerForms';
import { statusTag, useVolunteerWords } from './words';

/**
 * One volunteer: contact, the organisations it works with, trainings, the Belgian benefit declaration and
 * the assignments with their hours. The coordinating organisation validates and deactivates; the forms a
 * caller may not use are not shown (the API refuses them anyway).
 */
export function VolunteerPage() {
  const { id = '' } = useParams();
  const q = useEndpoint(api.get, { params: { id } }, { retry: false });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <Volunteer v={q.data} />;
}

function Volunteer({ v }: { v: VolunteerDetail }) {
  const w = useVolunteerWords();
  const intl = useIntl();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const act = async (action: VolunteerAction) => {
    setError(null);
    try {
      await call(api.status, { params: { id: v.id }, body: { action } });
      await invalidate(client, api.get, api.list);
    } catch (e) {
      setError(e);
    }
  };
  const removeOrg = async (orgId: string) => {
    setError(null);
    try {
      await call(api.removeOrganisation, { params: { id: v.id, orgId } });
      await invalidate(client, api.get);
    } catch (e) {
      setError(e);
    }
  };
  const date = (d: string) => <FormattedDate value={d} dateStyle="medium" timeZone="UTC" />;
  return (
    <div className="stack">
      <LinkButton variant="secondary" to={volunteersLink.href()}>
        {w.m('back')}
      </LinkButton>
      <PageHeader
        title={v.name}
        description={<span className={statusTag(v.status)}>{w.status(v.status)}</span>}
        actions={
          v.canManage && (
            <div className="row">
              <LinkButton variant="secondary" to={volunteerEditLink.href({ id: v.id })}>
                {intl.formatMessage({ id: 'volunteers.work.edit' })}
              </LinkButton>
              {volunteerActions(v.status).map((a) => (
                <Button key={a} variant={a === 'deactivate' ? 'secondary' : 'primary'} onPress={() => act(a)}>
                  {w.m(`action.${a}`)}
                </Button>
              ))}
            </div>
          )
        }
      />
      <ErrorAlert error={error} />
      <Card title={w.m('contact')}>
        <Facts
          items={[
            [w.m('email'), v.email],
            [w.m('phone'), v.phone ?? w.m('none')],
            [w.m('languages'), v.languages.map(w.language).join(', ') || w.m('none')],
            [w.m('skills'), v.skills.map(w.skill).join(', ') || w.m('none')],
            [w.m('availability'), v.availability ?? w.m('none')],
            [w.m('coordinator'), w.org(v.coordinator)],
            [w.m('consent_given'), date(v.consentGivenAt)],
            [w.m('validated_at'), v.validatedAt ? date(v.validatedAt) : w.m('none')],
          ]}
        />
      </Card>
      <Card title={w.m('organisations')} actions={v.canManage && <AddOrganisation volunteer={v} />}>
        {v.organisations.length === 0 ? (
          <p>{w.m('organisations_none')}</p>
        ) : (
          <ul className="stack">
            {v.organisations.map((o) => (
              <li key={o.id} className="row">
                <span>{w.org(o)}</span>
                {v.canManage && (
                  <Button variant="secondary" onPress={() => removeOrg(o.id)}>
                    {w.m('remove_organisation', { org: w.org(o) })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={w.m('benefit_title')} actions={v.canManage && <SetBenefitCentre volunteer={v} />}>
        <p>{w.m('benefit_help')}</p>
        <p>
          <strong>
            {v.benefitCentre ? w.m('benefit_centre', { org: w.org(v.benefitCentre) }) : w.m('benefit_none')}
          </strong>
        </p>
        {v.benefitCentre && v.declarations.length === 0 && (
          <Alert tone="warning">{w.m('declarations_none')}</Alert>
        )}
        {v.declarations.length > 0 && (
          <ul>
            {v.declarations.map((d) => (
              <li key={d.id}>
                {w.m('declaration_line', {
                  org: w.org(d.centre),
                  date: intl.formatDate(d.declaredOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                  user: d.acknowledgedBy,
                })}
              </li>
            ))}
          </ul>
        )}
        {v.canManage && <RecordDeclaration volunteer={v} />}
      </Card>
      <Card title={w.m('trainings')} actions={<RecordTraining volunteer={v} />}>
        {v.trainings.length === 0 ? (
          <p>{w.m('trainings_none')}</p>
        ) : (
          <ul>
            {v.trainings.map((t) => (
              <li key={t.id}>
                {w.m('training_line', {
                  date: intl.formatDate(t.followedOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                  title: t.title,
                  org: w.org(t.org),
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <HoursSummary summary={v.summary} coordinator={v.canManage} />
      <Card title={w.m('assignments')} actions={v.canAssign && <AssignVolunteer volunteer={v} />}>
        <p>
          <strong>{w.m('total_hours', { n: v.totalHours })}</strong>
        </p>
        {v.assignments.length === 0 ? (
          <p>{w.m('assignments_none')}</p>
        ) : (
          <DataTable
            stacked
            caption={w.m('assignments')}
            rows={v.assignments}
            rowKey={(a) => a.id}
            columns={[
              { key: 'date', header: w.m('assigned_on'), render: (a) => date(a.assignedOn) },
              {
                key: 'activity',
                header: w.m('activity'),
                render: (a) => <ActivityLink a={a} />,
              },
              { key: 'org', header: w.m('organisation'), render: (a) => w.org(a.org) },
              { key: 'hours', header: w.m('hours'), render: (a) => w.m('hours_value', { n: a.hours }) },
              {
                key: 'insured',
                header: w.m('insured'),
                render: (a) => (
                  <span className={a.insured ? 'tag tag--success' : 'tag tag--warning'}>
                    {w.m(a.insured ? 'insured_yes' : 'insured_no')}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
