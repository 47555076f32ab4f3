import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { personLink } from '../../../../common/people/links';
import { FOLLOW_UP_STATUSES } from '../../../../common/placements/agreement-rules';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementsLink } from '../../../../common/placements/links';
import { hrefOf } from '../../../app/client';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { FollowUpSection } from '../followup/FollowUpSection';
import { ActionsCard } from './ActionsCard';
import { StatusBadge, useAgreementFormat } from './format';
import { SignaturesCard } from './SignaturesCard';
import { TermsCard } from './TermsCard';
import { usePlacement } from './usePlacement';

/**
 * One placement agreement: who and where, its terms (editable by the home side while allowed), what the
 * actor may do now and why some actions are blocked, the signatures, the PDF, then the follow-up.
 */
export function PlacementPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const q = usePlacement(id);
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const person = fmt.person(p);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'placements.agreements.page.title' },
          { person, host: fmt.orgName(p.hostOrg) },
        )}
        description={
          <>
            <StatusBadge status={p.status} />{' '}
            <FormattedMessage id="placements.agreements.page.version" values={{ version: p.version }} />{' '}
            <span className="muted">
              <FormattedMessage id={`placements.agreements.side.${p.side}`} />
            </span>
          </>
        }
        actions={
          <a
            className="button button--secondary"
            href={hrefOf(placementsEndpoints.agreementPdf, { params: { id: p.id } })}
          >
            <FormattedMessage id="placements.agreements.page.pdf" />
          </a>
        }
      />
      <p>
        <Link to={placementsLink.href()}>
          <FormattedMessage id="placements.agreements.page.back_to_list" />
        </Link>
      </p>
      {p.statusReason && (
        <Alert
          tone={p.status === 'draft' ? 'warning' : 'info'}
          title={<FormattedMessage id="placements.agreements.page.reason" />}
        >
          {p.statusReason}
        </Alert>
      )}
      <Card title={<FormattedMessage id="placements.agreements.page.parties" />}>
        <Facts
          items={[
            [
              <FormattedMessage key="p" id="placements.agreements.field.person" />,
              p.side === 'home' ? (
                <Link key="pl" to={personLink.href({ id: p.personId })}>
                  {person}
                </Link>
              ) : (
                person
              ),
            ],
            [<FormattedMessage key="h" id="placements.agreements.side.home" />, fmt.orgName(p.homeOrg)],
            [<FormattedMessage key="o" id="placements.agreements.field.host" />, fmt.orgName(p.hostOrg)],
            [
              <FormattedMessage key="r" id="placements.agreements.field.referent" />,
              p.referentName ?? intl.formatMessage({ id: 'common.not_given' }),
            ],
          ]}
        />
      </Card>
      <ActionsCard placement={p} onChanged={q.refresh} />
      <TermsCard placement={p} onChanged={q.refresh} />
      <SignaturesCard placement={p} onChanged={q.refresh} />
      {FOLLOW_UP_STATUSES.includes(p.status) && <FollowUpSection placement={p} />}
    </div>
  );
}
