import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { TSchema } from 'typebox';
import { schemaErrors } from '../../../common/validation/text';
import { ApiError } from '../api';

/** A password is sent exactly as typed: a space is a character of it, at either end too. */
const isPasswordField = (key: string) => /password/i.test(key);

/** Empty text fields are "not given": they are left out of what is validated and sent; text is trimmed. */
export function clean<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === '' || v === undefined) continue;
    out[k] = typeof v === 'string' && !isPasswordField(k) ? v.trim() : v;
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

  // Submission, handled once for every form: validate, send, show the server's refusal on the fields and
  // above the form, and never send twice while a request is on its way.
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onSubmit = useCallback(
    <R>(send: (body: Partial<T>) => Promise<R>, done?: (result: R) => void | Promise<void>) =>
      async (e?: { preventDefault(): void }) => {
        e?.preventDefault();
        if (submitting) return;
        setError(null);
        const fields = schemaErrors(schema, clean(values));
        setErrors(
          Object.fromEntries(fields.map((f) => [f.path, intl.formatMessage({ id: f.code }, f.params)])),
        );
        if (fields.length) return;
        setSubmitting(true);
        try {
          const result = await send(clean(values));
          await done?.(result);
        } catch (err) {
          setError(err);
          fromApiError(err);
        } finally {
          setSubmitting(false);
        }
      },
    [schema, values, intl, submitting, fromApiError],
  );

  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    validate,
    fromApiError,
    body: () => clean(values),
    /** `onSubmit(send, done)` gives the form's submit handler. */
    onSubmit,
    submitting,
    /** The last refusal, for an ErrorAlert above the form. */
    error,
    setError,
  };
}
