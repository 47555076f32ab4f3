import { sql } from 'kysely';
import { seedProgrammes } from '../modules/network/programmes/demo';
import { seedDemoServices } from '../modules/network/services/demo';
import { seedDemoTerritories } from '../modules/network/territories/demo';
import { seedDemoPersons } from '../modules/people/demo';
import { seedDemoPathways } from '../modules/people/pathways/demo';
import { seedDemoReferrals } from '../modules/people/referrals/demo';
import { seedAgreements } from '../modules/placements/agreements/demo';
import { seedPlacements } from '../modules/placements/demo';
import { seedFollowUp } from '../modules/placements/followup/demo';
import { hashPassword } from '../platform/auth/passwords';
import { type Tx, withContext } from '../platform/db/context';
import type { Engine } from '../platform/db/engine';
import type { Secrets } from '../platform/secrets';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { DEMO_ORGANISATIONS } from './organisations';

/** Organisation ids by demo key, handed to each module's demo seeder. */
export type DemoOrgIds = Record<string, string>;

/** The running instance's secrets a seeder may need (participant codes are keyed with the network secret). */
export type DemoSecrets = Pick<Secrets, 'networkSecret'>;

/** Module seeders run in order after organisations and accounts, in the same transaction. */
export type DemoSeeder = (
  trx: Tx,
  orgs: DemoOrgIds,
  users: Record<string, string>,
  secrets: DemoSecrets,
) => Promise<void>;
const moduleSeeders: DemoSeeder[] = [
  seedDemoTerritories,
  seedDemoServices,
  seedProgrammes,
  seedDemoPersons,
  seedDemoPathways,
  seedDemoReferrals,
  seedPlacements,
  seedAgreements,
  seedFollowUp,
];

export async function isEmpty(engine: Engine): Promise<boolean> {
  const r = await withContext(engine.db, { scope: 'system' }, (trx) =>
    sql<{ n: number }>`select count(*)::int as n from organisations`.execute(trx),
  );
  return (r.rows[0]?.n ?? 0) === 0;
}

/** Seeds the demo network through the application role, so every row passes RLS and is audited. */
export async function seedDemo(engine: Engine, secrets: DemoSecrets): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withContext(engine.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
    const orgs: DemoOrgIds = {};
    for (const o of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto('organisations')
        .values({
          kind: o.kind,
          country: o.country,
          region: o.region,
          name_fr: o.nameFr,
          name_nl: o.nameNl,
          short_name: o.shortName ?? null,
          service_languages: o.languages,
          municipality_code: o.municipalityCode,
          postal_code: o.postalCode ?? null,
          email: `contact@${o.key}.example`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgs[o.key] = row.id;
    }
    const users: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      const row = await trx
        .insertInto('users')
        .values({
          email: a.email,
          display_name: a.displayName,
          locale: a.language,
          platform_admin: a.platformAdmin ?? false,
          password_hash: passwordHash,
          password_changed_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users[a.key] = row.id;
      for (const m of a.memberships)
        await trx
          .insertInto('memberships')
          .values({ org_id: orgs[m.org]!, user_id: row.id, roles: m.roles })
          .execute();
    }
    for (const seed of moduleSeeders) await seed(trx, orgs, users, secrets);
  });
}

/** Empties every table of the platform (as the owner) so the demo can be seeded again. */
export async function wipeAll(engine: Engine): Promise<void> {
  const r = await sql<{ t: string }>`select format('%I.%I', schemaname, tablename) as t from pg_tables
    where schemaname in ('public', 'audit') and tablename <> 'schema_migrations'`.execute(engine.db);
  if (r.rows.length)
    await engine.execScript(`truncate ${r.rows.map((x) => x.t).join(', ')} restart identity cascade`);
}
