import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { hashPassword } from './auth/passwords';
import { withContext } from './db/context';
import { EXPORT_TTL_MS, purgeExpiredExports, storeExport } from './exports';

/**
 * Stored exports (issue 16, ADR 0033) on both engines: encrypted at rest, downloaded only by their owner in
 * their organisation while valid, each creation and download audited, purged once expired.
 */
const PASSWORD = 'Exports-Fictive-2026';
type Member = { userId: string; orgId: string };
let t: TestApp;
const m: Record<string, Member> = {};
const db = () => t.db.engine.db;
const SECRET_TEXT = 'Code participant;Nom\r\nAB12-CD34-EF56-GH78;Fictive Export\r\n';

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const hash = await hashPassword(PASSWORD);
  await withContext(db(), { platformAdmin: true, scope: 'system' }, async (trx) => {
    for (const key of ['a', 'b']) {
      const org = await trx
        .insertInto('organisations')
        .values({
          kind: 'cpas',
          country: 'BE',
          region: 'BE-WAL',
          name_fr: `CPAS export ${key}`,
          name_nl: `OCMW export ${key}`,
          service_languages: ['fr'],
          municipality_code: null,
          email: `contact@export-${key}.example`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const n of ['1', '2']) {
        const user = await trx
          .insertInto('users')
          .values({
            email: `u${n}@export-${key}.example`,
            display_name: `u${n} ${key}`,
            locale: 'fr',
            platform_admin: false,
            password_hash: hash,
            password_changed_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('memberships')
          .values({ org_id: org.id, user_id: user.id, roles: ['coordinator'] })
          .execute();
        m[`${key}${n}`] = { userId: user.id, orgId: org.id };
      }
    }
  });
});
afterAll(async () => t?.close());

const store = (owner: Member, now?: Date) =>
  withContext(db(), { userId: owner.userId, orgId: owner.orgId }, (trx) =>
    storeExport(
      trx,
      t.deps.secrets,
      owner,
      {
        kind: 'placements.overview',
        filename: 'export-fictif.csv',
        contentType: 'text/csv',
        body: SECRET_TEXT,
      },
      now,
    ),
  );

describe('stored exports', () => {
  it('are encrypted at rest and their creation is audited without the file', async () => {
    const { id, expiresAt } = await store(m.a1!);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(EXPORT_TTL_MS - 60_000);
    const row = await sql<{ body_enc: string }>`select body_enc from exports where id = ${id}::uuid`.execute(
      db(),
    );
    expect(row.rows[0]!.body_enc.startsWith('v1.')).toBe(true);
    expect(row.rows[0]!.body_enc).not.toContain('AB12');
    const created = await sql<{ detail: string }>`select coalesce(after::text, '') as detail from audit.log
      where entity = 'exports' and entity_id = ${id} and action = 'create'`.execute(db());
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]!.detail).toContain('placements.overview');
    expect(created.rows[0]!.detail).not.toContain('body_enc');
  });

  it('are downloaded by their owner only, each download audited', async () => {
    const { id } = await store(m.a1!);
    const owner = await t.login('u1@export-a.example', PASSWORD);
    const r = await owner.get(`/api/exports/${id}`);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.toString('utf8')).toBe(SECRET_TEXT);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="export-fictif.csv"/);
    expect(r.headers['cache-control']).toBe('private, no-store');
    await owner.get(`/api/exports/${id}`);
    const downloads = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity = 'exports' and entity_id = ${id} and action = 'export'`.execute(db());
    expect(downloads.rows[0]!.n).toBe(2);

    for (const email of ['u2@export-a.example', 'u1@export-b.example']) {
      const other = await t.login(email, PASSWORD);
      const o = await other.get(`/api/exports/${id}`);
      expect(o.statusCode, email).toBe(404);
      expect(o.rawPayload.toString('utf8')).not.toContain('AB12');
    }
    expect((await t.anonymous.get(`/api/exports/${id}`)).statusCode).toBe(401);
  });

  it('expire: the owner is told it is gone, and the purge deletes it (and only expired ones)', async () => {
    const old = await store(m.a1!, new Date(Date.now() - EXPORT_TTL_MS - 1000));
    const fresh = await store(m.a1!);
    const owner = await t.login('u1@export-a.example', PASSWORD);
    const r = await owner.get(`/api/exports/${old.id}`);
    expect(r.statusCode).toBe(410);
    expect(r.json().error.code).toBe('errors.export_expired');
    expect(await purgeExpiredExports(t.deps)).toBeGreaterThanOrEqual(1);
    const left = await sql<{ id: string }>`select id from exports`.execute(db());
    const ids = left.rows.map((x) => x.id);
    expect(ids).not.toContain(old.id);
    expect(ids).toContain(fresh.id);
    expect((await owner.get(`/api/exports/${fresh.id}`)).statusCode).toBe(200);
  });

  it('row-level security: no other user reads, writes or deletes them; the owner cannot delete a valid one', async () => {
    const { id } = await store(m.a1!);
    for (const who of [m.a2!, m.b1!])
      await withContext(db(), { userId: who.userId, orgId: who.orgId }, async (trx) => {
        expect(await trx.selectFrom('exports').select('id').where('id', '=', id).execute()).toEqual([]);
      });
    // Nobody stores a file for someone else, nor in another organisation.
    for (const [as, row] of [
      [m.a2!, { org_id: m.a1!.orgId, owner_user_id: m.a1!.userId }],
      [m.b1!, { org_id: m.a1!.orgId, owner_user_id: m.b1!.userId }],
    ] as const)
      await expect(
        withContext(db(), { userId: as.userId, orgId: as.orgId }, (trx) =>
          trx
            .insertInto('exports')
            .values({
              ...row,
              kind: 'placements.overview',
              filename: 'x.csv',
              content_type: 'text/csv',
              body_enc: 'v1.x.y.z',
              size_bytes: 1,
              expires_at: new Date(Date.now() + 3600_000),
            })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
    const del = await withContext(db(), { userId: m.a1!.userId, orgId: m.a1!.orgId }, (trx) =>
      sql`delete from exports where id = ${id}::uuid`.execute(trx),
    );
    expect(Number(del.numAffectedRows ?? 0)).toBe(0);
    // Nor change one (no update right at all).
    await expect(
      withContext(db(), { userId: m.a1!.userId, orgId: m.a1!.orgId }, (trx) =>
        sql`update exports set expires_at = now() + interval '6 days' where id = ${id}::uuid`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
