import { useIntl } from 'react-intl';
import type { MapCell } from '../../../common/observatory/map-schemas';

export const W = (id: string) => `observatory.${id}`;

/** The observatory's words and number formats in the reader's language. */
export function useObsWords() {
  const intl = useIntl();
  const msg = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: W(id) }, values);
  const number = (v: number, digits = 1) => intl.formatNumber(v, { maximumFractionDigits: digits });
  return {
    msg,
    number,
    theme: (t: string) => msg(`theme.${t}`),
    comparability: (c: string) => msg(`comparability.${c}`),
    status: (s: MapCell['status']) => msg(`status.${s}`),
    /** A cell as read aloud and in the table: its value, or why there is none. */
    cell: (c: MapCell, unit?: string) =>
      c.status === 'shown' && c.value !== null
        ? `${number(c.value)}${unit ? ` ${unit}` : ''}${c.period ? ` (${c.period})` : ''}`
        : msg(`status.${c.status}`),
  };
}
