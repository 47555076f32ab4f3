import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { FieldError } from '../../../../common/validation/errors';
import { ApiError } from '../../../app/api';

/** Field errors by path, from the browser's checks (translated here) or the API's (translated there). */
export function useFieldErrors() {
  const intl = useIntl();
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Later entries win: a rule's message replaces the schema's on the same field.
  const show = (fields: readonly FieldError[]) =>
    setErrors(Object.fromEntries(fields.map((x) => [x.path, intl.formatMessage({ id: x.code }, x.params)])));
  const showApi = (e: unknown) => {
    if (e instanceof ApiError) setErrors(Object.fromEntries(e.fields.map((x) => [x.path, x.message])));
  };
  return { errors, show, showApi };
}
