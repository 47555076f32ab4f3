import type { ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { organisationsApi } from '../../../../common/network/endpoints';
import { organisationEditLink, organisationsLink } from '../../../../common/network/links';
import { useEndpoint } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { useOrganisationLabels } from './labels';
import { UnitsCard } from './UnitsCard';

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
  const q = useEndpoint(organisationsApi.get, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const municipality = labels.municipality(o);
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={organisationsLink.href()}>
          <FormattedMessage id="network.organisations.back" />
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
                    id="network.organisations.closed_since"
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
              <LinkButton to={organisationEditLink.href({ id: o.id })}>
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
        <Card title={<FormattedMessage id="network.organisations.section.identity" />}>
          <Facts
            items={[
              [<FormattedMessage key="fr" id="network.organisations.field.name_fr" />, o.nameFr],
              [<FormattedMessage key="nl" id="network.organisations.field.name_nl" />, o.nameNl],
              [<FormattedMessage key="s" id="network.organisations.field.short_name" />, orNot(o.shortName)],
              [
                <FormattedMessage key="c" id="network.organisations.field.country" />,
                labels.label('country', o.country),
              ],
              [
                <FormattedMessage key="b" id="network.organisations.field.business_id" />,
                o.businessId && o.businessIdType
                  ? `${labels.label('business_id_type', o.businessIdType)} ${o.businessId}`
                  : orNot(null),
              ],
              [
                <FormattedMessage key="l" id="network.organisations.field.service_languages" />,
                orNot(o.serviceLanguages.map((l) => labels.label('language', l)).join(', ')),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="network.organisations.section.address" />}>
          <Facts
            items={[
              [<FormattedMessage key="st" id="network.organisations.field.street" />, orNot(o.street)],
              [
                <FormattedMessage key="pc" id="network.organisations.field.postal_code" />,
                orNot(o.postalCode),
              ],
              [
                <FormattedMessage key="m" id="network.organisations.field.municipality" />,
                municipality ? `${municipality} (${o.municipalityCode})` : orNot(o.municipalityCode),
              ],
            ]}
          />
        </Card>
        <Card title={<FormattedMessage id="network.organisations.section.contact" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="e" id="network.organisations.field.email" />,
                o.email ? (
                  <a key="v" href={`mailto:${o.email}`}>
                    {o.email}
                  </a>
                ) : (
                  orNot(null)
                ),
              ],
              [
                <FormattedMessage key="p" id="network.organisations.field.phone" />,
                o.phone ? (
                  <a key="v" href={`tel:${o.phone}`}>
                    {o.phone}
                  </a>
                ) : (
                  orNot(null)
                ),
              ],
              [
                <FormattedMessage key="w" id="network.organisations.field.website" />,
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
        <Card title={<FormattedMessage id="network.organisations.section.status" />}>
          <Facts
            items={[
              [
                <FormattedMessage key="s" id="network.organisations.field.status" />,
                labels.label('status', o.status),
              ],
              ...(o.closedOn
                ? [
                    [
                      <FormattedMessage key="c" id="network.organisations.field.closed_on" />,
                      <FormattedDate key="d" value={o.closedOn} dateStyle="long" timeZone="UTC" />,
                    ] as [ReactNode, ReactNode],
                  ]
                : []),
            ]}
          />
        </Card>
      </div>
      <UnitsCard orgId={o.id} />
    </div>
  );
}
