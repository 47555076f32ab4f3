import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { organisationsApi } from '../../../../common/network/endpoints';
import { organisationLink, organisationsLink } from '../../../../common/network/links';
import {
  OrganisationCreateBody,
  type OrganisationDetail,
  OrganisationPatchBody,
} from '../../../../common/network/organisation-schemas';
import { call, invalidate, useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { bodyOf } from '../narrow';
import { useOrganisationLabels } from './labels';
import { EMPTY_ORGANISATION, OrganisationForm, type OrganisationFormValues } from './OrganisationForm';

/** The form's values for a stored organisation (absent values as empty text). */
function toFormValues(o: OrganisationDetail): OrganisationFormValues {
  return {
    kind: o.kind,
    country: o.country,
    region: o.region,
    nameFr: o.nameFr,
    nameNl: o.nameNl,
    shortName: o.shortName ?? '',
    serviceLanguages: o.serviceLanguages,
    street: o.street ?? '',
    postalCode: o.postalCode ?? '',
    municipalityCode: o.municipalityCode ?? '',
    businessId: o.businessId ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
    website: o.website ?? '',
    status: o.status,
    closedOn: o.closedOn ?? '',
  };
}

/** Only what changed; a field emptied by the user is sent as null, which clears it. */
function changes(before: OrganisationFormValues, after: Partial<OrganisationFormValues>) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(before) as Array<keyof OrganisationFormValues>) {
    const next = after[key] ?? null;
    const prev = before[key] === '' ? null : before[key];
    if (JSON.stringify(next) !== JSON.stringify(prev)) out[key] = next;
  }
  return out;
}

function Forbidden() {
  return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
}

export function OrganisationCreatePage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  if (!useCan('organisation.create')) return <Forbidden />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'network.organisations.create.title' })}
        description={<FormattedMessage id="network.organisations.create.intro" />}
      />
      <OrganisationForm
        initial={EMPTY_ORGANISATION}
        municipalityName=""
        editing={false}
        cancelTo={organisationsLink.href()}
        onSave={async (values) => {
          const body = bodyOf(OrganisationCreateBody, values);
          const created = await call(organisationsApi.create, { body });
          await invalidate(client, organisationsApi.list);
          navigate(organisationLink.href({ id: created.id }));
        }}
      />
    </div>
  );
}

export function OrganisationEditPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  const labels = useOrganisationLabels();
  const { id = '' } = useParams();
  const q = useEndpoint(organisationsApi.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  if (!o.canEdit) return <Forbidden />;
  const initial = toFormValues(o);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'network.organisations.edit.title' }, { name: labels.name(o) })}
      />
      <OrganisationForm
        key={o.updatedAt}
        initial={initial}
        municipalityName={labels.municipality(o) ?? ''}
        editing
        cancelTo={organisationLink.href({ id: o.id })}
        onSave={async (values) => {
          const body = bodyOf(OrganisationPatchBody, changes(initial, values));
          await call(organisationsApi.update, { params: { id: o.id }, body });
          await invalidate(client, organisationsApi.list, organisationsApi.get);
          navigate(organisationLink.href({ id: o.id }));
        }}
      />
    </div>
  );
}
