import { sql } from 'kysely';
import { demoSeeders, SERVER_MODULES } from '../modules';
import { hashPassword } from '../platform/auth/passwords';
import { type Tx, withContext } from '../platform/db/context';
import type { Engine } from '../platform/db/engine';
import type { DemoOrgIds, DemoSecrets } from '../platform/demo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { DEMO_ORGANISATIONS } from './organisations';

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
          street: o.street ?? null,
          business_id_type: o.businessId ? (o.country === 'FR' ? 'siret' : 'kbo') : null,
          business_id: o.businessId ?? null,
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
    for (const { seed } of demoSeeders()) await seed(trx, orgs, users, secrets, SERVER_MODULES);
  });
}

/**
 * Tables that hold only what the migrations wrote (the levels of the territory tree): kept by a wipe. The
 * reference rows of the other tables (the territory tree and groups, the observatory's official data
 * elements) are written again by their modules' seeders.
 */
const MIGRATION_ONLY_TABLES = ['schema_migrations', 'territory_levels'];

/** Empties every table of the platform (as the owner) so the demo can be seeded again. */
export async function wipeAll(engine: Engine): Promise<void> {
  const r = await sql<{ t: string }>`select format('%I.%I', schemaname, tablename) as t from pg_tables
    where schemaname in ('public', 'audit') and tablename <> all (${sql.val(MIGRATION_ONLY_TABLES)}::text[])`.execute(
    engine.db,
  );
  if (r.rows.length)
    await engine.execScript(`truncate ${r.rows.map((x) => x.t).join(', ')} restart identity cascade`);
}
