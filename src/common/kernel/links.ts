/**
 * A page of the web app that something else points to: a mail, a dashboard item, another module's page.
 * Declared once (in `src/common/<module>/links.ts`); the web router mounts the page on `pattern`, the
 * page reads its filters with `read()`, and whoever points to it builds the address with `href()`. So a
 * link and the page it opens cannot drift apart (the dashboard's "my agreements" once sent `mine=true` to
 * a page that read `mine === '1'`).
 */
export type LinkFilterKind = 'string' | 'boolean' | 'integer';

export interface AppLink<P extends string, F extends Record<string, LinkFilterKind>> {
  /** The router's path, e.g. `/app/placements/:id`. */
  pattern: P;
  filters: F;
  href(params?: LinkParams<P>, filters?: Partial<LinkFilters<F>>): string;
  /** The filters of a page address, typed; absent or malformed ones are undefined. */
  read(search: URLSearchParams | string): Partial<LinkFilters<F>>;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type LinkParams<P extends string> = { [K in ParamNames<P>]: string };
export type LinkFilters<F extends Record<string, LinkFilterKind>> = {
  [K in keyof F]: F[K] extends 'boolean' ? boolean : F[K] extends 'integer' ? number : string;
};

const encode = (kind: LinkFilterKind, v: unknown) => (kind === 'boolean' ? (v ? '1' : '0') : String(v));
function decode(kind: LinkFilterKind, raw: string | null): unknown {
  if (raw === null || raw === '') return undefined;
  if (kind === 'boolean') return raw === '1' ? true : raw === '0' ? false : undefined;
  if (kind === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  return raw;
}

export function defineLink<P extends string, F extends Record<string, LinkFilterKind> = Record<never, never>>(
  pattern: P,
  filters: F = {} as F,
): AppLink<P, F> {
  return {
    pattern,
    filters,
    href(params, values) {
      const path = pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
        const v = (params as Record<string, string> | undefined)?.[name];
        if (!v) throw new Error(`link ${pattern}: parameter ${name} is missing`);
        return encodeURIComponent(v);
      });
      const sp = new URLSearchParams();
      for (const [k, kind] of Object.entries(filters)) {
        const v = (values as Record<string, unknown> | undefined)?.[k];
        if (v !== undefined && v !== null && v !== '') sp.set(k, encode(kind, v));
      }
      const q = sp.toString();
      return q ? `${path}?${q}` : path;
    },
    read(search) {
      const sp = typeof search === 'string' ? new URLSearchParams(search) : search;
      const out: Record<string, unknown> = {};
      for (const [k, kind] of Object.entries(filters)) {
        const v = decode(kind, sp.get(k));
        if (v !== undefined) out[k] = v;
      }
      return out as Partial<LinkFilters<F>>;
    },
  };
}

/** The absolute address of a page, for mails. */
export const absolute = (publicUrl: string, href: string) => `${publicUrl.replace(/\/$/, '')}${href}`;
