import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { type SchemaIssue, toFieldErrors } from '../validation/errors';
import { MobilityCreateBody, NoteCreateBody, PathwayCreateBody, PathwayPatchBody } from './pathway-schemas';

const errors = (schema: TSchema, v: unknown) =>
  toFieldErrors([...Value.Errors(schema, v)] as unknown as SchemaIssue[]).map((f) => [f.path, f.code]);

const uuid = '6f1c1f4e-8a57-4a39-9a3e-2a8f3c1d0b11';

describe('pathway schemas', () => {
  it('accept a valid new pathway and name every missing or wrong field', () => {
    expect(
      errors(PathwayCreateBody, { entryOn: '2026-01-05', modules: ['placement'], referentUserIds: [uuid] }),
    ).toEqual([]);
    expect(errors(PathwayCreateBody, { modules: [], referentUserIds: ['x'] }).sort()).toEqual(
      [
        ['entryOn', 'validation.required'],
        ['modules', 'validation.min_items'],
        ['referentUserIds.0', 'validation.format'],
      ].sort(),
    );
    expect(
      errors(PathwayCreateBody, { entryOn: '2026-01-05', modules: ['sport'], referentUserIds: [uuid] }),
    ).toEqual([['modules.0', 'validation.choice']]);
    expect(
      errors(PathwayCreateBody, {
        entryOn: '2026-01-05',
        modules: ['placement', 'placement'],
        referentUserIds: [uuid],
      }),
    ).toEqual([['modules', 'validation.unique_items']]);
  });

  it('let a change reopen a pathway with null and refuse a malformed exit date', () => {
    expect(errors(PathwayPatchBody, { exitOn: null, exitReason: null })).toEqual([]);
    expect(errors(PathwayPatchBody, { exitOn: '31/12/2026' })).toEqual([['exitOn', 'validation.format']]);
  });

  it('bound notes and mobility records', () => {
    expect(errors(NoteCreateBody, { notedOn: '2026-01-05', body: '' })).toEqual([
      ['body', 'validation.min_length'],
    ]);
    expect(errors(NoteCreateBody, { notedOn: '2026-01-05', body: 'ok', confidential: true })).toEqual([]);
    expect(
      errors(MobilityCreateBody, { recordedOn: '2026-01-05', radiusKm: 501, crossedBorder: false }),
    ).toEqual([['radiusKm', 'validation.maximum']]);
    expect(
      errors(MobilityCreateBody, { recordedOn: '2026-01-05', radiusKm: 2.5, crossedBorder: false }),
    ).toEqual([['radiusKm', 'validation.type']]);
  });
});
