import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import type { OrganisationDetail } from '../../../common/network/organisation-schemas';
import { get } from '../../app/api';
import { Button, LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { useOrganisationLabels } from './labels';

export const organisationKey = (id: string) => ['organisations', 'detail', id];

function NotGiven() {
  return (
    <span className="muted">
      <FormattedMessage id="common.not_given" />
    </span>
  );
}

const orNot = (v: ReactNode) => (v === null || v === undefined || v === '' ? <NotGiven /> : v);

/** One organisation's record, laid out to be printed as well as read. */
export function OrganisationPage() {
  const intl = useIntl();
  const labels = useOrganisationLabels();
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: organisationKey(id),
    queryFn: () => get<OrganisationDetail>(`/api/organisations/${encodeURIComponent(id)}`),
  });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const municipality = labels.municipality(o);
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/app/organisations">
          <FormattedMessage id="organisations.back" />
        </Link>
      </p>
      <PageHeader
        title={labels.name(o)}
        description={
          <>
            {labels.label('kind', o.kind)} · {labels.label('region', o.region)}{' '}
            {o.status === 'closed' && (
              <span className="tag tag--warning">
                {o.closedOn ? (
                  <FormattedMessage
                    id="organisations.closed_since"
                    values={{ date: intl.formatDate(o.closedOn, { dateStyle: 'long', timeZone: 'UTC' }) }}
                  />
                ) : (
                  labels.label('status', 'closed')
                )}
              </span>
            )}
          </>
        }
        actions={
          <>
            {o.canEdit && (
              <LinkButton to={`/app/organisations/${o.id}/edit`}>
                <FormattedMessage id="common.edit" />
              </LinkButton>
            )}
            <Button variant="secondary" onPress={() => window.print()}>
              <FormattedMessage id="common.print" />
            </Button>
          </>
        }
      />
      <div className="grid-2">
        <Card title={<FormattedMessage id="organisations.section.identity" />}>
          <Facts
            items={[
              [<FormattedMessage key="fr" id="organisations.field.name_fr" />, o.nameFr],
              [<FormattedMessage key="nl" id="organisations.field.name_nl" />, o.nameNl],
              [<FormattedMessage key="s" id="organisations.field.short_name" />, orNot(o.shortName)],
              [
                <FormattedMessage key="c" id="organisations.field.country" />,
                labels.label('country', o.country),
              ],
              [
                <FormattedMessage key="b" id="organisations.field.business_id" />,
                o.businessId && o.businessIdType
                  ? `${labels.label('business_id_type', o.businessIdType)} ${o.businessId}`
                  : orNot(null),
              ],
              [
                <FormattedMessage key="l" id="organisations.field.service_languages" />,
                orNot(o.serviceLanguages.map((l) => labels.label('language', l)).join(', ')),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="organisations.section.address" />}>
          <Facts
            items={[
              [<FormattedMessage key="st" id="organisations.field.street" />, orNot(o.street)],
              [<FormattedMessage key="pc" id="organisations.field.postal_code" />, orNot(o.postalCode)],
              [
                <FormattedMessage key="m" id="organisations.field.municipality" />,
                municipality ? `${municipality} (${o.municipalityCode})` : orNot(o.municipalityCode),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="organisations.section.contact" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="e" id="organisations.field.email" />,
                o.email ? (
                  <a key="v" href={`mailto:${o.email}`}>
                    {o.email}
                  </a>
                ) : (
                  orNot(null)
                ),
              ],
              [
                <FormattedMessage key="p" id="organisations.field.phone" />,
                o.phone ? (
                  <a key="v" href={`tel:${o.phone}`}>
                    {o.phone}
                  </a>
                ) : (
                  orNot(null)
                ),
              ],
              [
                <FormattedMessage key="w" id="organisations.field.website" />,
                o.website ? (
                  <a key="v" href={o.website} rel="noopener noreferrer">
                    {o.website}
                  </a>
                ) : (
                  orNot(null)
                ),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="organisations.section.status" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="s" id="organisations.field.status" />,
                labels.label('status', o.status),
              ],
              ...(o.closedOn
                ? [
                    [
                      <FormattedMessage key="c" id="organisations.field.closed_on" />,
                      <FormattedDate key="d" value={o.closedOn} dateStyle="long" timeZone="UTC" />,
                    ] as [ReactNode, ReactNode],
                  ]
                : []),
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
