import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { systemClock } from '../../../../common/kernel/clock';
import { organisationsApi } from '../../../../common/network/endpoints';
import { CONSENT_GIVERS, CONSENT_PURPOSES, DATA_CATEGORIES } from '../../../../common/people/consent';
import { consentRuleErrors, withdrawalRuleErrors } from '../../../../common/people/rules';
import { ConsentCreateBody, type ConsentView, ConsentWithdrawBody } from '../../../../common/people/schemas';
import { useEndpoint } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { usePeopleLabels } from '../persons/labels';
import { RecipientsPicker } from './RecipientsPicker';

export interface ConsentFormValues extends Record<string, unknown> {
  purpose: string;
  dataCategories: string[];
  recipientOrgIds: string[];
  givenBy: string;
  representativeName: string;
  givenOn: string;
  expiresOn: string;
  supersedesId: string;
}

/** A blank consent, or one prefilled from the record it will replace (a change is a new record). */
export const consentDraft = (from?: ConsentView): ConsentFormValues => ({
  purpose: from?.purpose ?? 'placement',
  dataCategories: from?.dataCategories ?? ['identity'],
  recipientOrgIds: from?.recipientOrgIds ?? [],
  givenBy: from?.givenBy ?? 'person',
  representativeName: from?.representativeName ?? '',
  givenOn: systemClock.today(),
  expiresOn: '',
  supersedesId: from?.id ?? '',
});

/** Records a consent: purpose, data categories, recipient organisations, who gave it, when, until when. */
export function ConsentRecordForm({
  initial,
  ownOrgId,
  onSave,
  onCancel,
}: {
  initial: ConsentFormValues;
  ownOrgId: string;
  onSave: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const f = useForm(ConsentCreateBody, initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const orgs = useEndpoint(organisationsApi.list, { query: { status: 'active', pageSize: 100 } });
  const t = (id: string) => intl.formatMessage({ id });
  const submit = async () => {
    setError(null);
    if (!f.validate()) return;
    const rules = consentRuleErrors(f.body());
    if (rules.length) {
      f.setErrors(Object.fromEntries(rules.map((r) => [r.path, t(r.code)])));
      return;
    }
    setBusy(true);
    try {
      await onSave(f.body());
    } catch (e) {
      f.fromApiError(e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorAlert error={error} />
      <div className="grid-2">
        <Select
          label={t('people.consents.field.purpose')}
          value={f.values.purpose}
          onChange={f.set('purpose')}
          error={f.errors.purpose}
          options={labels.options('purpose', CONSENT_PURPOSES)}
          isRequired
        />
        <Select
          label={t('people.consents.field.given_by')}
          value={f.values.givenBy}
          onChange={f.set('givenBy')}
          error={f.errors.givenBy}
          options={labels.options('given_by', CONSENT_GIVERS)}
          isRequired
        />
        {f.values.givenBy === 'legal_representative' && (
          <TextField
            label={t('people.consents.field.representative_name')}
            value={f.values.representativeName}
            onChange={f.set('representativeName')}
            error={f.errors.representativeName}
            isRequired
          />
        )}
        <DateField
          label={t('people.consents.field.given_on')}
          value={f.values.givenOn}
          onChange={f.set('givenOn')}
          error={f.errors.givenOn}
          isRequired
        />
        <DateField
          label={t('people.consents.field.expires_on')}
          value={f.values.expiresOn}
          onChange={f.set('expiresOn')}
          error={f.errors.expiresOn}
        />
      </div>
      <CheckboxGroup
        label={t('people.consents.field.categories')}
        value={f.values.dataCategories}
        onChange={f.set('dataCategories')}
        error={f.errors.dataCategories}
        options={labels.options('category', DATA_CATEGORIES)}
      />
      <RecipientsPicker
        organisations={(orgs.data?.items ?? []).filter((o) => o.id !== ownOrgId)}
        value={f.values.recipientOrgIds}
        onChange={f.set('recipientOrgIds')}
        error={f.errors.recipientOrgIds}
      />
      <div className="row">
        <Button type="submit" isDisabled={busy}>
          <FormattedMessage id="people.consents.record" />
        </Button>
        <Button variant="ghost" onPress={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}

/** Records the withdrawal of one consent (date and reason); it cannot be undone. */
export function ConsentWithdrawForm({
  consent,
  onSave,
  onCancel,
}: {
  consent: ConsentView;
  onSave: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const f = useForm(ConsentWithdrawBody, { withdrawnOn: systemClock.today(), reason: '' });
  const [error, setError] = useState<unknown>(null);
  const t = (id: string) => intl.formatMessage({ id });
  const submit = async () => {
    setError(null);
    if (!f.validate()) return;
    const rules = withdrawalRuleErrors(f.values.withdrawnOn, consent.givenOn, systemClock.today());
    if (rules.length) {
      f.setErrors(Object.fromEntries(rules.map((r) => [r.path, t(r.code)])));
      return;
    }
    try {
      await onSave(f.body());
    } catch (e) {
      f.fromApiError(e);
      setError(e);
    }
  };
  return (
    <Form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorAlert error={error} />
      <div className="grid-2">
        <DateField
          label={t('people.consents.field.withdrawn_on')}
          value={f.values.withdrawnOn}
          onChange={f.set('withdrawnOn')}
          error={f.errors.withdrawnOn}
          isRequired
        />
        <TextField
          label={t('people.consents.field.withdrawal_reason')}
          value={f.values.reason}
          onChange={f.set('reason')}
          error={f.errors.reason}
          isRequired
        />
      </div>
      <div className="row">
        <Button type="submit" variant="danger">
          <FormattedMessage id="people.consents.withdraw_confirm" />
        </Button>
        <Button variant="ghost" onPress={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
