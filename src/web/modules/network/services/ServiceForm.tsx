import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { localized } from '../../../../common/i18n/locales';
import { servicesLink } from '../../../../common/network/links';
import type { OpeningRange } from '../../../../common/network/opening-hours';
import { serviceProblems } from '../../../../common/network/service-rules';
import { type ServiceDetail, ServiceInput } from '../../../../common/network/service-schemas';
import { useLanguage } from '../../../app/i18n';
import { Button, LinkButton } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Checkbox, CheckboxGroup, Form, Select, TextArea, TextField } from '../../../app/ui/fields';
import { clean, useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { useServiceOptions } from '../directory/text';
import { OpeningHoursEditor } from './OpeningHoursEditor';

export interface ServiceValues extends Record<string, unknown> {
  titleFr: string;
  titleNl: string;
  descriptionFr: string;
  descriptionNl: string;
  theme: string;
  targetPublics: string[];
  languages: string[];
  street: string;
  postalCode: string;
  municipalityCode: string;
  openingHours: OpeningRange[];
  openingNotes: string;
  crossBorderAccess: string;
  accessConditionsFr: string;
  accessConditionsNl: string;
  email: string;
  phone: string;
  website: string;
  published: boolean;
}

const TEXT_FIELDS = [
  'titleFr',
  'titleNl',
  'descriptionFr',
  'descriptionNl',
  'street',
  'postalCode',
  'municipalityCode',
  'openingNotes',
  'accessConditionsFr',
  'accessConditionsNl',
  'email',
  'phone',
  'website',
] as const;

export function initialValues(s?: ServiceDetail): ServiceValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, s?.[k] ?? ''])) as Record<
    (typeof TEXT_FIELDS)[number],
    string
  >;
  return {
    ...text,
    theme: s?.theme ?? '',
    targetPublics: s?.targetPublics ?? ['all'],
    languages: s?.languages ?? [],
    openingHours: s?.openingHours ?? [],
    crossBorderAccess: s?.crossBorderAccess ?? '',
    published: s?.published ?? false,
  };
}

/** What a change sends: every field, emptied text as null so that clearing a field clears it. */
export function changeBody(values: ServiceValues): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]),
  );
}

/** The service form: FR and NL side by side, then what, for whom, where, when and how to reach it. */
export function ServiceForm({
  existing,
  onSubmit,
  extraActions,
}: {
  existing?: ServiceDetail;
  onSubmit: (values: ServiceValues) => Promise<void>;
  extraActions?: ReactNode;
}) {
  const intl = useIntl();
  const { language, country } = useLanguage();
  const options = useServiceOptions();
  const form = useForm<ServiceValues>(ServiceInput, initialValues(existing));
  const v = form.values;
  const f = (key: keyof ServiceValues & string) => ({
    value: v[key] as string,
    onChange: form.set(key) as (x: string) => void,
    error: form.errors[key],
  });
  const label = (id: string) => intl.formatMessage({ id });
  // The rules a schema cannot say (a title in one language, opening hours…) are shown with the schema's
  // messages, all at once; nothing is sent while either refuses.
  const rules = () => serviceProblems(clean(v), country);
  const submit = form.onSubmit(async () => {
    if (rules().length === 0) await onSubmit(v);
  });

  return (
    <Form
      className="stack"
      onSubmit={async (e) => {
        await submit(e);
        const problems = rules();
        if (problems.length)
          form.setErrors((errs) => ({
            ...errs,
            ...Object.fromEntries(
              problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)]),
            ),
          }));
      }}
    >
      <ErrorAlert error={form.error} />
      <Card title={<FormattedMessage id="network.services.form.texts" />}>
        <p className="muted">
          <FormattedMessage id="network.services.form.texts_hint" />
        </p>
        <div className="grid-2">
          <div className="stack">
            <TextField label={label('network.services.field.title_fr')} {...f('titleFr')} maxLength={200} />
            <TextArea label={label('network.services.field.description_fr')} {...f('descriptionFr')} />
            <TextArea
              label={label('network.services.field.access_conditions_fr')}
              {...f('accessConditionsFr')}
            />
          </div>
          <div className="stack">
            <TextField label={label('network.services.field.title_nl')} {...f('titleNl')} maxLength={200} />
            <TextArea label={label('network.services.field.description_nl')} {...f('descriptionNl')} />
            <TextArea
              label={label('network.services.field.access_conditions_nl')}
              {...f('accessConditionsNl')}
            />
          </div>
        </div>
      </Card>
      <Card title={<FormattedMessage id="network.services.form.offer" />}>
        <div className="stack">
          <div className="grid-2">
            <Select
              label={label('network.services.field.theme')}
              value={v.theme || null}
              onChange={form.set('theme')}
              options={options.themes}
              error={form.errors.theme}
              isRequired
            />
            <Select
              label={label('network.services.field.access')}
              value={v.crossBorderAccess || null}
              onChange={form.set('crossBorderAccess')}
              options={options.access}
              error={form.errors.crossBorderAccess}
              isRequired
            />
          </div>
          <CheckboxGroup
            label={label('network.services.field.targets')}
            value={v.targetPublics}
            onChange={form.set('targetPublics')}
            options={options.targets}
            error={form.errors.targetPublics}
          />
          <CheckboxGroup
            label={label('network.services.field.languages')}
            value={v.languages}
            onChange={form.set('languages')}
            options={options.languages}
            error={form.errors.languages}
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id="network.services.field.address" />}>
        <div className="grid-2">
          <TextField
            label={label('network.services.field.street')}
            {...f('street')}
            autoComplete="street-address"
          />
          <TextField
            label={label('network.services.field.postal_code')}
            {...f('postalCode')}
            inputMode="numeric"
          />
          <MunicipalityPicker
            label={label('network.services.field.municipality')}
            value={v.municipalityCode}
            initialName={
              existing ? localized(language, existing.municipalityNameFr, existing.municipalityNameNl) : ''
            }
            onChange={form.set('municipalityCode')}
            error={form.errors.municipalityCode}
          />
        </div>
      </Card>
      <Card>
        <OpeningHoursEditor value={v.openingHours} onChange={form.set('openingHours')} errors={form.errors} />
        <TextField
          label={label('network.services.field.opening_notes')}
          {...f('openingNotes')}
          maxLength={500}
        />
      </Card>
      <Card title={<FormattedMessage id="network.services.form.contact" />}>
        <div className="grid-2">
          <TextField label={label('network.services.field.email')} type="email" {...f('email')} />
          <TextField label={label('network.services.field.phone')} type="tel" {...f('phone')} />
          <TextField label={label('network.services.field.website')} type="url" {...f('website')} />
        </div>
      </Card>
      <Card>
        <Checkbox isSelected={v.published} onChange={form.set('published')}>
          <FormattedMessage id="network.services.form.publish" />
        </Checkbox>
        <p className="muted">
          <FormattedMessage id="network.services.form.publish_hint" />
        </p>
      </Card>
      <div className="row">
        <Button type="submit" isDisabled={form.submitting}>
          <FormattedMessage id="common.save" />
        </Button>
        <LinkButton to={servicesLink.href()} variant="secondary">
          <FormattedMessage id="common.cancel" />
        </LinkButton>
        {extraActions}
      </div>
    </Form>
  );
}
