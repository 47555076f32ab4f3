import { bookingLink, externalBookingLink } from '../../../../common/accompaniment/interpreting-links';
import { isLanguage, type Language } from '../../../../common/i18n/locales';
import { absolute } from '../../../../common/kernel/links';
import type { Tx } from '../../../platform/db/context';
import type { Deps } from '../../../platform/deps';
import { queueMail } from '../../../platform/mail';
import * as store from './store';

/**
 * A booking's mails: a link to the booking's page and nothing else — no language, no place, no person
 * (whoever reads the link signs in and sees what RLS lets them see). The external interpreter's mail
 * carries the time-boxed link, its token in the fragment (redacted in the outbox).
 */
export type BookingMail = 'requested' | 'confirmed' | 'cancelled';
export type MailDeps = Pick<Deps, 'config' | 'secrets'>;

const asLanguage = (l: string): Language => (isLanguage(l) ? l : 'fr');

export async function mailBooking(
  trx: Tx,
  deps: MailDeps,
  bookingId: string,
  kind: BookingMail,
  to: 'provider' | 'booker',
  orgId: string,
) {
  const page = absolute(deps.config.publicUrl, bookingLink.href({ id: bookingId }));
  for (const a of (await store.addresses(trx, bookingId)).filter((x) => x.side === to))
    await queueMail(trx, {
      to: a.email,
      language: asLanguage(a.locale),
      template: `accompaniment.interpreting.${kind}`,
      params: { page },
      orgId,
    });
}

export async function mailExternalInterpreter(
  trx: Tx,
  deps: MailDeps,
  b: { id: string; email: string; language: Language },
  token: string,
  orgId: string,
) {
  const lang = b.language === 'nl' ? 'nl' : b.language === 'en' ? 'en' : 'fr';
  await queueMail(trx, {
    to: b.email,
    language: b.language,
    template: 'accompaniment.interpreting.external_access',
    params: {},
    secretParams: {
      link: `${absolute(deps.config.publicUrl, externalBookingLink.href({ id: b.id }, { lang }))}#token=${token}`,
    },
    secretKey: deps.secrets.secretKey,
    orgId,
  });
}
