import type { CSSProperties } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { monthOf, monthWeeks, type WeekBar, weekBars } from '../../../../common/immersions/calendar-month';
import type { CalendarItem, CalendarScope } from '../../../../common/immersions/calendar-schemas';
import { requestLink } from '../../../../common/immersions/request-links';
import { useRequestWords } from '../requests/words';

const C = (id: string) => `immersions.calendar.${id}`;
/** A Monday (1 January 2024), from which the weekday names are formatted in the reader's language. */
const A_MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** The colour class of an immersion's bar: its status, or waiting for an approval. */
const tone = (i: CalendarItem) => (i.pending ? 'pending' : i.status);

/**
 * A month as a Monday-first table (weekday column headers, one cell per day, today marked), each immersion a
 * bar across its days in the status colour, one lane per immersion through the week. The bar is a link to
 * the request on the first day it shows in each week (a party's calendars), named by who, where, when and
 * its status; the days it goes on are drawn only. Below 40rem the table becomes the list of the days on
 * which an immersion begins (or first shows), each in full (calendar.css), so nothing is cut off or wider
 * than a phone.
 */
export function MonthGrid({
  month,
  items,
  scope,
  today,
  labelledBy,
}: {
  month: string;
  items: CalendarItem[];
  scope: CalendarScope;
  today: string;
  labelledBy: string;
}) {
  const intl = useIntl();
  const weekday = (i: number, style: 'short' | 'long') =>
    intl.formatDate(A_MONDAY + i * DAY_MS, { weekday: style, timeZone: 'UTC' });
  const longDay = (iso: string) =>
    intl.formatDate(iso, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <table className="calendar-month" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {Array.from({ length: 7 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the seven weekdays, always in this order
            <th key={i} scope="col">
              <span aria-hidden="true">{weekday(i, 'short')}</span>
              <span className="visually-hidden">{weekday(i, 'long')}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(month).map((week, weekIndex) => {
          const bars = weekBars(items, week);
          // A lane is its position in the week: lane n is the nth line of every day's cell.
          const lanes = bars.reduce((n, b) => Math.max(n, b.lane + 1), 0);
          const laneKeys = Array.from({ length: lanes }, (_, n) => `lane-${n}`);
          return (
            <tr key={week[0]}>
              {week.map((day, d) => {
                const starting = bars.filter((b) => b.first === d);
                // The phone's list shows an immersion on the day it begins (or first shows): not again on
                // the Mondays it goes on.
                const repeats = (b: WeekBar<CalendarItem>) => !b.startsHere && weekIndex > 0;
                const classes = [
                  'calendar-day',
                  monthOf(day) !== month && 'calendar-day--outside',
                  day === today && 'calendar-day--today',
                  starting.some((b) => !repeats(b)) && 'calendar-day--listed',
                ];
                return (
                  <td
                    key={day}
                    className={classes.filter(Boolean).join(' ')}
                    aria-current={day === today ? 'date' : undefined}
                  >
                    <div className="calendar-day-head">
                      <span className="calendar-day-number" aria-hidden="true">
                        {intl.formatNumber(Number(day.slice(8)))}
                      </span>
                      <span className="calendar-day-long">{longDay(day)}</span>
                      {day === today && (
                        <span className="calendar-day-today tag">
                          {intl.formatMessage({ id: C('month.today') })}
                        </span>
                      )}
                    </div>
                    <div className="calendar-lanes">
                      {laneKeys.map((key, lane) => {
                        // A free lane, or one whose bar began on an earlier day of the week and is drawn
                        // across this one: an empty slot that keeps the lanes in line.
                        const bar = starting.find((b) => b.lane === lane);
                        return bar ? (
                          <Bar key={key} bar={bar} scope={scope} repeat={repeats(bar)} />
                        ) : (
                          <span key={key} className="calendar-slot" aria-hidden="true" />
                        );
                      })}
                    </div>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One immersion in one week: its label seen on the bar, then when, where and its status for everyone. */
function Bar({ bar, scope, repeat }: { bar: WeekBar<CalendarItem>; scope: CalendarScope; repeat: boolean }) {
  const intl = useIntl();
  const w = useRequestWords();
  const i = bar.item;
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: C(id) }, values);
  const host = i.unitName ? `${i.hostOrgName} — ${i.unitName}` : i.hostOrgName;
  const visitor = i.visitorName
    ? m('visitor', { name: i.visitorName, org: i.visitorOrgName })
    : m('visitors', { n: i.visitors, org: i.visitorOrgName });
  // As the agenda: one's own immersions by where, the team's by who, a programme's by both.
  const label = scope === 'mine' ? host : scope === 'team' ? visitor : m('month.route', { visitor, host });
  const details = [
    w.range(i.startsOn, i.endsOn),
    ...(scope === 'team' ? [m('host', { host })] : []),
    w.kind(i.kind),
    w.status(i.status),
    ...(i.pending ? [m('pending')] : []),
  ].join(', ');
  const classes = [
    'calendar-bar',
    `calendar-bar--${tone(i)}`,
    !bar.startsHere && 'calendar-bar--from-before',
    !bar.endsHere && 'calendar-bar--goes-on',
    repeat && 'calendar-bar--repeat',
  ];
  const content = (
    <>
      <span className="calendar-bar-label">{label}</span>
      <span className="calendar-bar-details">, {details}</span>
    </>
  );
  const style = { '--days': bar.last - bar.first + 1 } as CSSProperties;
  return i.requestId ? (
    <Link
      to={requestLink.href({ id: i.requestId })}
      className={classes.filter(Boolean).join(' ')}
      style={style}
      title={`${label}, ${details}`}
    >
      {content}
    </Link>
  ) : (
    <span className={classes.filter(Boolean).join(' ')} style={style} title={`${label}, ${details}`}>
      {content}
    </span>
  );
}

/** What the bars' colours stand for, in words. */
export function MonthLegend({ scope }: { scope: CalendarScope }) {
  const intl = useIntl();
  const w = useRequestWords();
  const tones = ['agreed', 'in_progress', 'completed', ...(scope === 'mine' ? ['pending'] : [])];
  return (
    <div className="calendar-legend">
      <h3 id="calendar-legend-title">{intl.formatMessage({ id: C('month.legend') })}</h3>
      <ul aria-labelledby="calendar-legend-title">
        {tones.map((t) => (
          <li key={t}>
            <span className={`calendar-swatch calendar-bar--${t}`} aria-hidden="true" />
            {t === 'pending' ? intl.formatMessage({ id: C('pending') }) : w.status(t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
