import { cancelRegistrationLink, publicEventLink } from '../../../common/forums/links';
import { type Language, localized } from '../../../common/i18n/locales';
import { absolute } from '../../../common/kernel/links';
import { hashToken, randomToken } from '../../platform/crypto';
import type { Tx } from '../../platform/db/context';
import type { Deps } from '../../platform/deps';
import { queueMail } from '../../platform/mail';
import { checkInQr, checkInUrl, renewCheckInCode } from './attendance/checkin-code';
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
  | 'event_cancelled'
  /** The organiser cancelled the registration for the person (migration 0050): no link left to use. */
  | 'cancelled_by_organiser';

const TIME_ZONE = 'Europe/Brussels';
const LOCALE: Record<Language, string> = { fr: 'fr-FR', nl: 'nl-BE', en: 'en-GB' };

export const when = (language: Language, startsAt: Date, endsAt: Date) => {
  const day = new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'full', timeZone: TIME_ZONE });
  const time = new Intl.DateTimeFormat(LOCALE[language], { timeStyle: 'short', timeZone: TIME_ZONE });
  // An event over several days names both days.
  if (day.format(startsAt) !== day.format(endsAt))
    return `${day.format(startsAt)}, ${time.format(startsAt)} – ${day.format(endsAt)}, ${time.format(endsAt)}`;
  return `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`;
};

export type MailDeps = Pick<Deps, 'config' | 'secrets' | 'clock'>;

/** How long before the start the reminder goes out (reminders.ts). */
export const REMINDER_LEAD_MS = 24 * 3600_000;

export async function mailRegistrant(
  trx: Tx,
  deps: MailDeps,
  e: EventRow,
  r: Pick<RegistrationRow, 'id' | 'name' | 'email' | 'language'> & { status?: string },
  kind: RegistrantMail,
  /** The outbox row's organisation: the organiser's, or none from the anonymous scope. */
  orgId: string | null,
) {
  const language = r.language as Language;
  const token = randomToken();
  const withLink = kind !== 'event_cancelled' && kind !== 'cancelled_by_organiser';
  // A place confirmed when the reminder is already due: this mail is the reminder. Otherwise the reminder
  // would follow within the hour with a new link, and the link of this mail would no longer work.
  const now = deps.clock.now();
  const remindsToo =
    (kind === 'confirmed' || kind === 'promoted') &&
    new Date(e.starts_at).getTime() - now.getTime() <= REMINDER_LEAD_MS;
  if (withLink)
    await trx
      .updateTable('forum_registrations')
      .set({ cancel_token_hash: hashToken(token), ...(remindsToo ? { reminded_at: now } : {}) })
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
  // A place given or confirmed again: a fresh check-in code in a QR code (migration 0050). The reminder
  // keeps the code of the confirmation, so that the QR code the person kept still works.
  const withQr =
    kind === 'confirmed' || kind === 'promoted' || (kind === 'already' && r.status === 'confirmed');
  const checkInCode = withQr ? await renewCheckInCode(trx, r.id) : null;
  const qr = checkInCode ? await checkInQr(checkInUrl(deps.config.publicUrl, e.id, checkInCode)) : null;
  await queueMail(trx, {
    to: r.email,
    language,
    template: `forums.registration.${kind}`,
    params: { name: r.name, title, when: when(language, startsAt, endsAt), place, page },
    ...(!withLink
      ? {}
      : {
          secretParams: {
            cancelLink: `${absolute(deps.config.publicUrl, cancelRegistrationLink.href({ id: e.id }))}#token=${token}`,
            // Typed at the desk when the QR code cannot be scanned; redacted in the outbox like the link.
            ...(checkInCode ? { checkInCode } : {}),
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
    ...(qr ? { attachments: [qr] } : {}),
    orgId,
  });
}
