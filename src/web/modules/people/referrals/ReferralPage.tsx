import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import type { Role } from '../../../../common/access/permissions';
import { referralsApi } from '../../../../common/people/endpoints';
import { personLink, referralsLink, sharedPersonLink } from '../../../../common/people/links';
import { referralWorkflow } from '../../../../common/people/referral-rules';
import type { ReferralView } from '../../../../common/people/referral-schemas';
import { call, invalidate, keyOf, useEndpoint } from '../../../app/client';
import { useSession } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { useSharingFormat } from '../shared/format';
import { DeclineDialog } from './DeclineDialog';
import { StatusTag } from './format';

/** One referral; only the actions the workflow makes available to this user are offered. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const fmt = useSharingFormat();
  const client = useQueryClient();
  const roles = useSession().roles as Role[];
  const [changed, setChanged] = useState<string | null>(null);
  const q = useEndpoint(referralsApi.get, { params: { id } });
  const done = (r: ReferralView) => {
    client.setQueryData(keyOf(referralsApi.get, { params: { id } }), r);
    void invalidate(client, referralsApi.list);
    setChanged(intl.formatMessage({ id: `people.referrals.enum.status.${r.status}` }));
  };
  const act = useMutation({
    mutationFn: (action: 'accept' | 'done' | 'revoke') => call(referralsApi[action], { params: { id } }),
    onSuccess: done,
  });

  if (q.isLoading) return <Loading />;
  if (q.error || !q.data)
    return (
      <div className="stack">
        <ErrorAlert error={q.error} />
        <EmptyState
          title={<FormattedMessage id="people.referrals.errors.not_found" />}
          action={
            <LinkButton to={referralsLink.href()} variant="secondary">
              <FormattedMessage id="people.referrals.back" />
            </LinkButton>
          }
        />
      </div>
    );
  const r = q.data;
  const actions = referralWorkflow.available(r.status, r.side, roles);
  const name = r.person ? [r.person.firstName, r.person.lastName].filter(Boolean).join(' ') : '';
  const personLabel = r.person ? name || r.person.participantCode : null;
  const m = (id: string) => <FormattedMessage id={id} />;
  const facts: Array<[ReactNode, ReactNode]> = [
    [m('people.referrals.col.status'), <StatusTag key="s" status={r.status} />],
    [
      m('people.referrals.detail.person'),
      personLabel ?? <span className="muted">{m('people.referrals.person_hidden')}</span>,
    ],
    [m('people.referrals.col.purpose'), m(`people.shared.purpose.${r.purpose}`)],
    [m('people.referrals.detail.fields'), fmt.fields(r.fields)],
    [m('people.referrals.col.date'), fmt.dateTime(r.createdAt)],
  ];
  if (r.sentByName) facts.push([m('people.referrals.detail.sent_by'), r.sentByName]);
  facts.push([m('people.referrals.detail.basis'), m(`people.referrals.detail.basis_${r.basis}`)]);
  if (r.overrideReason) facts.push([m('people.referrals.detail.override_reason'), r.overrideReason]);
  if (r.message) facts.push([m('people.referrals.detail.message'), r.message]);
  if (r.declineReason) facts.push([m('people.referrals.detail.decline_reason'), r.declineReason]);
  if (r.decidedAt) facts.push([m('people.referrals.detail.decided_at'), fmt.dateTime(r.decidedAt)]);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'people.referrals.detail.title' },
          { from: fmt.orgName(r.sender), to: fmt.orgName(r.recipient) },
        )}
        actions={
          <LinkButton
            to={referralsLink.href(undefined, { box: r.side === 'sender' ? 'outbox' : undefined })}
            variant="ghost"
          >
            <FormattedMessage id="people.referrals.back" />
          </LinkButton>
        }
      />
      {changed && (
        <Alert tone="success">
          <FormattedMessage id="people.referrals.done_toast" values={{ status: changed }} />
        </Alert>
      )}
      <ErrorAlert error={act.error} />
      <Card>
        <Facts items={facts} />
      </Card>
      <div className="row no-print">
        {actions.map(({ transition: { action }, tone, reasonRequired }) =>
          action === 'decline' || reasonRequired ? (
            <DeclineDialog key={action} id={r.id} onDone={done} />
          ) : (
            <Button
              key={action}
              variant={tone}
              isDisabled={act.isPending}
              onPress={() => act.mutate(action as 'accept' | 'done' | 'revoke')}
            >
              <FormattedMessage id={`people.referrals.action.${action}`} />
            </Button>
          ),
        )}
        {r.side === 'recipient' && r.person && (
          <LinkButton to={sharedPersonLink.href({ id: r.person.id })} variant="secondary">
            <FormattedMessage id="people.referrals.detail.open_shared" />
          </LinkButton>
        )}
        {r.side === 'sender' && r.person && (
          <LinkButton to={personLink.href({ id: r.person.id })} variant="secondary">
            <FormattedMessage id="people.referrals.detail.open_person" />
          </LinkButton>
        )}
      </div>
      {actions.length === 0 && (
        <p className="muted">
          <FormattedMessage id="people.referrals.detail.no_action" />
        </p>
      )}
    </div>
  );
}
