import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { type Tx, withContext } from '../../../platform/db/context';

/** Shared set-up of the pathway integration tests: the seeded app, demo ids and persons of their own. */

export const MOUSCRON_REFERENT = 'referent@cpas-mouscron.example';
export const MOUSCRON_ADMIN = 'admin@cpas-mouscron.example';
export const KORTRIJK_REFERENT = 'trajectbegeleider@ocmw-kortrijk.example';

export interface Fixture {
  app: TestApp;
  orgs: { mouscron: string; kortrijk: string };
  users: { mouscronReferent: string; mouscronAdmin: string; kortrijkReferent: string };
  /** mouscronUnassigned has no referent yet: outside the Mouscron referent's caseload. */
  persons: { mouscron: string; mouscron2: string; mouscronUnassigned: string; kortrijk: string };
  /** Runs as the table owner: sees every row whatever the policies (for counting what was written). */
  owner: <T>(fn: (trx: Tx) => Promise<T>) => Promise<T>;
  count: (table: string) => Promise<number>;
  /** A demo programme's id by acronym. */
  programme: (acronym: string) => Promise<string>;
}

let codeSeq = 0;
const code = () => `TEST-PATH-WAYS-${String(++codeSeq).padStart(4, '0')}`;

export async function openFixture(): Promise<Fixture> {
  const app = await createTestApp();
  const db = app.deps.db;
  const owner = <T>(fn: (trx: Tx) => Promise<T>) => db.transaction().execute(fn);
  const orgId = (key: string) =>
    owner(
      async (trx) =>
        (
          await trx
            .selectFrom('organisations')
            .select('id')
            .where('email', '=', `contact@${key}.example`)
            .executeTakeFirstOrThrow()
        ).id,
    );
  const userId = (email: string) =>
    owner(
      async (trx) =>
        (await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id,
    );
  const orgs = { mouscron: await orgId('cpas-mouscron'), kortrijk: await orgId('ocmw-kortrijk') };
  const users = {
    mouscronReferent: await userId(MOUSCRON_REFERENT),
    mouscronAdmin: await userId(MOUSCRON_ADMIN),
    kortrijkReferent: await userId(KORTRIJK_REFERENT),
  };
  const person = (org: string, user: string, first: string, last: string, referent: string | null = user) =>
    withContext(db, { orgId: org, userId: user }, async (trx) => {
      const r = await trx
        .insertInto('persons')
        .values({
          org_id: org,
          first_name: first,
          last_name: last,
          birth_date: '1990-04-12',
          participant_code: code(),
          referent_user_id: referent,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    });
  const persons = {
    mouscron: await person(orgs.mouscron, users.mouscronReferent, 'Inès', 'Testparcours'),
    mouscron2: await person(orgs.mouscron, users.mouscronReferent, 'Marc', 'Deuxièmepersonne'),
    mouscronUnassigned: await person(orgs.mouscron, users.mouscronReferent, 'Nour', 'Sansréférent', null),
    kortrijk: await person(orgs.kortrijk, users.kortrijkReferent, 'Wout', 'Testtraject'),
  };
  const count = (table: string) =>
    owner(
      async (trx) =>
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)).rows[0]!
          .n,
    );
  const programme = (acronym: string) =>
    owner(
      async (trx) =>
        (
          await trx
            .selectFrom('programmes')
            .select('id')
            .where('acronym', '=', acronym)
            .executeTakeFirstOrThrow()
        ).id,
    );
  return { app, orgs, users, persons, owner, count, programme };
}
