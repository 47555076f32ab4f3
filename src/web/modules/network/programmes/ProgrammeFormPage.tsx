import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeLink, programmePartnersLink, programmesLink } from '../../../../common/network/links';
import {
  normaliseAmountInput,
  type ProgrammeFigures,
  programmeRuleErrors,
} from '../../../../common/network/programme-rules';
import {
  FUNDS,
  type OrgRef,
  ProgrammeCreateBody,
  type ProgrammeDetail,
  ProgrammePatchBody,
} from '../../../../common/network/programme-schemas';
import { websiteError } from '../../../../common/network/programme-structure-rules';
import type { FieldError } from '../../../../common/validation/errors';
import { schemaErrors } from '../../../../common/validation/text';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useCan, useSession } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { DateField } from '../../../app/ui/DateField';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { CheckboxGroup, Form, TextArea, TextField } from '../../../app/ui/fields';
import { useForm } from '../../../app/ui/form';
import { Card, PageHeader } from '../../../app/ui/layout';
import { bodyOf } from '../narrow';
import { useProgrammeFormat } from './format';
import { OrganisationSearch } from './OrganisationSearch';
import {
  DEFAULT_MONTHS,
  MONTHS,
  type MonthsValues,
  PlacementDurationCard,
  withMonths,
} from './PlacementDurationCard';
import { EMPTY_PROFILE, ProfileCard, type ProfileValues } from './ProfileCard';

type Values = MonthsValues &
  ProfileValues & {
    acronym: string;
    nameFr: string;
    nameNl: string;
    fundingProgramme: string;
    funds: string[];
    startsOn: string;
    endsOn: string;
    descriptionFr: string;
    descriptionNl: string;
    budgetTotal: string;
    euAmount: string;
    leadOrgId: string;
  };

const EMPTY: Values = {
  acronym: '',
  nameFr: '',
  nameNl: '',
  fundingProgramme: '',
  funds: [],
  startsOn: '',
  endsOn: '',
  descriptionFr: '',
  descriptionNl: '',
  budgetTotal: '',
  euAmount: '',
  ...DEFAULT_MONTHS,
  ...EMPTY_PROFILE,
  leadOrgId: '',
};

/** Optional fields a change may clear: left empty in the form, they are sent as null. */
const CLEARABLE = [
  'acronym',
  'fundingProgramme',
  'descriptionFr',
  'descriptionNl',
  'budgetTotal',
  'euAmount',
  'interventionCategory',
  'website',
] as const;

const fromDetail = (p: ProgrammeDetail): Values => ({
  acronym: p.acronym ?? '',
  nameFr: p.nameFr,
  nameNl: p.nameNl,
  fundingProgramme: p.fundingProgramme ?? '',
  funds: p.funds,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  descriptionFr: p.descriptionFr ?? '',
  descriptionNl: p.descriptionNl ?? '',
  budgetTotal: p.budgetTotal ?? '',
  euAmount: p.euAmount ?? '',
  placementMinMonths: String(p.placementMinMonths),
  placementMaxMonths: String(p.placementMaxMonths),
  themes: p.themes,
  interventionCategory: p.interventionCategory ?? '',
  website: p.website ?? '',
  leadOrgId: '',
});

/** /app/programmes/new and /app/programmes/:id/edit. */
export function ProgrammeFormPage() {
  const { id } = useParams();
  const canCreate = useCan('programme.create');
  const existing = useEndpoint(programmesApi.get, { params: { id: id ?? '' } }, { enabled: !!id });
  if (!id)
    return canCreate ? <ProgrammeForm /> : <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (existing.isLoading) return <Loading />;
  if (!existing.data) return <ErrorAlert error={existing.error} />;
  if (!existing.data.canEdit)
    return <EmptyState title={<FormattedMessage id="network.programmes.errors.not_lead" />} />;
  return <ProgrammeForm programme={existing.data} />;
}

function ProgrammeForm({ programme }: { programme?: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  const session = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm<Values>(ProgrammeCreateBody, programme ? fromDetail(programme) : EMPTY);
  const [lead, setLead] = useState<OrgRef | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chooseLead = !programme && session.user.platformAdmin;
  const label = (id: string) => intl.formatMessage({ id });
  const amount = (key: 'budgetTotal' | 'euAmount') => (v: string) => form.set(key)(normaliseAmountInput(v));

  const submit = async () => {
    setError(null);
    const body = withMonths(form.body());
    const problems: FieldError[] = [
      ...schemaErrors(ProgrammeCreateBody, body),
      ...MONTHS.filter((k) => body[k] === undefined).map((path) => ({ path, code: 'validation.required' })),
      // Later entries win: a rule's message replaces the schema's on the same field.
      ...programmeRuleErrors(body as ProgrammeFigures),
    ];
    const web = websiteError(typeof body.website === 'string' ? body.website : null);
    if (web) problems.push({ path: 'website', code: web });
    form.setErrors(
      Object.fromEntries(problems.map((p) => [p.path, intl.formatMessage({ id: p.code }, p.params)])),
    );
    if (problems.length) return;
    try {
      if (!programme) {
        const created = await call(programmesApi.create, { body: bodyOf(ProgrammeCreateBody, body) });
        await invalidate(client, programmesApi.list);
        navigate(programmePartnersLink.href({ id: created.id }), { state: { created: true } });
        return;
      }
      const { leadOrgId: _lead, ...change } = body;
      for (const k of CLEARABLE) change[k] = body[k] ?? null;
      await call(programmesApi.update, {
        params: { id: programme.id },
        body: bodyOf(ProgrammePatchBody, change),
      });
      await invalidate(client, programmesApi.list, programmesApi.get);
      navigate(programmeLink.href({ id: programme.id }));
    } catch (e) {
      setError(e);
      form.fromApiError(e);
    }
  };

  return (
    <div className="stack">
      <PageHeader
        title={
          programme
            ? intl.formatMessage({ id: 'network.programmes.form.edit_title' }, { name: f.name(programme) })
            : label('network.programmes.form.new_title')
        }
      />
      <ErrorAlert error={error} />
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {chooseLead && (
          <Card title={<FormattedMessage id="network.programmes.field.lead" />}>
            <p className="muted">
              <FormattedMessage id="network.programmes.field.lead_hint" />
            </p>
            {lead && (
              <p>
                <strong>
                  <FormattedMessage id="network.programmes.lead.chosen" values={{ name: f.orgName(lead) }} />
                </strong>
              </p>
            )}
            {form.errors.leadOrgId && (
              <p className="field-error" role="alert">
                {form.errors.leadOrgId}
              </p>
            )}
            <OrganisationSearch
              label={label('network.programmes.partners.search')}
              actionId="network.programmes.lead.choose"
              taken={new Set(lead ? [lead.id] : [])}
              onPick={(o) => {
                setLead(o);
                form.set('leadOrgId')(o.id);
              }}
            />
          </Card>
        )}
        <Card title={<FormattedMessage id="network.programmes.form.identity" />}>
          <div className="grid-2">
            <TextField
              label={label('network.programmes.field.name_fr')}
              value={form.values.nameFr}
              onChange={form.set('nameFr')}
              error={form.errors.nameFr}
              isRequired
            />
            <TextField
              label={label('network.programmes.field.name_nl')}
              value={form.values.nameNl}
              onChange={form.set('nameNl')}
              error={form.errors.nameNl}
              isRequired
            />
            <TextField
              label={label('network.programmes.field.acronym')}
              value={form.values.acronym}
              onChange={form.set('acronym')}
              error={form.errors.acronym}
              maxLength={40}
            />
            <TextField
              label={label('network.programmes.field.funding_programme')}
              description={<FormattedMessage id="network.programmes.field.funding_programme_hint" />}
              value={form.values.fundingProgramme}
              onChange={form.set('fundingProgramme')}
              error={form.errors.fundingProgramme}
            />
          </div>
          <CheckboxGroup
            label={label('network.programmes.field.funds')}
            value={form.values.funds}
            onChange={form.set('funds')}
            error={form.errors.funds}
            options={FUNDS.map((x) => ({ id: x, label: label(`network.programmes.enum.fund.${x}`) }))}
          />
        </Card>
        <Card title={<FormattedMessage id="network.programmes.form.period_budget" />}>
          <div className="grid-2">
            <DateField
              label={label('network.programmes.field.starts_on')}
              value={form.values.startsOn}
              onChange={form.set('startsOn')}
              error={form.errors.startsOn}
              isRequired
            />
            <DateField
              label={label('network.programmes.field.ends_on')}
              value={form.values.endsOn}
              onChange={form.set('endsOn')}
              error={form.errors.endsOn}
              isRequired
            />
            <TextField
              label={label('network.programmes.field.budget_total')}
              description={<FormattedMessage id="network.programmes.field.amount_hint" />}
              inputMode="text"
              value={form.values.budgetTotal}
              onChange={amount('budgetTotal')}
              error={form.errors.budgetTotal}
            />
            <TextField
              label={label('network.programmes.field.eu_amount')}
              description={<FormattedMessage id="network.programmes.field.amount_hint" />}
              inputMode="text"
              value={form.values.euAmount}
              onChange={amount('euAmount')}
              error={form.errors.euAmount}
            />
          </div>
        </Card>
        <PlacementDurationCard values={form.values} set={form.set} errors={form.errors} />
        <ProfileCard values={form.values} set={(k, v) => form.set(k)(v as never)} errors={form.errors} />
        <Card title={<FormattedMessage id="network.programmes.description.title" />}>
          <TextArea
            label={label('network.programmes.field.description_fr')}
            value={form.values.descriptionFr}
            onChange={form.set('descriptionFr')}
            error={form.errors.descriptionFr}
          />
          <TextArea
            label={label('network.programmes.field.description_nl')}
            value={form.values.descriptionNl}
            onChange={form.set('descriptionNl')}
            error={form.errors.descriptionNl}
          />
        </Card>
        <div className="row">
          <Button type="submit">
            <FormattedMessage id={programme ? 'common.save' : 'common.create'} />
          </Button>
          <LinkButton
            to={programme ? programmeLink.href({ id: programme.id }) : programmesLink.href()}
            variant="secondary"
          >
            <FormattedMessage id="common.cancel" />
          </LinkButton>
        </div>
      </Form>
    </div>
  );
}
