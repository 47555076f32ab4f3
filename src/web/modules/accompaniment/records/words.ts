import { useIntl } from 'react-intl';

/** The records part's catalogue: `accompaniment.records.<key>`, and dates as the user reads them. */
export const R = (key: string) => `accompaniment.records.${key}`;

export function useRecordWords() {
  const intl = useIntl();
  const msg = (key: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: R(key) }, values);
  const day = (iso: string | null | undefined) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'UTC' }) : '—';
  const month = (iso: string) => intl.formatDate(iso, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const options = (prefix: string, values: readonly string[]) =>
    values.map((v) => ({ id: v, label: msg(`${prefix}.${v}`) }));
  return { msg, day, month, options };
}
