import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, ownerSession, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { encryptField } from '../crypto';
import { withContext } from '../db/context';
import { fieldCipher, type KeyRow } from './field-cipher';
import { sealPending } from './rotation';

const available = await engineAvailable();

/** ADR 0031: the sealed columns hold no clear text, and an organisation reaches only its own keys. */
describe.skipIf(!available)('field-level encryption with per-organisation keys', () => {
  let t: TestApp;
  let mouscron: Client;
  let orgs: Record<string, string>;
  let mouscronReferent: string;
  const owner = () => t.db.engine.db;
  const session = () => ownerSession(t);
  const asOrg = <T>(org: string, user: string, fn: Parameters<typeof withContext<T>>[2]) =>
    withContext(t.deps.db, { orgId: org, userId: user }, fn);

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
    const rows = await owner().selectFrom('organisations').select(['id', 'email']).execute();
    orgs = Object.fromEntries(rows.map((r) => [r.email!.replace(/^contact@|\.example$/g, ''), r.id]));
    mouscronReferent = (
      await owner()
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'referent@cpas-mouscron.example')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());

  it('stores the national identifier sealed with the organisation key and a blind index, never in clear', async () => {
    const r = await mouscron.post('/api/people', {
      firstName: 'Ysaline',
      lastName: 'Chiffrée',
      birthDate: '1985-07-30',
      nationalId: '85.07.30-033.28',
    });
    expect(r.statusCode).toBe(201);
    const stored = await sql<{ national_id_enc: string; national_id_bidx: string }>`
      select national_id_enc, national_id_bidx from persons where id = ${r.json().person.id}`.execute(
      owner(),
    );
    const row = stored.rows[0]!;
    expect(row.national_id_enc).toMatch(/^v2\.1\./);
    expect(row.national_id_enc).not.toContain('85073003328');
    expect(row.national_id_bidx).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The same identifier under another name is found by the blind index at creation.
    const again = await mouscron.post('/api/people', {
      firstName: 'Autre',
      lastName: 'Nom',
      birthDate: '1970-01-01',
      nationalId: '85073003328',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: r.json().person.id, reason: 'same_national_id' }),
      ]),
    );
    // No sealed column of the demo or of this test holds anything but v2 values.
    for (const [table, column] of [
      ['persons', 'national_id_enc'],
      ['accompaniment_clinical_notes', 'body_enc'],
    ] as const) {
      const clear = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where ${sql.ref(column)} is not null and ${sql.ref(column)} not like 'v2.%'`.execute(owner());
      expect(clear.rows[0]!.n, `${table}.${column}`).toBe(0);
    }
    // The demo seed wrote its clinical note through the organisation key.
    const notes = await sql<{ n: number }>`select count(*)::int as n from accompaniment_clinical_notes
      where body_enc like 'v2.%'`.execute(owner());
    expect(notes.rows[0]!.n).toBeGreaterThan(0);
  });

  it('gives an organisation its own keys only, and its key does not open another organisation’s value', async () => {
    const mouscronOrg = orgs['cpas-mouscron']!;
    const kortrijkOrg = orgs['ocmw-kortrijk']!;
    const kortrijkUser = (
      await owner()
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'trajectbegeleider@ocmw-kortrijk.example')
        .executeTakeFirstOrThrow()
    ).id;
    const sealed = await asOrg(mouscronOrg, mouscronReferent, async (trx) =>
      (await fieldCipher(trx, t.deps.secrets)).seal('persons.national_id', '85073003328'),
    );
    const seen = await asOrg(kortrijkOrg, kortrijkUser, async (trx) => {
      const cipher = await fieldCipher(trx, t.deps.secrets);
      const keys = (await sql<KeyRow>`select * from app.org_keys()`.execute(trx)).rows;
      let opened: string | null = null;
      try {
        opened = cipher.open('persons.national_id', sealed);
      } catch {
        opened = null;
      }
      return { orgsSeen: [...new Set(keys.map((k) => k.org_id))], opened };
    });
    expect(seen.orgsSeen).toEqual([kortrijkOrg]);
    expect(seen.opened).toBeNull();
    // The table itself is out of the application role's reach (no grant; no policy either).
    const direct = asOrg(kortrijkOrg, kortrijkUser, (trx) => sql`select * from app.org_keys`.execute(trx));
    const outcome = await direct.then(
      (r) => `${r.rows.length} rows`,
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(/permission denied|^0 rows$/);
    // Without an organisation in the context, no key at all.
    const none = await withContext(t.deps.db, { scope: 'system' }, async (trx) =>
      sql`select * from app.org_keys()`.execute(trx),
    );
    expect(none.rows).toEqual([]);
  });

  it('moves platform-key values to the organisation key, and refuses a tampered value', async () => {
    const mouscronOrg = orgs['cpas-mouscron']!;
    const [p] = await sql<{ id: string }>`select id from persons where org_id = ${mouscronOrg}
      and national_id_enc is null limit 1`
      .execute(owner())
      .then((r) => r.rows);
    // A value written before this migration: the platform key, no blind index.
    const old = encryptField('85073003328', t.deps.secrets.secretKey);
    await sql`update persons set national_id_enc = ${old} where id = ${p!.id}`.execute(owner());
    const report = await sealPending(session(), t.deps.secrets);
    expect(report.resealed['persons.national_id_enc']).toBe(1);
    const row = (
      await sql<{
        national_id_enc: string;
        national_id_bidx: string;
      }>`select national_id_enc, national_id_bidx
        from persons where id = ${p!.id}`.execute(owner())
    ).rows[0]!;
    expect(row.national_id_enc).toMatch(/^v2\./);
    expect(row.national_id_bidx).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = await asOrg(mouscronOrg, mouscronReferent, async (trx) =>
      (await fieldCipher(trx, t.deps.secrets)).open('persons.national_id', row.national_id_enc),
    );
    expect(opened).toBe('85073003328');
    // GCM: one changed character of the ciphertext, the tag or the nonce, and nothing opens.
    const parts = row.national_id_enc.split('.');
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      const s = bad[i]!;
      bad[i] = `${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
      await expect(
        asOrg(mouscronOrg, mouscronReferent, async (trx) =>
          (await fieldCipher(trx, t.deps.secrets)).open('persons.national_id', bad.join('.')),
        ),
      ).rejects.toThrow();
    }
    // A sealed national identifier moved into a clinical note does not open as one.
    await expect(
      asOrg(mouscronOrg, mouscronReferent, async (trx) =>
        (await fieldCipher(trx, t.deps.secrets)).open(
          'accompaniment_clinical_notes.body',
          row.national_id_enc,
        ),
      ),
    ).rejects.toThrow();
  });

  it('refuses clear text in a sealed column', async () => {
    await expect(
      sql`update persons set national_id_enc = '85073003328' where org_id = ${orgs['cpas-mouscron']!}`.execute(
        owner(),
      ),
    ).rejects.toThrow(/persons_national_id_sealed/);
  });
});
