import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { Role } from '../../../common/access/permissions';
import { dashboardApi } from '../../../common/dashboard/endpoints';
import { dashboardLink } from '../../../common/dashboard/links';
import { useEndpoint } from '../../app/client';
import type { NavItem } from '../../app/module';
import { visibleNav } from '../../app/nav';
import { useSession } from '../../app/session';
import { EmptyState, ErrorAlert, Loading } from '../../app/ui/feedback';
import { Card, PageHeader } from '../../app/ui/layout';

/** The landing page after sign-in: what needs this user's attention now, then where they can go. */
export function DashboardPage({ nav }: { nav: () => NavItem[] }) {
  const intl = useIntl();
  const session = useSession();
  const q = useEndpoint(dashboardApi.attention);
  // The menu's own rule (no public-only faces for a signed-in reader), without this page itself.
  const shortcuts = visibleNav(nav(), true, session.roles as Role[]).filter(
    (n) => n.to !== dashboardLink.href(),
  );
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'dashboard.title' }, { name: session.user.displayName })}
        description={<FormattedMessage id="dashboard.intro" />}
      />
      <Card title={<FormattedMessage id="dashboard.attention" />}>
        {q.isLoading && <Loading />}
        <ErrorAlert error={q.error} />
        {q.data && q.data.items.length === 0 && (
          <EmptyState title={<FormattedMessage id="dashboard.nothing" />}>
            <FormattedMessage id="dashboard.nothing_hint" />
          </EmptyState>
        )}
        {q.data && q.data.items.length > 0 && (
          <ul className="attention">
            {q.data.items.map((i) => (
              <li key={i.key} className={`severity-${i.severity}`}>
                <span className="count">{intl.formatNumber(i.count)}</span>
                <span>
                  <Link to={i.link}>
                    <FormattedMessage
                      id={i.key}
                      values={{
                        count: i.count,
                        ...(i.dueOn
                          ? { due: intl.formatDate(i.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }) }
                          : {}),
                      }}
                    />
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {shortcuts.length > 0 && (
        <Card title={<FormattedMessage id="dashboard.shortcuts" />}>
          <ul>
            {shortcuts.map((n) => (
              <li key={n.to}>
                <Link to={n.to}>
                  <FormattedMessage id={n.labelId} />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
