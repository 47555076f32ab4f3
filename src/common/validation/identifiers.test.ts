import { describe, expect, it } from 'vitest';
import {
  isEmail,
  isValidMunicipalityCode,
  luhnValid,
  normalisePhone,
  parseMunicipalityCode,
  toMunicipalityCode,
  validateBusinessId,
  validateKbo,
  validateSiret,
} from './identifiers';

/** Appends the Luhn check digit to a string of digits (independent of the implementation under test). */
function withLuhnDigit(body: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${body}${check}`;
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Appends the KBO check number: 97 - (first 8 digits mod 97), on two digits. */
function withKboCheck(first8: string): string {
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

describe('luhnValid', () => {
  it('accepts valid Luhn numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('0')).toBe(true);
    expect(luhnValid(withLuhnDigit('1234567890123'))).toBe(true);
  });
  it('rejects invalid ones and non-digits', () => {
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });
});

describe('validateSiret', () => {
  const valid = withLuhnDigit('7328293200007'); // 73282932000074

  it('accepts a valid SIRET and normalises spaces away', () => {
    expect(valid).toBe('73282932000074');
    expect(validateSiret(valid)).toEqual({ ok: true, value: valid });
    expect(validateSiret('732 829 320 00074')).toEqual({ ok: true, value: valid });
    expect(validateSiret(' 732829320 00074 ')).toEqual({ ok: true, value: valid });
    expect(validateSiret('732\u00a0829\u00a0320\u00a000074')).toEqual({ ok: true, value: valid });
  });

  it('accepts many computed SIRETs', () => {
    for (const body of ['0000000000000', '1234567890123', '9999999999999', '4109016210001']) {
      const siret = withLuhnDigit(body);
      expect(validateSiret(siret)).toEqual({ ok: true, value: siret });
    }
  });

  it('rejects a wrong check digit with code checksum', () => {
    const wrong = `${valid.slice(0, 13)}${(Number(valid[13]) + 1) % 10}`;
    expect(validateSiret(wrong)).toEqual({ ok: false, code: 'checksum' });
    expect(validateSiret('12345678901234')).toEqual({ ok: false, code: 'checksum' });
  });

  it('detects a swap of two adjacent digits', () => {
    const swapped = `${valid[1]}${valid[0]}${valid.slice(2)}`;
    expect(validateSiret(swapped)).toEqual({ ok: false, code: 'checksum' });
  });

  it('rejects wrong lengths and non-digits with code format', () => {
    expect(validateSiret('')).toEqual({ ok: false, code: 'format' });
    expect(validateSiret('7328293200007')).toEqual({ ok: false, code: 'format' });
    expect(validateSiret('732829320000740')).toEqual({ ok: false, code: 'format' });
    expect(validateSiret('7328293200007A')).toEqual({ ok: false, code: 'format' });
    expect(validateSiret('732-829-320-00074')).toEqual({ ok: false, code: 'format' });
    expect(validateSiret('732829320')).toEqual({ ok: false, code: 'format' });
  });

  it('applies the La Poste rule (digit sum divisible by 5) to SIREN 356000000', () => {
    // 3+5+6+4+9+8+3+7 = 45, not a Luhn number.
    expect(luhnValid('35600000049837')).toBe(false);
    expect(validateSiret('356 000 000 49837')).toEqual({ ok: true, value: '35600000049837' });
    // Head office: satisfies Luhn (digit sum 26).
    expect(validateSiret('35600000000048')).toEqual({ ok: true, value: '35600000000048' });
    // Digit sum 27, not Luhn.
    expect(validateSiret('35600000000049')).toEqual({ ok: false, code: 'checksum' });
  });

  it('does not apply the La Poste rule to other SIRENs', () => {
    // Digit sum 55 (divisible by 5), not a Luhn number, not La Poste.
    expect(validateSiret('12345678901234')).toEqual({ ok: false, code: 'checksum' });
    expect(validateSiret('35600000149836')).toEqual({ ok: false, code: 'checksum' });
  });
});

describe('validateKbo', () => {
  it('checks the arithmetic of the known examples', () => {
    // 02032013 mod 97 = 57; 97 - 57 = 40.
    expect(2032013 % 97).toBe(57);
    expect(withKboCheck('02032013')).toBe('0203201340');
    expect(withKboCheck('01234567')).toBe('0123456749');
  });

  it('accepts every accepted notation and normalises to 0123.456.789', () => {
    for (const input of [
      '0203.201.340',
      '0203201340',
      '0203 201 340',
      'BE0203.201.340',
      'BE 0203.201.340',
      'be0203201340',
      'BE0203201340',
      '0203-201-340',
      '203201340',
      '203.201.340',
      ' 0203 201 340 ',
    ]) {
      expect(validateKbo(input), input).toEqual({ ok: true, value: '0203.201.340' });
    }
    expect(validateKbo('0123.456.749')).toEqual({ ok: true, value: '0123.456.749' });
  });

  it('accepts numbers starting with 1 (new series)', () => {
    const n = withKboCheck('10012345');
    expect(validateKbo(n)).toEqual({ ok: true, value: `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}` });
  });

  it('handles the case where the first 8 digits are a multiple of 97 (check number 97)', () => {
    // 97 * 21 = 2037 → first8 '00002037', check 97.
    expect(withKboCheck('00002037')).toBe('0000203797');
    expect(validateKbo('0000203797')).toEqual({ ok: true, value: '0000.203.797' });
    expect(validateKbo('0000203700')).toEqual({ ok: false, code: 'checksum' });
  });

  it('rejects a wrong checksum', () => {
    expect(validateKbo('0203.201.341')).toEqual({ ok: false, code: 'checksum' });
    expect(validateKbo('0123.456.789')).toEqual({ ok: false, code: 'checksum' });
    expect(validateKbo('0302.201.340')).toEqual({ ok: false, code: 'checksum' });
  });

  it('rejects bad formats', () => {
    for (const input of [
      '',
      'BE',
      '2203201340', // starts with 2
      withKboCheck('20320134'),
      '02032013400', // 11 digits
      '20320134', // 8 digits
      '0203.201.34O', // letter O
      'FR0203201340',
      'BE-0203201340x',
    ]) {
      expect(validateKbo(input), input).toEqual({ ok: false, code: 'format' });
    }
  });
});

describe('validateBusinessId', () => {
  it('dispatches on the type', () => {
    expect(validateBusinessId('siret', '73282932000074')).toEqual({ ok: true, value: '73282932000074' });
    expect(validateBusinessId('kbo', 'BE0203201340')).toEqual({ ok: true, value: '0203.201.340' });
    expect(validateBusinessId('siret', '0203201340')).toEqual({ ok: false, code: 'format' });
    expect(validateBusinessId('kbo', '73282932000074')).toEqual({ ok: false, code: 'format' });
  });
});

describe('normalisePhone', () => {
  it('reads French national numbers', () => {
    expect(normalisePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalisePhone('0612345678', 'FR')).toBe('+33612345678');
    expect(normalisePhone('03.20.12.34.56', 'FR')).toBe('+33320123456');
    expect(normalisePhone('03-20-12-34-56', 'FR')).toBe('+33320123456');
    expect(normalisePhone('07 00 00 00 00', 'FR')).toBe('+33700000000');
  });

  it('rejects malformed French national numbers', () => {
    expect(normalisePhone('06 12 34 56 7', 'FR')).toBeNull();
    expect(normalisePhone('06 12 34 56 789', 'FR')).toBeNull();
    expect(normalisePhone('6 12 34 56 78', 'FR')).toBeNull();
    expect(normalisePhone('02 123 45 67', 'FR')).toBeNull();
  });

  it('reads Belgian national numbers (9-digit landlines, 10-digit mobiles)', () => {
    expect(normalisePhone('02 123 45 67', 'BE')).toBe('+3221234567');
    expect(normalisePhone('071 12 34 56', 'BE')).toBe('+3271123456');
    expect(normalisePhone('056/12.34.56', 'BE')).toBe('+3256123456');
    expect(normalisePhone('0470 12 34 56', 'BE')).toBe('+32470123456');
    expect(normalisePhone('0470/12.34.56', 'BE')).toBe('+32470123456');
  });

  it('rejects malformed Belgian national numbers', () => {
    expect(normalisePhone('0212345', 'BE')).toBeNull();
    expect(normalisePhone('0612345678', 'BE')).toBeNull(); // 10 digits but not a mobile (04…)
    expect(normalisePhone('047012345678', 'BE')).toBeNull();
  });

  it('reads international French and Belgian forms whatever the default country', () => {
    for (const country of ['FR', 'BE'] as const) {
      expect(normalisePhone('+33 6 12 34 56 78', country)).toBe('+33612345678');
      expect(normalisePhone('+33 (0)6 12 34 56 78', country)).toBe('+33612345678');
      expect(normalisePhone('+33 06 12 34 56 78', country)).toBe('+33612345678');
      expect(normalisePhone('0033 6 12 34 56 78', country)).toBe('+33612345678');
      expect(normalisePhone('+32 470 12 34 56', country)).toBe('+32470123456');
      expect(normalisePhone('+32 (0)470 12 34 56', country)).toBe('+32470123456');
      expect(normalisePhone('0032 2 123 45 67', country)).toBe('+3221234567');
      expect(normalisePhone('+3271123456', country)).toBe('+3271123456');
    }
  });

  it('rejects international French/Belgian numbers of the wrong length', () => {
    expect(normalisePhone('+33 6 12 34 56 7', 'FR')).toBeNull();
    expect(normalisePhone('+33 6 12 34 56 789', 'FR')).toBeNull();
    expect(normalisePhone('+32 2 123 45 6', 'BE')).toBeNull();
    expect(normalisePhone('+32 670 12 34 56', 'BE')).toBeNull(); // 9 digits must be a mobile
    expect(normalisePhone('+32 470 12 34 567', 'BE')).toBeNull();
  });

  it('accepts other international numbers of 8–15 digits', () => {
    expect(normalisePhone('+31 20 123 4567', 'BE')).toBe('+31201234567');
    expect(normalisePhone('0031 20 123 4567', 'FR')).toBe('+31201234567');
    expect(normalisePhone('+49 30 1234567', 'FR')).toBe('+49301234567');
    expect(normalisePhone('+1 (202) 555-0143', 'FR')).toBe('+12025550143');
    expect(normalisePhone('+1234567', 'FR')).toBeNull(); // 7 digits
    expect(normalisePhone('+12345678', 'FR')).toBe('+12345678'); // 8 digits
    expect(normalisePhone('+123456789012345', 'FR')).toBe('+123456789012345'); // 15 digits
    expect(normalisePhone('+1234567890123456', 'FR')).toBeNull(); // 16 digits
    expect(normalisePhone('+0123456789', 'FR')).toBeNull();
  });

  it('rejects garbage', () => {
    for (const s of [
      '',
      '   ',
      'abc',
      '06 12 34 56 7a',
      '+33 6 12 34 56 7a',
      '++33612345678',
      '+',
      '0',
      'tel:0612345678',
    ])
      expect(normalisePhone(s, 'FR'), s).toBeNull();
  });
});

describe('isEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const s of [
      'marie.dupont@cpas-charleroi.be',
      'j.dupont+samen@ccas-lille.fr',
      'info@ocmw.kortrijk.be',
      'a@b.co',
      "o'brien@example.org",
      'first_last-1@sub.domain.example.com',
      'élodie@exemple.fr',
      'user@xn--bcher-kva.example',
      'user@bücher.de',
    ])
      expect(isEmail(s), s).toBe(true);
  });

  it('rejects malformed addresses', () => {
    for (const s of [
      '',
      'plainaddress',
      '@example.com',
      'user@',
      'user@localhost',
      'user@example',
      'user@example.c',
      'user@example.123',
      'user@@example.com',
      'us@er@example.com',
      'user name@example.com',
      'user@exa mple.com',
      'user@-example.com',
      'user@example-.com',
      'user@example..com',
      'user@.example.com',
      'user@example.com.',
      '.user@example.com',
      'user.@example.com',
      'us..er@example.com',
      'user@exam_ple.com',
      ' user@example.com',
      'user@example.com ',
      '<user@example.com>',
      `${'a'.repeat(65)}@example.com`,
      `user@${'a'.repeat(64)}.com`,
      `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
    ])
      expect(isEmail(s), s).toBe(false);
  });

  it('accepts the longest allowed local part and domain label', () => {
    expect(isEmail(`${'a'.repeat(64)}@example.com`)).toBe(true);
    expect(isEmail(`user@${'a'.repeat(63)}.com`)).toBe(true);
  });
});

describe('municipality codes', () => {
  it('parses French INSEE codes', () => {
    expect(parseMunicipalityCode('FR-59350')).toEqual({ country: 'FR', code: '59350' });
    expect(parseMunicipalityCode('FR-2A004')).toEqual({ country: 'FR', code: '2A004' });
    expect(parseMunicipalityCode('FR-2B033')).toEqual({ country: 'FR', code: '2B033' });
    expect(parseMunicipalityCode('FR-97101')).toEqual({ country: 'FR', code: '97101' });
    expect(parseMunicipalityCode('fr-2a004')).toEqual({ country: 'FR', code: '2A004' });
  });

  it('parses Belgian NIS codes', () => {
    expect(parseMunicipalityCode('BE-57081')).toEqual({ country: 'BE', code: '57081' });
    expect(parseMunicipalityCode('BE-34022')).toEqual({ country: 'BE', code: '34022' });
    expect(parseMunicipalityCode(' be-52011 ')).toEqual({ country: 'BE', code: '52011' });
  });

  it('rejects invalid codes', () => {
    for (const s of [
      '',
      '59350',
      'FR59350',
      'FR-5935',
      'FR-593500',
      'FR-2C004',
      'FR-3A004',
      'FR-59A50',
      'FR-AB123',
      'BE-2A004',
      'BE-5708',
      'BE-570811',
      'NL-12345',
      'FR_59350',
      'FR-59 350',
    ])
      expect(parseMunicipalityCode(s), s).toBeNull();
  });

  it('validates codes per country', () => {
    expect(isValidMunicipalityCode('FR', '59350')).toBe(true);
    expect(isValidMunicipalityCode('FR', '2B033')).toBe(true);
    expect(isValidMunicipalityCode('BE', '2B033')).toBe(false);
    expect(isValidMunicipalityCode('BE', '57081')).toBe(true);
    expect(isValidMunicipalityCode('FR', '2a004')).toBe(false);
  });

  it('builds the prefixed form and round-trips', () => {
    expect(toMunicipalityCode('FR', '59350')).toBe('FR-59350');
    expect(toMunicipalityCode('FR', '2a004')).toBe('FR-2A004');
    expect(toMunicipalityCode('BE', '57081')).toBe('BE-57081');
    for (const s of ['FR-59350', 'FR-2A004', 'BE-57081']) {
      const p = parseMunicipalityCode(s)!;
      expect(toMunicipalityCode(p.country, p.code)).toBe(s);
    }
  });

  it('throws on an invalid code', () => {
    expect(() => toMunicipalityCode('BE', '2A004')).toThrow(RangeError);
    expect(() => toMunicipalityCode('FR', '5935')).toThrow(RangeError);
    expect(() => toMunicipalityCode('FR', '')).toThrow(RangeError);
  });
});
