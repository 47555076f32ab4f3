import type { Static, TSchema } from 'typebox';
import type { Permission } from '../access/permissions';

/**
 * An HTTP endpoint declared once, in `src/common/<module>/endpoints.ts`: method, path, and the TypeBox
 * schemas of its parameters, query, body and answers. The server registers it with `route()` (its handler
 * receives typed input, validated by these schemas), the web calls it with `call()`/`useCall()` (the URL,
 * the query string and the cache key are built from it), and the OpenAPI document is generated from it.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Which records an answer covers for a permitted caller (issue 16): only the caller's own (their account,
 * their requests), their organisation's, what another organisation granted them, a programme's
 * aggregates, or what the whole network reads (published offers, teams, forums).
 */
export type AccessScope = 'own' | 'organisation' | 'granted' | 'programme' | 'network';

/**
 * Who may call an endpoint: the declarative permission specification the route layer enforces and the
 * generated endpoint x role test matrix reads.
 */
export type Access =
  /** Reachable without a session (the allow-list: directory, registration, boards, health, sign-in); why. */
  | { public: string }
  /**
   * Any signed-in user: 'self' acting on their own account, session or preferences; 'member' reading
   * what every member sees without a permission of its own (an organisation's teams), the use case
   * narrowing the records.
   */
  | { signedIn: 'self' | 'member' }
  /** Members holding any of these permissions; the scope says which records the answer covers. */
  | { anyOf: readonly Permission[]; scope: AccessScope };

export interface Endpoint<
  M extends Method = Method,
  P extends string = string,
  Params extends TSchema | undefined = TSchema | undefined,
  Query extends TSchema | undefined = TSchema | undefined,
  Body extends TSchema | undefined = TSchema | undefined,
  Res extends Partial<Record<number, TSchema>> = Partial<Record<number, TSchema>>,
> {
  method: M;
  path: P;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Answers by status. The first 2xx is the status of a successful call. */
  response: Res;
  /** OpenAPI tags (the module). */
  tags: readonly string[];
  /** Who may call it (issue 16, ADR 0030): enforced by the route layer, expected by the access matrix. */
  access: Access;
  /** The answer is a file (PDF, CSV, XLSX): `response` documents it, the handler sends it. */
  file?: boolean;
  /** Multipart upload: the body is read by the handler, not validated as JSON. */
  multipart?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the widest endpoint, for constraints
export type AnyEndpoint = Endpoint<Method, string, any, any, any, any>;

/** Declares an endpoint; the literal types of its path and schemas are kept for the typed callers. */
export function defineEndpoint<
  M extends Method,
  P extends string,
  Res extends Partial<Record<number, TSchema>>,
  Params extends TSchema | undefined = undefined,
  Query extends TSchema | undefined = undefined,
  Body extends TSchema | undefined = undefined,
>(e: Endpoint<M, P, Params, Query, Body, Res>): Endpoint<M, P, Params, Query, Body, Res> {
  return e;
}

// The interface's parts are optional, so `E['body']` is `TSchema | undefined` even when a body is
// declared: look at the schema without the `undefined` (never when the endpoint has no such part).
type PartOf<E extends AnyEndpoint, K extends 'params' | 'query' | 'body'> = NonNullable<E[K]>;
type StaticOr<S, Else> = [S] extends [never] ? Else : S extends TSchema ? Static<S> : Else;
type Has<S> = [S] extends [never] ? false : true;
type Empty = Record<string, never>;

export type ParamsOf<E extends AnyEndpoint> = StaticOr<PartOf<E, 'params'>, Empty>;
export type QueryOf<E extends AnyEndpoint> = StaticOr<PartOf<E, 'query'>, Empty>;
export type BodyOf<E extends AnyEndpoint> = StaticOr<PartOf<E, 'body'>, undefined>;

type SuccessStatus = 200 | 201 | 202 | 204;
type SuccessSchema<R> =
  R extends Partial<Record<number, TSchema>>
    ? { [K in keyof R & SuccessStatus]: R[K] }[keyof R & SuccessStatus]
    : never;
/** What a successful call answers. */
export type ResponseOf<E extends AnyEndpoint> =
  SuccessSchema<E['response']> extends infer S ? (S extends TSchema ? Static<S> : undefined) : undefined;

/** The status of a successful call: the first 2xx the endpoint declares. */
export function successStatus(e: AnyEndpoint): number {
  const statuses = Object.keys(e.response)
    .map(Number)
    .filter((s) => s >= 200 && s < 300)
    .sort();
  return statuses[0] ?? 200;
}

/** What a caller gives: only the parts the endpoint has. */
export type CallInput<E extends AnyEndpoint> = (Has<PartOf<E, 'params'>> extends true
  ? { params: ParamsOf<E> }
  : { params?: never }) &
  (Has<PartOf<E, 'query'>> extends true ? { query?: Partial<QueryOf<E>> } : { query?: never }) &
  (Has<PartOf<E, 'body'>> extends true ? { body: BodyOf<E> } : { body?: never });

/** A query value as it travels in a URL: booleans as true/false, arrays repeated, blanks left out. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function queryString(query: Record<string, QueryValue> | undefined): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, String(x));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The URL of a call: `:name` segments filled from params (encoded), then the query string. */
export function urlOf(
  e: AnyEndpoint,
  input: { params?: Record<string, string | number>; query?: Record<string, QueryValue> } = {},
): string {
  const path = e.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = input.params?.[name];
    if (v === undefined || v === '') throw new Error(`${e.method} ${e.path}: parameter ${name} is missing`);
    return encodeURIComponent(String(v));
  });
  return `${path}${queryString(input.query)}`;
}

/** The cache key of a GET: the endpoint's path pattern first, so one invalidation covers all its calls. */
export function queryKeyOf(e: AnyEndpoint, input: { params?: unknown; query?: unknown } = {}) {
  return [e.path, input.params ?? {}, input.query ?? {}] as const;
}
