import { useIntl } from 'react-intl';
import { useCommonFormat } from '../../../app/ui/format';

/** Display helpers of sharing: field groups by name, days, organisations in the reader's language. */
export function useSharingFormat() {
  const intl = useIntl();
  const f = useCommonFormat();
  return {
    date: f.day,
    dateTime: f.dateTime,
    orgName: f.orgName,
    fields: (fields: readonly string[]) =>
      fields.map((x) => intl.formatMessage({ id: `people.shared.field.${x}` })).join(', '),
  };
}
