import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { attendanceSummary } from '../../../common/placements/followup-rules';
import type { AttendanceWeekView, FollowUpView } from '../../../common/placements/followup-schemas';
import { LanguageProvider } from '../../app/i18n';
import { SessionProvider } from '../../app/session';

/** Test-only: a fake API (a session with the given roles, canned answers) around the follow-up pages. */

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** An answer: a body (200), or a status with a body. */
export type Answer = unknown | { status: number; body: unknown };

const period = { start: '2026-10-26', end: '2027-01-22' };

/** The week of Monday 16 November 2026, seen on Friday 20: Friday to Sunday still to come. */
export function week(over: Partial<AttendanceWeekView> = {}): AttendanceWeekView {
  const days = ['16', '17', '18', '19', '20', '21', '22'].map((d, i) => ({
    day: `2026-11-${d}`,
    open: i < 4,
    problem: i < 4 ? null : ('future' as const),
    recorded: false,
    status: null,
    plannedHours: i < 5 ? 7 : 0,
    hours: null,
    note: null,
  }));
  return {
    placementId: 'p1',
    status: 'active',
    siteName: 'Atelier du Pile',
    hoursPerWeek: 35,
    period,
    week: '2026-11-16',
    previousWeek: '2026-11-09',
    nextWeek: '2026-11-23',
    canEdit: true,
    days,
    summary: attendanceSummary([], period, '2026-11-20'),
    ...over,
  };
}

export function followUp(over: Partial<FollowUpView> = {}): FollowUpView {
  return {
    placementId: 'p1',
    side: 'home',
    status: 'active',
    period,
    today: '2026-11-20',
    canRecord: true,
    canEvaluate: true,
    summary: {
      plannedDays: 15,
      plannedHours: 105,
      presentDays: 12,
      presentHours: 84,
      justifiedAbsences: 2,
      unjustifiedAbsences: 1,
      attendanceRate: 0.8,
      missingWeeks: ['2026-11-09'],
    },
    midpoint: '2026-12-09',
    evaluations: [],
    incidents: [],
    mobility: [],
    firstCrossingOn: null,
    stays: [
      { id: 's1', startsOn: '2026-11-02', endsOn: '2026-11-09', days: 8, reason: 'Semaine résidentielle' },
    ],
    canRecordStays: true,
    stayAlerts: [{ code: 'stay_7_days', startsOn: '2026-11-02', endsOn: '2026-11-09', year: null, days: 8 }],
    outcomes: [
      { kind: 'exit', opensOn: null, dueBy: null, open: false, outcome: null },
      { kind: 'six_months', opensOn: null, dueBy: null, open: false, outcome: null },
    ],
    warnings: [],
    ...over,
  };
}

export function serve(
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
  roles: string[],
  answer: (method: string, url: string, body: unknown) => Answer,
): Call[] {
  const calls: Call[] = [];
  const session = {
    user: {
      id: 'u',
      email: 'x@y.example',
      displayName: 'X',
      language: 'fr',
      platformAdmin: false,
      totpEnabled: true,
    },
    activeOrgId: 'o1',
    roles,
    memberships: [{ orgId: 'o1', nameFr: 'O', nameNl: 'O', region: 'FR-HDF', roles }],
    csrfToken: 't',
    mfaSetupRequired: false,
    idleMinutes: 30,
  };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const out = url.startsWith('/api/auth/session') ? session : answer(method, url, body);
    const withStatus = out && typeof out === 'object' && 'status' in out && 'body' in out;
    return new Response(JSON.stringify(withStatus ? (out as { body: unknown }).body : out), {
      status: withStatus ? (out as { status: number }).status : 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  render(
    <LanguageProvider initial="fr">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <SessionProvider>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return calls;
}
