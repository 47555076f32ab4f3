import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { offerLink } from '../../../../common/immersions/links';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import { requestEditLink, requestsLink } from '../../../../common/immersions/request-links';
import type { RequestView } from '../../../../common/immersions/request-schemas';
import { ApiError } from '../../../app/api';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { Button, LinkButton } from '../../../app/ui/Button';
import { FormDialog } from '../../../app/ui/FormDialog';
import { ErrorAlert, Loading } from '../../../app/ui/feedback';
import { TextArea } from '../../../app/ui/fields';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { AgreementDownload } from '../agreement/AgreementDownload';
import { SignaturesCard } from '../agreement/SignaturesCard';
import { RequestRecords } from './RequestRecords';
import { R, useRequestWords, Warnings } from './words';

/**
 * One immersion request as the reader's side sees it: status and who acts next, the actions the reader
 * may take (with what still blocks them), the warnings, the agreement's signatures (and its amendment),
 * the agreement (parties, objectives, dates, schedule, the visitor's confidentiality undertaking, the host's
 * observer consents), the logbook and the report. The host sees only what was sent to it and the entries the visitor shared.
 */
export function RequestPage() {
  const { id = '' } = useParams();
  const w = useRequestWords();
  const q = useEndpoint(api.request, { params: { id } });
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const v = q.data;
  const r = v.request;
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={requestsLink.href({}, { scope: r.side === 'host' ? 'host' : 'mine' })}>
          <FormattedMessage id={R('view.back')} />
        </Link>
      </p>
      <PageHeader
        title={w.msg('view.title', { visitor: r.visitorName, host: r.hostOrgName })}
        description={`${w.status(r.status)} · ${w.next(r.nextActor)}`}
        actions={
          v.can.edit && (
            <LinkButton to={requestEditLink.href({ id: r.id })} variant="secondary">
              <FormattedMessage id={R('view.edit')} />
            </LinkButton>
          )
        }
      />
      {v.statusReason && (
        <p>
          <FormattedMessage id={R('view.reason')} values={{ reason: v.statusReason }} />
        </p>
      )}
      <Warnings warnings={v.warnings} />
      <Actions view={v} />
      <SignaturesCard view={v} />
      <Agreement view={v} />
      <RequestRecords view={v} />
    </div>
  );
}

function Actions({ view }: { view: RequestView }) {
  const w = useRequestWords();
  const move = useEndpointMutation(api.transitionRequest, [api.request, api.listRequests]);
  const [error, setError] = useState<unknown>(null);
  if (view.actions.length === 0) return null;
  const id = view.request.id;
  return (
    <Card title={<FormattedMessage id={R('view.actions')} />}>
      <ErrorAlert error={error} />
      <div className="row">
        {view.actions.map((a) =>
          a.reasonRequired ? (
            <ReasonDialog
              key={a.action}
              action={a.action}
              onSend={(reason) => move.mutateAsync({ params: { id }, body: { action: a.action, reason } })}
            />
          ) : (
            <Button
              key={a.action}
              variant={a.tone === 'primary' ? 'primary' : 'secondary'}
              isDisabled={a.blockedBy.length > 0 || move.isPending}
              onPress={() => {
                setError(null);
                move
                  .mutateAsync({ params: { id }, body: { action: a.action, reason: null } })
                  .catch(setError);
              }}
            >
              {w.msg(`action.${a.action}`)}
            </Button>
          ),
        )}
      </div>
      {view.actions
        .filter((a) => a.blockedBy.length > 0)
        .map((a) => (
          <p key={`${a.action}-blocked`} className="description">
            {w.msg(`action.${a.action}`)}:{' '}
            {a.blockedBy
              .map((g) => w.msg(`errors.guard.${g}`, { capacity: view.warnings.capacity.capacity }))
              .join(' ')}
          </p>
        ))}
    </Card>
  );
}

function ReasonDialog({ action, onSend }: { action: string; onSend: (reason: string) => Promise<unknown> }) {
  const intl = useIntl();
  const w = useRequestWords();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      trigger={<Button variant="danger">{w.msg(`action.${action}`)}</Button>}
      title={w.msg(`action.${action}`)}
      submitLabel={w.msg(`action.${action}`)}
      variant="danger"
      onSubmit={async () => {
        if (!reason.trim()) {
          setError(intl.formatMessage({ id: R('errors.reason_required') }));
          return false;
        }
        await onSend(reason.trim());
        return true;
      }}
      onError={(e) => e instanceof ApiError && setError(e.fields[0]?.message)}
    >
      <TextArea label={w.msg('field.reason')} value={reason} onChange={setReason} error={error} isRequired />
    </FormDialog>
  );
}

function Agreement({ view }: { view: RequestView }) {
  const w = useRequestWords();
  const r = view.request;
  // The visitor takes the undertaking by signing the agreement (earlier, by accepting it on its own).
  const visitorSigned = view.signatures?.signatures.find((s) => s.role === 'visitor' && s.signedAt)?.signedAt;
  const acceptedAt = visitorSigned ?? view.confidentialityAcceptedAt;
  const dash = '—';
  const items: Array<[ReactNode, ReactNode]> = [
    [w.msg('agreement.visitor'), `${view.people.visitor} (${r.visitorOrgName})`],
    [w.msg('agreement.host'), [view.hostUnitName, r.hostOrgName].filter(Boolean).join(', ')],
    [
      w.msg('agreement.offer'),
      <Link key="o" to={offerLink.href({ id: view.offerId })}>
        {w.msg('agreement.offer_open')}
      </Link>,
    ],
    [w.msg('agreement.kind'), `${w.kind(r.kind)} · ${w.theme(r.theme)}`],
    [
      w.msg('agreement.dates'),
      `${w.range(r.startsOn, r.endsOn)} · ${w.msg('agreement.days', { days: r.days })}`,
    ],
    [w.msg('agreement.schedule'), view.schedule ?? dash],
    [w.msg('agreement.programme'), view.programme?.acronym || dash],
    [w.msg('agreement.manager'), view.people.manager ?? dash],
    [w.msg('agreement.host_approver'), view.people.host ?? dash],
  ];
  return (
    <Card title={<FormattedMessage id={R('agreement.title')} />}>
      <div className="stack">
        <Facts items={items} />
        <h3>
          <FormattedMessage id={R('agreement.objectives')} />
        </h3>
        <p className="prose">{view.objectives}</p>
        <h3>
          <FormattedMessage id={R('agreement.confidentiality')} />
        </h3>
        <p>
          <FormattedMessage id={R('agreement.confidentiality_text')} />
        </p>
        <p>
          {acceptedAt ? (
            <FormattedMessage
              id={R('agreement.confidentiality_accepted')}
              values={{ visitor: view.people.visitor, day: w.day(acceptedAt.slice(0, 10)) }}
            />
          ) : (
            <FormattedMessage id={R('agreement.confidentiality_pending')} />
          )}
        </p>
        <AgreementDownload requestId={r.id} />
      </div>
    </Card>
  );
}
