import { useIntl } from 'react-intl';
import { sameDay } from '../../../common/forums/schedule';
import {
  EVENT_AUDIENCES,
  EVENT_KINDS,
  EVENT_LANGUAGES,
  REGISTRATION_LANGUAGES,
} from '../../../common/forums/schemas';
import type { Option } from '../../app/ui/fields';

/** The forums module's words, translated: kinds, audiences, statuses, languages. */
export function useForumWords() {
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `forums.${id}` }, values);
  const options = (list: readonly string[], prefix: string): Option[] =>
    list.map((id) => ({ id, label: m(`${prefix}.${id}`) }));
  return {
    m,
    kind: (k: string) => m(`kind.${k}`),
    audience: (a: string) => m(`audience.${a}`),
    status: (s: string) => m(`status.${s}`),
    registrationStatus: (s: string) => m(`registration_status.${s}`),
    languageName: (l: string) => m(`language.${l}`),
    kindOptions: () => options(EVENT_KINDS, 'kind'),
    audienceOptions: () => options(EVENT_AUDIENCES, 'audience'),
    languageOptions: () => options(EVENT_LANGUAGES, 'language'),
    registrationLanguageOptions: () => options(REGISTRATION_LANGUAGES, 'language'),
    dateTime: (iso: string) =>
      intl.formatDate(iso, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }),
    time: (iso: string) => intl.formatTime(iso, { timeStyle: 'short', timeZone: 'Europe/Brussels' }),
  };
}
export type ForumWords = ReturnType<typeof useForumWords>;

/**
 * "Monday 3 May 2027, 09:00–12:00" in the reader's language, in the network's time zone; an event over
 * several days shows both: "Monday 3 May 2027, 09:00 – Tuesday 4 May 2027, 16:00".
 */
export const whenText = (w: ForumWords, startsAt: string, endsAt: string) =>
  sameDay(startsAt, endsAt)
    ? `${w.dateTime(startsAt)}–${w.time(endsAt)}`
    : `${w.dateTime(startsAt)} – ${w.dateTime(endsAt)}`;
