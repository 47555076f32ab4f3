import type { FieldError } from '../../common/validation/errors';

/**
 * An error the user can act on: a status, a catalogue key and its parameters. The error handler
 * translates it into the caller's language; anything else becomes a logged 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
  }
}

export const badRequest = (code: string, params?: Record<string, string | number>) =>
  new AppError(400, code, params);
export const validationFailed = (fields: FieldError[]) => new AppError(400, 'errors.validation', {}, fields);
export const unauthenticated = (code = 'errors.unauthenticated') => new AppError(401, code);
export const forbidden = (code = 'errors.forbidden') => new AppError(403, code);
export const notFound = (code = 'errors.not_found') => new AppError(404, code);
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new AppError(409, code, params);

/** Maps PostgreSQL errors that user input can cause to user-facing errors (never a 500). */
export function fromDatabaseError(e: unknown): AppError | null {
  const err = e as { code?: string; constraint?: string };
  switch (err?.code) {
    case '23505':
      return conflict('errors.duplicate', { constraint: err.constraint ?? '' });
    case '23503':
      return badRequest('errors.reference');
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    // Text the database cannot store (U+0000 in text or jsonb, an untranslatable character).
    case '22021':
    case '22P05':
      return badRequest('errors.invalid_value');
    case '42501':
      return forbidden();
    // A write about a person whose processing is restricted (GDPR art. 18, migration 0065).
    case 'SR001':
      return conflict('errors.person_restricted');
    case '40001':
    case '40P01':
      return new AppError(409, 'errors.retry');
    default:
      return null;
  }
}
