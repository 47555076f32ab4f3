import type { sql } from 'kysely';
import type { TestApp } from '../support/app';

/**
 * A request the maps cannot express: `METHOD /path` of a declared endpoint, the URL to send, and for a
 * write whose shaped body would stop at the use case's own validation, a valid body.
 */
export interface Probe {
  endpoint: string;
  url: string;
  body?: unknown;
}

/** The id a query returns first, or nothing (a record the demo lacks is reported by the matrix). */
export const first = async (db: TestApp['db']['engine']['db'], q: ReturnType<typeof sql<{ id: string }>>) => {
  try {
    return (await q.execute(db)).rows[0]?.id;
  } catch {
    return undefined;
  }
};
