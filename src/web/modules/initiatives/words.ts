import { useIntl } from 'react-intl';
import { INITIATIVE_STATUSES } from '../../../common/initiatives/schemas';
import type { Option } from '../../app/ui/fields';

/** The initiatives module's words, translated: statuses, actions, fields. */
export function useInitiativeWords() {
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `initiatives.${id}` }, values);
  return {
    m,
    status: (s: string) => m(`status.${s}`),
    action: (a: string) => m(`action.${a}`),
    proposalStatus: (s: string) => m(`proposal_status.${s}`),
    statusOptions: (): Option[] => INITIATIVE_STATUSES.map((id) => ({ id, label: m(`status.${id}`) })),
    day: (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' }),
    number: (n: number) => intl.formatNumber(n),
  };
}
export type InitiativeWords = ReturnType<typeof useInitiativeWords>;
