import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import { migrateWith } from '../boot';
import { decryptField, encryptField } from '../crypto';
import { withContext } from '../db/context';
import { describeStartupFailure } from '../startup-failure';
import { masterKeyId } from './envelope';
import { fieldCipher, forgetUnwrappedKeys, MasterKeyError } from './field-cipher';
import { checkMasterKey, rotateKeys } from './rotation';

const available = await engineAvailable();

/** `npm run keys:rotate` on a seeded database, with reads through the application between its batches. */
describe.skipIf(!available)('key rotation', () => {
  let t: TestApp;
  let mouscron: Client;
  let personIds: string[];
  const owner = () => t.db.engine.db;
  const versions = async () =>
    (
      await sql<{ org_id: string; version: number; master_id: string }>`select org_id, version, master_id
        from app.org_keys where purpose = 'data' order by org_id, version`.execute(owner())
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    mouscron = await t.login('referent@cpas-mouscron.example');
    personIds = [];
    for (const [i, nationalId] of ['85.07.30-033.28', '90.02.01-001.30', '85.07.30-033.28'].entries()) {
      const r = await mouscron.post('/api/people', {
        firstName: `Rotation${i}`,
        lastName: 'Essai',
        birthDate: nationalId.startsWith('90') ? '1990-02-01' : '1985-07-30',
        nationalId,
      });
      expect(r.statusCode, r.body).toBe(201);
      personIds.push(r.json().person.id);
    }
  });
  afterAll(async () => t?.close());

  it('moves every value to a new data key version, serving reads meanwhile, then retires the old one', async () => {
    const before = await versions();
    expect(before.length).toBeGreaterThanOrEqual(2); // Mouscron's and the clinical team's organisation
    const bidxBefore = (
      await sql<{ national_id_bidx: string }>`select national_id_bidx from persons
        where id = any(${personIds}::uuid[]) order by last_name, first_name`.execute(owner())
    ).rows.map((r) => r.national_id_bidx);
    let reads = 0;
    const report = await t.db.engine.exclusive('samen-field-keys', (session) =>
      rotateKeys(
        session,
        t.deps.secrets,
        { orgKeys: true },
        {
          batchSize: 1,
          // Between two batches, old and new versions coexist: the application still reads both.
          onBatch: async () => {
            const id = personIds[reads % personIds.length]!;
            const r = await mouscron.get(`/api/people/${id}`);
            expect(r.statusCode).toBe(200);
            expect(r.json().nationalIdMasked).toMatch(/•328$|•130$/);
            reads++;
          },
        },
      ),
    );
    expect(reads).toBeGreaterThanOrEqual(4);
    expect(report.rotatedOrgs).toBe(before.length);
    expect(report.retiredVersions).toBe(before.length);
    const after = await versions();
    // One version per organisation, the next one; the old key rows are gone.
    expect(after.map((k) => [k.org_id, k.version])).toEqual(before.map((k) => [k.org_id, k.version + 1]));
    for (const [table, column] of [
      ['persons', 'national_id_enc'],
      ['accompaniment_clinical_notes', 'body_enc'],
    ] as const) {
      const stale = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} t
        join app.org_keys k on k.org_id = t.org_id and k.purpose = 'data'
        where ${sql.ref(`t.${column}`)} is not null
          and ${sql.ref(`t.${column}`)} not like 'v2.' || k.version || '.%'`.execute(owner());
      expect(stale.rows[0]!.n, `${table}.${column}`).toBe(0);
    }
    // The blind index is not rotated with the data key: duplicate detection keeps working.
    const bidxAfter = (
      await sql<{ national_id_bidx: string }>`select national_id_bidx from persons
        where id = any(${personIds}::uuid[]) order by last_name, first_name`.execute(owner())
    ).rows.map((r) => r.national_id_bidx);
    expect(bidxAfter).toEqual(bidxBefore);
    const r = await mouscron.get(`/api/people/${personIds[1]}`);
    expect(r.json().nationalIdMasked).toMatch(/•130$/);
    const dup = await mouscron.post('/api/people', {
      firstName: 'Après',
      lastName: 'Rotation',
      birthDate: '1960-05-05',
      nationalId: '90020100130',
    });
    expect(dup.json().duplicates).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: personIds[1], reason: 'same_national_id' })]),
    );
    // A demo clinical note still opens for its team's organisation.
    const note = (
      await sql<{ org_id: string; body_enc: string; written_by: string }>`select org_id, body_enc, written_by
        from accompaniment_clinical_notes limit 1`.execute(owner())
    ).rows[0]!;
    const body = await withContext(t.deps.db, { orgId: note.org_id, userId: note.written_by }, async (trx) =>
      (await fieldCipher(trx, t.deps.secrets)).open('accompaniment_clinical_notes.body', note.body_enc),
    );
    expect(body).toMatch(/fictive/);
  });

  it('moves everything to a new master key, after which the old one alone opens nothing', async () => {
    const old = t.deps.secrets;
    const next = { ...old, secretKey: randomBytes(32), previousSecretKeys: [old.secretKey] };
    // A second factor enrolled under the old master key.
    const user = (
      await sql<{ id: string }>`select id from users where email = 'referent@cpas-mouscron.example'`.execute(
        owner(),
      )
    ).rows[0]!.id;
    await sql`update users set totp_secret_enc = ${encryptField('JBSWY3DPEHPK3PXP', old.secretKey)}
      where id = ${user}`.execute(owner());
    const report = await t.db.engine.exclusive('samen-field-keys', (s) =>
      rotateKeys(s, next, { orgKeys: false }),
    );
    expect(report.rewrapped).toBeGreaterThanOrEqual(4);
    expect(report.resealed['users.totp_secret_enc']).toBe(1);
    const masters = await sql<{ master_id: string }>`select distinct master_id from app.org_keys`.execute(
      owner(),
    );
    expect(masters.rows.map((m) => m.master_id)).toEqual([masterKeyId(next.secretKey)]);
    const totp = (
      await sql<{ totp_secret_enc: string }>`select totp_secret_enc from users where id = ${user}`.execute(
        owner(),
      )
    ).rows[0]!.totp_secret_enc;
    expect(decryptField(totp, next.secretKey)).toBe('JBSWY3DPEHPK3PXP');
    // The new key alone reads every value.
    forgetUnwrappedKeys();
    const alone = { ...old, secretKey: next.secretKey, previousSecretKeys: [] };
    const mouscronOrg = (
      await sql<{ org_id: string }>`select org_id from persons where id = ${personIds[0]}`.execute(owner())
    ).rows[0]!.org_id;
    const enc = (
      await sql<{
        national_id_enc: string;
      }>`select national_id_enc from persons where id = ${personIds[0]}`.execute(owner())
    ).rows[0]!.national_id_enc;
    const opened = await withContext(t.deps.db, { orgId: mouscronOrg, userId: user }, async (trx) =>
      (await fieldCipher(trx, alone)).open('persons.national_id', enc),
    );
    expect(opened).toBe('85073003328');

    // The old master key alone is refused at start, in one line naming the variable.
    forgetUnwrappedKeys();
    await expect(t.db.engine.exclusive('k', (s) => checkMasterKey(s, old))).rejects.toThrow(MasterKeyError);
    const failure = await migrateWith(t.deps.config, t.db.engine, old).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(MasterKeyError);
    const line = describeStartupFailure(failure, { doing: 'applying migrations', asOwner: true });
    expect(line).toMatch(/^applying migrations: SAMEN_SECRET_KEY does not open the organisation keys/);
    expect(line).not.toContain('\n');
  });
});
