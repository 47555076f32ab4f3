import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import Type from 'typebox';
import { IsoDate } from '../../../common/kernel/schemas';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { TrainingBody, type VolunteerDetail } from '../../../common/volunteers/schemas';
import { call, invalidate, useEndpoint } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { FormDialog } from '../../app/ui/FormDialog';
import { Select, TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { useVolunteerWords } from './words';

/** The volunteer page's forms, each a dialog sending one endpoint and refreshing the page. */

const NONE = '-';

function useOrganisations() {
  const w = useVolunteerWords();
  const q = useEndpoint(api.organisations, {});
  const all = q.data ?? [];
  return {
    all: all.map((o) => ({ id: o.id, label: w.org(o) })),
    centres: all
      .filter((o) => o.country === 'BE' && (o.kind === 'cpas' || o.kind === 'ocmw'))
      .map((o) => ({ id: o.id, label: w.org(o) })),
  };
}

export function AddOrganisation({ volunteer }: { volunteer: VolunteerDetail }) {
  const w = useVolunteerWords();
  const client = useQueryClient();
  const orgs = useOrganisations();
  const [orgId, setOrgId] = useState<string | null>(null);
  const taken = new Set([volunteer.coordinator.id, ...volunteer.organisations.map((o) => o.id)]);
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.m('add_organisation')}</Button>}
      title={w.m('add_organisation')}
      submitLabel={w.m('save')}
      isSubmitDisabled={!orgId}
      onSubmit={async () => {
        if (!orgId) return false;
        await call(api.addOrganisation, { params: { id: volunteer.id }, body: { orgId } });
        await invalidate(client, api.get);
        setOrgId(null);
        return true;
      }}
    >
      <Select
        label={w.m('organisation')}
        value={orgId}
        onChange={setOrgId}
        options={orgs.all.filter((o) => !taken.has(o.id))}
        isRequired
      />
    </FormDialog>
  );
}

export function SetBenefitCentre({ volunteer }: { volunteer: VolunteerDetail }) {
  const w = useVolunteerWords();
  const client = useQueryClient();
  const orgs = useOrganisations();
  const [centre, setCentre] = useState<string>(volunteer.benefitCentre?.id ?? NONE);
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.m('benefit_set')}</Button>}
      title={w.m('benefit_set')}
      submitLabel={w.m('save')}
      onSubmit={async () => {
        const centreOrgId = centre === NONE ? null : centre;
        await call(api.benefitCentre, { params: { id: volunteer.id }, body: { centreOrgId } });
        await invalidate(client, api.get);
        return true;
      }}
    >
      <Select
        label={w.m('centre')}
        value={centre}
        onChange={setCentre}
        options={[{ id: NONE, label: w.m('benefit_clear') }, ...orgs.centres]}
      />
    </FormDialog>
  );
}

const DeclarationForm = Type.Object({ centreOrgId: Type.String({ minLength: 1 }), declaredOn: IsoDate });

export function RecordDeclaration({ volunteer }: { volunteer: VolunteerDetail }) {
  const w = useVolunteerWords();
  const client = useQueryClient();
  const orgs = useOrganisations();
  const initial = { centreOrgId: volunteer.benefitCentre?.id ?? '', declaredOn: '' };
  const form = useForm(DeclarationForm, initial);
  return (
    <FormDialog
      trigger={<Button>{w.m('record_declaration')}</Button>}
      title={w.m('record_declaration')}
      submitLabel={w.m('save')}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        await call(api.declare, { params: { id: volunteer.id }, body: form.values });
        await invalidate(client, api.get);
        form.setValues(initial);
        return true;
      }}
    >
      <p>{w.m('declaration_help')}</p>
      <Select
        label={w.m('centre')}
        value={form.values.centreOrgId || null}
        onChange={form.set('centreOrgId')}
        options={orgs.centres}
        isRequired
        error={form.errors.centreOrgId}
      />
      <DateField
        label={w.m('declared_on')}
        value={form.values.declaredOn}
        onChange={form.set('declaredOn')}
        isRequired
        error={form.errors.declaredOn}
      />
    </FormDialog>
  );
}

export function RecordTraining({ volunteer }: { volunteer: VolunteerDetail }) {
  const w = useVolunteerWords();
  const client = useQueryClient();
  const form = useForm(TrainingBody, { title: '', followedOn: '' });
  return (
    <FormDialog
      trigger={<Button variant="secondary">{w.m('add_training')}</Button>}
      title={w.m('add_training')}
      submitLabel={w.m('save')}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        await call(api.addTraining, { params: { id: volunteer.id }, body: form.values });
        await invalidate(client, api.get);
        form.setValues({ title: '', followedOn: '' });
        return true;
      }}
    >
      <TextField
        label={w.m('training_title')}
        value={form.values.title}
        onChange={form.set('title')}
        isRequired
        error={form.errors.title}
      />
      <DateField
        label={w.m('training_date')}
        value={form.values.followedOn}
        onChange={form.set('followedOn')}
        isRequired
        error={form.errors.followedOn}
      />
    </FormDialog>
  );
}
