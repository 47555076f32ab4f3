import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { systemClock } from '../../../../common/kernel/clock';
import { personsApi } from '../../../../common/people/endpoints';
import { type PersonDates, personRuleErrors } from '../../../../common/people/rules';
import {
  BENEFITS,
  BIRTH_DATE_PRECISIONS,
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
import {
  fromSpokenRows,
  SpokenLanguagesEditor,
  type SpokenRow,
  toSpokenRows,
  useNewcomerLabels,
} from './newcomer';

export interface PersonFormValues extends Record<string, unknown> {
  /** One of the two names at least (a single name goes in either). */
  firstName: string;
  lastName: string;
  birthDate: string;
  birthDatePrecision: string;
  /** The year of a year-only birth date (sent as 1 January). */
  birthYear: string;
  /** Country code, 'stateless', 'unknown'; empty: not recorded. */
  nationality: string;
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
  spokenLanguages: SpokenRow[];
  /** Empty: no interpreter needed. */
  interpreterLanguage: string;
  interpreterModality: string;
  interpreterGender: string;
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
  birthDatePrecision: 'exact',
  birthYear: '',
  nationality: '',
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
  spokenLanguages: [],
  interpreterLanguage: '',
  interpreterModality: '',
  interpreterGender: '',
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
    birthDate: p.birthDatePrecision === 'year' ? '' : p.birthDate,
    birthDatePrecision: p.birthDatePrecision,
    birthYear: p.birthDatePrecision === 'year' ? p.birthDate.slice(0, 4) : '',
    nationality: p.nationality ?? '',
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
    spokenLanguages: toSpokenRows(p.spokenLanguages),
    interpreterLanguage: p.interpreterNeed?.language ?? '',
    interpreterModality: p.interpreterNeed?.modality ?? '',
    interpreterGender: p.interpreterNeed?.genderPreference ?? '',
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

/**
 * The API body: the four level fields become one languages object, the rows the spoken languages, the
 * three interpreter fields one need (or null: none), and a birth year the date of 1 January.
 */
export function toBody(values: Partial<PersonFormValues>): Record<string, unknown> {
  const {
    langFr,
    langNl,
    langEn,
    langDe,
    birthYear,
    spokenLanguages,
    interpreterLanguage,
    interpreterModality,
    interpreterGender,
    ...rest
  } = values;
  const languages: Record<string, string> = {};
  for (const [l, v] of [
    ['fr', langFr],
    ['nl', langNl],
    ['en', langEn],
    ['de', langDe],
  ] as const)
    if (v) languages[l] = v;
  const precision = rest.birthDatePrecision || 'exact';
  const birthDate = precision === 'year' ? (birthYear ? `${birthYear}-01-01` : '') : rest.birthDate;
  return {
    ...rest,
    birthDate,
    birthDatePrecision: precision,
    languages,
    spokenLanguages: fromSpokenRows(spokenLanguages ?? []),
    interpreterNeed: interpreterLanguage
      ? {
          language: interpreterLanguage,
          modality: interpreterModality || 'any',
          genderPreference: interpreterGender || 'none',
        }
      : null,
  };
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
  const newcomer = useNewcomerLabels();
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
    const body = toBody(f.body());
    const year = body.birthDatePrecision === 'year';
    const rules = personRuleErrors(
      {
        ...(body as PersonDates),
        firstName: (body.firstName as string | undefined) ?? '',
        lastName: (body.lastName as string | undefined) ?? '',
      },
      systemClock.today(),
    ).map((r) => (year && r.path === 'birthDate' ? { ...r, path: 'birthYear' } : r));
    // The date, or the year for a year-only date, is needed (the schema cannot say which).
    if (!body.birthDate)
      rules.push({
        path: year ? 'birthYear' : 'birthDate',
        code: year ? 'people.persons.errors.birth_year_required' : 'validation.required',
      });
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
  const nationalityOptions = newcomer.nationalityOptions();
  const languageOptions = newcomer.languageOptions();
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
          {text('firstName', 'people.persons.field.first_name', {
            autoComplete: 'off',
            description: <FormattedMessage id="people.persons.field.name_hint" />,
          })}
          {text('lastName', 'people.persons.field.last_name', { autoComplete: 'off' })}
          <Select
            label={t('people.persons.field.birth_date_precision')}
            value={f.values.birthDatePrecision || 'exact'}
            onChange={f.set('birthDatePrecision')}
            error={f.errors.birthDatePrecision}
            description={<FormattedMessage id="people.persons.field.birth_date_precision_hint" />}
            options={BIRTH_DATE_PRECISIONS.map((p) => ({
              id: p,
              label: t(`people.persons.enum.birth_date_precision.${p}`),
            }))}
          />
          {f.values.birthDatePrecision === 'year'
            ? text('birthYear', 'people.persons.field.birth_year', {
                isRequired: true,
                inputMode: 'numeric',
                maxLength: 4,
                autoComplete: 'off',
              })
            : date('birthDate', 'people.persons.field.birth_date', true)}
          <Select
            label={t('people.persons.field.nationality')}
            value={f.values.nationality || NONE}
            onChange={(v) => f.set('nationality')(v === NONE ? '' : v)}
            error={f.errors.nationality}
            description={<FormattedMessage id="people.persons.field.nationality_hint" />}
            options={[
              { id: NONE, label: t('people.persons.enum.nationality.not_recorded') },
              ...nationalityOptions,
            ]}
          />
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
      <Card title={<FormattedMessage id="people.persons.section.spoken_languages" />}>
        <SpokenLanguagesEditor
          rows={f.values.spokenLanguages}
          onChange={f.set('spokenLanguages')}
          errors={f.errors}
        />
      </Card>
      <Card title={<FormattedMessage id="people.persons.section.cefr_levels" />}>
        <div className="grid-2">
          {/* French and Dutch first: the languages of the cross-border area. */}
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
      <Card title={<FormattedMessage id="people.persons.section.interpreter" />}>
        <p className="muted">
          <FormattedMessage id="people.persons.interpreter.hint" />
        </p>
        <div className="grid-2">
          <Select
            label={t('people.persons.field.interpreter_language')}
            value={f.values.interpreterLanguage || NONE}
            onChange={(v) => f.set('interpreterLanguage')(v === NONE ? '' : v)}
            error={f.errors.interpreterLanguage ?? f.errors['interpreterNeed.language']}
            options={[{ id: NONE, label: t('people.persons.interpreter.none') }, ...languageOptions]}
          />
          {f.values.interpreterLanguage && (
            <>
              <Select
                label={t('people.persons.field.interpreter_modality')}
                value={f.values.interpreterModality || 'any'}
                onChange={f.set('interpreterModality')}
                error={f.errors.interpreterModality ?? f.errors['interpreterNeed.modality']}
                options={newcomer.modalityOptions()}
              />
              <Select
                label={t('people.persons.field.interpreter_gender')}
                value={f.values.interpreterGender || 'none'}
                onChange={f.set('interpreterGender')}
                error={f.errors.interpreterGender ?? f.errors['interpreterNeed.genderPreference']}
                options={newcomer.genderOptions()}
              />
            </>
          )}
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
