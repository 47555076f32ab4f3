import { FormattedMessage, useIntl } from 'react-intl';
import { checkOrganisation } from '../../../../common/network/organisation-rules';
import {
  COUNTRIES,
  type Country,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  OrganisationFormSchema,
  REGIONS_BY_COUNTRY,
  type Region,
  SERVICE_LANGUAGES,
} from '../../../../common/network/organisation-schemas';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { ErrorAlert } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, Select, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card } from '../../../app/ui/layout';
import { MunicipalityPicker } from '../../../app/ui/MunicipalityPicker';
import { useOrganisationLabels } from './labels';

export interface OrganisationFormValues extends Record<string, unknown> {
  kind: string;
  country: string;
  region: string;
  nameFr: string;
  nameNl: string;
  shortName: string;
  serviceLanguages: string[];
  street: string;
  postalCode: string;
  municipalityCode: string;
  businessId: string;
  email: string;
  phone: string;
  website: string;
  status: string;
  closedOn: string;
}

export const EMPTY_ORGANISATION: OrganisationFormValues = {
  kind: '',
  country: '',
  region: '',
  nameFr: '',
  nameNl: '',
  shortName: '',
  serviceLanguages: [],
  street: '',
  postalCode: '',
  municipalityCode: '',
  businessId: '',
  email: '',
  phone: '',
  website: '',
  status: 'active',
  closedOn: '',
};

/**
 * The organisation form for creating and editing: checked with the API's schema and its cross-field
 * rules before sending, so the same translated messages show on the same fields; the server's field
 * errors land there too. `onSave` receives the cleaned values and throws the API error, if any.
 */
export function OrganisationForm({
  initial,
  municipalityName,
  editing,
  cancelTo,
  onSave,
}: {
  initial: OrganisationFormValues;
  municipalityName: string;
  editing: boolean;
  cancelTo: string;
  onSave: (values: Partial<OrganisationFormValues>) => Promise<void>;
}) {
  const intl = useIntl();
  const labels = useOrganisationLabels();
  const form = useForm(OrganisationFormSchema, initial);
  const v = form.values;
  const f = (id: string) => intl.formatMessage({ id });
  const country = (COUNTRIES as readonly string[]).includes(v.country) ? (v.country as Country) : null;

  /** The rules across fields (region in country, identifiers…): shown on their fields, nothing is sent. */
  const crossFieldErrors = () => {
    if (!country) return false;
    const { errors } = checkOrganisation({
      kind: v.kind,
      country,
      region: v.region as Region,
      nameFr: v.nameFr,
      nameNl: v.nameNl,
      municipalityCode: v.municipalityCode || null,
      businessId: v.businessId || null,
      email: v.email || null,
      phone: v.phone || null,
      website: v.website || null,
      status: v.status === 'closed' ? 'closed' : 'active',
      closedOn: v.closedOn || null,
    });
    if (!errors.length) return false;
    form.setErrors(
      Object.fromEntries(errors.map((e) => [e.path, intl.formatMessage({ id: e.code }, e.params)])),
    );
    return true;
  };

  return (
    <Form
      className="stack"
      onSubmit={form.onSubmit(async (body) => {
        if (crossFieldErrors()) return;
        if (!editing) delete body.status;
        if (body.status !== 'closed') delete body.closedOn;
        await onSave(body);
      })}
    >
      <ErrorAlert error={form.error} />
      <Card title={<FormattedMessage id="network.organisations.section.identity" />}>
        <div className="grid-2">
          <Select
            label={f('network.organisations.field.kind')}
            value={v.kind || null}
            onChange={form.set('kind')}
            options={labels.options('kind', ORGANISATION_KINDS)}
            error={form.errors.kind}
            isRequired
          />
          <Select
            label={f('network.organisations.field.country')}
            value={v.country || null}
            onChange={(c) =>
              form.setValues((s) => ({
                ...s,
                country: c,
                region: REGIONS_BY_COUNTRY[c as Country].includes(s.region as Region)
                  ? s.region
                  : (REGIONS_BY_COUNTRY[c as Country][0] ?? ''),
                municipalityCode: s.municipalityCode.startsWith(`${c}-`) ? s.municipalityCode : '',
              }))
            }
            options={labels.options('country', COUNTRIES)}
            error={form.errors.country}
            isRequired
          />
          <Select
            label={f('network.organisations.field.region')}
            value={v.region || null}
            onChange={form.set('region')}
            options={labels.options('region', country ? REGIONS_BY_COUNTRY[country] : [])}
            error={form.errors.region}
            isDisabled={!country}
            isRequired
          />
          <TextField
            label={f('network.organisations.field.short_name')}
            value={v.shortName}
            onChange={form.set('shortName')}
            error={form.errors.shortName}
            maxLength={60}
          />
          <TextField
            label={f('network.organisations.field.name_fr')}
            value={v.nameFr}
            onChange={form.set('nameFr')}
            error={form.errors.nameFr}
            isRequired
          />
          <TextField
            label={f('network.organisations.field.name_nl')}
            value={v.nameNl}
            onChange={form.set('nameNl')}
            error={form.errors.nameNl}
            isRequired
          />
          <TextField
            label={f('network.organisations.field.business_id')}
            value={v.businessId}
            onChange={form.set('businessId')}
            error={form.errors.businessId}
            description={
              country && (
                <FormattedMessage
                  id={
                    country === 'FR'
                      ? 'network.organisations.field.business_id.hint_fr'
                      : 'network.organisations.field.business_id.hint_be'
                  }
                />
              )
            }
          />
        </div>
        <CheckboxGroup
          label={f('network.organisations.field.service_languages')}
          value={v.serviceLanguages}
          onChange={form.set('serviceLanguages')}
          options={labels.options('language', SERVICE_LANGUAGES)}
          error={form.errors.serviceLanguages}
        />
      </Card>
      <Card title={<FormattedMessage id="network.organisations.section.address" />}>
        <div className="grid-2">
          <TextField
            label={f('network.organisations.field.street')}
            value={v.street}
            onChange={form.set('street')}
            error={form.errors.street}
            autoComplete="street-address"
          />
          <TextField
            label={f('network.organisations.field.postal_code')}
            value={v.postalCode}
            onChange={form.set('postalCode')}
            error={form.errors.postalCode}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
          />
          <MunicipalityPicker
            label={f('network.organisations.field.municipality')}
            value={v.municipalityCode}
            initialName={municipalityName}
            country={country ?? undefined}
            onChange={form.set('municipalityCode')}
            error={form.errors.municipalityCode}
          />
        </div>
      </Card>
      <Card title={<FormattedMessage id="network.organisations.section.contact" />}>
        <div className="grid-2">
          <TextField
            label={f('network.organisations.field.email')}
            type="email"
            value={v.email}
            onChange={form.set('email')}
            error={form.errors.email}
            autoComplete="email"
          />
          <TextField
            label={f('network.organisations.field.phone')}
            type="tel"
            value={v.phone}
            onChange={form.set('phone')}
            error={form.errors.phone}
            autoComplete="tel"
          />
          <TextField
            label={f('network.organisations.field.website')}
            type="url"
            value={v.website}
            onChange={form.set('website')}
            error={form.errors.website}
            autoComplete="url"
          />
        </div>
      </Card>
      {editing && (
        <Card title={<FormattedMessage id="network.organisations.section.status" />}>
          <p className="muted">
            <FormattedMessage id="network.organisations.edit.closing_hint" />
          </p>
          <div className="grid-2">
            <Select
              label={f('network.organisations.field.status')}
              value={v.status}
              onChange={form.set('status')}
              options={labels.options('status', ORGANISATION_STATUSES)}
              error={form.errors.status}
            />
            {v.status === 'closed' && (
              <DateField
                label={f('network.organisations.field.closed_on')}
                value={v.closedOn}
                onChange={form.set('closedOn')}
                error={form.errors.closedOn}
                isRequired
              />
            )}
          </div>
        </Card>
      )}
      <div className="row">
        <Button type="submit" isDisabled={form.submitting}>
          <FormattedMessage id={editing ? 'common.save' : 'common.create'} />
        </Button>
        <LinkButton to={cancelTo} variant="secondary">
          <FormattedMessage id="common.cancel" />
        </LinkButton>
      </div>
    </Form>
  );
}
