import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nameTokens, normaliseIdentity, parseParticipantCode, renderCode } from './participant-code';

describe('identity normalisation for the participant code', () => {
  const base = normaliseIdentity('Jean', 'Dupont', '1985-07-30');

  it('keeps the sorted letters-only tokens and the ISO birth date', () => {
    expect(base).toBe('dupont jean|1985-07-30');
  });

  it('folds accents, ligatures and case', () => {
    expect(normaliseIdentity('Élodie', 'Lefèvre', '1990-01-02')).toBe('elodie lefevre|1990-01-02');
    expect(normaliseIdentity('ELODIE', 'LEFEVRE', '1990-01-02')).toBe('elodie lefevre|1990-01-02');
    expect(normaliseIdentity('Chloë', 'Çelik', '1990-01-02')).toBe('celik chloe|1990-01-02');
    expect(normaliseIdentity('Cœur', 'Straße', '1990-01-02')).toBe('coeur strasse|1990-01-02');
  });

  it('does not depend on which name is first or last', () => {
    expect(normaliseIdentity('Dupont', 'Jean', '1985-07-30')).toBe(base);
    expect(normaliseIdentity('Marie Claire', 'Van den Berghe', '1970-05-05')).toBe(
      normaliseIdentity('Van den Berghe', 'Marie-Claire', '1970-05-05'),
    );
  });

  it('treats hyphens, apostrophes and repeated spaces as separators', () => {
    expect(normaliseIdentity('Jean-Pierre', "D'Hondt", '1980-03-04')).toBe(
      normaliseIdentity('  jean   pierre ', 'd hondt', '1980-03-04'),
    );
    expect(nameTokens("  O'Neil--Smith  ")).toEqual(['o', 'neil', 'smith']);
  });

  it('drops digits and punctuation, keeps letters of any script', () => {
    expect(nameTokens('Jean2 (dit) Dupont.')).toEqual(['jean', 'dit', 'dupont']);
    expect(nameTokens('Øyvind Łukasz')).toEqual(['oyvind', 'lukasz']);
    expect(nameTokens('Ахмед')).toEqual(['ахмед']);
  });

  it('distinguishes another birth date or another name', () => {
    expect(normaliseIdentity('Jean', 'Dupont', '1985-07-31')).not.toBe(base);
    expect(normaliseIdentity('Jeanne', 'Dupont', '1985-07-30')).not.toBe(base);
  });

  it('ignores a time part after the date', () => {
    expect(normaliseIdentity('Jean', 'Dupont', '1985-07-30T00:00:00Z')).toBe(base);
  });
});

describe('participant code rendering', () => {
  const digest = (text: string) => createHmac('sha256', Buffer.alloc(32, 1)).update(text).digest();

  it('renders 16 base-32 characters in four groups matching the column check', () => {
    for (const text of ['a', 'b', 'dupont jean|1985-07-30']) {
      expect(renderCode(digest(text))).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      expect(renderCode(digest(text))).not.toMatch(/[ILOU]/);
    }
  });

  it('encodes the leading bits in order', () => {
    expect(renderCode(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(renderCode(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    // 0b00001 00010 00011 ... : the first bytes 08 86 42 give 1, 2, 3, 4
    expect(renderCode(Uint8Array.from([0x08, 0x86, 0x42, 0, 0, 0, 0, 0, 0, 0])).slice(0, 4)).toBe('1234');
  });

  it('refuses a digest too short for 80 bits', () => {
    expect(() => renderCode(new Uint8Array(9))).toThrow();
  });

  it('reads a typed code leniently', () => {
    expect(parseParticipantCode('7k3m q9xd 2hbr t0va')).toBe('7K3M-Q9XD-2HBR-T0VA');
    expect(parseParticipantCode('7K3MQ9XD2HBRTOVA')).toBe('7K3M-Q9XD-2HBR-T0VA');
    expect(parseParticipantCode('7K3M-Q9XD-2HBR')).toBeNull();
    expect(parseParticipantCode('7K3M-Q9XD-2HBR-T0V!')).toBeNull();
  });
});

describe('participant code of an approximate birth date', () => {
  it('leaves the identity of an exact date as it was (existing codes stay valid)', () => {
    expect(normaliseIdentity('Jean', 'Dupont', '1985-07-30', 'exact')).toBe('dupont jean|1985-07-30');
    expect(normaliseIdentity('Jean', 'Dupont', '1985-07-30', 'exact')).toBe(
      normaliseIdentity('Jean', 'Dupont', '1985-07-30'),
    );
  });

  it('hashes the year and a marker only, so that correcting an estimate within the year keeps it', () => {
    const estimated = normaliseIdentity('Yonas', 'Exemple-Tesfay', '1998-03-01', 'estimated');
    expect(estimated).toBe('exemple tesfay yonas|1998~');
    expect(normaliseIdentity('Yonas', 'Exemple-Tesfay', '1998-11-20', 'estimated')).toBe(estimated);
    // Year only (stored as 1 January) and an estimate in the same year: the same code.
    expect(normaliseIdentity('Yonas', 'Exemple-Tesfay', '1998-01-01', 'year')).toBe(estimated);
  });

  it('keeps an approximate date apart from an exact one and from another year', () => {
    expect(normaliseIdentity('Jean', 'Dupont', '1985-01-01', 'year')).not.toBe(
      normaliseIdentity('Jean', 'Dupont', '1985-01-01', 'exact'),
    );
    expect(normaliseIdentity('Jean', 'Dupont', '1985-06-01', 'estimated')).not.toBe(
      normaliseIdentity('Jean', 'Dupont', '1986-06-01', 'estimated'),
    );
  });

  it('uses the tokens there are for a single name', () => {
    expect(normaliseIdentity('', 'Abdi', '2001-01-01', 'year')).toBe('abdi|2001~');
    expect(normaliseIdentity('Abdi', '', '2001-01-01', 'year')).toBe('abdi|2001~');
    expect(normaliseIdentity('Abdi', '', '2001-04-05')).toBe('abdi|2001-04-05');
  });

  it('gives a stable keyed code for the same approximate identity', () => {
    const code = (d: string, p: 'year' | 'estimated') =>
      renderCode(
        createHmac('sha256', Buffer.alloc(32, 7))
          .update(normaliseIdentity('Awet', 'Fictive', d, p))
          .digest(),
      );
    expect(code('2004-02-10', 'estimated')).toBe(code('2004-09-30', 'estimated'));
    expect(code('2004-01-01', 'year')).toBe(code('2004-09-30', 'estimated'));
    expect(code('2004-01-01', 'year')).not.toBe(code('2005-01-01', 'year'));
  });
});
