import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  otpauthUri,
  TOTP_STEP_SECONDS,
  timeStep,
  totpCode,
  verifyTotp,
} from './totp';

/** The RFC 6238 SHA1 seed, ASCII "12345678901234567890". */
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('base32', () => {
  it('encodes the RFC 4648 test vectors (without padding)', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
  });

  it('encodes the RFC 6238 seed', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('decodes padded, lowercase and grouped input', () => {
    expect(base32Decode('MZXW6YQ=').toString()).toBe('foob');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(base32Decode('MZXW 6YTB OI').toString()).toBe('foobar');
    expect(base32Decode('mzxw-6ytb-oi').toString()).toBe('foobar');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(TypeError);
    expect(() => base32Decode('MZXW8')).toThrow(TypeError);
    expect(() => base32Decode('MZ=XW')).toThrow(TypeError);
    expect(() => base32Decode('MZXW!')).toThrow(TypeError);
  });

  it('round-trips random bytes of every length', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff));
      const encoded = base32Encode(bytes);
      expect(encoded).toMatch(/^[A-Z2-7]*$/);
      expect(encoded.length).toBe(Math.ceil((n * 8) / 5));
      expect(base32Decode(encoded).equals(bytes)).toBe(true);
    }
  });
});

describe('generateTotpSecret', () => {
  it('returns 20 random bytes in unpadded base32 (32 characters)', () => {
    const s = generateTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s).length).toBe(20);
  });

  it('returns a different secret every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateTotpSecret()));
    expect(secrets.size).toBe(50);
  });
});

describe('totpCode', () => {
  it('matches the RFC 6238 SHA1 test vectors (8 digits)', () => {
    const vectors: Array<[number, string]> = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) {
      expect(totpCode(RFC_SECRET, timeStep(seconds * 1000), 8), String(seconds)).toBe(code);
    }
  });

  it('matches the RFC 4226 HOTP test vectors (6 digits, counters 0–9)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => {
      expect(totpCode(RFC_SECRET, counter)).toBe(code);
    });
  });

  it('defaults to 6 digits, the last 6 of the 8-digit code', () => {
    const step = timeStep(1111111109 * 1000);
    expect(totpCode(RFC_SECRET, step)).toBe('081804');
    expect(totpCode(RFC_SECRET, step, 6)).toBe(totpCode(RFC_SECRET, step, 8).slice(2));
  });

  it('agrees with a direct HMAC computation', () => {
    const secret = generateTotpSecret();
    const step = 56789012;
    const counter = Buffer.alloc(8);
    counter.writeUInt32BE(step, 4);
    const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
    const o = h[19]! & 0xf;
    const n = (h.readUInt32BE(o) & 0x7fffffff) % 1_000_000;
    expect(totpCode(secret, step)).toBe(String(n).padStart(6, '0'));
  });

  it('rejects invalid steps and digit counts', () => {
    expect(() => totpCode(RFC_SECRET, -1)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 1.5)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 1, 5)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 1, 11)).toThrow(RangeError);
  });
});

describe('timeStep', () => {
  it('counts 30-second steps since the epoch', () => {
    expect(TOTP_STEP_SECONDS).toBe(30);
    expect(timeStep(0)).toBe(0);
    expect(timeStep(29_999)).toBe(0);
    expect(timeStep(30_000)).toBe(1);
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(1111111109 * 1000)).toBe(0x23523ec);
  });
});

describe('verifyTotp', () => {
  const secret = 'JBSWY3DPEHPK3PXP';
  const now = 1_700_000_015_000; // in the middle of a step
  const step = timeStep(now);

  it('accepts the current code and returns its step', () => {
    expect(verifyTotp(secret, totpCode(secret, step), now)).toEqual({ ok: true, step });
  });

  it('accepts codes typed with spaces', () => {
    const code = totpCode(secret, step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toEqual({ ok: true, step });
  });

  it('accepts the previous and the next step with the default window of 1', () => {
    expect(verifyTotp(secret, totpCode(secret, step - 1), now)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(secret, totpCode(secret, step + 1), now)).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(secret, totpCode(secret, step - 1), now, { window: 1 })).toEqual({
      ok: true,
      step: step - 1,
    });
  });

  it('rejects codes outside the window', () => {
    expect(verifyTotp(secret, totpCode(secret, step - 2), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, step + 2), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, step - 1), now, { window: 0 })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, step), now, { window: 0 })).toEqual({ ok: true, step });
  });

  it('honours a wider window', () => {
    expect(verifyTotp(secret, totpCode(secret, step - 2), now, { window: 2 })).toEqual({
      ok: true,
      step: step - 2,
    });
  });

  it('rejects a step already used or older (replay)', () => {
    const code = totpCode(secret, step);
    const first = verifyTotp(secret, code, now, { window: 1 });
    expect(first).toEqual({ ok: true, step });
    expect(verifyTotp(secret, code, now, { window: 1, lastUsedStep: step })).toEqual({ ok: false });
    expect(verifyTotp(secret, code, now + 20_000, { window: 1, lastUsedStep: step })).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, step - 1), now, { lastUsedStep: step })).toEqual({
      ok: false,
    });
    expect(verifyTotp(secret, totpCode(secret, step + 1), now, { lastUsedStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
    expect(verifyTotp(secret, code, now, { lastUsedStep: step - 1 })).toEqual({ ok: true, step });
  });

  it('rejects wrong codes and malformed input', () => {
    const code = totpCode(secret, step);
    const wrong = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
    expect(verifyTotp(secret, wrong, now)).toEqual({ ok: false });
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`, code.slice(1), '12345a', '-12345'])
      expect(verifyTotp(secret, bad, now), bad).toEqual({ ok: false });
  });

  it('rejects the code of another secret', () => {
    const other = generateTotpSecret();
    expect(verifyTotp(secret, totpCode(other, step), now).ok).toBe(
      totpCode(other, step) === totpCode(secret, step) ||
        totpCode(other, step) === totpCode(secret, step - 1) ||
        totpCode(other, step) === totpCode(secret, step + 1),
    );
  });

  it('verifies the RFC 6238 vectors with 8 digits', () => {
    expect(verifyTotp(RFC_SECRET, '94287082', 59_000, { digits: 8 })).toEqual({ ok: true, step: 1 });
    expect(verifyTotp(RFC_SECRET, '65353130', 20000000000_000, { digits: 8 })).toEqual({
      ok: true,
      step: timeStep(20000000000_000),
    });
    expect(verifyTotp(RFC_SECRET, '94287082', 59_000)).toEqual({ ok: false }); // 6 digits expected
  });

  it('never considers negative steps near the epoch', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, 0), 1_000)).toEqual({ ok: true, step: 0 });
  });
});

describe('otpauthUri', () => {
  it('builds the Key Uri Format with issuer prefix and parameters', () => {
    const uri = otpauthUri({
      secret: 'JBSWY3DPEHPK3PXP',
      accountName: 'marie.dupont@cpas-charleroi.be',
      issuer: 'samen',
    });
    expect(uri).toBe(
      'otpauth://totp/samen:marie.dupont%40cpas-charleroi.be?secret=JBSWY3DPEHPK3PXP&issuer=samen&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('defaults the issuer to samen', () => {
    const uri = new URL(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', accountName: 'a@b.be' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('samen');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('encodes spaces and special characters', () => {
    const uri = otpauthUri({ secret: 'ABC', accountName: 'Élodie Martin', issuer: 'samen test' });
    expect(uri).toContain('otpauth://totp/samen%20test:%C3%89lodie%20Martin?');
    expect(uri).toContain('issuer=samen%20test');
    expect(uri).not.toContain('+');
  });
});
