import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { allows } from '../../common/access/endpoint-access';
import { can, type Permission, type Role } from '../../common/access/permissions';
import { authApi } from '../../common/auth/endpoints';
import type { SessionView } from '../../common/auth/schemas';
import { isLanguage } from '../../common/i18n/locales';
import type { AnyEndpoint } from '../../common/kernel/endpoint';
import { ApiError, setCsrfToken } from './api';
import { call } from './client';
import { useLanguage } from './i18n';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'mfa_required' }
  | { status: 'signed_in'; session: SessionView };

const SessionContext = createContext<{ state: SessionState; refresh: () => Promise<void> } | null>(null);

export const SESSION_KEY = ['session'];

async function fetchSession(): Promise<SessionState> {
  try {
    const s = await call(authApi.session);
    if ('mfaRequired' in s) {
      // The code form posts with this session's token before the sign-in is complete.
      setCsrfToken(s.csrfToken);
      return { status: 'mfa_required' };
    }
    return { status: 'signed_in', session: s };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { status: 'anonymous' };
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { setLanguage, setCountry, language } = useLanguage();
  const q = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
  const state: SessionState = q.data ?? { status: 'loading' };
  const session = state.status === 'signed_in' ? state.session : null;
  // Runs when the session changes only: the user may switch language afterwards.
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read, not followed
  useEffect(() => {
    if (state.status === 'loading' || state.status === 'mfa_required') return;
    setCsrfToken(session?.csrfToken ?? null);
    if (!session) return;
    if (isLanguage(session.user.language) && session.user.language !== language)
      setLanguage(session.user.language);
    const org = session.memberships.find((m) => m.orgId === session.activeOrgId);
    setCountry(org ? (org.region.startsWith('BE') ? 'BE' : 'FR') : null);
  }, [state.status, session, setLanguage, setCountry]);
  const refresh = async () => {
    await client.invalidateQueries();
    await client.refetchQueries({ queryKey: SESSION_KEY });
  };
  return <SessionContext.Provider value={{ state, refresh }}>{children}</SessionContext.Provider>;
}

export function useSessionState() {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSessionState outside SessionProvider');
  return ctx;
}

/** The signed-in session; only call below a route that requires sign-in. */
export function useSession(): SessionView {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') throw new Error('useSession without a signed-in user');
  return state.session;
}

export function useCan(permission: Permission): boolean {
  const { state } = useSessionState();
  return state.status === 'signed_in' && can(state.session.roles as Role[], permission);
}

/** Whether the signed-in user may call this endpoint, from its declared access (ADR 0030): show the action. */
export function useMayCall(endpoint: AnyEndpoint): boolean {
  const { state } = useSessionState();
  if (!endpoint.access) return true;
  return allows(endpoint.access, state.status === 'signed_in' ? (state.session.roles as Role[]) : null);
}
