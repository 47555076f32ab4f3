import Type, { type TSchema, type TString, type TStringOptions } from 'typebox';
import Value from 'typebox/value';
import { type FieldError, type SchemaIssue, toFieldErrors } from './errors';

/**
 * Control characters in text input (issue 7, item 10). No string the API accepts — path parameter,
 * query parameter or body field, present or future — may hold a C0 control character (U+0000–U+001F)
 * or DEL (U+007F): PostgreSQL refuses U+0000 in text and jsonb, and the others only hide or forge what a
 * reader sees. TAB, LF and CR stay allowed in multi-line free text: the strings whose schema is built
 * with `MultilineText` (it carries the `x-multiline` annotation). Every other string is one line.
 *
 * The rule follows the shared TypeBox schemas rather than being written on each field: the server checks
 * every request against its route's schemas before validation (platform/http.ts), and the web forms
 * call `schemaErrors`, which adds the same check to TypeBox's.
 */
export const CONTROL_CHARACTERS_CODE = 'validation.control_characters';

/** The annotation that marks a string as multi-line free text (an OpenAPI-style extension keyword). */
export const MULTILINE = 'x-multiline';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when s holds a control character that is not allowed (TAB, LF, CR are allowed when multiline). */
export function hasControlCharacters(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_EXCEPT_LINE_BREAKS : ANY_CONTROL).test(s);
}

/** Free text over several lines (notes, descriptions, reasons): TAB, LF and CR allowed. */
export function MultilineText(options: TStringOptions = {}): TString {
  return Type.String({ ...options, [MULTILINE]: true });
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schemas a value may match: the members of anyOf/oneOf/allOf, flattened. */
function alternatives(schema: unknown, out: Node[] = []): Node[] {
  if (!isNode(schema)) return out;
  out.push(schema);
  for (const k of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(schema[k])) for (const s of schema[k] as unknown[]) alternatives(s, out);
  return out;
}

function matches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/**
 * Parsed JSON, query strings and path parameters are plain objects (the query parser's have a bare
 * prototype of their own); anything else (a Buffer, a stream) is not text.
 */
const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
};

function propertySchemas(candidates: Node[], key: string): Node[] {
  const out: Node[] = [];
  for (const c of candidates) {
    const props = c.properties;
    if (isNode(props) && Object.hasOwn(props, key)) {
      alternatives(props[key], out);
      continue;
    }
    if (isNode(c.patternProperties))
      for (const [pattern, s] of Object.entries(c.patternProperties))
        if (matches(pattern, key)) alternatives(s, out);
    if (isNode(c.additionalProperties)) alternatives(c.additionalProperties, out);
  }
  return out;
}

function itemSchemas(candidates: Node[], index: number): Node[] {
  const out: Node[] = [];
  for (const c of candidates) {
    const tuple = Array.isArray(c.prefixItems) ? c.prefixItems : Array.isArray(c.items) ? c.items : null;
    if (tuple && index < tuple.length) alternatives(tuple[index], out);
    else if (isNode(c.items)) alternatives(c.items, out);
  }
  return out;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The field errors for control characters in a value (a body, a query, path parameters), given the
 * schema it is validated with. A string is multi-line only where one of the schemas it may match says
 * so; object keys and strings the schema does not describe are single-line.
 */
export function controlCharacterErrors(schema: unknown, value: unknown, path = ''): FieldError[] {
  const out = new Map<string, FieldError>();
  const walk = (candidates: Node[], v: unknown, at: string, depth: number) => {
    if (typeof v === 'string') {
      const multiline = candidates.some((c) => c[MULTILINE] === true);
      if (hasControlCharacters(v, multiline)) out.set(at, { path: at, code: CONTROL_CHARACTERS_CODE });
      return;
    }
    if (depth > 64 || typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v) && !isPlain(v)) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(itemSchemas(candidates, i), item, join(at, i), depth + 1);
      });
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      const itemPath = join(at, key);
      if (hasControlCharacters(key)) out.set(itemPath, { path: itemPath, code: CONTROL_CHARACTERS_CODE });
      else walk(propertySchemas(candidates, key), item, itemPath, depth + 1);
    }
  };
  walk(alternatives(schema), value, path, 0);
  return [...out.values()];
}

/**
 * Everything wrong with a value for a schema, as field errors: TypeBox's checks and the control
 * characters. The web forms validate with this, so they refuse what the API refuses.
 */
export function schemaErrors(schema: TSchema, value: unknown): FieldError[] {
  const control = controlCharacterErrors(schema, value);
  const seen = new Set(control.map((f) => f.path));
  const issues = [...Value.Errors(schema, value)] as unknown as SchemaIssue[];
  return [...control, ...toFieldErrors(issues).filter((f) => !seen.has(f.path))];
}
