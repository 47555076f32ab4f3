import { cancelRegistrationLink, publicEventLink } from '../../../common/forums/links';
import { type Language, localized } from '../../../common/i18n/locales';
import { absolute } from '../../../common/kernel/links';
import { hashToken, randomToken } from '../../platform/crypto';
import type { Tx } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { queueMail } from '../../platform/mail';
import { eventCalendar } from './ical';
import type { EventRow, RegistrationRow } from './store';

/**
 * The mails a registrant receives, in their language: confirmation (with the event as an .ics file), place
 * on the waiting list, promotion from it, reminder the day before, the event's cancellation. Each carries a
 * fresh cancellation link: its token is stored as a hash only (the last mail's link is the one that works)
 * and appears in clear nowhere but in the mail itself (redacted in the outbox, like signature links).
 */
export type RegistrantMail =
  | 'confirmed'
  | 'waiting'
  | 'already'
  | 'promoted'
  | 'reminder'
  | 'event_cancelled';

const TIME_ZONE = 'Europe/Brussels';
const LOCALE: Record<Language, string> = { fr: 'fr-FR', nl: 'nl-BE', en: 'en-GB' };

export const when = (language: Language, startsAt: Date, endsAt: Date) => {
  const day = new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'full', timeZone: TIME_ZONE });
  const time = new Intl.DateTimeFormat(LOCALE[language], { timeStyle: 'short', timeZone: TIME_ZONE });
  return `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`;
};

export type MailDeps = Pick<Deps, 'config' | 'secrets'>;

export async function mailRegistrant(
  trx: Tx,
  deps: MailDeps,
  e: EventRow,
  r: Pick<RegistrationRow, 'id' | 'name' | 'email' | 'language'>,
  kind: RegistrantMail,
  /** The outbox row's organisation: the organiser's, or none from the anonymous scope. */
  orgId: string | null,
) {
  const language = r.language as Language;
  const token = randomToken();
  if (kind !== 'event_cancelled')
    await trx
      .updateTable('forum_registrations')
      .set({ cancel_token_hash: hashToken(token) })
      .where('id', '=', r.id)
      .execute();
  const title = localized(language, e.title_fr, e.title_nl);
  const place = e.venue ?? e.online_url ?? '';
  const page = absolute(
    deps.config.publicUrl,
    publicEventLink.href({ id: e.id }, { lang: language === 'nl' ? 'nl' : 'fr' }),
  );
  const startsAt = new Date(e.starts_at);
  const endsAt = new Date(e.ends_at);
  const withCalendar = kind === 'confirmed' || kind === 'promoted' || kind === 'reminder';
  await queueMail(trx, {
    to: r.email,
    language,
    template: `forums.registration.${kind}`,
    params: { name: r.name, title, when: when(language, startsAt, endsAt), place, page },
    ...(kind === 'event_cancelled'
      ? {}
      : {
          secretParams: {
            cancelLink: `${absolute(deps.config.publicUrl, cancelRegistrationLink.href({ id: e.id }))}#token=${token}`,
          },
        }),
    secretKey: deps.secrets.secretKey,
    ...(withCalendar
      ? {
          attachment: {
            filename: 'event.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: Buffer.from(
              eventCalendar({
                uid: `${e.id}@samen`,
                stamp: new Date(),
                startsAt,
                endsAt,
                summary: title,
                description: localized(language, e.description_fr, e.description_nl) || null,
                location: e.venue,
                url: e.online_url ?? page,
              }),
              'utf8',
            ),
          },
        }
      : {}),
    orgId,
  });
}
