import { useQueryClient } from '@tanstack/react-query';
import { FormattedDate } from 'react-intl';
import Type from 'typebox';
import { IsoDate } from '../../../common/kernel/schemas';
import { volunteersApi as api } from '../../../common/volunteers/endpoints';
import { volunteersLink } from '../../../common/volunteers/links';
import { InsuranceBody, type InsuranceView } from '../../../common/volunteers/schemas';
import { call, invalidate, useEndpoint } from '../../app/client';
import { Button, LinkButton } from '../../app/ui/Button';
import { DateField } from '../../app/ui/DateField';
import { FormDialog } from '../../app/ui/FormDialog';
import { Alert, ErrorAlert, Loading } from '../../app/ui/feedback';
import { TextField } from '../../app/ui/fields';
import { useForm } from '../../app/ui/form';
import { Card, PageHeader } from '../../app/ui/layout';
import { DataTable } from '../../app/ui/Table';
import { useInsuranceWords, useVolunteerWords } from './words';

/** The form's values: an empty end date is "no end date" (the API's null). */
const InsuranceForm = Type.Object({ ...InsuranceBody.properties, validTo: Type.Optional(IsoDate) });
const EMPTY = { insurer: '', policyNumber: '', validFrom: '', validTo: '' };

/**
 * The organisation's civil-liability insurance for volunteers (a section of its settings): the policies
 * recorded, whether one covers today, and a form to record another.
 */
export function InsurancePage() {
  const w = useVolunteerWords();
  const m = useInsuranceWords();
  const q = useEndpoint(api.insurance, {});
  const date = (d: string) => <FormattedDate value={d} dateStyle="medium" timeZone="UTC" />;
  return (
    <div className="stack">
      <LinkButton variant="secondary" to={volunteersLink.href()}>
        {w.m('back')}
      </LinkButton>
      <PageHeader title={m('title')} description={m('intro')} actions={<AddInsurance />} />
      {q.isLoading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && (
        <Card>
          <Alert tone={q.data.coveredToday ? 'success' : 'warning'}>
            {m(q.data.coveredToday ? 'covered_today' : 'not_covered_today')}
          </Alert>
          {q.data.items.length === 0 ? (
            <p>{m('none')}</p>
          ) : (
            <DataTable<InsuranceView>
              caption={m('caption')}
              rows={q.data.items}
              rowKey={(i) => i.id}
              columns={[
                { key: 'insurer', header: m('insurer'), render: (i) => i.insurer },
                { key: 'policy', header: m('policy_number'), render: (i) => i.policyNumber },
                { key: 'from', header: m('valid_from'), render: (i) => date(i.validFrom) },
                {
                  key: 'to',
                  header: m('valid_to'),
                  render: (i) => (i.validTo ? date(i.validTo) : m('open_ended')),
                },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}

function AddInsurance() {
  const m = useInsuranceWords();
  const client = useQueryClient();
  const form = useForm(InsuranceForm, EMPTY);
  return (
    <FormDialog
      trigger={<Button>{m('add')}</Button>}
      title={m('add')}
      submitLabel={m('add')}
      onError={form.fromApiError}
      onSubmit={async () => {
        if (!form.validate()) return false;
        const v = form.values;
        await call(api.addInsurance, {
          body: {
            insurer: v.insurer,
            policyNumber: v.policyNumber,
            validFrom: v.validFrom,
            validTo: v.validTo || null,
          },
        });
        await invalidate(client, api.insurance);
        form.setValues(EMPTY);
        return true;
      }}
    >
      <TextField
        label={m('insurer')}
        value={form.values.insurer}
        onChange={form.set('insurer')}
        isRequired
        error={form.errors.insurer}
      />
      <TextField
        label={m('policy_number')}
        value={form.values.policyNumber}
        onChange={form.set('policyNumber')}
        isRequired
        error={form.errors.policyNumber}
      />
      <DateField
        label={m('valid_from')}
        value={form.values.validFrom}
        onChange={form.set('validFrom')}
        isRequired
        error={form.errors.validFrom}
      />
      <DateField
        label={m('valid_to')}
        description={m('valid_to_help')}
        value={form.values.validTo}
        onChange={form.set('validTo')}
        error={form.errors.validTo}
      />
    </FormDialog>
  );
}
