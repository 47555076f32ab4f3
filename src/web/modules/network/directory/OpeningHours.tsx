import { FormattedMessage, useIntl } from 'react-intl';
import {
  formatTime,
  type OpeningRange,
  weekdayName,
  weekSchedule,
} from '../../../../common/network/opening-hours';

/** The week's opening hours, Monday to Sunday, with weekday names and times from Intl. */
export function OpeningHours({ ranges }: { ranges: OpeningRange[] }) {
  const intl = useIntl();
  if (ranges.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="network.services.hours.none" />
      </p>
    );
  return (
    <table className="data opening-hours">
      <caption className="visually-hidden">
        <FormattedMessage id="network.services.hours.title" />
      </caption>
      <tbody>
        {weekSchedule(ranges).map(({ day, ranges: today }) => (
          <tr key={day}>
            <th scope="row">{weekdayName(day, intl.locale)}</th>
            <td>
              {today.length === 0 ? (
                <span className="muted">
                  <FormattedMessage id="network.services.hours.closed" />
                </span>
              ) : (
                intl.formatList(
                  today.map((r) =>
                    intl.formatMessage(
                      { id: 'network.services.hours.range' },
                      { opens: formatTime(r.opens, intl.locale), closes: formatTime(r.closes, intl.locale) },
                    ),
                  ),
                  { type: 'unit' },
                )
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
