import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendarEndpoints as api } from '../../../../common/immersions/calendar-endpoints';
import type { CalendarItem, CalendarView } from '../../../../common/immersions/calendar-schemas';
import { calendarLink } from '../../../../common/immersions/links';
import { byEndpoint, type Call, isCall, renderRoutes } from '../../../testing/render-routes';
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

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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

  it('shows a month as a Monday-first grid: an immersion across two weeks a linked bar in each, today marked', async () => {
    // Only the date is faked: today is Wednesday 10 March 2027 in Brussels.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-10T10:00:00Z'));
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: calendarLink.href({}, { view: 'month', month: '2027-03' }),
      roles: ['referent'],
      language: 'fr',
      answers: byEndpoint(
        [
          api.calendar,
          view({
            from: '2027-03-01',
            to: '2027-04-04',
            items: [
              item({ startsOn: '2027-03-04', endsOn: '2027-03-09' }),
              item({
                requestId: `${REQ.slice(0, -1)}2`,
                startsOn: '2027-03-10',
                endsOn: '2027-03-10',
                status: 'awaiting_host',
                pending: true,
                kind: 'shadowing',
                hostOrgName: 'CPAS de Mouscron',
                unitName: null,
              }),
            ],
          }),
        ],
        [api.feedState, { createdAt: null }],
      ),
    });
    const grid = await screen.findByRole('table', { name: 'mars 2027' }, SLOW);
    // Exactly the weeks shown: Monday 1 March to Sunday 4 April.
    const asked = calls.find((c) => isCall(c, api.calendar))!;
    expect([asked.query.get('from'), asked.query.get('to')]).toEqual(['2027-03-01', '2027-04-04']);
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toHaveLength(7);
    expect(within(grid).getAllByRole('columnheader')[0]).toHaveProperty(
      'textContent',
      expect.stringContaining('lundi'),
    );
    expect(within(grid).getAllByRole('row')).toHaveLength(6); // the weekdays, then five weeks
    // From Thursday 4 to Tuesday 9 March: a bar in each of the two weeks, each a link to the request.
    const bars = within(grid).getAllByRole('link', { name: /^CCAS de Tourcoing — Service insertion ?, / });
    expect(bars).toHaveLength(2);
    for (const b of bars) expect(b.getAttribute('href')).toBe(`/app/immersions/requests/${REQ}`);
    expect(bars[0]?.closest('td')?.textContent).toContain('jeudi 4 mars');
    expect(bars[1]?.closest('td')?.textContent).toContain('lundi 8 mars');
    expect(bars[0]?.className).toContain('calendar-bar--agreed');
    expect(bars[0]?.className).toContain('calendar-bar--goes-on');
    expect(bars[1]?.className).toContain('calendar-bar--from-before');
    // The phone's list (calendar.css) shows it on Thursday only, not again on the Monday it goes on.
    expect(bars[0]?.closest('td')?.className).toContain('calendar-day--listed');
    expect(bars[1]?.className).toContain('calendar-bar--repeat');
    expect(bars[1]?.closest('td')?.className).not.toContain('calendar-day--listed');
    // Four days wide in the first week, two in the second.
    expect(bars[0]?.style.getPropertyValue('--days')).toBe('4');
    expect(bars[1]?.style.getPropertyValue('--days')).toBe('2');
    // The bar's name says when and its status, beyond the host seen on it.
    expect(bars[0]?.textContent).toMatch(/2027.*Convenue/i);
    const pending = within(grid).getByRole('link', {
      name: /^CPAS de Mouscron ?, .*en attente d’approbation$/,
    });
    expect(pending.className).toContain('calendar-bar--pending');
    // Today: the cell marked as the current date, with the pending immersion that begins on it.
    const today = within(grid).getByRole('cell', { current: 'date' });
    expect(today.textContent).toContain('mercredi 10 mars');
    expect(today.textContent).toContain('aujourd’hui');
    expect(within(today).getByRole('link')).toBe(pending);
    // A day outside the month is drawn apart.
    expect(within(grid).getByText('jeudi 1 avril').closest('td')?.className).toContain(
      'calendar-day--outside',
    );
    expect(screen.getByRole('list', { name: 'Couleurs des immersions' })).toBeTruthy();
  });

  it('moves to the next and the previous month, asking for their weeks, in English', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: calendarLink.href({}, { view: 'month', month: '2027-03', scope: 'team' }),
      roles: ['referent'],
      language: 'en',
      answers: byEndpoint(
        [
          api.calendar,
          (c: Call) =>
            view({
              scope: 'team',
              from: c.query.get('from') ?? '',
              to: c.query.get('to') ?? '',
              // An immersion from March into April: in both months' grids.
              items: [item({ startsOn: '2027-03-30', endsOn: '2027-04-02', status: 'in_progress' })],
            }),
        ],
        [api.feedState, { createdAt: null }],
      ),
    });
    expect(await screen.findByRole('table', { name: 'March 2027' }, SLOW)).toBeTruthy();
    // The team's calendar names the visitor on the bar.
    expect(screen.getAllByRole('link', { name: /^Lotte Uitwisseling \(OCMW Menen\) ?, / })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Previous month' }).getAttribute('href')).toBe(
      calendarLink.href({}, { scope: 'team', view: 'month', month: '2027-02' }),
    );
    fireEvent.click(screen.getByRole('link', { name: 'Next month' }));
    const april = await screen.findByRole('table', { name: 'April 2027' }, SLOW);
    // April 2027 runs from Thursday 1 to Friday 30: its grid from Monday 29 March to Sunday 2 May.
    await waitFor(() =>
      expect(
        calls.filter((c) => isCall(c, api.calendar)).map((c) => [c.query.get('from'), c.query.get('to')]),
      ).toContainEqual(['2027-03-29', '2027-05-02']),
    );
    const bar = within(april).getByRole('link', { name: /^Lotte Uitwisseling \(OCMW Menen\) ?, / });
    expect(bar.closest('td')?.textContent).toContain('Tuesday 30 March');
    expect(bar.className).toContain('calendar-bar--in_progress');
    expect(screen.getByRole('link', { name: 'Next month' }).getAttribute('href')).toContain('month=2027-05');
  });

  it('keeps the view in the address: from the agenda to the month and back, in Dutch', async () => {
    const calls = renderRoutes({
      routes: immersionsModule.routes!,
      path: calendarLink.href({}, { from: '2027-02-08' }),
      roles: ['referent'],
      language: 'nl',
      answers: byEndpoint(
        [api.calendar, (c: Call) => view({ from: c.query.get('from') ?? '2027-02-08', items: [item()] })],
        [api.feedState, { createdAt: null }],
      ),
    });
    const views = await screen.findByRole('navigation', { name: 'Weergave' }, SLOW);
    expect(within(views).getByRole('link', { name: 'Agenda', current: 'page' })).toBeTruthy();
    const toMonth = within(views).getByRole('link', { name: 'Maand' });
    // The agenda's first day chooses the month.
    expect(toMonth.getAttribute('href')).toBe(
      calendarLink.href({}, { scope: 'mine', view: 'month', month: '2027-02' }),
    );
    expect(await screen.findByRole('heading', { name: /Week van/ }, SLOW)).toBeTruthy();
    fireEvent.click(toMonth);
    expect(await screen.findByRole('table', { name: 'februari 2027' }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Week van/ })).toBeNull();
    await waitFor(() =>
      expect(
        calls.filter((c) => isCall(c, api.calendar)).map((c) => [c.query.get('from'), c.query.get('to')]),
      ).toContainEqual(['2027-02-01', '2027-02-28']),
    );
    expect(within(views).getByRole('link', { name: 'Maand', current: 'page' })).toBeTruthy();
    // Another scope keeps the view and the month.
    expect(screen.getByRole('link', { name: 'Onthaal door mijn team of dienst' }).getAttribute('href')).toBe(
      calendarLink.href({}, { scope: 'team', view: 'month', month: '2027-02' }),
    );
    // Back to the agenda, from the grid's first week.
    const toAgenda = within(views).getByRole('link', { name: 'Agenda' });
    expect(toAgenda.getAttribute('href')).toBe(calendarLink.href({}, { scope: 'mine', from: '2027-02-01' }));
    fireEvent.click(toAgenda);
    expect(await screen.findByRole('heading', { name: /Week van/ }, SLOW)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
