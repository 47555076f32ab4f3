import { parseAbsolute, parseDateTime, toZoned } from '@internationalized/date';
import { useIntl } from 'react-intl';
import {
  DOMAINS,
  FEEDBACK_FLAGS,
  GENDER_PREFERENCES,
  MODALITIES,
} from '../../../../common/accompaniment/interpreting-rules';
import { ISO639_3_LANGUAGES, languageLabelId } from '../../../../common/people/languages';
import type { Option } from '../../../app/ui/fields';

/** Bookings are typed and shown in Brussels time, whatever the browser's zone. */
export const ZONE = 'Europe/Brussels';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A Brussels day and time as an ISO instant; null when either is missing. */
export function brusselsInstant(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  try {
    return toZoned(parseDateTime(`${day}T${time}`), ZONE)
      .toDate()
      .toISOString();
  } catch {
    return null;
  }
}

/** An instant as its Brussels day and time. */
export function brusselsWall(iso: string) {
  const z = parseAbsolute(new Date(iso).toISOString(), ZONE);
  return { day: `${pad(z.year, 4)}-${pad(z.month)}-${pad(z.day)}`, time: `${pad(z.hour)}:${pad(z.minute)}` };
}

/** The interpreting part's words, translated. */
export function useInterpretingWords() {
  const intl = useIntl();
  const m = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `accompaniment.interpreting.${id}` }, values);
  const language = (code: string) =>
    intl.messages[languageLabelId(code)] ? intl.formatMessage({ id: languageLabelId(code) }) : code;
  const options = (prefix: string, ids: readonly string[]): Option[] =>
    ids.map((id) => ({ id, label: m(`${prefix}.${id}`) }));
  return {
    m,
    language,
    languageOptions: (): Option[] =>
      ISO639_3_LANGUAGES.map((id) => ({ id, label: `${language(id)} (${id})` })).sort((a, b) =>
        a.label.localeCompare(b.label, intl.locale),
      ),
    modalityOptions: () => options('modality', MODALITIES),
    domainOptions: () => options('domain', DOMAINS),
    genderOptions: () => options('gender', GENDER_PREFERENCES),
    flagOptions: () => options('flag', FEEDBACK_FLAGS),
    /** "Tue 10 March 2030, 10:00–10:45" in Brussels time. */
    slot: (startsAt: string, endsAt: string) => {
      const day = intl.formatDate(startsAt, { dateStyle: 'medium', timeZone: ZONE });
      const t = (iso: string) => intl.formatTime(iso, { timeStyle: 'short', timeZone: ZONE });
      const endDay = intl.formatDate(endsAt, { dateStyle: 'medium', timeZone: ZONE });
      return day === endDay
        ? `${day}, ${t(startsAt)}–${t(endsAt)}`
        : `${day}, ${t(startsAt)} – ${endDay}, ${t(endsAt)}`;
    },
  };
}
export type InterpretingWords = ReturnType<typeof useInterpretingWords>;
