import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { programmesApi } from '../../../../common/network/endpoints';
import { programmeEditLink, programmePartnersLink, programmesLink } from '../../../../common/network/links';
import { PARTNER_ROLES, type ProgrammeDetail } from '../../../../common/network/programme-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { DataTable } from '../../../app/ui/Table';
import { DocumentsCard } from './DocumentsCard';
import { FundTags, StatusTag, useProgrammeFormat } from './format';
import { ProgrammeLinks } from './ProgrammeLinks';
import { ActionsCard, MilestonesCard, PerimeterCard } from './StructureCards';
import { TotalsCard } from './TotalsCard';

/**
 * One programme: key facts, description in the reader's language, actions, perimeter and themes,
 * milestones, documents, partners by main role (with every role they hold), derived totals.
 */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const canView = useCan('programme.view');
  const q = useEndpoint(programmesApi.get, { params: { id } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return <Programme p={q.data} />;
}

function Programme({ p }: { p: ProgrammeDetail }) {
  const intl = useIntl();
  const f = useProgrammeFormat();
  return (
    <div className="stack">
      <PageHeader
        title={f.name(p)}
        description={[p.acronym, p.fundingProgramme].filter(Boolean).join(' · ')}
        actions={
          <>
            <LinkButton to={programmesLink.href()} variant="ghost">
              <FormattedMessage id="network.programmes.back" />
            </LinkButton>
            <ProgrammeLinks programme={p} />
            <Button variant="secondary" onPress={() => window.print()}>
              <FormattedMessage id="common.print" />
            </Button>
            {p.canEdit && (
              <LinkButton to={programmeEditLink.href({ id: p.id })}>
                <FormattedMessage id="common.edit" />
              </LinkButton>
            )}
          </>
        }
      />
      <Card title={<FormattedMessage id="network.programmes.detail.facts" />}>
        <Facts
          items={[
            [
              <FormattedMessage key="s" id="network.programmes.field.status" />,
              <StatusTag key="sv" status={p.status} />,
            ],
            [
              <FormattedMessage key="p" id="network.programmes.field.period" />,
              f.period(p.startsOn, p.endsOn),
            ],
            [<FormattedMessage key="l" id="network.programmes.col.lead" />, f.orgName(p.lead)],
            [
              <FormattedMessage key="f" id="network.programmes.field.funds" />,
              <FundTags key="fv" funds={p.funds} />,
            ],
            [
              <FormattedMessage key="b" id="network.programmes.totals.declared_budget" />,
              f.money(p.budgetTotal),
            ],
            [<FormattedMessage key="e" id="network.programmes.totals.declared_eu" />, f.money(p.euAmount)],
            [
              <FormattedMessage key="m" id="network.programmes.field.placements" />,
              <FormattedMessage
                key="mv"
                id="network.programmes.detail.placement_months"
                values={{
                  min: p.placementMinMonths,
                  max: p.placementMaxMonths,
                  same: p.placementMinMonths === p.placementMaxMonths ? 'yes' : 'no',
                }}
              />,
            ],
          ]}
        />
      </Card>
      <Description p={p} />
      <ActionsCard p={p} />
      <PerimeterCard p={p} />
      <MilestonesCard p={p} />
      <DocumentsCard p={p} />
      <Card
        title={<FormattedMessage id="network.programmes.partners.title" />}
        actions={
          p.canEdit && (
            <LinkButton
              to={programmePartnersLink.href({ id: p.id })}
              variant="secondary"
              className="no-print"
            >
              <FormattedMessage id="network.programmes.partners.edit" />
            </LinkButton>
          )
        }
      >
        {PARTNER_ROLES.map((role) => {
          const rows = p.partners.filter((x) => x.role === role);
          if (!rows.length) return null;
          return (
            <section key={role} className="stack">
              <h3>
                <FormattedMessage id={`network.programmes.role_group.${role}`} />
              </h3>
              <DataTable
                caption={intl.formatMessage({ id: `network.programmes.role_group.${role}` })}
                rowKey={(x) => x.org.id}
                rows={[...rows].sort((a, b) => f.orgName(a.org).localeCompare(f.orgName(b.org), f.language))}
                columns={[
                  {
                    key: 'org',
                    header: <FormattedMessage id="network.programmes.col.organisation" />,
                    render: (x) => (
                      <>
                        {f.orgName(x.org)}
                        {x.org.shortName && <div className="muted">{x.org.shortName}</div>}
                      </>
                    ),
                  },
                  {
                    key: 'roles',
                    header: <FormattedMessage id="network.programmes.col.roles" />,
                    render: (x) => x.roles.map((r) => f.role(r)).join(', '),
                  },
                  {
                    key: 'country',
                    header: <FormattedMessage id="network.programmes.col.country" />,
                    render: (x) => <FormattedMessage id={`network.programmes.country.${x.org.country}`} />,
                  },
                  {
                    key: 'budget',
                    header: <FormattedMessage id="network.programmes.col.budget" />,
                    render: (x) => f.money(x.budgetTotal),
                  },
                  {
                    key: 'eu',
                    header: <FormattedMessage id="network.programmes.col.eu" />,
                    render: (x) => f.money(x.euAmount),
                  },
                ]}
              />
            </section>
          );
        })}
      </Card>
      <TotalsCard totals={p.totals} declared={p} />
    </div>
  );
}

/** The description in the reader's language first; the other version stays one click away. */
function Description({ p }: { p: ProgrammeDetail }) {
  const f = useProgrammeFormat();
  const primary = f.language === 'nl' ? 'nl' : 'fr';
  const other = primary === 'nl' ? 'fr' : 'nl';
  const text = { fr: p.descriptionFr, nl: p.descriptionNl };
  const shown = text[primary] ? primary : text[other] ? other : null;
  const alternative = shown === primary && text[other] ? other : null;
  return (
    <Card title={<FormattedMessage id="network.programmes.description.title" />}>
      {!shown && (
        <p className="muted">
          <FormattedMessage id="network.programmes.description.none" />
        </p>
      )}
      {shown && (
        <div lang={shown}>
          {text[shown]?.split(/\n{2,}/).map((para, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
            <p key={i}>{para}</p>
          ))}
        </div>
      )}
      {alternative && (
        <details>
          <summary>
            <FormattedMessage id={`network.programmes.description.show_${alternative}`} />
          </summary>
          <div lang={alternative}>
            {text[alternative]?.split(/\n{2,}/).map((para, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
              <p key={i}>{para}</p>
            ))}
          </div>
        </details>
      )}
    </Card>
  );
}
