import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { CHECK_IN_CODE_LENGTH, checkInCodeFrom } from '../../../../common/forums/attendance-rules';
import { eventCheckInLink } from '../../../../common/forums/links';
import { absolute } from '../../../../common/kernel/links';
import { hashToken } from '../../../platform/crypto';
import type { Tx } from '../../../platform/db/context';
import type { MailAttachment } from '../../../platform/mail';

/**
 * A registration's check-in code: random, 10 characters, kept as its sha256 only (like the cancellation
 * token), renewed with each mail that gives or confirms a place (the last one is the one that works). It
 * travels in a QR code: the address of the organiser's check-in page with the code in the fragment, which
 * browsers never send to a server. Only a signed-in user of the organising organisation can resolve it.
 */
export const newCheckInCode = () => checkInCodeFrom(randomBytes(CHECK_IN_CODE_LENGTH));

export async function renewCheckInCode(trx: Tx, registrationId: string): Promise<string> {
  const code = newCheckInCode();
  await trx
    .updateTable('forum_registrations')
    .set({ checkin_code_hash: hashToken(code) })
    .where('id', '=', registrationId)
    .execute();
  return code;
}

export const checkInUrl = (publicUrl: string, eventId: string, code: string) =>
  `${absolute(publicUrl, eventCheckInLink.href({ id: eventId }))}#code=${code}`;

/** The QR code as a PNG attachment (plain-text mails carry files, not images). */
export async function checkInQr(url: string): Promise<MailAttachment> {
  return {
    filename: 'check-in.png',
    contentType: 'image/png',
    content: await QRCode.toBuffer(url, { type: 'png', margin: 2, width: 360, errorCorrectionLevel: 'M' }),
  };
}
