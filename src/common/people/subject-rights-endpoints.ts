import Type, { type Static } from 'typebox';
import { defineEndpoint } from '../kernel/endpoint';
import { IdParams, IsoDateTime, Nullable } from '../kernel/schemas';

/**
 * Data-subject rights on a person of the organisation (GDPR art. 15–18, ADR 0032): export everything samen
 * holds about them (JSON, or a PDF in their language), restrict processing, erase by anonymisation.
 * Rectification is the person's edit form (every change is in the audit log with its fields).
 */

const tags = ['people'] as const;

export const SUBJECT_EXPORT_LANGUAGES = ['fr', 'nl', 'en'] as const;

export const SubjectExportQuery = Type.Object({
  /** The PDF's language: the person's preferred language when not given. */
  language: Type.Optional(Type.Enum([...SUBJECT_EXPORT_LANGUAGES])),
});

const Value = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const SubjectExport = Type.Object({
  personId: Type.String(),
  participantCode: Type.String(),
  organisation: Type.String(),
  generatedAt: IsoDateTime,
  sections: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      rows: Type.Array(Type.Record(Type.String(), Value)),
      /** Rows the requester may not read (the team's clinical notes): how many. */
      withheld: Type.Optional(Type.Integer()),
    }),
  ),
});
export type SubjectExport = Static<typeof SubjectExport>;

export const RestrictionBody = Type.Object({
  reason: Type.String({ minLength: 5, maxLength: 500 }),
});
export type RestrictionBody = Static<typeof RestrictionBody>;

export const RestrictionState = Type.Object({
  restriction: Nullable(Type.Object({ since: Type.String(), reason: Type.String() })),
});

export const ErasureBody = Type.Object({
  /** The user confirmed that the erasure cannot be undone. */
  confirm: Type.Literal(true),
});

export const ErasureResult = Type.Object({
  erasureId: Type.String(),
  /** Rows changed or removed, per module part and kind. */
  modules: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
});
export type ErasureResult = Static<typeof ErasureResult>;

const rights = { anyOf: ['person.subject_rights'], scope: 'organisation' } as const;

export const subjectRightsApi = {
  exportJson: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/subject-export.json',
    params: IdParams,
    response: { 200: SubjectExport },
    tags,
    access: rights,
    file: true,
  }),
  exportPdf: defineEndpoint({
    method: 'GET',
    path: '/api/people/:id/subject-export.pdf',
    params: IdParams,
    query: SubjectExportQuery,
    response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }) },
    tags,
    access: rights,
    file: true,
  }),
  restrict: defineEndpoint({
    method: 'PUT',
    path: '/api/people/:id/restriction',
    params: IdParams,
    body: RestrictionBody,
    response: { 200: RestrictionState },
    tags,
    access: rights,
  }),
  lift: defineEndpoint({
    method: 'DELETE',
    path: '/api/people/:id/restriction',
    params: IdParams,
    response: { 200: RestrictionState },
    tags,
    access: rights,
  }),
  erase: defineEndpoint({
    method: 'POST',
    path: '/api/people/:id/anonymise',
    params: IdParams,
    body: ErasureBody,
    response: { 200: ErasureResult },
    tags,
    access: { anyOf: ['person.erase'], scope: 'organisation' },
  }),
};
