import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate } from 'react-router';
import { loginLink } from '../../../common/auth/links';
import { dashboardLink } from '../../../common/dashboard/links';
import { directoryLink } from '../../../common/network/links';
import { useSessionState } from '../../app/session';
import { LinkButton } from '../../app/ui/Button';
import { Card, PageHeader } from '../../app/ui/layout';

/** The public front page: what samen is, the public services directory, and sign-in for staff. */
export function HomePage() {
  const intl = useIntl();
  const { state } = useSessionState();
  if (state.status === 'signed_in') return <Navigate to={dashboardLink.href()} replace />;
  return (
    <div className="stack">
      <PageHeader
        title={intl.formatMessage({ id: 'home.title' })}
        description={<FormattedMessage id="home.tagline" />}
      />
      <div className="grid-2">
        <Card title={<FormattedMessage id="home.directory.title" />}>
          <p>
            <FormattedMessage id="home.directory.text" />
          </p>
          <LinkButton to={directoryLink.href()}>
            <FormattedMessage id="home.directory.action" />
          </LinkButton>
        </Card>
        <Card title={<FormattedMessage id="home.staff.title" />}>
          <p>
            <FormattedMessage id="home.staff.text" />
          </p>
          <LinkButton to={loginLink.href()} variant="secondary">
            <FormattedMessage id="shell.login" />
          </LinkButton>
        </Card>
      </div>
    </div>
  );
}
