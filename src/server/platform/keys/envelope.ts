import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The envelope: per-organisation data keys wrapped with the master key (`k1.` values in app.org_keys), and
 * field values sealed with a data key (`v2.<version>.<iv>.<tag>.<data>`). AES-256-GCM throughout; the
 * additional data binds a wrapped key to its organisation, purpose and version, and a sealed value to its
 * organisation and column, so a value copied to another row kind or organisation does not open.
 */

export type KeyPurpose = 'data' | 'index';

/** A keyed fingerprint naming a master key in the database without revealing anything about it. */
export const masterKeyId = (master: Buffer) =>
  createHmac('sha256', master).update('samen/master-key-id').digest('hex').slice(0, 16);

const b64 = (b: Buffer) => b.toString('base64url');

function gcmSeal(key: Buffer, plain: Buffer, aad: string): [string, string, string] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [b64(iv), b64(cipher.getAuthTag()), b64(data)];
}

function gcmOpen(key: Buffer, iv: string, tag: string, data: string, aad: string): Buffer {
  const t = Buffer.from(tag, 'base64url');
  // A truncated tag would weaken the check: GCM accepts shorter tags unless told otherwise.
  if (t.length !== 16) throw new Error('Unsupported authentication tag');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(t);
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
}

const keyAad = (orgId: string, purpose: KeyPurpose, version: number) =>
  `samen/org-key/${orgId}/${purpose}/${version}`;

export function wrapKey(master: Buffer, raw: Buffer, orgId: string, purpose: KeyPurpose, version: number) {
  return ['k1', ...gcmSeal(master, raw, keyAad(orgId, purpose, version))].join('.');
}

export function unwrapKey(
  master: Buffer,
  wrapped: string,
  orgId: string,
  purpose: KeyPurpose,
  version: number,
): Buffer {
  const [k, iv, tag, data, extra] = wrapped.split('.');
  if (k !== 'k1' || !iv || !tag || !data || extra !== undefined)
    throw new Error('Unknown wrapped key format');
  const raw = gcmOpen(master, iv, tag, data, keyAad(orgId, purpose, version));
  if (raw.length !== 32) throw new Error('Wrapped key is not 256 bits');
  return raw;
}

const fieldAad = (orgId: string, field: string) => `samen/field/${orgId}/${field}`;

export function sealV2(key: Buffer, version: number, orgId: string, field: string, plain: string): string {
  return ['v2', String(version), ...gcmSeal(key, Buffer.from(plain, 'utf8'), fieldAad(orgId, field))].join(
    '.',
  );
}

/**
 * Whether a value has the shape of a sealed one (`v1.<iv>.<tag>.<data>` or `v2.<version>.<iv>.<tag>.<data>`):
 * a column that held clear text before it was sealed may hold a text that merely starts with "v2.".
 */
export const looksSealed = (value: string) =>
  /^(v1|v2\.[1-9][0-9]{0,6})\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/.test(value);

/** The key version a `v2.` value was sealed with, or null for any other value. */
export function sealedVersion(sealed: string): number | null {
  const m = /^v2\.([1-9][0-9]{0,6})\./.exec(sealed);
  return m ? Number(m[1]) : null;
}

export function openV2(key: Buffer, orgId: string, field: string, sealed: string): string {
  const [v, version, iv, tag, data, extra] = sealed.split('.');
  if (v !== 'v2' || !version || !iv || !tag || data === undefined || extra !== undefined)
    throw new Error('Unknown encrypted field format');
  return gcmOpen(key, iv, tag, data, fieldAad(orgId, field)).toString('utf8');
}

/** A blind index: equal values give equal indexes within one organisation and column, and nothing else. */
export const blindIndex = (indexKey: Buffer, field: string, value: string) =>
  createHmac('sha256', indexKey).update(`${field}\u0000${value}`, 'utf8').digest('base64url');

export const newKey = () => randomBytes(32);
