import { describe, expect, it } from 'vitest';
import { PreferencesBody } from '../auth/schemas';
import { NoteCreateBody, PathwayPatchBody } from '../people/pathway-schemas';
import { ReferralCreateBody } from '../people/referral-schemas';
import { PersonCreateBody } from '../people/schemas';
import { AttendanceWeekBody } from '../placements/followup-schemas';
import { controlCharacterErrors, hasControlCharacters, schemaErrors } from './text';

const CODE = 'validation.control_characters';
const person = { firstName: 'Amina', lastName: 'Benhallou', birthDate: '1979-11-02' };
const referral = { recipientOrgId: '00000000-0000-4000-8000-000000000002', fields: ['identity'] };

describe('control characters in text input (issue 7, item 10)', () => {
  it('refuses every C0 control and DEL on one line; TAB, LF and CR only in multi-line text', () => {
    for (let c = 0; c < 0x20; c++)
      expect(hasControlCharacters(`a${String.fromCharCode(c)}b`), `${c}`).toBe(true);
    expect(hasControlCharacters('a\u007fb')).toBe(true);
    for (const s of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(hasControlCharacters(s)).toBe(true);
      expect(hasControlCharacters(s, true)).toBe(false);
    }
    for (const s of ['a\u0000b', 'a\u0008b', 'a\u000bb', 'a\u001bb', 'a\u007fb'])
      expect(hasControlCharacters(s, true)).toBe(true);
    // Printable text of the three languages, and characters above DEL, are text.
    expect(hasControlCharacters('Zoë d’Hondt – Œuvre, 12 €, ✓')).toBe(false);
  });

  it('names the field of a body, a query or path parameters', () => {
    expect(controlCharacterErrors(PersonCreateBody, { ...person, firstName: 'Ami\u0000na' })).toEqual([
      { path: 'firstName', code: CODE },
    ]);
    expect(controlCharacterErrors(PreferencesBody, { displayName: 'Tom\u0007' })).toEqual([
      { path: 'displayName', code: CODE },
    ]);
    // Without a schema (or where it says nothing) a string is single-line.
    expect(controlCharacterErrors(undefined, { q: '\u0000', page: '2' })).toEqual([
      { path: 'q', code: CODE },
    ]);
    expect(controlCharacterErrors(undefined, { q: ['ok', 'b\u0000'] })).toEqual([
      { path: 'q.1', code: CODE },
    ]);
    expect(controlCharacterErrors(undefined, { 'k\u0000': 'v' })).toEqual([{ path: 'k\u0000', code: CODE }]);
    expect(controlCharacterErrors(undefined, 'whole\u0000body')).toEqual([{ path: '', code: CODE }]);
    // The query parser's objects have a bare prototype of their own; a Buffer is not text.
    const query = Object.assign(Object.create(Object.create(null)), { q: 'a\u0000' });
    expect(controlCharacterErrors(undefined, query)).toEqual([{ path: 'q', code: CODE }]);
    expect(controlCharacterErrors(undefined, Buffer.from('a\u0000'))).toEqual([]);
  });

  it('follows the schema into arrays, nested objects and nullable unions', () => {
    const week = { days: [{ day: '2026-03-02', status: 'present', plannedHours: 7, note: 'ok' }] };
    expect(controlCharacterErrors(AttendanceWeekBody, week)).toEqual([]);
    week.days[0]!.note = 'late\u0001';
    expect(controlCharacterErrors(AttendanceWeekBody, week)).toEqual([{ path: 'days.0.note', code: CODE }]);
    expect(controlCharacterErrors(PathwayPatchBody, { exitReason: 'Found work.\nFull time.' })).toEqual([]);
    expect(controlCharacterErrors(PathwayPatchBody, { exitReason: 'x\u0000' })).toEqual([
      { path: 'exitReason', code: CODE },
    ]);
  });

  it('keeps line breaks in multi-line free text and refuses them in one-line fields', () => {
    const message = 'Bonjour,\n\tvoici la demande.\r\nMerci';
    expect(controlCharacterErrors(ReferralCreateBody, { ...referral, message })).toEqual([]);
    expect(controlCharacterErrors(PersonCreateBody, { ...person, street: 'Rue 1\nBis' })).toEqual([
      { path: 'street', code: CODE },
    ]);
  });

  it('gives the web forms the same errors as the API, once per field', () => {
    const errors = schemaErrors(PersonCreateBody, { ...person, firstName: '\u0000', lastName: '' });
    expect(errors).toContainEqual({ path: 'firstName', code: CODE });
    expect(errors.filter((e) => e.path === 'firstName')).toHaveLength(1);
    expect(errors.map((e) => e.path)).toContain('lastName');
    expect(schemaErrors(PersonCreateBody, person)).toEqual([]);
    // Multi-line free text: line breaks pass TypeBox and the control check alike.
    expect(
      schemaErrors(NoteCreateBody, { notedOn: '2026-03-02', body: 'Appel.\r\n\tRendez-vous fixé.' }),
    ).toEqual([]);
    expect(schemaErrors(NoteCreateBody, { notedOn: '2026-03-02', body: 'Appel\u0000' })).toEqual([
      { path: 'body', code: CODE },
    ]);
  });
});
