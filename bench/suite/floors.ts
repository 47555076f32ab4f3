// The floors an HTTP scenario is compared with: the SQL of its page straight through the driver (no
// framework, no session, no RLS: the owner's connection) and a bare node:http handler that returns the
// endpoint's bytes.
import { createServer, type Server } from 'node:http';
import type { LogEvent } from 'kysely';
import type { Engine } from '../../src/server/platform/db/engine';
import { measure, type Stats } from '../stats';

// The framework's statements around every request: context set-up, session and actor look-ups, audit.
const FRAMEWORK = /begin_request|session_actor|set_config|audit\./;

/**
 * The main statement an endpoint ran: of its own SELECTs (framework statements left out), the one that took
 * the longest over the captured requests (several captures smooth out a single slow one).
 */
export function mainQuery(events: LogEvent[]) {
  const time = new Map<string, { ms: number; parameters: unknown[] }>();
  for (const e of events) {
    if (e.level !== 'query' || !/^\s*(with|select)/i.test(e.query.sql)) continue;
    const sql = withoutInlineAudit(e.query.sql);
    if (FRAMEWORK.test(sql)) continue;
    const t = time.get(sql) ?? { ms: 0, parameters: [...e.query.parameters] };
    t.ms += e.queryDurationMillis;
    time.set(sql, t);
  }
  const [sql, t] = [...time.entries()].sort((a, b) => b[1].ms - a[1].ms)[0] ?? [];
  return sql && t ? { sql, parameters: t.parameters } : null;
}

/** Every statement of one request, in order, shortened (kept in the JSON to see what the endpoint does). */
export const statementList = (events: LogEvent[]) =>
  events
    .filter((e) => e.level === 'query')
    .map((e) => ({
      ms: Math.round(e.queryDurationMillis * 10) / 10,
      sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 160),
    }));

/** How many statements one request ran (kept in the JSON: a floor of one statement flatters a chatty endpoint). */
export const statementCount = (events: LogEvent[]) => events.filter((e) => e.level === 'query').length;

export interface Query {
  sql: string;
  parameters: unknown[];
}

/**
 * The page's own statements of one request, in order: its reads (SELECT/WITH), the framework's statements
 * left out (context, session, audit). Writes are left out too: replayed thousands of times they would not
 * cost what they cost once (unique keys, growing tables).
 */
export const pageQueries = (events: LogEvent[]): Query[] =>
  events
    .filter((e) => e.level === 'query' && /^\s*(with|select)/i.test(e.query.sql))
    .map((e) => ({ sql: withoutInlineAudit(e.query.sql), parameters: [...e.query.parameters] }))
    .filter((q) => !FRAMEWORK.test(q.sql));

/**
 * A page read that audits itself in its select list (`audit.person_read(...)` per row returned) is replayed
 * without the audit write: the call becomes `num_nulls(...)`, which takes the same arguments and writes
 * nothing, so the floor is the read alone.
 */
export const withoutInlineAudit = (sql: string) =>
  /^\s*select\s+audit\./i.test(sql) ? sql : sql.replace(/\baudit\.person_read\(/g, 'pg_catalog.num_nulls(');

/**
 * The statements the owner can replay without the request context: one that fails without it (a definer
 * function that asks for a signed-in user) is left out, so the floor never measures errors.
 */
export async function replayable(engine: Engine, queries: Query[]): Promise<Query[]> {
  const out: Query[] = [];
  for (const q of queries) {
    try {
      await engine.rawQuery(q.sql, q.parameters);
      out.push(q);
    } catch {
      // left out of the floor (counted in the report's JSON through floorStatements)
    }
  }
  return out;
}

/** The page floor: every statement of the page in sequence, as one "request" of the floor. */
export function sqlFloor(engine: Engine, queries: Query[]) {
  return (concurrency: number, seconds: number): Promise<Stats> =>
    measure(
      async () => {
        for (const q of queries) await engine.rawQuery(q.sql, q.parameters);
      },
      concurrency,
      seconds,
    );
}

/** A bare HTTP server answering every request with the same bytes; `close` stops it. */
export async function bareServer(body: Buffer, contentType: string) {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
