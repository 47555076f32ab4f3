import { type Kysely, sql } from 'kysely';
import type { Database } from './db/database';

type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Counted) => void;

/**
 * A store for @fastify/rate-limit whose counters live in PostgreSQL (app.rate_limits, migration 0062), so
 * every process serving the same database counts the same requests: a limit of 10 a minute stays 10 with
 * two processes, not 20. Fixed window, one statement per counted request, outside any request transaction
 * (it runs before the route's own work). PGlite is one process and keeps the plugin's memory store.
 * The statement runs as the login role, which inherits samen_app's right to call app.rate_limit_hit (the
 * README's `grant samen_app to …` does); the function alone touches the table. ADR 0029.
 */
export function sharedRateLimitStore(db: Kysely<Database>) {
  return class SharedRateLimitStore {
    /** The plugin constructs the store with its global options (unused) and derives one per route. */
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      sql<{ hits: number; ttl_ms: number }>`select hits, ttl_ms
        from app.rate_limit_hit(${this.prefix + key}, ${Math.max(1, Math.round(timeWindow))}::integer)`
        .execute(db)
        .then(
          (r) => cb(null, { current: r.rows[0]?.hits ?? 1, ttl: r.rows[0]?.ttl_ms ?? timeWindow }),
          (e: Error) => cb(e),
        );
    }

    /**
     * One counter per route, as the plugin's own stores do. The plugin passes its merged route settings,
     * whose `routeInfo` names the route (its types say RouteOptions).
     */
    child(routeOptions: object) {
      const info =
        (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new SharedRateLimitStore(undefined, `${this.prefix}${info.method ?? ''}${info.url ?? ''}-`);
    }
  };
}
