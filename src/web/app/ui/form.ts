import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { TSchema } from 'typebox';
import { schemaErrors } from '../../../common/validation/text';
import { ApiError } from '../api';

/** Empty text fields are "not given": they are left out of what is validated and sent. */
export function clean<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' || v === undefined) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as Partial<T>;
}

/**
 * Form state checked against the same TypeBox schema the API validates with, so the user sees the
 * same translated messages before sending; server-side field errors land on the same fields.
 */
export function useForm<T extends Record<string, unknown>>(schema: TSchema, initial: T) {
  const intl = useIntl();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = useCallback(
    <K extends keyof T>(key: K) =>
      (v: T[K]) =>
        setValues((s) => ({ ...s, [key]: v })),
    [],
  );

  const validate = useCallback((): boolean => {
    const fields = schemaErrors(schema, clean(values));
    setErrors(Object.fromEntries(fields.map((f) => [f.path, intl.formatMessage({ id: f.code }, f.params)])));
    return fields.length === 0;
  }, [schema, values, intl]);

  const fromApiError = useCallback((e: unknown) => {
    if (e instanceof ApiError && e.fields.length)
      setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
  }, []);

  return { values, setValues, set, errors, setErrors, validate, fromApiError, body: () => clean(values) };
}
