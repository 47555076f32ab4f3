import { FormattedMessage, useIntl } from 'react-intl';
import type { RequestWarnings } from '../../../../common/immersions/request-schemas';
import { Alert } from '../../../app/ui/feedback';
import { useOfferWords } from '../offers/words';

export const R = (id: string) => `immersions.requests.${id}`;

/** The requests' words in the reader's language (themes and kinds are the offers'). */
export function useRequestWords() {
  const intl = useIntl();
  const offers = useOfferWords();
  const msg = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: R(id) }, values);
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    msg,
    day,
    theme: offers.theme,
    kind: offers.kind,
    status: (s: string) => msg(`status.${s}`),
    next: (n: string | null) => msg(`next.${n ?? 'none'}`),
    range: (from: string, to: string) => (from === to ? day(from) : offers.range(from, to)),
  };
}

/**
 * The warnings of a request, the same for the requester, the manager and the host: the yearly rule (a
 * warning, never a block), a full period, and the dates' problems the server would refuse.
 */
export function Warnings({ warnings, days }: { warnings: RequestWarnings; days?: number }) {
  const w = useRequestWords();
  const y = warnings.yearly;
  return (
    <>
      {days !== undefined && (
        <p>
          <FormattedMessage id={R('form.days_counted')} values={{ days }} />
        </p>
      )}
      {y && (
        <Alert
          tone="warning"
          title={w.msg(`warning.${y.code}`, { total: y.total, min: y.minDays, max: y.maxDays })}
        >
          <FormattedMessage id={R('warning.yearly_hint')} />
        </Alert>
      )}
      {warnings.capacity.full && (
        <Alert tone="warning" title={w.msg('warning.full', { capacity: warnings.capacity.capacity })} />
      )}
      {warnings.dates.length > 0 && (
        <Alert tone="error" title={w.msg('warning.dates')}>
          <ul>
            {warnings.dates.map((d) => (
              <li key={d}>
                <FormattedMessage id={d === 'start_past' ? R('errors.start_past') : R(`errors.dates.${d}`)} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
