import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { DirectoryPage } from '../../../../common/network/service-schemas';
import { withContext } from '../../../platform/db/context';

const available = await engineAvailable();

const SIGNATURE =
  'app.directory_search(text, text, text, text, text[], float8[], text, text, text, text, text, boolean, integer, integer)';

/** The columns the public endpoint shows (DirectoryItem) and the page's total: nothing else. */
const PUBLIC_COLUMNS = [
  'id',
  'title_fr',
  'title_nl',
  'description_fr',
  'description_nl',
  'theme',
  'languages',
  'cross_border_access',
  'country',
  'municipality_code',
  'municipality_name_fr',
  'municipality_name_nl',
  'org_id',
  'org_name_fr',
  'org_name_nl',
  'org_short_name',
  'total',
];

/**
 * The directory search runs as the owner through app.directory_search (migration 0059), outside the
 * services' row-level security: it must itself keep to published services of active organisations,
 * show only public columns, and be out of the application role's reach to change.
 */
describe.skipIf(!available)('the directory search function', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await withContext(t.deps.db, { platformAdmin: true, scope: 'system' }, async (trx) => {
      const mouscron = (
        await sql<{
          id: string;
        }>`select id from organisations where email = 'contact@cpas-mouscron.example'`.execute(trx)
      ).rows[0]!.id;
      // An organisation that closes: its published service leaves the directory with it.
      const closed = (
        await sql<{ id: string }>`insert into organisations (kind, country, region, name_fr, name_nl, email)
          values ('association', 'BE', 'BE-WAL', 'Atelier Fictif-Lemaire', 'Atelier Fictief-Lemaire',
            'contact@atelier-fictif.example') returning id`.execute(trx)
      ).rows[0]!.id;
      const add = async (name: string, org: string, published: boolean) => {
        ids[name] = (
          await sql<{ id: string }>`insert into services (org_id, title_fr, title_nl, description_fr, theme,
              languages, municipality_code, cross_border_access, published, email, phone, street)
            values (${org}, ${`Atelier zorblaxe ${name}`}, ${`Zorblaxe werkplaats ${name}`},
              'Un atelier zorblaxe fictif.', 'legal_rights', '{fr,nl}', null, 'open_to_all', ${published},
              ${`${name}@zorblaxe.example`}, '+32 56 00 00 00', 'Rue Fictive 1')
            returning id`.execute(trx)
        ).rows[0]!.id;
      };
      await add('published', mouscron, true);
      await add('draft', mouscron, false);
      await add('closedorg', closed, true);
      await add('closeddraft', closed, false);
      await sql`update organisations set status = 'closed', closed_on = current_date where id = ${closed}`.execute(
        trx,
      );
    });
  });
  afterAll(async () => t?.close());

  const found = async (client: TestApp['anonymous'], q: string) => {
    const r = await client.get(`/api/directory/services?q=${encodeURIComponent(q)}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as DirectoryPage).items.map((i) => i.id);
  };

  it('finds only published services of active organisations, for anyone, by words or by close spelling', async () => {
    const mouscron = await t.login('admin@cpas-mouscron.example');
    const kortrijk = await t.login('trajectbegeleider@ocmw-kortrijk.example');
    // Full-text (French, Dutch), then the fallback on titles: a misspelt word, the start of a word.
    for (const q of ['zorblaxe', 'zorblaxe werkplaats', 'zorblaxr', 'zorbla'])
      for (const client of [t.anonymous, mouscron, kortrijk])
        expect(await found(client, q), q).toEqual([ids.published]);
  });

  it('returns exactly the public columns, never a draft, whatever the request context', async () => {
    const contexts = [
      { scope: 'public' as const },
      { platformAdmin: true, scope: 'system' as const },
      { scope: 'system' as const },
    ];
    for (const ctx of contexts) {
      const r = await withContext(t.deps.db, ctx, (trx) =>
        sql<Record<string, unknown>>`select * from app.directory_search('zorblaxe', 'zorblaxe', 'zor:*',
          '%zorblaxe%', '{}', '{}', null, null, null, null, null, false, 100, 0)`.execute(trx),
      );
      expect(r.rows.map((x) => x.id)).toEqual([ids.published]);
      expect(Object.keys(r.rows[0]!).sort()).toEqual([...PUBLIC_COLUMNS].sort());
    }
    const declared = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
      sql<{ name: string }>`select a.name from pg_proc p,
          unnest(p.proargnames, p.proargmodes::text[]) as a (name, mode)
        where p.oid = ${SIGNATURE}::regprocedure and a.mode = 't'`.execute(trx),
    );
    expect(declared.rows.map((x) => x.name).sort()).toEqual([...PUBLIC_COLUMNS].sort());
  });

  it('runs as its owner with a fixed search path, callable by the application role only', async () => {
    const r = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
      sql<{ definer: boolean; config: string[]; app: boolean; public_acl: number }>`
        select p.prosecdef as definer, p.proconfig as config,
          has_function_privilege('samen_app', p.oid, 'execute') as app,
          (select count(*)::int from aclexplode(p.proacl) a where a.grantee = 0) as public_acl
        from pg_proc p where p.oid = ${SIGNATURE}::regprocedure`.execute(trx),
    );
    expect(r.rows[0]).toMatchObject({ definer: true, app: true, public_acl: 0 });
    expect(r.rows[0]!.config).toContain('search_path=pg_catalog, public');
  });

  it('cannot be replaced, altered, dropped or granted by the application role', async () => {
    const attempts = [
      sql`create or replace function app.directory_search(p_words text, p_folded text, p_prefixes text,
          p_like text, p_theme_codes text[], p_theme_scores float8[], p_theme text, p_language text,
          p_country text, p_municipality text, p_access text, p_sort_nl boolean, p_limit integer,
          p_offset integer)
        returns table (id uuid) language sql as $$ select id from services $$`,
      sql.raw(`alter function ${SIGNATURE} security invoker`),
      sql.raw(`alter function ${SIGNATURE} reset all`),
      sql.raw(`drop function ${SIGNATURE}`),
      sql.raw(`create function app.directory_search_probe() returns int language sql as $$ select 1 $$`),
    ];
    for (const attempt of attempts)
      await expect(
        withContext(t.deps.db, { scope: 'public' }, (trx) => attempt.execute(trx)),
        attempt.compile(t.deps.db).sql,
      ).rejects.toThrow(/must be owner|permission denied/);
    // A grant without the grant option changes nothing (PostgreSQL only warns).
    await withContext(t.deps.db, { scope: 'public' }, (trx) =>
      sql.raw(`grant execute on function ${SIGNATURE} to public`).execute(trx),
    ).catch(() => undefined);
    const r = await withContext(t.deps.db, { scope: 'public' }, (trx) =>
      sql<{ definer: boolean; public_acl: number }>`select prosecdef as definer,
          (select count(*)::int from aclexplode(proacl) a where a.grantee = 0) as public_acl
        from pg_proc where oid = ${SIGNATURE}::regprocedure`.execute(trx),
    );
    expect(r.rows[0]).toEqual({ definer: true, public_acl: 0 });
  });
});
