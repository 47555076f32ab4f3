import { FormattedMessage } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { calendarLink, offersLink } from '../../../../common/immersions/links';
import { requestEndpoints as api } from '../../../../common/immersions/request-endpoints';
import { requestLink, requestsLink } from '../../../../common/immersions/request-links';
import { REQUEST_LIST_SCOPES } from '../../../../common/immersions/request-schemas';
import { useEndpoint } from '../../../app/client';
import { useCan } from '../../../app/session';
import { LinkButton } from '../../../app/ui/Button';
import { EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { PageHeader } from '../../../app/ui/layout';
import { R, useRequestWords } from './words';

type Scope = (typeof REQUEST_LIST_SCOPES)[number];

/**
 * "My immersions", and the queues of one list: the manager's (requests of the team waiting for approval),
 * the host's (requests sent to the organisation) and the organisation's. The scope is in the address.
 */
export function RequestsPage() {
  const location = useLocation();
  const w = useRequestWords();
  const canView = useCan('immersion.view');
  const canManage = useCan('immersion.manage');
  const asked = requestsLink.read(location.search).scope;
  const scope: Scope = REQUEST_LIST_SCOPES.includes(asked as Scope) ? (asked as Scope) : 'mine';
  const scopes = REQUEST_LIST_SCOPES.filter((s) => canManage || s === 'mine' || s === 'host');
  const q = useEndpoint(api.listRequests, { query: { scope } }, { enabled: canView });
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  return (
    <div className="stack">
      <PageHeader
        title={w.msg(`list.title.${scope}`)}
        actions={
          <>
            <LinkButton to={calendarLink.href()} variant="secondary">
              <FormattedMessage id="immersions.calendar.link" />
            </LinkButton>
            <LinkButton to={offersLink.href()} variant="secondary">
              <FormattedMessage id={R('list.find_offer')} />
            </LinkButton>
          </>
        }
      />
      <nav aria-label={w.msg('list.scopes')} className="row">
        {scopes.map((s) => (
          <Link
            key={s}
            to={requestsLink.href({}, { scope: s })}
            aria-current={s === scope ? 'page' : undefined}
          >
            <FormattedMessage id={R(`list.scope.${s}`)} />
          </Link>
        ))}
      </nav>
      {q.error ? (
        <ErrorAlert error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={<FormattedMessage id={R(`list.empty.${scope}`)} />} />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{w.msg(`list.title.${scope}`)}</caption>
            <thead>
              <tr>
                {['dates', 'visitor', 'host', 'theme', 'status', 'next'].map((k) => (
                  <th key={k} scope="col">
                    <FormattedMessage id={R(`col.${k}`)} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={requestLink.href({ id: r.id })}>{w.range(r.startsOn, r.endsOn)}</Link>
                  </td>
                  <td>
                    {r.visitorName} ({r.visitorOrgName})
                  </td>
                  <td>{r.hostOrgName}</td>
                  <td>
                    {w.theme(r.theme)} · {w.kind(r.kind)}
                  </td>
                  <td>
                    {w.status(r.status)}
                    {r.reportState === 'due' || r.reportState === 'overdue' ? (
                      <>
                        {' · '}
                        <FormattedMessage
                          id={R(`report.state.${r.reportState}`)}
                          values={{ due: w.day(r.reportDueOn ?? r.endsOn) }}
                        />
                      </>
                    ) : null}
                  </td>
                  <td>{w.next(r.nextActor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
