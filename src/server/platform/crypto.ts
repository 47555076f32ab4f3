import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** An opaque random token for cookies and e-mailed links (256 bits, URL-safe). */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored hashed: a database leak does not give working sessions or reset links. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest();

export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Field-level encryption (AES-256-GCM) for secrets and special-category data. Format: v1.<iv>.<tag>.<data>. */
export function encryptField(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

/**
 * Opens a v1 value. Given several keys (the platform key, then the previous one while a master key rotation
 * runs), the first that authenticates the value opens it.
 */
export function decryptField(sealed: string, key: Buffer | readonly Buffer[]): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown encrypted field format');
  const keys = Buffer.isBuffer(key) ? [key] : key;
  let failure: unknown = new Error('No key to open the encrypted field');
  for (const k of keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch (e) {
      failure = e;
    }
  }
  throw failure;
}

export const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');
