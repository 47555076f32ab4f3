import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';

/**
 * What a page holds as text (an address filter, a form's values) narrowed to what an endpoint accepts,
 * so calls are typed by their declaration rather than by casts.
 */

/** The value when it is one of the list (a filter read from the address), else undefined. */
export function oneOf<const T extends string>(
  values: readonly T[],
  value: string | undefined,
): T | undefined {
  return values.find((v) => v === value);
}

/**
 * A form's values as an endpoint's body. The form has already refused them unless they match this
 * schema (useForm checks the same one), so a mismatch here is a bug: it throws rather than sending.
 */
export function bodyOf<S extends TSchema>(schema: S, value: unknown): Static<S> {
  if (!Value.Check(schema, value)) throw new Error('the form sent values its schema refuses');
  return value;
}
