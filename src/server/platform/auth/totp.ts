/**
 * Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps) for the second login factor,
 * with the base32 encoding (RFC 4648) authenticator apps use for secrets.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Length of a time step, in seconds. */
export const TOTP_STEP_SECONDS = 30;
/** Number of digits of the codes the platform issues. */
export const TOTP_DIGITS = 6;

/** RFC 4648 base32, uppercase, without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32. Case-insensitive; spaces, hyphens and trailing '=' padding are ignored
 * (secrets are often shown in groups). Throws a TypeError on any other character.
 */
export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of clean) {
    const v = BASE32_ALPHABET.indexOf(c);
    if (v < 0) throw new TypeError('invalid base32 character');
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 20 random bytes (160 bits, the HMAC-SHA1 block recommendation of RFC 4226), in base32. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The time step index of an instant: floor(seconds since the epoch / 30). */
export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
}

/** The code of a given time step (RFC 4226 HOTP with the step as counter), zero-padded to `digits`. */
export function totpCode(secretBase32: string, timeStepIndex: number, digits = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(timeStepIndex) || timeStepIndex < 0) throw new RangeError('invalid time step');
  if (!Number.isInteger(digits) || digits < 6 || digits > 10)
    throw new RangeError('invalid number of digits');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(timeStepIndex));
  const hmac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export interface VerifyTotpOptions {
  /** Steps accepted either side of the current one (clock drift); default 1 (±30 s). */
  window?: number;
  /** The step of the last code accepted for this user: that step and earlier ones are refused (replay). */
  lastUsedStep?: number;
  /** Number of digits; default 6. */
  digits?: number;
}

export type VerifyTotpResult = { ok: true; step: number } | { ok: false };

function sameCode(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Checks a code typed by the user against the secret at `nowMs`, accepting the steps within ±window.
 * Spaces in the code are ignored ('123 456'). Returns the matched step, which the caller stores as the
 * new `lastUsedStep`; a step at or before `lastUsedStep` is refused so that a code cannot be used twice.
 * Every candidate step is compared in constant time, whether or not an earlier one matched.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  nowMs: number,
  options: VerifyTotpOptions = {},
): VerifyTotpResult {
  const window = options.window ?? 1;
  const digits = options.digits ?? TOTP_DIGITS;
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return { ok: false };
  const current = timeStep(nowMs);
  let matched: number | null = null;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const fresh = options.lastUsedStep === undefined || step > options.lastUsedStep;
    const equal = sameCode(totpCode(secretBase32, step, digits), typed);
    if (equal && fresh && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

export interface OtpauthUriParams {
  secret: string;
  /** Usually the user's e-mail address. */
  accountName: string;
  issuer?: string;
}

/** The 'otpauth://' URI (Key Uri Format) an authenticator app reads from a QR code. */
export function otpauthUri({ secret, accountName, issuer = 'samen' }: OtpauthUriParams): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString().replaceAll('+', '%20')}`;
}
