import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useNavigate } from 'react-router';
import { calendarEndpoints as api } from '../../../../common/immersions/calendar-endpoints';
import { calendarLink } from '../../../../common/immersions/calendar-links';
import { isMonth, monthOf, monthWindow, shiftMonth } from '../../../../common/immersions/calendar-month';
import {
  CALENDAR_SCOPES,
  type CalendarItem,
  type CalendarScope,
  type FeedCreated,
} from '../../../../common/immersions/calendar-schemas';
import { requestLink, requestsLink } from '../../../../common/immersions/request-links';
import { systemClock } from '../../../../common/kernel/clock';
import { useEndpoint, useEndpointMutation } from '../../../app/client';
import { useCan } from '../../../app/session';
import { Button, LinkButton } from '../../../app/ui/Button';
import { Alert, EmptyState, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Select } from '../../../app/ui/fields';
import { Card, PageHeader } from '../../../app/ui/layout';
import { useRequestWords } from '../requests/words';
import { MonthGrid, MonthLegend } from './MonthGrid';
import './calendar.css';

export const C = (id: string) => `immersions.calendar.${id}`;
const DAY_MS = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** The Monday of the week of an ISO date. */
const monday = (iso: string) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
/** Thirteen weeks a page: the server's default window after `from`. */
const PAGE_DAYS = 91;

/** The immersions grouped by the week they start in (those begun before the window in its first week). */
function byWeek(items: CalendarItem[], from: string) {
  const weeks = new Map<string, CalendarItem[]>();
  for (const i of items) {
    const week = monday(i.startsOn < from ? from : i.startsOn);
    weeks.set(week, [...(weeks.get(week) ?? []), i]);
  }
  return [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const VIEWS = ['agenda', 'month'] as const;

/**
 * The immersion calendars as an agenda by week or a month's grid (both readable at 390 px): the reader's own
 * immersions, those the teams or services they belong to host, and a programme's (organisations and counts
 * only). Below, the reader's secret iCalendar feed. Scope, programme, view and window (the agenda's first
 * day, the grid's month) are in the address; the grid asks the server for exactly the weeks it shows.
 */
export function CalendarPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const intl = useIntl();
  const w = useRequestWords();
  const canView = useCan('immersion.view');
  const asked = calendarLink.read(location.search);
  const scope: CalendarScope = CALENDAR_SCOPES.includes(asked.scope as CalendarScope)
    ? (asked.scope as CalendarScope)
    : 'mine';
  const from = /^\d{4}-\d{2}-\d{2}$/.test(asked.from ?? '') ? asked.from : undefined;
  const programme = /^[0-9a-f-]{36}$/i.test(asked.programme ?? '') ? asked.programme : undefined;
  const today = systemClock.today();
  const view = asked.view === 'month' ? 'month' : 'agenda';
  // The month shown; from the agenda, the month of its first day.
  const month = isMonth(asked.month) ? asked.month : monthOf(from ?? today);
  const q = useEndpoint(
    api.calendar,
    {
      query: {
        scope,
        ...(view === 'month' ? monthWindow(month) : from ? { from } : {}),
        ...(scope === 'programme' && programme ? { programmeId: programme } : {}),
      },
    },
    { enabled: canView },
  );
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: C(id) }, values);
  /** This page's address with some parameters changed: each view keeps only its own window. */
  const go = (p: { scope?: string; programme?: string; from?: string; view?: string; month?: string }) => {
    const window =
      (p.view ?? view) === 'month'
        ? { view: 'month', month: p.month ?? month }
        : // From the grid, the agenda begins with its first week.
          { from: p.from ?? (view === 'month' ? monthWindow(month).from : from) };
    return calendarLink.href({}, { scope: p.scope ?? scope, programme: p.programme ?? programme, ...window });
  };
  if (!canView) return <EmptyState title={<FormattedMessage id="errors.forbidden" />} />;
  const data = q.data;
  return (
    <div className="stack">
      <PageHeader
        title={m('title')}
        actions={
          <LinkButton to={requestsLink.href()} variant="secondary">
            <FormattedMessage id={C('back_to_requests')} />
          </LinkButton>
        }
      />
      <nav aria-label={m('scopes')} className="row">
        {CALENDAR_SCOPES.map((s) => (
          <Link key={s} to={go({ scope: s })} aria-current={s === scope ? 'page' : undefined}>
            <FormattedMessage id={C(`scope.${s}`)} />
          </Link>
        ))}
      </nav>
      <nav aria-label={m('views')} className="row calendar-views">
        {VIEWS.map((v) => (
          <Link key={v} to={go({ view: v })} aria-current={v === view ? 'page' : undefined}>
            <FormattedMessage id={C(`view.${v}`)} />
          </Link>
        ))}
      </nav>
      <p>
        <FormattedMessage id={C(`intro.${scope}`)} />
      </p>
      {scope === 'programme' && data && data.programmes.length > 0 && (
        <Select
          label={m('programme')}
          value={data.programmeId}
          onChange={(id) => navigate(go({ programme: id }))}
          options={data.programmes.map((p) => ({ id: p.id, label: p.acronym }))}
        />
      )}
      {q.error ? (
        <ErrorAlert error={q.error} />
      ) : !data ? (
        <Loading />
      ) : view === 'month' ? (
        <section className="stack" aria-labelledby="calendar-month-title">
          <div className="row calendar-month-nav">
            <LinkButton to={go({ month: shiftMonth(month, -1) })} variant="secondary">
              <FormattedMessage id={C('month.previous')} />
            </LinkButton>
            <h2 id="calendar-month-title">
              {intl.formatDate(`${month}-01`, { month: 'long', year: 'numeric', timeZone: 'UTC' })}
            </h2>
            <LinkButton to={go({ month: shiftMonth(month, 1) })} variant="secondary">
              <FormattedMessage id={C('month.next')} />
            </LinkButton>
          </div>
          {data.items.length === 0 && <EmptyState title={m(`empty.${scope}`)} />}
          <MonthGrid
            month={month}
            items={data.items}
            scope={scope}
            today={today}
            labelledBy="calendar-month-title"
          />
          <MonthLegend scope={scope} />
        </section>
      ) : (
        <>
          <div className="row">
            <LinkButton to={go({ from: addDays(data.from, -PAGE_DAYS) })} variant="secondary">
              <FormattedMessage id={C('earlier')} />
            </LinkButton>
            <span>{w.range(data.from, data.to)}</span>
            <LinkButton to={go({ from: addDays(data.from, PAGE_DAYS) })} variant="secondary">
              <FormattedMessage id={C('later')} />
            </LinkButton>
          </div>
          {data.items.length === 0 ? (
            <EmptyState title={m(`empty.${scope}`)} />
          ) : (
            byWeek(data.items, data.from).map(([week, items]) => (
              <section key={week} className="calendar-week" aria-labelledby={`week-${week}`}>
                <h2 id={`week-${week}`}>
                  <FormattedMessage id={C('week_of')} values={{ day: w.day(week) }} />
                </h2>
                <ul>
                  {items.map((i, n) => (
                    <Entry key={i.requestId ?? `${week}-${n}`} item={i} />
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
      <Feed />
    </div>
  );
}

function Entry({ item: i }: { item: CalendarItem }) {
  const w = useRequestWords();
  const dates = w.range(i.startsOn, i.endsOn);
  const host = i.unitName ? `${i.hostOrgName} — ${i.unitName}` : i.hostOrgName;
  return (
    <li className="calendar-item">
      <span>{i.requestId ? <Link to={requestLink.href({ id: i.requestId })}>{dates}</Link> : dates}</span>
      <span>{w.kind(i.kind)}</span>
      <span>
        <FormattedMessage id={C('host')} values={{ host }} />
      </span>
      <span>
        {i.visitorName ? (
          <FormattedMessage id={C('visitor')} values={{ name: i.visitorName, org: i.visitorOrgName }} />
        ) : (
          <FormattedMessage id={C('visitors')} values={{ n: i.visitors, org: i.visitorOrgName }} />
        )}
      </span>
      <span>
        {w.status(i.status)}
        {i.pending && (
          <>
            {' · '}
            <strong>
              <FormattedMessage id={C('pending')} />
            </strong>
          </>
        )}
      </span>
    </li>
  );
}

/** The reader's secret feed: created or renewed (the address shown once), or revoked. */
function Feed() {
  const intl = useIntl();
  const w = useRequestWords();
  const state = useEndpoint(api.feedState);
  const create = useEndpointMutation(api.createFeed, [api.feedState]);
  const revoke = useEndpointMutation(api.revokeFeed, [api.feedState]);
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const m = (id: string) => intl.formatMessage({ id: C(`feed.${id}`) });
  const live = state.data?.createdAt ?? null;
  return (
    <Card title={m('title')}>
      <p>{m('explain')}</p>
      {state.error && <ErrorAlert error={state.error} />}
      {create.error && <ErrorAlert error={create.error} />}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      {created && (
        <Alert tone="success" title={m('created')}>
          <p className="calendar-feed-url">
            <code>{created.url}</code>
          </p>
          <p>{m('once')}</p>
        </Alert>
      )}
      {state.data && (
        <p>
          {live ? (
            <FormattedMessage id={C('feed.live')} values={{ day: w.day(live.slice(0, 10)) }} />
          ) : (
            m('none')
          )}
        </p>
      )}
      <div className="row">
        <Button
          isDisabled={create.isPending || !state.data}
          onPress={() => create.mutate({}, { onSuccess: setCreated })}
        >
          {live ? m('renew') : m('create')}
        </Button>
        {live && (
          <Button
            variant="danger"
            isDisabled={revoke.isPending}
            onPress={() => revoke.mutate({}, { onSuccess: () => setCreated(null) })}
          >
            {m('revoke')}
          </Button>
        )}
      </div>
    </Card>
  );
}
