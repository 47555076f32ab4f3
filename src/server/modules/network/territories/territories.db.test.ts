import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { SHARED_TERRITORIES_FILE } from './demo';

const available = await engineAvailable();

const HEADER = 'code,country,name_fr,name_nl,population';
const GOOD = `${HEADER}\n75056,FR,Paris,Parijs,\n69123,FR,Lyon,Lyon,\n`;

describe.skipIf(!available)('territories: reference data, public look-up and import', () => {
  let t: TestApp;
  let admin: Client;
  let orgAdmin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@samen.example');
    orgAdmin = await t.login('admin@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  /** Posts one file as multipart/form-data, the way the web form does. */
  const upload = (client: Client | null, filename: string, content: string) => {
    const boundary = '----samen-test-boundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: 'POST',
      url: '/api/territories/import',
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-samen-language': 'en',
        ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}),
      },
    });
  };
  const stored = (codes: string[]) =>
    t.db.engine.db.selectFrom('territories').selectAll().where('code', 'in', codes).orderBy('code').execute();
  const importEntries = async () =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from audit.log where action = 'import' and entity = 'territories'`.execute(
          t.db.engine.db,
        )
      ).rows[0]!.n,
    );

  it('lets anonymous visitors search municipalities in both languages without accents', async () => {
    const r = await t.anonymous.get('/api/territories?q=moeskroen');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((i: { code: string }) => i.code)).toContain('BE-57096');
    const armentieres = (await t.anonymous.get('/api/territories?q=ARMENTIERES&country=FR')).json();
    expect(armentieres.items[0]).toMatchObject({
      code: 'FR-59017',
      nameFr: 'Armentières',
      level: 'municipality',
      parentCode: 'FR-EPCI-200093201',
      parentNameFr: 'Métropole Européenne de Lille',
    });
    const byCode = (await t.anonymous.get('/api/territories?q=57096')).json();
    expect(byCode.items.map((i: { code: string }) => i.code)).toEqual(['BE-57096']);
    const page = (await t.anonymous.get('/api/territories?country=BE&parent=BE-ARR-57000&pageSize=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i: { parentCode: string }) => i.parentCode === 'BE-ARR-57000')).toBe(true);
    expect((await t.anonymous.get('/api/territories?pageSize=1000')).statusCode).toBe(400);
  });

  it('shows one municipality with its centroid, and its boundary only when asked', async () => {
    const r = (await t.anonymous.get('/api/territories/BE-57096')).json();
    expect(r).toMatchObject({
      nameFr: 'Mouscron',
      nameNl: 'Moeskroen',
      region: 'BE-WAL',
      parentCode: 'BE-ARR-57000',
    });
    expect(r.centroid.lat).toBeCloseTo(50.74, 1);
    expect(r).not.toHaveProperty('geometry');
    if (existsSync(SHARED_TERRITORIES_FILE)) {
      const g = (await t.anonymous.get('/api/territories/BE-57096?geometry=1')).json();
      expect(g.geometry.type).toMatch(/Polygon/);
      expect(g.bbox).toHaveLength(4);
    }
    expect((await t.anonymous.get('/api/territories/BE-99999')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/territories/lille')).statusCode).toBe(400);
  });

  it('imports a good CSV, and a re-import of the same file changes nothing', async () => {
    const entries = await importEntries();
    const first = await upload(admin, 'villes.csv', GOOD);
    expect(first.statusCode).toBe(200);
    // Outside the served area, their départements are no territories: imported without a parent, and said.
    const unresolvedParents = ['FR-DEP-69', 'FR-DEP-75'];
    expect(first.json()).toEqual({
      format: 'csv',
      total: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      unresolvedParents,
    });
    const rows = await stored(['FR-69123', 'FR-75056']);
    expect(rows.map((r) => [r.code, r.name_nl, r.parent_code, r.source])).toEqual([
      ['FR-69123', 'Lyon', null, 'villes.csv'],
      ['FR-75056', 'Parijs', null, 'villes.csv'],
    ]);
    const again = await upload(admin, 'villes.csv', GOOD);
    expect(again.json()).toEqual({
      format: 'csv',
      total: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      unresolvedParents,
    });
    expect(await stored(['FR-69123', 'FR-75056'])).toEqual(rows);
    const changed = await upload(admin, 'villes.csv', GOOD.replace('Lyon,Lyon,', 'Lyon,Lyon,516092'));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await stored(['FR-69123']))[0]!.population).toBe(516092);
    expect(await importEntries()).toBe(entries + 3);
  });

  it('refuses a file with errors, listing every line, and writes nothing', async () => {
    const entries = await importEntries();
    const bad = `${HEADER}\n13055,FR,Marseille,Marseille,\n99,FR,Nowhere,Nergens,\n06088,FR,Nice,Nice,-5\n13055,FR,Marseille,Marseille,\n`;
    const r = await upload(admin, 'bad.csv', bad);
    expect(r.statusCode).toBe(400);
    const error = r.json().error;
    expect(error.code).toBe('network.territories.errors.refused');
    expect(error.message).toBe('The file was not imported: 3 problems to fix. Nothing was changed.');
    expect(error.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toEqual([
      'line.3 network.territories.errors.invalid_code',
      'line.4 network.territories.errors.invalid_population',
      'line.5 network.territories.errors.duplicate_code',
    ]);
    expect(error.fields[1].message).toBe('"-5" is not a valid population.');
    expect(await stored(['FR-13055', 'FR-06088'])).toEqual([]);
    const empty = await upload(admin, 'empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(await importEntries()).toBe(entries);
  });

  it('refuses the import to anyone but a platform admin', async () => {
    expect((await upload(orgAdmin, 'villes.csv', GOOD)).statusCode).toBe(403);
    expect((await upload(null, 'villes.csv', GOOD)).statusCode).toBe(401);
    const noFile = await admin.post('/api/territories/import', {});
    expect(noFile.statusCode).toBeGreaterThanOrEqual(400);
    expect(noFile.statusCode).toBeLessThan(500);
  });

  it('does not let a non-admin write territories in SQL under the application role', async () => {
    const user = await t.db.engine.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@cpas-mouscron.example')
      .executeTakeFirstOrThrow();
    const org = await t.db.engine.db
      .selectFrom('memberships')
      .select('org_id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const ctx = { userId: user.id, orgId: org.org_id };
    const updated = await withContext(t.db.engine.db, ctx, (trx) =>
      trx
        .updateTable('territories')
        .set({ name_fr: 'Pris' })
        .where('code', '=', 'BE-57096')
        .executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(
      withContext(t.db.engine.db, ctx, (trx) =>
        trx
          .insertInto('territories')
          .values({
            code: 'FR-33063',
            country: 'FR',
            local_code: '33063',
            name_fr: 'Bordeaux',
            name_nl: 'Bordeaux',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await withContext(t.db.engine.db, ctx, (trx) =>
      trx.deleteFrom('territory_geometries').where('code', '=', 'BE-57096').executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    expect((await stored(['BE-57096']))[0]!.name_fr).toBe('Mouscron');
  });
});
