import type { AnyEndpoint } from '../../src/common/kernel/endpoint';

/**
 * The HTTP seam as data (ADR 0012): every API route the server exposes is an endpoint declared in
 * `src/common/<module>/endpoints.ts`, registered through `route()`, and every declared endpoint is served.
 * A route registered by hand (`app.get(...)`) or a declaration nobody serves is a gap.
 */

const isEndpoint = (v: unknown): v is AnyEndpoint =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AnyEndpoint).method === 'string' &&
  typeof (v as AnyEndpoint).path === 'string' &&
  typeof (v as AnyEndpoint).response === 'object';

/** The endpoints exported by contract files: each export is an endpoint or a record of endpoints. */
export function endpointsOf(files: Record<string, Record<string, unknown>>): AnyEndpoint[] {
  const out: AnyEndpoint[] = [];
  for (const exports of Object.values(files))
    for (const value of Object.values(exports)) {
      if (isEndpoint(value)) out.push(value);
      else if (typeof value === 'object' && value !== null)
        for (const inner of Object.values(value)) if (isEndpoint(inner)) out.push(inner);
    }
  return out;
}

/** Every declared endpoint of the source tree. */
export function declaredEndpoints(): AnyEndpoint[] {
  return endpointsOf(
    import.meta.glob<Record<string, unknown>>('../../src/common/*/endpoints.ts', { eager: true }),
  );
}

type OpenApi = { paths?: Record<string, Record<string, unknown>> };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** `/api/x/{id}` as Fastify wrote it: `/api/x/:id`. */
const fromOpenApi = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** The routes served (from the OpenAPI document Fastify builds of every route) with no contract, and the reverse. */
export function contractGaps(doc: OpenApi, endpoints: readonly AnyEndpoint[]): string[] {
  const served = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths ?? {}))
    for (const m of Object.keys(ops))
      if (METHODS.includes(m)) served.add(`${m.toUpperCase()} ${fromOpenApi(path)}`);
  const declared = new Map<string, number>();
  for (const e of endpoints)
    declared.set(`${e.method} ${e.path}`, (declared.get(`${e.method} ${e.path}`) ?? 0) + 1);
  const gaps: string[] = [];
  for (const s of served) if (!declared.has(s)) gaps.push(`${s}: served without a declared endpoint`);
  for (const [d, n] of declared) {
    if (!served.has(d)) gaps.push(`${d}: declared but not served`);
    if (n > 1) gaps.push(`${d}: declared ${n} times`);
  }
  return gaps.sort();
}
