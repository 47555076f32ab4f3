import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { systemClock } from '../../../../common/kernel/clock';
import { personsApi } from '../../../../common/people/endpoints';
import { personRuleErrors } from '../../../../common/people/rules';
import {
  BENEFITS,
  CEFR_LEVELS,
  CONTRACT_TYPES,
  PERSON_LANGUAGES,
  PERSON_SEXES,
  type PersonDetail,
  PersonFormSchema,
  PREFERRED_LANGUAGES,
} from '../../../../common/people/schemas';
import { useEndpoint } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form, Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { usePeopleLabels } from './labels';

export interface PersonFormValues extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  birthDate: string;
  /** Empty: not recorded. */
  sex: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  municipalityCode: string;
  langFr: string;
  langNl: string;
  langEn: string;
  langDe: string;
  preferredLanguage: string;
  benefit: string;
  benefitSince: string;
  benefitUntil: string;
  contractType: string;
  contractSignedOn: string;
  contractNextEvaluationOn: string;
  nationalId: string;
  referentUserId: string;
}

const LANG_FIELD = { fr: 'langFr', nl: 'langNl', en: 'langEn', de: 'langDe' } as const;
const NONE = '-';

export const EMPTY_PERSON: PersonFormValues = {
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: '',
  email: '',
  phone: '',
  street: '',
  postalCode: '',
  municipalityCode: '',
  langFr: '',
  langNl: '',
  langEn: '',
  langDe: '',
  preferredLanguage: '',
  benefit: 'none',
  benefitSince: '',
  benefitUntil: '',
  contractType: 'none',
  contractSignedOn: '',
  contractNextEvaluationOn: '',
  nationalId: '',
  referentUserId: '',
};

/** The form's values for a stored person (absent values as empty text; the national id is never sent back). */
export function toFormValues(p: PersonDetail): PersonFormValues {
  const lang = (l: string) => p.languages[l] ?? '';
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    sex: p.sex ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    street: p.street ?? '',
    postalCode: p.postalCode ?? '',
    municipalityCode: p.municipalityCode ?? '',
    langFr: lang('fr'),
    langNl: lang('nl'),
    langEn: lang('en'),
    langDe: lang('de'),
    preferredLanguage: p.preferredLanguage,
    benefit: p.benefit,
    benefitSince: p.benefitSince ?? '',
    benefitUntil: p.benefitUntil ?? '',
    contractType: p.contractType,
    contractSignedOn: p.contractSignedOn ?? '',
    contractNextEvaluationOn: p.contractNextEvaluationOn ?? '',
    nationalId: '',
    referentUserId: p.referentUserId ?? '',
  };
}

/** The API body: the four level fields become one languages object. */
export function toBody(values: Partial<PersonFormValues>): Record<string, unknown> {
  const { langFr, langNl, langEn, langDe, ...rest } = values;
  const languages: Record<string, string> = {};
  for (const [l, v] of [
    ['fr', langFr],
    ['nl', langNl],
    ['en', langEn],
    ['de', langDe],
  ] as const)
    if (v) languages[l] = v;
  return { ...rest, languages };
}

/**
 * Create and edit form of a person, checked with the API's own schema and date rules before sending.
 * `onSave` receives the cleaned values; its errors land on the fields.
 */
export function PersonForm({
  initial,
  cancelTo,
  showReferent,
  onSave,
  submitLabel,
  children,
  municipalityName = '',
}: {
  initial: PersonFormValues;
  /** The current municipality's name in the reader's language, shown in the picker. */
  municipalityName?: string;
  cancelTo: string;
  showReferent: boolean;
  onSave: (values: Partial<PersonFormValues>) => Promise<void>;
  submitLabel: ReactNode;
  children?: ReactNode;
}) {
  const intl = useIntl();
  const labels = usePeopleLabels();
  const f = useForm(PersonFormSchema, initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const referents = useEndpoint(personsApi.referents, {}, { enabled: showReferent });
  const t = (id: string) => intl.formatMessage({ id });
  const text = (
    key: keyof PersonFormValues & string,
    labelId: string,
    more: Record<string, unknown> = {},
  ) => (
    <TextField
      label={t(labelId)}
      value={f.values[key] as string}
      onChange={f.set(key) as (v: string) => void}
      error={f.errors[key]}
      {...more}
    />
  );
  // Dates in the UI language's order, whatever the browser's locale (issue 9).
  const date = (key: keyof PersonFormValues & string, labelId: string, isRequired = false) => (
    <DateField
      label={t(labelId)}
      value={f.values[key] as string}
      onChange={f.set(key) as (v: string) => void}
      error={f.errors[key]}
      isRequired={isRequired}
    />
  );
  const submit = async () => {
    setError(null);
    if (!f.validate()) return;
    const rules = personRuleErrors(f.body(), systemClock.today());
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
  const cefr = [
    { id: NONE, label: t('people.persons.level_none') },
    ...CEFR_LEVELS.map((l) => ({ id: l, label: l })),
  ];
  return (
    <Form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorAlert error={error} />
      <Card title={<FormattedMessage id="people.persons.section.identity" />}>
        <div className="grid-2">
          {text('firstName', 'people.persons.field.first_name', { isRequired: true, autoComplete: 'off' })}
          {text('lastName', 'people.persons.field.last_name', { isRequired: true, autoComplete: 'off' })}
          {date('birthDate', 'people.persons.field.birth_date', true)}
          <Select
            label={t('people.persons.field.sex')}
            value={f.values.sex || NONE}
            onChange={(v) => f.set('sex')(v === NONE ? '' : v)}
            error={f.errors.sex}
            description={<FormattedMessage id="people.persons.field.sex_hint" />}
            options={[
              { id: NONE, label: t('people.persons.enum.sex.not_recorded') },
              ...labels.options('sex', PERSON_SEXES),
            ]}
          />
          {text('nationalId', 'people.persons.field.national_id', {
            description: <FormattedMessage id="people.persons.field.national_id_hint" />,
            autoComplete: 'off',
          })}
          <Select
            label={t('people.persons.field.preferred_language')}
            value={f.values.preferredLanguage || null}
            onChange={f.set('preferredLanguage')}
            error={f.errors.preferredLanguage}
            options={labels.options('language', PREFERRED_LANGUAGES)}
          />
          {showReferent && (
            <Select
              label={t('people.persons.field.referent')}
              value={f.values.referentUserId || null}
              onChange={f.set('referentUserId')}
              error={f.errors.referentUserId}
              options={(referents.data ?? []).map((r) => ({ id: r.id, label: r.displayName }))}
            />
          )}
        </div>
      </Card>
      <Card title={<FormattedMessage id="people.persons.section.contact" />}>
        <div className="grid-2">
          {text('email', 'people.persons.field.email', { type: 'email', autoComplete: 'off' })}
          {text('phone', 'people.persons.field.phone', { type: 'tel', autoComplete: 'off' })}
          {text('street', 'people.persons.field.street')}
          {text('postalCode', 'people.persons.field.postal_code', { inputMode: 'numeric' })}
          <MunicipalityPicker
            label={t('people.persons.field.municipality_code')}
            value={f.values.municipalityCode}
            initialName={municipalityName}
            onChange={f.set('municipalityCode')}
            error={f.errors.municipalityCode}
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id="people.persons.section.languages" />}>
        <div className="grid-2">
          {PERSON_LANGUAGES.map((l) => {
            const key = LANG_FIELD[l];
            return (
              <Select
                key={l}
                label={intl.formatMessage(
                  { id: 'people.persons.field.level' },
                  { language: labels.label('language', l) },
                )}
                value={(f.values[key] as string) || NONE}
                onChange={(v) => f.set(key)(v === NONE ? '' : v)}
                error={f.errors[key]}
                options={cefr}
              />
            );
          })}
        </div>
      </Card>
      <Card title={<FormattedMessage id="people.persons.section.benefit" />}>
        <div className="grid-2">
          <Select
            label={t('people.persons.field.benefit')}
            value={f.values.benefit}
            onChange={f.set('benefit')}
            error={f.errors.benefit}
            options={labels.options('benefit', BENEFITS)}
          />
          {date('benefitSince', 'people.persons.field.benefit_since')}
          {date('benefitUntil', 'people.persons.field.benefit_until')}
        </div>
      </Card>
      <Card title={<FormattedMessage id="people.persons.section.contract" />}>
        <div className="grid-2">
          <Select
            label={t('people.persons.field.contract_type')}
            value={f.values.contractType}
            onChange={f.set('contractType')}
            error={f.errors.contractType}
            options={labels.options('contract_type', CONTRACT_TYPES)}
          />
          {date('contractSignedOn', 'people.persons.field.contract_signed_on')}
          {date('contractNextEvaluationOn', 'people.persons.field.contract_next_evaluation_on')}
        </div>
      </Card>
      {children}
      <div className="row">
        <Button type="submit" isDisabled={busy}>
          {submitLabel}
        </Button>
        <LinkButton variant="ghost" to={cancelTo}>
          <FormattedMessage id="common.cancel" />
        </LinkButton>
      </div>
    </Form>
  );
}
