import fc from 'fast-check';
import { HOSTILE_NUMBERS, hostileString, wrongValue } from './hostile';

/**
 * fast-check arbitraries drawn from the endpoints' JSON schemas (TypeBox builds plain JSON Schema):
 * `shaped` gives values of the declared shape whose free text is hostile and whose numbers sit on their
 * bounds; `mutated` breaks one place of such a value (wrong type, extra property, missing required one,
 * oversized array) and says where, so the test can check that the error names that field.
 */
type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ArbContext {
  /** Identifiers known to exist (harvested from list answers), tried beside random ones. */
  ids: readonly string[];
  /** Plain printable text only: the base of a mutation, so that the mutation is its only fault. */
  tame?: boolean;
}

const TAME = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEF0123456789 -'),
  maxLength: 20,
});
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

const clip = (s: string, min: number, max: number) => {
  const chars = [...s];
  let out = chars.length > max ? chars.slice(0, max).join('') : s;
  while ([...out].length < min) out += 'x';
  return out;
};

function stringArb(s: Node, ctx: ArbContext): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 100_000;
  const fmt = s.format;
  if (fmt === 'uuid') return ctx.ids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...ctx.ids)) : fc.uuid();
  if (fmt === 'date')
    return fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (fmt === 'date-time')
    return fc
      .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (fmt === 'email')
    return fc.oneof(
      fc.emailAddress(),
      fc.constantFrom('"<script>"@x.example', "o'brien+x@x.example", 'a@b.example'),
    );
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    // Mapped into the length bounds, never filtered (a filter that rarely passes stalls the run); a value
    // that no longer matches is one more fault to refuse.
    return fc.stringMatching(re, { size: 'small' }).map((v) => {
      let out = ctx.tame ? v.replace(CONTROL_ALL, 'x') : v;
      while (out && [...out].length < min) out += out;
      return clip(out, min, max);
    });
  }
  const free = ctx.tame ? TAME : fc.oneof(hostileString, fc.string({ maxLength: 30 }));
  return free.map((v) => clip(v, min, max));
}

function numberArb(s: Node, integer: boolean): fc.Arbitrary<number> {
  const lo =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum + 1
        : undefined;
  const hi = typeof s.maximum === 'number' ? s.maximum : undefined;
  const step = typeof s.multipleOf === 'number' ? s.multipleOf : undefined;
  const bounded = (integer ? fc.integer : fc.double)({
    min: lo ?? -(2 ** 40),
    max: hi ?? 2 ** 40,
    ...(integer ? {} : { noNaN: true, noDefaultInfinity: true }),
  });
  // Only constants inside the bounds: a filter that never passes would loop forever.
  const inRange = (x: number) =>
    (!integer || Number.isInteger(x)) && (lo === undefined || x >= lo) && (hi === undefined || x <= hi);
  const edges = [lo, hi, 0, ...HOSTILE_NUMBERS].filter((x): x is number => x !== undefined && inRange(x));
  const base = edges.length ? fc.oneof(bounded, fc.constantFrom(...edges)) : bounded;
  return step ? base.map((x) => Math.round(x / step) * step) : base;
}

/** A value of the schema's shape with hostile free text. */
export function shaped(schema: unknown, ctx: ArbContext, depth = 0): fc.Arbitrary<unknown> {
  if (!isNode(schema) || depth > 12) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alts = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alts)) return fc.oneof(...alts.map((a) => shaped(a, ctx, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema, ctx);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxItems = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 4, minItems + 4);
      const items = shaped(schema.items, ctx, depth + 1);
      return schema.uniqueItems
        ? fc.uniqueArray(items, {
            minLength: minItems,
            maxLength: maxItems,
            selector: (v) => JSON.stringify(v),
          })
        : fc.array(items, { minLength: minItems, maxLength: maxItems });
    }
    case 'object': {
      const props = (isNode(schema.properties) ? schema.properties : {}) as Node;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = shaped(v, ctx, depth + 1);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      const obj = fc.record(record, { requiredKeys });
      const pattern = isNode(schema.patternProperties)
        ? Object.values(schema.patternProperties)[0]
        : undefined;
      if (!pattern) return obj;
      return fc
        .tuple(
          obj,
          fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), shaped(pattern, ctx, depth + 1), {
            maxKeys: 3,
          }),
        )
        .map(([a, b]) => ({ ...b, ...a }));
    }
    default:
      return fc.constant(null);
  }
}

/** A shaped value broken at one place; `path` is the dotted field path of that place ('' = the whole). */
export interface Mutated {
  value: unknown;
  path: string;
  how: string;
  /** The wrong value put there ('wrong value' mutations). */
  wrong?: unknown;
}

/** Every place of the schema a mutation may target: dotted path and the sub-schema. */
function places(
  schema: unknown,
  prefix: string,
  out: Array<{ path: string; schema: Node; parent?: Node }>,
  depth = 0,
) {
  if (!isNode(schema) || depth > 6) return;
  out.push({ path: prefix, schema });
  if (isNode(schema.properties))
    for (const [k, v] of Object.entries(schema.properties))
      places(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
}

function setAt(root: unknown, path: string, value: unknown, remove = false): unknown {
  if (!path) return value;
  const keys = path.split('.');
  const copy = structuredClone(root) as Record<string, unknown>;
  let cur = copy;
  for (const k of keys.slice(0, -1)) {
    if (!isNode(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (remove) delete cur[last];
  else cur[last] = value;
  return copy;
}

/** A value wrong at one place of the schema. */
export function mutated(schema: unknown, ctx: ArbContext): fc.Arbitrary<Mutated> {
  const spots: Array<{ path: string; schema: Node }> = [];
  places(schema, '', spots);
  if (spots.length === 0)
    return wrongValue.map((value) => ({ value, path: '', how: 'wrong value', wrong: value }));
  return fc
    .tuple(
      shaped(schema, { ...ctx, tame: true }),
      fc.constantFrom(...spots),
      wrongValue,
      fc.nat(5),
      fc.string({ minLength: 1, maxLength: 10 }),
    )
    .map(([base, spot, wrong, kind, extraKey]) => {
      const s = spot.schema;
      if (kind === 0 && s.type === 'object' && s.additionalProperties === false) {
        const key = `zz_${extraKey}`;
        return {
          value: setAt(base, spot.path ? `${spot.path}.${key}` : key, wrong),
          path: spot.path,
          how: 'extra property',
        };
      }
      if (kind === 1 && s.type === 'object' && Array.isArray(s.required) && s.required.length) {
        const key = s.required[0] as string;
        const p = spot.path ? `${spot.path}.${key}` : key;
        return { value: setAt(base, p, undefined, true), path: p, how: 'missing required' };
      }
      if (kind === 2 && s.type === 'array') {
        const big = Array.from(
          { length: (typeof s.maxItems === 'number' ? s.maxItems : 1000) + 1 },
          () => wrong,
        );
        return { value: setAt(base, spot.path, big), path: spot.path, how: 'oversized array' };
      }
      if (kind === 3 && s.type === 'string') {
        const long = 'x'.repeat((typeof s.maxLength === 'number' ? s.maxLength : 100_000) + 1);
        return { value: setAt(base, spot.path, long), path: spot.path, how: 'too long' };
      }
      return { value: setAt(base, spot.path, wrong), path: spot.path, how: 'wrong value', wrong };
    });
}
