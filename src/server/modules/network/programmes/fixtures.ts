import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import type { Clock } from '../../../../common/kernel/clock';
import { type Tx, withContext } from '../../../platform/db/context';

/** Shared set-up of the programme integration tests: the seeded app and the demo organisations' ids. */

export const COORDINATOR = 'coordination@udccas-nord.example';
export const REFERENT = 'referent@cpas-mouscron.example';
export const ADMIN = 'admin@samen.example';

const ORGS = {
  udccas: 'UDCCAS 59',
  mouscron: 'CPAS Mouscron',
  binche: 'CPAS Binche',
  charleroi: 'CPAS Charleroi',
  kortrijk: 'OCMW Kortrijk',
  roubaix: 'CCAS Roubaix',
  lille: 'CCAS Lille',
};

export interface Fixture {
  app: TestApp;
  orgs: Record<string, string>;
  /** Runs as a platform admin under the application role (reads everything, audited writes). */
  asAdmin: <T>(fn: (trx: Tx) => Promise<T>) => Promise<T>;
  programmeCount: () => Promise<number>;
}

export async function openFixture(opts: { clock?: Clock } = {}): Promise<Fixture> {
  const app = await createTestApp({ clock: opts.clock });
  const asAdmin = <T>(fn: (trx: Tx) => Promise<T>) =>
    withContext(app.deps.db, { platformAdmin: true, scope: 'system' }, fn);
  const orgs: Record<string, string> = {};
  for (const [key, name] of Object.entries(ORGS)) {
    const row = await asAdmin((trx) =>
      trx
        .selectFrom('organisations')
        .select('id')
        .where((eb) => eb.or([eb('short_name', '=', name), eb('name_nl', '=', name)]))
        .executeTakeFirstOrThrow(),
    );
    orgs[key] = row.id;
  }
  const programmeCount = () =>
    asAdmin(
      async (trx) =>
        (await sql<{ n: number }>`select count(*)::int as n from programmes`.execute(trx)).rows[0]!.n,
    );
  return { app, orgs, asAdmin, programmeCount };
}
