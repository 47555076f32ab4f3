import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, type RouteObject, Routes } from 'react-router';
import { vi } from 'vitest';
import { authApi } from '../../common/auth/endpoints';
import type { AnyEndpoint } from '../../common/kernel/endpoint';
import { LanguageProvider } from '../app/i18n';
import type { WebModule } from '../app/module';
import { SessionProvider, useSessionState } from '../app/session';
import { ModulesProvider } from '../app/slots';

/**
 * Test-only: pages rendered as the app would (language, query client, session, router, module slots)
 * over a fake API. One harness for every web module's tests.
 */

export interface Call {
  method: string;
  url: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What a fake answer may be: a value sent as JSON (200), a Response, or undefined for `{}`. */
export type Answer = unknown;
export type Answers = (call: Call) => Answer;

/** An answer that is an API error, shaped as the server's error handler sends it. */
export const apiError = (status: number, code: string, message: string, fields: unknown[] = []) =>
  new Response(JSON.stringify({ error: { code, message, fields } }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** Whether a call is one of this endpoint (method and path pattern). */
export function isCall(call: Call, endpoint: AnyEndpoint): boolean {
  if (call.method !== endpoint.method) return false;
  const re = new RegExp(`^${endpoint.path.replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`);
  return re.test(call.path);
}

/** Answers by endpoint: the first matching entry answers; anything else gets `{}`. */
export function byEndpoint(...entries: Array<[AnyEndpoint, Answer | ((call: Call) => Answer)]>): Answers {
  return (call) => {
    for (const [endpoint, answer] of entries)
      if (isCall(call, endpoint))
        return typeof answer === 'function' ? (answer as (c: Call) => Answer)(call) : answer;
    return undefined;
  };
}

type ProgressHandler = ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;

/** XMLHttpRequest as the upload with progress uses it, answered by the same fake API as fetch. */
function fakeXhr(fetcher: (url: string, init?: RequestInit) => Promise<Response>, hold?: Promise<void>) {
  return class FakeXhr {
    upload: { onprogress: ProgressHandler; onload: (() => void) | null } = { onprogress: null, onload: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    responseText = '';
    withCredentials = false;
    private method = 'GET';
    private url = '';
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader() {}
    send(body?: BodyInit | null) {
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        await hold;
        this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
        this.upload.onload?.();
        const res = await fetcher(this.url, { method: this.method, body: body ?? null });
        this.status = res.status;
        this.responseText = await res.text();
        this.onload?.();
      })();
    }
  };
}

/** As the shell's RequireAuth: a signed-in page renders once the session is known. */
function SessionReady({ children }: { children: ReactNode }) {
  const { state } = useSessionState();
  return state.status === 'loading' ? null : children;
}

export interface RenderOptions {
  /** Route objects as a module declares them (or plain { path, element } pairs). */
  routes: Array<RouteObject | { path: string; element: ReactNode }>;
  /** The address the test opens. */
  path: string;
  language?: 'fr' | 'nl' | 'en';
  roles?: string[];
  /** Region of the active organisation (decides date formats and the organisation's side of the border). */
  region?: string;
  answers?: Answers;
  /** Modules whose slots (person panels…) the pages show. */
  modules?: readonly WebModule[];
  /**
   * Uploads through XMLHttpRequest (with progress) report half the file sent, then wait for this before
   * reporting the rest and getting their answer, so a test can look at the progress bar.
   */
  uploadHold?: Promise<void>;
}

export function renderRoutes(opts: RenderOptions): Call[] {
  const language = opts.language ?? 'fr';
  const roles = opts.roles ?? ['referent'];
  const calls: Call[] = [];
  const session = {
    user: {
      id: 'u',
      email: 'x@y.example',
      displayName: 'X',
      language,
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles,
    memberships: [{ orgId: 'o1', nameFr: 'R', nameNl: 'R', region: opts.region ?? 'BE-WAL', roles }],
    invitations: [],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  const fakeFetch = async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const [path = '', search = ''] = url.split('?');
    const call: Call = { method, url, path, query: new URLSearchParams(search), body };
    calls.push(call);
    // An answer may be a promise: the page is seen while it waits.
    const out = await (isCall(call, authApi.session) ? session : opts.answers?.(call));
    if (out instanceof Response) return out;
    return new Response(JSON.stringify(out ?? {}), { headers: { 'content-type': 'application/json' } });
  };
  vi.stubGlobal('fetch', fakeFetch);
  vi.stubGlobal('XMLHttpRequest', fakeXhr(fakeFetch, opts.uploadHold));
  const flat = (routes: RenderOptions['routes']): Array<{ path: string; element: ReactNode }> =>
    routes.flatMap((r) => {
      const o = r as RouteObject;
      // A module's signed-in routes are relative to /app, as the shell mounts them.
      const path = o.path === undefined ? undefined : o.path.startsWith('/') ? o.path : `/app/${o.path}`;
      const element = path?.startsWith('/app') ? (
        <SessionReady key={path}>{o.element}</SessionReady>
      ) : (
        o.element
      );
      const own = path !== undefined ? [{ path, element }] : [];
      return [...own, ...flat((o.children ?? []) as RenderOptions['routes'])];
    });
  render(
    <LanguageProvider initial={language}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <ModulesProvider modules={opts.modules ?? []}>
            <MemoryRouter initialEntries={[opts.path]}>
              <Routes>
                {flat(opts.routes).map((r) => (
                  <Route key={r.path} path={r.path} element={r.element} />
                ))}
              </Routes>
            </MemoryRouter>
          </ModulesProvider>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return calls;
}
