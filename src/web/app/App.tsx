import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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
import { LanguageProvider } from './i18n';
import { Layout } from './Layout';
import { MODULES } from './modules';
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
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (state.status === 'mfa_required') return <Navigate to="/login/mfa" replace />;
  if (state.session.mfaSetupRequired && location.pathname !== '/app/account')
    return <Navigate to="/app/account" replace />;
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
          path: '/app',
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

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 15_000 } },
});

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
