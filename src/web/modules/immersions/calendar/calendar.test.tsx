import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarEndpoints as api } from '../../../../common/immersions/calendar-endpoints';
import type { CalendarItem, CalendarView } from '../../../../common/immersions/calendar-schemas';
import { calendarLink } from '../../../../common/immersions/links';
import { byEndpoint, isCall, renderRoutes } from '../../../testing/render-routes';
import { immersionsModule } from '..';

const SLOW = { timeout: 10_000 };
const REQ = '00000000-0000-4000-8000-0000000000c1';
const PROG = '00000000-0000-4000-8000-0000000000c2';

const item = (over: Partial<CalendarItem> = {}): CalendarItem => ({
  requestId: REQ,
  startsOn: '2027-03-02',
  endsOn: '2027-03-04',
  kind: 'short',
  status: 'agreed',
  pending: false,
  hostOrgName: 'CCAS de Tourcoing',
  unitName: 'Service insertion',
  visitorOrgName: 'OCMW Menen',
  visitorName: 'Lotte Uitwisseling',
  visitors: 1,
  ...over,
});
const view = (over: Partial<CalendarView> = {}): CalendarView => ({
  scope: 'mine',
  from: '2027-02-22',
  to: '2027-05-30',
  programmeId: null,
  programmes: [{ id: PROG, acronym: 'SAM' }],
  items: [],
  ...over,
});

afterEach(cleanup);

describe('the immersion calendars', () => {
  it('lists the reader’s immersions by week, the pending one marked, and creates the feed once', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: calendarLink.href(),
      roles: ['referent'],
      language: 'fr',
      answers: byEndpoint(
        [
          api.calendar,
          view({
            items: [
              item(),
              item({
                requestId: `${REQ.slice(0, -1)}2`,
                startsOn: '2027-03-10',
                endsOn: '2027-03-10',
                status: 'awaiting_host',
                pending: true,
                kind: 'shadowing',
              }),
            ],
          }),
        ],
        [api.feedState, { createdAt: null }],
        [
          api.createFeed,
          {
            url: 'https://samen.example/api/immersions/calendar/feed.ics?token=abc',
            createdAt: '2026-12-07T10:00:00Z',
          },
        ],
      ),
    });
    expect(await screen.findByRole('heading', { name: /Semaine du 1 mars 2027/ }, SLOW)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Semaine du 8 mars 2027/ })).toBeTruthy();
    expect(screen.getByText('en attente d’approbation')).toBeTruthy();
    expect(screen.getAllByText('Lotte Uitwisseling (OCMW Menen)')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Mes immersions', current: 'page' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Créer l’adresse' }));
    expect(await screen.findByText(/feed\.ics\?token=abc/, {}, SLOW)).toBeTruthy();
    expect(calls.some((c) => isCall(c, api.createFeed))).toBe(true);
  });

  it('shows a programme’s immersions as organisations and counts, in Dutch', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: calendarLink.href({}, { scope: 'programme', programme: PROG }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint(
        [
          api.calendar,
          view({
            scope: 'programme',
            programmeId: PROG,
            items: [item({ requestId: null, visitorName: null, visitors: 2 })],
          }),
        ],
        [api.feedState, { createdAt: '2026-12-01T10:00:00Z' }],
      ),
    });
    expect(await screen.findByText('2 professionals – OCMW Menen', {}, SLOW)).toBeTruthy();
    expect(screen.queryByText(/Lotte/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Adres vernieuwen' })).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => isCall(c, api.calendar))?.url).toMatch(/programmeId=0+-0000-4000-8000-0+c2/),
    );
  });
});
