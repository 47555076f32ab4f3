import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import type { OrganisationDetail } from '../../../common/network/organisation-schemas';
import { get, patch, post } from '../../app/api';
import { useCan } from '../../app/session';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { useOrganisationLabels } from './labels';
import { EMPTY_ORGANISATION, OrganisationForm, type OrganisationFormValues } from './OrganisationForm';
import { organisationKey } from './OrganisationPage';

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
        title={intl.formatMessage({ id: 'organisations.create.title' })}
        description={<FormattedMessage id="organisations.create.intro" />}
      />
      <OrganisationForm
        initial={EMPTY_ORGANISATION}
        municipalityName=""
        editing={false}
        cancelTo="/app/organisations"
        onSave={async (values) => {
          const created = await post<OrganisationDetail>('/api/organisations', values);
          await client.invalidateQueries({ queryKey: ['organisations'] });
          navigate(`/app/organisations/${created.id}`);
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
  const q = useQuery({
    queryKey: organisationKey(id),
    queryFn: () => get<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`),
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  if (!o.canEdit) return <Forbidden />;
  const initial = toFormValues(o);
  return (
    <div className="stack">
      <PageHeader title={intl.formatMessage({ id: 'organisations.edit.title' }, { name: labels.name(o) })} />
      <OrganisationForm
        key={o.updatedAt}
        initial={initial}
        municipalityName={labels.municipality(o) ?? ''}
        editing
        cancelTo={`/app/organisations/${o.id}`}
        onSave={async (values) => {
          await patch<OrganisationDetail>(`/api/organisations/${o.id}`, changes(initial, values));
          await client.invalidateQueries({ queryKey: ['organisations'] });
          navigate(`/app/organisations/${o.id}`);
        }}
      />
    </div>
  );
}
