import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Outlet, useNavigate } from 'react-router';
import type { Role } from '../../common/access/permissions';
import { accountLink } from '../../common/admin/links';
import { authApi } from '../../common/auth/endpoints';
import { loginLink } from '../../common/auth/links';
import { dashboardLink } from '../../common/dashboard/links';
import { isLanguage, LANGUAGES, localized } from '../../common/i18n/locales';
import { call } from './client';
import { Invitations } from './Invitations';
import { useLanguage } from './i18n';
import type { NavItem } from './module';
import { NavBar } from './NavBar';
import { visibleNav } from './nav';
import { useSessionState } from './session';

function LanguageSwitcher() {
  const intl = useIntl();
  const { language, setLanguage } = useLanguage();
  const { state } = useSessionState();
  return (
    <label>
      <span className="visually-hidden">
        <FormattedMessage id="shell.language" />
      </span>
      <select
        value={language}
        onChange={async (e) => {
          const next = e.target.value;
          if (!isLanguage(next)) return;
          setLanguage(next);
          // A signed-in user's choice follows them to e-mails and other devices.
          if (state.status === 'signed_in')
            await call(authApi.preferences, { body: { language: next } }).catch(() => {});
        }}
        aria-label={intl.formatMessage({ id: 'shell.language' })}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {intl.formatMessage({ id: `shell.language.${l}` })}
          </option>
        ))}
      </select>
    </label>
  );
}

function OrgSwitcher() {
  const intl = useIntl();
  const { language } = useLanguage();
  const { state, refresh } = useSessionState();
  const navigate = useNavigate();
  if (state.status !== 'signed_in' || state.session.memberships.length < 2) return null;
  const s = state.session;
  return (
    <select
      aria-label={intl.formatMessage({ id: 'shell.organisation' })}
      value={s.activeOrgId ?? ''}
      onChange={async (e) => {
        await call(authApi.switchOrg, { body: { orgId: e.target.value } });
        await refresh();
        navigate(dashboardLink.href());
      }}
    >
      {s.memberships.map((m) => (
        <option key={m.orgId} value={m.orgId}>
          {localized(language, m.nameFr, m.nameNl)}
        </option>
      ))}
    </select>
  );
}

/** The frame of every page: skip link, header with language and account, role-filtered navigation. */
export function Layout({ nav }: { nav: NavItem[] }) {
  const { language } = useLanguage();
  const { state } = useSessionState();
  const client = useQueryClient();
  const session = state.status === 'signed_in' ? state.session : null;
  const roles = (session?.roles ?? []) as Role[];
  const items = visibleNav(nav, session !== null, roles);
  const org = session?.memberships.find((m) => m.orgId === session.activeOrgId);

  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="shell.skip_to_content" />
      </a>
      <header className="shell-header">
        <div className="shell-header__inner">
          <Link to={session ? dashboardLink.href() : '/'} className="brand">
            <FormattedMessage id="app.name" />
          </Link>
          {org && <span>{localized(language, org.nameFr, org.nameNl)}</span>}
          <div className="shell-header__tools">
            <OrgSwitcher />
            <LanguageSwitcher />
            {session ? (
              <>
                <Link className="header-button" to={accountLink.href()}>
                  {session.user.displayName}
                </Link>
                <button
                  type="button"
                  className="header-button"
                  onClick={async () => {
                    await call(authApi.logout).catch(() => {});
                    client.clear();
                    // One full navigation: a client-side route followed by a reload let a click made
                    // in between (or a test's next page.goto) be aborted by the late reload.
                    window.location.assign(loginLink.href());
                  }}
                >
                  <FormattedMessage id="shell.logout" />
                </button>
              </>
            ) : (
              <Link className="header-button" to={loginLink.href()}>
                <FormattedMessage id="shell.login" />
              </Link>
            )}
          </div>
        </div>
      </header>
      {items.length > 0 && <NavBar items={items} />}
      <main id="main" tabIndex={-1}>
        <Invitations />
        <Outlet />
      </main>
      <footer className="shell-footer">
        <FormattedMessage id="shell.footer" />
      </footer>
    </>
  );
}
