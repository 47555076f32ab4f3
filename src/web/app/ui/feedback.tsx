import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../api';

export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {children && <div>{children}</div>}
    </div>
  );
}

/** Shows an API error as the server worded it (already in the user's language), with its field details. */
export function ErrorAlert({ error }: { error: unknown }) {
  const intl = useIntl();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message =
    e?.message ||
    intl.formatMessage({ id: e?.code === 'errors.network' ? 'errors.network' : 'errors.internal' });
  return (
    <Alert tone="error" title={message}>
      {e?.fields.length ? (
        <ul>
          {e.fields.map((f) => (
            <li key={`${f.path}-${f.code}`}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function Spinner({ label }: { label?: string }) {
  const intl = useIntl();
  return (
    <span
      className="spinner"
      role="progressbar"
      aria-label={label ?? intl.formatMessage({ id: 'common.loading' })}
    />
  );
}

export function Loading() {
  return (
    <p className="muted" aria-live="polite">
      <Spinner /> <FormattedMessage id="common.loading" />
    </p>
  );
}

/** What an empty list says: why it is empty and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}
