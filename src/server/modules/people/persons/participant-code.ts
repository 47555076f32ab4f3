import { createHmac } from 'node:crypto';
import { normaliseIdentity, renderCode } from '../../../../common/people/participant-code';
import type { BirthDatePrecision } from '../../../../common/people/schemas';

/**
 * The participant code: HMAC-SHA256 of the normalised name and birth date with the network secret, so
 * that every partner computes the same code for the same person without exchanging who they are, and no
 * one without the secret can test a guessed identity against a code.
 */
export function participantCode(
  networkSecret: Buffer,
  p: {
    firstName?: string | null;
    lastName?: string | null;
    birthDate: string;
    birthDatePrecision?: BirthDatePrecision | null;
  },
): string {
  const digest = createHmac('sha256', networkSecret)
    .update(
      normaliseIdentity(p.firstName ?? '', p.lastName ?? '', p.birthDate, p.birthDatePrecision ?? 'exact'),
    )
    .digest();
  return renderCode(digest);
}
