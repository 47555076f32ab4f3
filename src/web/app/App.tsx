import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  type RouteObject,
  RouterProvider,
  useLocation,
  useRouteError,
} from 'react-router';
import { accountLink } from '../../common/admin/links';
import { loginLink, mfaLink } from '../../common/auth/links';
import { dashboardLink } from '../../common/dashboard/links';
import { LanguageProvider } from './i18n';
import { Layout } from './Layout';
import { MODULES } from './modules';
import { createQueryClient } from './query-client';
import { SessionProvider, useSessionState } from './session';
import { ModulesProvider } from './slots';
import { LinkButton } from './ui/Button';
import { EmptyState, ErrorAlert, Loading } from './ui/feedback';

/** Pages below this need a signed-in user; a pending second factor or a mandatory set-up comes first. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous')
    return <Navigate to={loginLink.href(undefined, { next: location.pathname + location.search })} replace />;
  if (state.status === 'mfa_required') return <Navigate to={mfaLink.href()} replace />;
  if (state.session.mfaSetupRequired && location.pathname !== accountLink.pattern)
    return <Navigate to={accountLink.href()} replace />;
  return <>{children}</>;
}

function NotFound() {
  return (
    <EmptyState
      title={<FormattedMessage id="errors.not_found" />}
      action={
        <LinkButton to="/" variant="secondary">
          <FormattedMessage id="common.back_home" />
        </LinkButton>
      }
    />
  );
}

function RouteError() {
  const error = useRouteError();
  console.error(error);
  return <ErrorAlert error={error} />;
}

export function buildRoutes(): RouteObject[] {
  const nav = MODULES.flatMap((m) => m.nav ?? []);
  return [
    {
      element: <Layout nav={nav} />,
      errorElement: <RouteError />,
      children: [
        ...MODULES.flatMap((m) => m.publicRoutes ?? []),
        {
          path: dashboardLink.pattern,
          element: <RequireAuthOutlet />,
          children: MODULES.flatMap((m) => m.routes ?? []),
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

function RequireAuthOutlet() {
  return (
    <RequireAuth>
      <Outlet />
    </RequireAuth>
  );
}

const queryClient = createQueryClient();

export function App() {
  const router = createBrowserRouter(buildRoutes());
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <SessionProvider>
          <ModulesProvider modules={MODULES}>
            <RouterProvider router={router} />
          </ModulesProvider>
        </SessionProvider>
      </LanguageProvider>
    </QueryClientProvider>
  );
}
