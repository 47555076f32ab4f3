import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import type { ReferralAction } from '../../../common/people/referral-rules';
import type { ReferralView } from '../../../common/people/referral-schemas';
import { get, post } from '../../app/api';
import { Button, LinkButton } from '../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../app/ui/layout';
import { DeclineDialog } from './DeclineDialog';
import { StatusTag, useReferralFormat } from './format';

/** One referral; only the actions the transition table allows this user are offered. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const intl = useIntl();
  const fmt = useReferralFormat();
  const client = useQueryClient();
  const [changed, setChanged] = useState<string | null>(null);
  const key = ['referrals', 'one', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<ReferralView>(`/api/referrals/${id}`) });
  const done = (r: ReferralView) => {
    client.setQueryData(key, r);
    void client.invalidateQueries({ queryKey: ['referrals'] });
    setChanged(intl.formatMessage({ id: `referrals.enum.status.${r.status}` }));
  };
  const act = useMutation({
    mutationFn: (action: Exclude<ReferralAction, 'decline'>) =>
      post<ReferralView>(`/api/referrals/${id}/${action}`),
    onSuccess: done,
  });

  if (q.isLoading) return <Loading />;
  if (q.error || !q.data)
    return (
      <div className="stack">
        <ErrorAlert error={q.error} />
        <EmptyState
          title={<FormattedMessage id="referrals.not_found" />}
          action={
            <LinkButton to="/app/referrals" variant="secondary">
              <FormattedMessage id="referrals.back" />
            </LinkButton>
          }
        />
      </div>
    );
  const r = q.data;
  const name = r.person ? [r.person.firstName, r.person.lastName].filter(Boolean).join(' ') : '';
  const personLabel = r.person ? name || r.person.participantCode : null;
  const m = (id: string) => <FormattedMessage id={id} />;
  const facts: Array<[ReactNode, ReactNode]> = [
    [m('referrals.col.status'), <StatusTag key="s" status={r.status} />],
    [
      m('referrals.detail.person'),
      personLabel ?? <span className="muted">{m('referrals.person_hidden')}</span>,
    ],
    [m('referrals.col.purpose'), m(`referrals.enum.purpose.${r.purpose}`)],
    [m('referrals.detail.fields'), fmt.fields(r.fields)],
    [m('referrals.col.date'), fmt.dateTime(r.createdAt)],
  ];
  if (r.sentByName) facts.push([m('referrals.detail.sent_by'), r.sentByName]);
  facts.push([m('referrals.detail.basis'), m(`referrals.detail.basis_${r.basis}`)]);
  if (r.overrideReason) facts.push([m('referrals.detail.override_reason'), r.overrideReason]);
  if (r.message) facts.push([m('referrals.detail.message'), r.message]);
  if (r.declineReason) facts.push([m('referrals.detail.decline_reason'), r.declineReason]);
  if (r.decidedAt) facts.push([m('referrals.detail.decided_at'), fmt.dateTime(r.decidedAt)]);
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage(
          { id: 'referrals.detail.title' },
          { from: fmt.orgName(r.sender), to: fmt.orgName(r.recipient) },
        )}
        actions={
          <LinkButton to={`/app/referrals${r.side === 'sender' ? '?box=outbox' : ''}`} variant="ghost">
            <FormattedMessage id="referrals.back" />
          </LinkButton>
        }
      />
      {changed && (
        <Alert tone="success">
          <FormattedMessage id="referrals.done_toast" values={{ status: changed }} />
        </Alert>
      )}
      <ErrorAlert error={act.error} />
      <Card>
        <Facts items={facts} />
      </Card>
      <div className="row no-print">
        {r.actions.map((a) =>
          a === 'decline' ? (
            <DeclineDialog key={a} id={r.id} onDone={done} />
          ) : (
            <Button
              key={a}
              variant={a === 'revoke' ? 'danger' : 'primary'}
              isDisabled={act.isPending}
              onPress={() => act.mutate(a)}
            >
              <FormattedMessage id={`referrals.action.${a}`} />
            </Button>
          ),
        )}
        {r.side === 'recipient' && r.person && (
          <LinkButton to={`/app/shared/${r.person.id}`} variant="secondary">
            <FormattedMessage id="referrals.detail.open_shared" />
          </LinkButton>
        )}
        {r.side === 'sender' && r.person && (
          <LinkButton to={`/app/people/${r.person.id}`} variant="secondary">
            <FormattedMessage id="referrals.detail.open_person" />
          </LinkButton>
        )}
      </div>
      {r.actions.length === 0 && (
        <p className="muted">
          <FormattedMessage id="referrals.detail.no_action" />
        </p>
      )}
    </div>
  );
}
