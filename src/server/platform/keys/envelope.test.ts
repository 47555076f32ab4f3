import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField } from '../crypto';
import {
  blindIndex,
  looksSealed,
  masterKeyId,
  openV2,
  sealedVersion,
  sealV2,
  unwrapKey,
  wrapKey,
} from './envelope';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const FIELD = 'persons.national_id';

/** Every single-character change of a sealed value's iv, tag or data. */
function tampered(sealed: string, first: number): string[] {
  const parts = sealed.split('.');
  const out: string[] = [];
  for (let i = first; i < parts.length; i++) {
    const p = parts[i]!;
    for (let j = 0; j < p.length; j++) {
      const c = p[j] === 'A' ? 'B' : 'A';
      const q = [...parts];
      q[i] = `${p.slice(0, j)}${c}${p.slice(j + 1)}`;
      out.push(q.join('.'));
    }
  }
  return out;
}

describe('the envelope (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 999 }),
        (text, v) => {
          const sealed = sealV2(key, v, ORG, FIELD, text);
          expect(sealed.startsWith(`v2.${v}.`)).toBe(true);
          expect(sealedVersion(sealed)).toBe(v);
          expect(openV2(key, ORG, FIELD, sealed)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('detects every one-character change of nonce, tag or ciphertext', () => {
    const sealed = sealV2(key, 1, ORG, FIELD, '85073003328');
    const variants = tampered(sealed, 2);
    expect(variants.length).toBeGreaterThan(50);
    let opened = 0;
    for (const v of variants) {
      try {
        // A change of the last base64 character's padding bits can leave the bytes equal: those must open
        // to the same text, never to another one.
        expect(openV2(key, ORG, FIELD, v)).toBe('85073003328');
        opened++;
      } catch {
        // refused: what GCM is for
      }
    }
    expect(opened).toBeLessThan(variants.length / 10);
  });

  it('binds a value to its organisation and column, and refuses another key or a short tag', () => {
    const sealed = sealV2(key, 1, ORG, FIELD, 'secret');
    expect(() => openV2(key, OTHER, FIELD, sealed)).toThrow();
    expect(() => openV2(key, ORG, 'accompaniment_clinical_notes.body', sealed)).toThrow();
    expect(() => openV2(randomBytes(32), ORG, FIELD, sealed)).toThrow();
    const [v, n, iv, tag, data] = sealed.split('.');
    const short = Buffer.from(tag!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => openV2(key, ORG, FIELD, [v, n, iv, short, data].join('.'))).toThrow();
    expect(() => openV2(key, ORG, FIELD, `${sealed}.x`)).toThrow();
  });

  it('wraps a key for one organisation, purpose and version under one master key', () => {
    const master = randomBytes(32);
    const raw = randomBytes(32);
    const wrapped = wrapKey(master, raw, ORG, 'data', 3);
    expect(unwrapKey(master, wrapped, ORG, 'data', 3).equals(raw)).toBe(true);
    expect(() => unwrapKey(master, wrapped, OTHER, 'data', 3)).toThrow();
    expect(() => unwrapKey(master, wrapped, ORG, 'index', 3)).toThrow();
    expect(() => unwrapKey(master, wrapped, ORG, 'data', 4)).toThrow();
    expect(() => unwrapKey(randomBytes(32), wrapped, ORG, 'data', 3)).toThrow();
    for (const bad of tampered(wrapped, 1).slice(0, 40))
      try {
        expect(unwrapKey(master, bad, ORG, 'data', 3).equals(raw)).toBe(true);
      } catch {
        // refused
      }
    expect(masterKeyId(master)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyId(master)).not.toBe(masterKeyId(randomBytes(32)));
  });

  it('gives equal blind indexes for equal values only, per key and column', () => {
    const k = randomBytes(32);
    expect(blindIndex(k, FIELD, '85073003328')).toBe(blindIndex(k, FIELD, '85073003328'));
    expect(blindIndex(k, FIELD, '85073003328')).not.toBe(blindIndex(k, FIELD, '85073003329'));
    expect(blindIndex(k, FIELD, '85073003328')).not.toBe(blindIndex(randomBytes(32), FIELD, '85073003328'));
    expect(blindIndex(k, FIELD, 'x')).not.toBe(blindIndex(k, 'other', 'x'));
  });

  it('opens v1 values with the current or the previous platform key', () => {
    const old = randomBytes(32);
    const current = randomBytes(32);
    const sealed = encryptField('JBSWY3DPEHPK3PXP', old);
    expect(decryptField(sealed, [current, old])).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptField(sealed, [current])).toThrow();
  });

  it('tells a sealed value from a clear text that only starts like one', () => {
    const key = randomBytes(32);
    fc.assert(
      fc.property(fc.string(), (plain) => {
        expect(looksSealed(sealV2(key, 3, ORG, FIELD, plain))).toBe(true);
        expect(looksSealed(encryptField(plain, key))).toBe(true);
      }),
      { numRuns: 100 },
    );
    for (const clear of ['v2. Deuxième demande', 'v2.1.suivi', 'v1.note.claire.ici', 'v2.1.a.b.c', ''])
      expect(looksSealed(clear)).toBe(false);
  });
});
