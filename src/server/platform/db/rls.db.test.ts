import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, engineAvailable, type TestEngine } from '../../../../test/support/engine';
import { withContext } from './context';

const available = await engineAvailable();

/**
 * Conformance of the tenancy rules themselves, on both engines: these hold for every tenant table that
 * follows the pattern of migration 0001 (org_id = app.current_org_id(), FORCE ROW LEVEL SECURITY).
 */
describe.skipIf(!available)('row-level security under the application role', () => {
  let t: TestEngine;
  let orgA: string;
  let orgB: string;
  let userA: string;
  let userB: string;

  beforeAll(async () => {
    t = await createTestEngine();
    await withContext(t.engine.db, { platformAdmin: true }, async (trx) => {
      const mk = (name: string) =>
        trx
          .insertInto('organisations')
          .values({ kind: 'cpas', country: 'BE', region: 'BE-WAL', name_fr: name, name_nl: name })
          .returning('id')
          .executeTakeFirstOrThrow();
      orgA = (await mk('Org A')).id;
      orgB = (await mk('Org B')).id;
      const u = (email: string) =>
        trx
          .insertInto('users')
          .values({ email, display_name: email })
          .returning('id')
          .executeTakeFirstOrThrow();
      userA = (await u('a@x.example')).id;
      userB = (await u('b@x.example')).id;
      await trx
        .insertInto('memberships')
        .values({ org_id: orgA, user_id: userA, roles: ['org_admin'] })
        .execute();
      await trx
        .insertInto('memberships')
        .values({ org_id: orgB, user_id: userB, roles: ['org_admin'] })
        .execute();
    });
  });
  afterAll(async () => t?.drop());

  const asA = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.engine.db, { userId: userA, orgId: orgA }, fn);

  it('runs as a role that is neither superuser nor exempt from RLS', async () => {
    const r = await asA((trx) =>
      sql<{
        r: string;
        su: boolean;
        bypass: boolean;
      }>`select current_user as r, rolsuper as su, rolbypassrls as bypass
        from pg_roles where rolname = current_user`.execute(trx),
    );
    expect(r.rows[0]).toEqual({ r: 'samen_app', su: false, bypass: false });
  });

  it('shows another organisation no memberships of the first', async () => {
    const rows = await asA((trx) => trx.selectFrom('memberships').select('org_id').execute());
    expect(rows.map((r) => r.org_id)).toEqual([orgA]);
  });

  it('refuses to insert a row owned by another organisation', async () => {
    await expect(
      asA((trx) =>
        trx
          .insertInto('memberships')
          .values({ org_id: orgB, user_id: userA, roles: ['referent'] })
          .execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('changes nothing when updating or deleting another organisation rows', async () => {
    const upd = await asA((trx) =>
      trx
        .updateTable('memberships')
        .set({ roles: ['analyst'] })
        .where('org_id', '=', orgB)
        .executeTakeFirst(),
    );
    expect(Number(upd.numUpdatedRows)).toBe(0);
    const del = await asA((trx) =>
      trx.deleteFrom('memberships').where('org_id', '=', orgB).executeTakeFirst(),
    );
    expect(Number(del.numDeletedRows)).toBe(0);
    const orgUpd = await asA((trx) =>
      trx.updateTable('organisations').set({ name_fr: 'hijacked' }).where('id', '=', orgB).executeTakeFirst(),
    );
    expect(Number(orgUpd.numUpdatedRows)).toBe(0);
  });

  it('fails closed: without a context no tenant row is visible', async () => {
    const rows = await withContext(t.engine.db, {}, async (trx) => ({
      memberships: await trx.selectFrom('memberships').selectAll().execute(),
      users: await trx.selectFrom('users').select('id').execute(),
      audit: await trx.selectFrom('audit.log').selectAll().execute(),
      mail: await trx.selectFrom('mail_outbox').selectAll().execute(),
    }));
    expect(rows).toEqual({ memberships: [], users: [], audit: [], mail: [] });
  });

  it('lets a user see only the users of their own organisation', async () => {
    const rows = await asA((trx) => trx.selectFrom('users').select('id').execute());
    expect(rows.map((r) => r.id)).toEqual([userA]);
  });

  it('keeps the audit log append-only and per organisation', async () => {
    await expect(asA((trx) => sql`update audit.log set action = 'x'`.execute(trx))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(asA((trx) => sql`delete from audit.log`.execute(trx))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(
      asA((trx) =>
        sql`insert into audit.log (chain, seq, action, entity, hash) values ('x', 1, 'create', 'x', '\\x00')`.execute(
          trx,
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const orgs = await asA((trx) => trx.selectFrom('audit.log').select('org_id').distinct().execute());
    expect(orgs.map((r) => r.org_id)).toEqual([orgA]);
  });

  it('records who changed what, with the changed fields only', async () => {
    await asA((trx) =>
      trx.updateTable('organisations').set({ phone: '+32 56 00 00 00' }).where('id', '=', orgA).execute(),
    );
    const last = await asA((trx) =>
      trx
        .selectFrom('audit.log')
        .select(['action', 'entity', 'actor_user_id', 'before', 'after'])
        .where('entity', '=', 'organisations')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow(),
    );
    expect(last).toEqual({
      action: 'update',
      entity: 'organisations',
      actor_user_id: userA,
      before: { phone: null },
      after: { phone: '+32 56 00 00 00' },
    });
  });
});
