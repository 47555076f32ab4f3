import type { LogEvent } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pageQueries } from '../bench/suite/floors';

const query = (sql: string, parameters: unknown[] = []) =>
  ({
    level: 'query',
    query: { sql, parameters, query: {} },
    queryDurationMillis: 1,
  }) as unknown as LogEvent;

describe('the SQL floor of a page', () => {
  it('replays a read that audits itself without the audit write, and leaves the framework out', () => {
    const q = pageQueries([
      query('select * from app.session_actor($1)', ['x']),
      query("/* with begin */ select app.begin_request(E'{}')"),
      query(
        `select "p".*, audit.person_read(array[p.id], $1::text, '{}'::jsonb) as "audited" from "persons" as "p" where "p"."id" = $2`,
        ['record', 'id'],
      ),
      query('select audit.person_read($1::uuid[], $2, $3::jsonb)', [[], 'x', '{}']),
      query('insert into t values ($1)', [1]),
    ]);
    expect(q).toEqual([
      {
        sql: `select "p".*, pg_catalog.num_nulls(array[p.id], $1::text, '{}'::jsonb) as "audited" from "persons" as "p" where "p"."id" = $2`,
        parameters: ['record', 'id'],
      },
    ]);
  });
});
