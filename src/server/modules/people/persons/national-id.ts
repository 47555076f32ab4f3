import { maskNationalId } from '../../../../common/people/rules';
import type { Tx } from '../../../platform/db/context';
import { cipherOf, fieldCipher, type KeyRow } from '../../../platform/keys/field-cipher';
import type { Secrets } from '../../../platform/secrets';

const FIELD = 'persons.national_id' as const;

/**
 * A national identifier as stored: sealed with the organisation's data key, and its blind index (HMAC
 * with the organisation's index key) to find the same identifier without decrypting (ADR 0031).
 */
export async function sealNationalId(
  trx: Tx,
  secrets: Secrets,
  value: string | null,
): Promise<{ national_id_enc: string | null; national_id_bidx: string | null }> {
  if (!value) return { national_id_enc: null, national_id_bidx: null };
  const cipher = await fieldCipher(trx, secrets);
  return { national_id_enc: cipher.seal(FIELD, value), national_id_bidx: cipher.blindIndex(FIELD, value) };
}

/** The blind index of a normalised national identifier, in the current organisation. */
export async function nationalIdIndex(trx: Tx, secrets: Secrets, value: string): Promise<string> {
  return (await fieldCipher(trx, secrets)).blindIndex(FIELD, value);
}

/**
 * The stored identifier, opened only to be masked (the last three characters). `keys` are the
 * organisation's key rows when the caller read them with the record; they are fetched otherwise.
 */
export async function maskedNationalId(
  trx: Tx,
  secrets: Secrets,
  sealed: string | null,
  keys?: readonly KeyRow[] | null,
): Promise<string | null> {
  if (!sealed) return null;
  const cipher = keys?.some((k) => k.purpose === 'data')
    ? cipherOf(secrets, keys)
    : await fieldCipher(trx, secrets);
  return maskNationalId(cipher.open(FIELD, sealed));
}
