import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { personLink } from '../../../../common/people/links';
import { FOLLOW_UP_STATUSES } from '../../../../common/placements/agreement-rules';
import type { PlacementView } from '../../../../common/placements/agreement-schemas';
import { placementsEndpoints } from '../../../../common/placements/endpoints';
import { placementsLink } from '../../../../common/placements/links';
import { hrefOf } from '../../../app/client';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { type PageTab, PageTabs } from '../../../app/ui/PageTabs';
import { FollowUpSection } from '../followup/FollowUpSection';
import { ActionsCard } from './ActionsCard';
import { NextStep, StatusBadge, useAgreementFormat } from './format';
import { SignaturesCard } from './SignaturesCard';
import { TermsCard } from './TermsCard';
import { usePlacement } from './usePlacement';

/**
 * One placement agreement. On top, always: whose turn it is, the reason of the last move and what the
 * actor may do now (and why some actions are blocked). Below, in tabs kept in the address (issue 9,
 * item 15: with every form open the page ran to 5,500 px): the agreement (who and where, its terms,
 * editable by the home side while allowed, and the signatures), the follow-up once the placement has
 * started, and the history. A running placement opens on its follow-up, where the work then is.
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
            {/* The side is the reader's, not the agreement's stage: say so. */}
            <FormattedMessage
              id="placements.agreements.page.status_line"
              values={{
                version: p.version,
                side: p.side,
                org: fmt.orgName(p.side === 'home' ? p.homeOrg : p.hostOrg),
              }}
            />
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
      {p.nextStep.length > 0 && (
        <Card title={<FormattedMessage id="placements.agreements.next.title" />}>
          <NextStep tasks={p.nextStep} dates={p} withBlocks />
        </Card>
      )}
      {p.statusReason && (
        <Alert tone={p.status === 'draft' ? 'warning' : 'info'} title={<ReasonTitle placement={p} />}>
          {p.statusReason}
        </Alert>
      )}
      <ActionsCard placement={p} onChanged={q.refresh} />
      <PlacementTabs placement={p} refresh={q.refresh} />
    </div>
  );
}

function PlacementTabs({ placement: p, refresh }: { placement: PlacementView; refresh: () => void }) {
  const intl = useIntl();
  const following = FOLLOW_UP_STATUSES.includes(p.status);
  const tabs: PageTab[] = [
    {
      id: 'agreement',
      title: <FormattedMessage id="placements.agreements.page.tab.agreement" />,
      content: (
        <>
          <PartiesCard placement={p} />
          <TermsCard placement={p} onChanged={refresh} />
          <SignaturesCard placement={p} onChanged={refresh} />
        </>
      ),
    },
  ];
  if (following)
    tabs.push({
      id: 'followup',
      title: <FormattedMessage id="placements.agreements.page.tab.followup" />,
      content: <FollowUpSection placement={p} />,
    });
  if (p.history.length)
    tabs.push({
      id: 'history',
      title: <FormattedMessage id="placements.agreements.page.tab.history" />,
      content: <HistoryCard placement={p} />,
    });
  return (
    <PageTabs
      label={intl.formatMessage({ id: 'placements.agreements.page.tabs' })}
      tabs={tabs}
      defaultTab={following ? 'followup' : 'agreement'}
    />
  );
}

/** Who and where: the person (a link for the home side), both organisations and the referent. */
function PartiesCard({ placement: p }: { placement: PlacementView }) {
  const intl = useIntl();
  const fmt = useAgreementFormat();
  const person = fmt.person(p);
  return (
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
  );
}

/** Names the move the reason was given for (a refusal, a return…), when the history says it. */
function ReasonTitle({ placement: p }: { placement: PlacementView }) {
  const last = p.history.at(-1);
  if (!last?.reason || last.to !== p.status)
    return <FormattedMessage id="placements.agreements.page.reason" />;
  return (
    <FormattedMessage
      id="placements.agreements.page.reason_of"
      values={{
        action: <FormattedMessage id={`placements.agreements.history.action.${last.action}`} />,
        side: last.side ?? 'none',
      }}
    />
  );
}

/**
 * The agreement's moves, oldest first, each with the party that made it and the reason given: where a
 * refusal's reason lives once the agreement has moved on. The API gives it to the home side only.
 */
function HistoryCard({ placement: p }: { placement: PlacementView }) {
  const fmt = useAgreementFormat();
  if (!p.history.length) return null;
  return (
    <Card title={<FormattedMessage id="placements.agreements.history.title" />}>
      <ol className="stack">
        {p.history.map((h) => (
          <li key={`${h.at}-${h.action}`}>
            <FormattedMessage
              id="placements.agreements.history.item"
              values={{
                when: fmt.dateTime(h.at),
                action: <FormattedMessage id={`placements.agreements.history.action.${h.action}`} />,
                side: h.side ?? 'none',
              }}
            />
            {h.reason && (
              <>
                <br />
                <span className="muted">
                  <FormattedMessage id="placements.agreements.history.reason" values={{ reason: h.reason }} />
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
