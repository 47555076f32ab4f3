import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError } from '../../../app/api';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';

/**
 * One panel of the dashboard with its own state: a reader the server refuses (403) or who lacks the
 * permission sees why in this panel only, another failure shows the server's words, and the rest of
 * the page is unaffected.
 */
export function Panel<T>({
  title,
  actions,
  allowed,
  query,
  className,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  allowed: boolean;
  query: { data?: T; error: unknown };
  className?: string;
  children: (data: T) => ReactNode;
}) {
  const refused = !allowed || (query.error instanceof ApiError && query.error.status === 403);
  return (
    <section className={`card dash-panel ${className ?? ''}`}>
      <div className="dash-panel-head">
        <h2>{title}</h2>
        {actions && !refused && query.data !== undefined && <div className="row no-print">{actions}</div>}
      </div>
      {refused ? (
        <Alert tone="info">
          <FormattedMessage id="monitoring.dashboard.forbidden" />
        </Alert>
      ) : query.error ? (
        <ErrorAlert error={query.error} />
      ) : query.data === undefined ? (
        <Loading />
      ) : (
        children(query.data)
      )}
    </section>
  );
}
