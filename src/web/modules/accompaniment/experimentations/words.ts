import { useIntl } from 'react-intl';
import {
  DELIVERABLE_KINDS,
  DELIVERABLE_LANGUAGES,
  EXPERIMENTATION_STATUSES,
  EXPERIMENTATION_THEMES,
  SIDES,
} from '../../../../common/accompaniment/experimentations-schemas';
import type { Option } from '../../../app/ui/fields';

/** The experimentations part's words, translated: sides, themes, statuses, actions, fields. */
export function useExperimentationWords() {
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `accompaniment.experimentations.${id}` }, values);
  const options = (ids: readonly string[], prefix: string): Option[] =>
    ids.map((id) => ({ id, label: m(`${prefix}.${id}`) }));
  return {
    m,
    side: (s: string) => m(`side.${s}`),
    theme: (s: string) => m(`theme.${s}`),
    status: (s: string) => m(`status.${s}`),
    transferStatus: (s: string) => m(`transfer_status.${s}`),
    action: (a: string) => m(`action.${a}`),
    kind: (k: string) => m(`kind.${k}`),
    language: (l: string) => m(`language.${l}`),
    sideOptions: () => options(SIDES, 'side'),
    themeOptions: () => options(EXPERIMENTATION_THEMES, 'theme'),
    statusOptions: () => options(EXPERIMENTATION_STATUSES, 'status'),
    kindOptions: () => options(DELIVERABLE_KINDS, 'kind'),
    languageOptions: () => options(DELIVERABLE_LANGUAGES, 'language'),
    day: (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'long', timeZone: 'UTC' }) : '—'),
    period: (from: string | null, to: string | null) =>
      from || to
        ? m('period', {
            from: from ? intl.formatDate(from, { dateStyle: 'medium', timeZone: 'UTC' }) : '…',
            to: to ? intl.formatDate(to, { dateStyle: 'medium', timeZone: 'UTC' }) : '…',
          })
        : '—',
    participants: (p: { newcomers: number; professionals: number; volunteers: number; total: number }) =>
      m('participants_line', { ...p }),
  };
}
export type ExperimentationWords = ReturnType<typeof useExperimentationWords>;
