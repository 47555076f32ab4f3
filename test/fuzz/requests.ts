import fc from 'fast-check';
import type { AnyEndpoint } from '../../src/common/kernel/endpoint';
import { schemaErrors } from '../../src/common/validation/text';
import { HOSTILE_SAMPLES } from './hostile';
import { multipart } from './multipart';
import { type ArbContext, type Mutated, mutated, shaped } from './schema-arb';

/** One request to send: where it goes, what it carries, and what its refusal must name. */
export interface FuzzRequest {
  kind: 'shaped' | 'mutated' | 'malformed';
  anonymous: boolean;
  url: string;
  /** A JSON body (sent as application/json). */
  body?: unknown;
  /** A raw body with its content type (malformed cases). */
  raw?: { payload: string | Buffer; contentType: string };
  /** The field a refusal must name (a mutation the schema certainly refuses), else undefined. */
  expectField?: string;
  note: string;
}

/** A path or query value as it travels in a URL. */
const asText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A path segment, percent-encoded; a lone surrogate goes as the invalid UTF-8 bytes a client might send. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .replace(/[\uD800-\uDFFF]/g, '\u0000')
      .split('\u0000')
      .map(encodeURIComponent)
      .join('%ED%A0%80');
  }
}

function urlWith(
  e: AnyEndpoint,
  params: Record<string, unknown>,
  query: Record<string, unknown> | undefined,
) {
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params[name];
    const s = v === undefined || v === null ? '' : asText(v);
    // An empty segment would route elsewhere; an empty value is still refused as a value.
    return encodeSegment(s) || '%20';
  });
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, asText(x));
    else sp.append(k, asText(v));
  }
  const q = sp.toString();
  return q ? `${path}?${q}` : path;
}

/** Bodies no schema accepts: broken JSON, the wrong encoding or content type, nesting beyond reason. */
export const MALFORMED_BODIES: ReadonlyArray<{
  payload: string | Buffer;
  contentType: string;
  note: string;
}> = [
  { payload: '{', contentType: 'application/json', note: 'truncated JSON' },
  { payload: '{"a":1,}', contentType: 'application/json', note: 'trailing comma' },
  { payload: 'null', contentType: 'application/json', note: 'JSON null' },
  { payload: '[]', contentType: 'application/json', note: 'JSON array' },
  { payload: '12345678901234567890123', contentType: 'application/json', note: 'JSON number' },
  { payload: '"text"', contentType: 'application/json', note: 'JSON string' },
  { payload: '{"__proto__":{"polluted":1}}', contentType: 'application/json', note: 'prototype key' },
  {
    payload: '{"constructor":{"prototype":{"polluted":1}}}',
    contentType: 'application/json',
    note: 'constructor key',
  },
  {
    payload: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    contentType: 'application/json',
    note: 'UTF-16 LE with BOM',
  },
  {
    payload: Buffer.from('{"name":"caf\xe9"}', 'latin1'),
    contentType: 'application/json',
    note: 'Latin-1 bytes',
  },
  {
    payload: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    contentType: 'application/json',
    note: 'UTF-8 BOM',
  },
  { payload: '{"a":"\\ud800"}', contentType: 'application/json', note: 'lone surrogate escape' },
  { payload: '{"a":"\\u0000"}', contentType: 'application/json', note: 'NUL escape' },
  { payload: '{}', contentType: 'application/json; charset=latin1', note: 'foreign charset' },
  { payload: '{}', contentType: 'text/plain', note: 'text/plain' },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', note: 'form encoded' },
  { payload: '--x\r\n\r\n', contentType: 'multipart/form-data', note: 'multipart without boundary' },
  { payload: '<a/>', contentType: 'application/xml', note: 'XML' },
  {
    payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    contentType: 'application/json',
    note: 'arrays 20,000 deep',
  },
  {
    payload: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
    contentType: 'application/json',
    note: 'objects 20,000 deep',
  },
];

/**
 * The requests to try on one endpoint: shaped ones (hostile text, bounds), mutated ones (one fault,
 * whose field the refusal must name), malformed bodies; signed in or not.
 */
export function requestsFor(e: AnyEndpoint, ctx: ArbContext): fc.Arbitrary<FuzzRequest> {
  const params = e.params ? shaped(e.params, ctx) : fc.constant({});
  const query = e.query ? shaped(e.query, ctx) : fc.constant(undefined);
  const hasBody = !!e.body && !e.multipart;
  const body = hasBody ? shaped(e.body, ctx) : fc.constant(undefined);
  // One request in five without a session: public endpoints are reached, the others refuse with a 401.
  const anonymous = fc.nat(4).map((n) => n === 0);

  const shapedReq = fc.tuple(params, query, body, anonymous).map(
    ([p, q, b, anon]): FuzzRequest => ({
      kind: 'shaped',
      anonymous: anon,
      url: urlWith(e, p as Record<string, unknown>, q as Record<string, unknown> | undefined),
      ...(hasBody ? { body: b } : {}),
      note: 'shaped',
    }),
  );

  const parts: fc.Arbitrary<FuzzRequest>[] = [shapedReq];
  const tame = { ...ctx, tame: true };
  if (hasBody)
    parts.push(
      fc
        .tuple(
          e.params ? shaped(e.params, tame) : fc.constant({}),
          e.query ? shaped(e.query, tame) : fc.constant(undefined),
          mutated(e.body, ctx),
        )
        .map(([p, q, m]): FuzzRequest => {
          const refused = schemaErrors(e.body, m.value).length > 0;
          return {
            kind: 'mutated',
            anonymous: false,
            url: urlWith(e, p as Record<string, unknown>, q as Record<string, unknown> | undefined),
            body: m.value,
            ...(refused && uncoercible(m) ? { expectField: m.path } : {}),
            note: `body ${m.how} at '${m.path}'`,
          };
        }),
    );
  if (e.query)
    parts.push(
      fc
        .tuple(e.params ? shaped(e.params, tame) : fc.constant({}), mutated(e.query, ctx), body)
        .map(([p, m, b]): FuzzRequest => {
          const url = urlWith(e, p as Record<string, unknown>, (m.value ?? {}) as Record<string, unknown>);
          // An extra parameter whose value is an empty list or undefined does not travel in the URL.
          const structural =
            (m.how === 'extra property' && url.includes('zz_')) || m.how === 'missing required';
          const refused = schemaErrors(e.query, m.value).length > 0;
          return {
            kind: 'mutated',
            anonymous: false,
            url,
            ...(hasBody ? { body: b } : {}),
            ...(refused && structural ? { expectField: m.path } : {}),
            note: `query ${m.how} at '${m.path}'`,
          };
        }),
    );
  if (e.params)
    parts.push(
      fc.tuple(mutated(e.params, ctx), query, body).map(
        ([m, q, b]): FuzzRequest => ({
          kind: 'mutated',
          anonymous: false,
          url: urlWith(
            e,
            (m.value ?? {}) as Record<string, unknown>,
            q as Record<string, unknown> | undefined,
          ),
          ...(hasBody ? { body: b } : {}),
          note: `params ${m.how} at '${m.path}'`,
        }),
      ),
    );
  if (e.method !== 'GET' && e.method !== 'DELETE')
    parts.push(
      fc.tuple(params, fc.constantFrom(...MALFORMED_BODIES)).map(
        ([p, raw]): FuzzRequest => ({
          kind: 'malformed',
          anonymous: false,
          url: urlWith(e, p as Record<string, unknown>, undefined),
          raw: { payload: raw.payload, contentType: raw.contentType },
          note: `malformed body: ${raw.note}`,
        }),
      ),
    );
  if (e.multipart)
    parts.push(
      fc
        .tuple(
          params,
          fc.constantFrom('file', 'settings', 'other'),
          fc.oneof(
            fc.constantFrom(...HOSTILE_SAMPLES),
            fc.constantFrom('x.pdf', 'x.csv', 'a.exe.pdf', '.pdf', 'x'.repeat(300)),
          ),
          fc.oneof(
            fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
            fc.constantFrom(
              Buffer.alloc(0),
              Buffer.from('%PDF-1.4\n%%EOF'),
              Buffer.from('%PDF-1.4 truncated'),
              Buffer.from('PK\u0003\u0004 not a zip'),
              Buffer.from('MZ\u0090\u0000 an executable'),
              Buffer.from('<svg onload=alert(1)></svg>'),
            ),
          ),
          fc.constantFrom(
            'application/pdf',
            'application/octet-stream',
            'text/html',
            'image/svg+xml',
            '',
            'x/\u0000',
          ),
          fc.oneof(fc.constant('{}'), fc.constantFrom(...HOSTILE_SAMPLES), fc.constant('{"vintage":"x"}')),
        )
        .map(([p, partName, filename, bytes, type, settings]): FuzzRequest => {
          const body = multipart(
            { settings },
            { name: partName, filename, bytes, contentType: type || 'application/pdf' },
          );
          return {
            kind: 'malformed',
            anonymous: false,
            url: urlWith(e, p as Record<string, unknown>, undefined),
            raw: { payload: body.payload, contentType: body.contentType },
            note: `multipart part ${partName} named ${JSON.stringify(filename.slice(0, 40))}, ${bytes.length} bytes of ${type}`,
          };
        }),
    );
  return fc.oneof(...parts);
}

/**
 * Whether the server cannot turn the fault into a valid value: it coerces scalars ('5' → 5, null → '')
 * and a one-item array to its item, so only structural faults and objects or other arrays are certain.
 */
function uncoercible(m: Mutated): boolean {
  // A "__proto__" or "constructor" key is refused by the JSON parser itself, before any field is looked at.
  if (/"(__proto__|constructor)"\s*:/.test(JSON.stringify(m.value) ?? '')) return false;
  if (m.how !== 'wrong value') return true;
  const w = m.wrong;
  return typeof w === 'object' && w !== null && (!Array.isArray(w) || w.length !== 1);
}
