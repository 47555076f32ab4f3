import { useIntl } from 'react-intl';
import { useCommonFormat } from '../../../app/ui/format';
import { useDateFormat } from '../../people';

/** Display helpers of the follow-up cards and the attendance sheet. */
export function useFollowUpFormat() {
  const intl = useIntl();
  const f = useCommonFormat();
  return {
    date: useDateFormat(),
    weekday: f.weekday,
    hours: (n: number | null) =>
      n === null ? '—' : intl.formatMessage({ id: 'placements.followup.hours_value' }, { hours: n }),
    percent: (r: number | null) =>
      r === null ? '—' : intl.formatNumber(r, { style: 'percent', maximumFractionDigits: 0 }),
    money: (cents: number | null) =>
      cents === null ? '—' : intl.formatNumber(cents / 100, { style: 'currency', currency: 'EUR' }),
  };
}

/** A decimal typed the French, Dutch or English way ("6,5" or "6.5"); NaN when it is not a number. */
export function parseDecimal(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  if (!s) return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** A number for a text field, in the user's own decimal style. */
export function useDecimalText() {
  const intl = useIntl();
  return (n: number | null) =>
    n === null ? '' : intl.formatNumber(n, { maximumFractionDigits: 1, useGrouping: false });
}

/** The day a new entry is dated by default: today, or the last day of an ended placement. */
export const defaultDay = (f: { today: string; period: { end: string } }) =>
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min would make numbers of them.
  f.today <= f.period.end ? f.today : f.period.end;
