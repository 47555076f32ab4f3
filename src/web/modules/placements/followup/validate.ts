import { useIntl } from 'react-intl';
import type { TSchema } from 'typebox';
import { schemaErrors } from '../../../../common/validation/text';
import { ApiError } from '../../../app/api';

/**
 * Checks a body against the API's own schema before sending it, and turns the API's field errors into
 * messages by field path: the same messages whichever side finds the problem.
 */
export function useBodyCheck() {
  const intl = useIntl();
  return {
    check: (schema: TSchema, body: unknown): Record<string, string> =>
      Object.fromEntries(
        schemaErrors(schema, body).map((f) => [f.path, intl.formatMessage({ id: f.code }, f.params)]),
      ),
    fromApi: (e: unknown): Record<string, string> =>
      e instanceof ApiError ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : {},
  };
}

/** Text fields left empty are not sent; the others are trimmed. */
export function given(v: string): string | undefined {
  const t = v.trim();
  return t ? t : undefined;
}
