import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import {
  createTestEngine,
  engineAvailable,
  PG_TEST_URL,
  type TestEngine,
  testEngineKind,
} from '../../../../../test/support/engine';
import { withContext } from '../../../platform/db/context';
import { type Engine, openPglite, openPostgres } from '../../../platform/db/engine';
import { migrate, readMigrations } from '../../../platform/db/migrate';
import {
  BUILTIN_CODE_CHANGES,
  BUILTIN_GROUPS,
  BUILTIN_PARENT_TERRITORIES,
  MEL_CODE,
} from './builtin-territories';
import { resolveTerritoryCode, resolveTerritoryCodes } from './code-history';
import { ancestorsByCode, groupTerritoryCodes, territoryAncestors, territoryDescendants } from './store';

const available = await engineAvailable();

type Ref = { code: string };
const codes = (items: Ref[]) => items.map((i) => i.code);

describe.skipIf(!available)('migration 0035 on a database that holds no demo', () => {
  let e: TestEngine;
  beforeAll(async () => {
    e = await createTestEngine();
  });
  afterAll(async () => e?.drop());

  it('inserts the same reference tree, group and code changes as the built-in lists', async () => {
    const db = e.engine.db;
    const rows = await db.selectFrom('territories').selectAll().orderBy('code').execute();
    expect(
      rows.map((r) => [
        r.code,
        r.level,
        r.country,
        r.local_code,
        r.name_fr,
        r.name_nl,
        r.parent_code,
        r.region,
      ]),
    ).toEqual(
      BUILTIN_PARENT_TERRITORIES.map((t) => [
        t.code,
        t.level,
        t.country,
        t.localCode,
        t.nameFr,
        t.nameNl,
        t.parentCode,
        t.region,
      ]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const groups = await db
      .selectFrom('territory_groups as g')
      .select(['g.code', 'g.kind', 'g.name_fr', 'g.name_nl', 'g.org_id'])
      .orderBy('g.code')
      .execute();
    expect(groups).toEqual(
      BUILTIN_GROUPS.map((g) => ({
        code: g.code,
        kind: g.kind,
        name_fr: g.nameFr,
        name_nl: g.nameNl,
        org_id: null,
      })),
    );
    const members = await db
      .selectFrom('territory_group_members')
      .select('territory_code')
      .orderBy('territory_code')
      .execute();
    expect(members.map((m) => m.territory_code)).toEqual([...BUILTIN_GROUPS[0]!.members].sort());
    const changes = await sql<{
      old_code: string;
      new_code: string;
      effective_on: string;
      kind: string;
      share: string | null;
      source: string;
    }>`select old_code, new_code, to_char(effective_on, 'YYYY-MM-DD') as effective_on, kind, share, source
       from territory_code_changes order by old_code`.execute(db);
    expect(changes.rows).toEqual(
      [...BUILTIN_CODE_CHANGES]
        .sort((a, b) => (a.oldCode < b.oldCode ? -1 : 1))
        .map((c) => ({
          old_code: c.oldCode,
          new_code: c.newCode,
          effective_on: c.effectiveOn,
          kind: c.kind,
          share: c.share,
          source: c.source,
        })),
    );
  });

  it('refuses codes of the wrong shape for their level, and a parent that is not above', async () => {
    const db = e.engine.db;
    const insert = (code: string, level: string, country: string, parent: string | null = null) =>
      db
        .insertInto('territories')
        .values({
          code,
          level,
          country,
          local_code: code,
          name_fr: 'X x',
          name_nl: 'X x',
          parent_code: parent,
        })
        .execute();
    await expect(insert('BE-57000', 'arrondissement', 'BE', 'BE-PROV-50000')).rejects.toThrow(
      /territories_code_level/,
    );
    await expect(insert('FR-DEP-59', 'municipality', 'FR')).rejects.toThrow(/territories_code_level/);
    await expect(insert('FR-59350', 'municipality', 'FR', 'FR-DEP-99')).rejects.toThrow(
      /cannot be its parent|foreign key/,
    );
    // A municipality under a region, a French one under a Belgian arrondissement: no.
    await expect(insert('FR-59350', 'municipality', 'FR', 'BE-ARR-57000')).rejects.toThrow(
      /cannot be its parent/,
    );
    await expect(insert('BE-ARR-99000', 'arrondissement', 'BE', 'BE-ARR-57000')).rejects.toThrow(
      /cannot be its parent/,
    );
    await insert('FR-59350', 'municipality', 'FR', 'FR-REG-HDF');
    await expect(
      db
        .updateTable('territories')
        .set({ parent_code: 'FR-59350' })
        .where('code', '=', 'FR-DEP-59')
        .execute(),
    ).rejects.toThrow(/cannot be its parent/);
  });
});

describe.skipIf(!available)('migration 0035 on a database that holds municipalities already', () => {
  let engine: Engine;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (testEngineKind === 'pglite') {
      engine = await openPglite(null);
      drop = () => engine.close();
    } else {
      const name = `samen_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_TEST_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(PG_TEST_URL);
      url.pathname = `/${name}`;
      engine = openPostgres(url.toString(), 2);
      drop = async () => {
        await engine.close();
        const c = new pg.Client({ connectionString: PG_TEST_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
    await migrate(
      engine,
      readMigrations().filter((m) => m.version < '0035'),
    );
  });
  afterAll(async () => drop?.());

  it('keeps every municipality and maps its old parent string onto the tree, or clears it', async () => {
    const db = engine.db;
    const row = (code: string, parent: string | null) => ({
      code,
      country: code.slice(0, 2),
      local_code: code.slice(3),
      name_fr: code,
      name_nl: code,
      parent_code: parent,
    });
    await db
      .insertInto('territories')
      .values([
        row('FR-59350', 'FR-59'), // Lille: MEL member
        row('FR-59183', 'FR-59'), // Dunkerque: not
        row('FR-62041', 'FR-62'),
        row('FR-69123', 'FR-69'), // Lyon: no such parent in the tree
        row('BE-57096', 'BE-57000'),
        row('BE-21004', 'BE-21000'),
        row('BE-34027', null),
      ])
      .execute();
    await migrate(engine);
    const after = await db
      .selectFrom('territories')
      .select(['code', 'level', 'parent_code'])
      .where('level', '=', 'municipality')
      .orderBy('code')
      .execute();
    expect(after).toEqual([
      { code: 'BE-21004', level: 'municipality', parent_code: 'BE-ARR-21000' },
      { code: 'BE-34027', level: 'municipality', parent_code: null },
      { code: 'BE-57096', level: 'municipality', parent_code: 'BE-ARR-57000' },
      { code: 'FR-59183', level: 'municipality', parent_code: 'FR-DEP-59' },
      { code: 'FR-59350', level: 'municipality', parent_code: MEL_CODE },
      { code: 'FR-62041', level: 'municipality', parent_code: 'FR-DEP-62' },
      { code: 'FR-69123', level: 'municipality', parent_code: null },
    ]);
  });
});

describe.skipIf(!available)('territory tree, groups and code history over HTTP', () => {
  let t: TestApp;
  let admin: Client;
  let mouscronCoordinator: Client;
  let menenCoordinator: Client;
  let referent: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@samen.example');
    mouscronCoordinator = await t.login('coordination@cpas-mouscron.example');
    menenCoordinator = await t.login('diensthoofd@ocmw-menen.example');
    referent = await t.login('referent@cpas-mouscron.example');
  });
  afterAll(async () => t?.close());

  const orgOf = async (email: string) => {
    const user = await t.db.engine.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const m = await t.db.engine.db
      .selectFrom('memberships')
      .select('org_id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    return { userId: user.id, orgId: m.org_id };
  };

  it('gives Tourcoing its ancestors: the MEL, Nord, Hauts-de-France, France', async () => {
    const r = (await t.anonymous.get('/api/territories/FR-59599')).json();
    expect(r).toMatchObject({
      level: 'municipality',
      parentCode: MEL_CODE,
      parentNameNl: 'Europese Metropool Rijsel',
    });
    expect(codes(r.ancestors)).toEqual([MEL_CODE, 'FR-DEP-59', 'FR-REG-HDF', 'FR']);
    expect(r.ancestors.map((a: { level: string }) => a.level)).toEqual([
      'epci',
      'departement',
      'region',
      'country',
    ]);
    expect(r.groups).toEqual([
      {
        code: 'eurometropole',
        kind: 'eurometropole',
        nameFr: 'Eurométropole Lille-Kortrijk-Tournai',
        nameNl: 'Eurometropool Lille-Kortrijk-Tournai',
        via: MEL_CODE,
      },
    ]);
  });

  it('gives Menen its ancestors: arrondissement Kortrijk, West-Vlaanderen, the Flemish Region, Belgium', async () => {
    const r = (await t.anonymous.get('/api/territories/BE-34027')).json();
    expect(codes(r.ancestors)).toEqual(['BE-ARR-34000', 'BE-PROV-30000', 'BE-REG-VLG', 'BE']);
    expect(r.ancestors.map((a: { nameNl: string }) => a.nameNl)).toEqual([
      'Kortrijk',
      'West-Vlaanderen',
      'Vlaams Gewest',
      'België',
    ]);
    expect(r.groups.map((g: { via: string }) => g.via)).toEqual(['BE-ARR-34000']);
    // The store answers the same, and for many territories at once.
    await withContext(t.db.engine.db, { scope: 'public' }, async (trx) => {
      expect(codes(await territoryAncestors(trx, 'BE-34027'))).toEqual(codes(r.ancestors));
      const many = await ancestorsByCode(trx, ['BE-34027', 'FR-59599', 'BE']);
      expect(codes(many.get('FR-59599')!)).toEqual([MEL_CODE, 'FR-DEP-59', 'FR-REG-HDF', 'FR']);
      expect(many.has('BE')).toBe(false);
    });
  });

  it('shows non-municipal territories with their children, and lists them by level, parent, ancestor or group', async () => {
    const arr = (await t.anonymous.get('/api/territories/BE-ARR-57000')).json();
    expect(arr).toMatchObject({
      level: 'arrondissement',
      nameNl: 'Doornik-Moeskroen',
      parentCode: 'BE-PROV-50000',
    });
    expect(arr.children[0].level).toBe('municipality');
    expect(arr.children[0].count).toBeGreaterThanOrEqual(7);
    expect((await t.anonymous.get('/api/territories/BE')).json().children).toEqual([
      { level: 'region', count: 3 },
    ]);

    const wvl = (
      await t.anonymous.get('/api/territories?level=arrondissement&parent=BE-PROV-30000&pageSize=20')
    ).json();
    expect(wvl.total).toBe(8);
    expect(wvl.items[0]).toMatchObject({ parentNameFr: 'Flandre-Occidentale' });

    const inWvl = (await t.anonymous.get('/api/territories?within=BE-PROV-30000&pageSize=100')).json();
    expect(codes(inWvl.items)).toEqual(expect.arrayContaining(['BE-34022', 'BE-34027', 'BE-33029']));
    expect(inWvl.items.every((i: { level: string }) => i.level === 'municipality')).toBe(true);
    expect(codes(inWvl.items)).not.toContain('BE-45041'); // Ronse: Oost-Vlaanderen

    // Every page: with the shared file loaded the Eurométropole has about 155 municipalities.
    const euroCodes: string[] = [];
    for (let page = 1; page < 10; page++) {
      const euro = (
        await t.anonymous.get(`/api/territories?group=eurometropole&pageSize=100&page=${page}`)
      ).json();
      euroCodes.push(...codes(euro.items));
      if (euroCodes.length >= euro.total) break;
    }
    for (const code of ['FR-59599', 'FR-59350', 'BE-34027', 'BE-33029', 'BE-57096', 'BE-57081'])
      expect(euroCodes, code).toContain(code);
    for (const code of ['BE-45041', 'BE-52011', 'BE-58002', 'BE-21004'])
      expect(euroCodes, code).not.toContain(code);
    const euroArr = (
      await t.anonymous.get('/api/territories?group=eurometropole&level=arrondissement')
    ).json();
    expect(codes(euroArr.items).sort()).toEqual(
      ['BE-ARR-33000', 'BE-ARR-34000', 'BE-ARR-36000', 'BE-ARR-37000', 'BE-ARR-51000', 'BE-ARR-57000'].sort(),
    );
    const all = (await t.anonymous.get('/api/territories?level=any&q=kortrijk')).json();
    expect(codes(all.items).sort()).toEqual(['BE-34022', 'BE-ARR-34000']);
    expect((await t.anonymous.get('/api/territories?group=nope')).json().total).toBe(0);

    await withContext(t.db.engine.db, { scope: 'public' }, async (trx) => {
      expect(await groupTerritoryCodes(trx, 'eurometropole', 'municipality')).toEqual([...euroCodes].sort());
      expect(await territoryDescendants(trx, 'BE-PROV-30000', 'arrondissement')).toHaveLength(8);
    });
  });

  it('refuses malformed tree queries with a 400, never a 500', async () => {
    for (const url of [
      '/api/territories?level=commune',
      '/api/territories?parent=BE-57000x',
      '/api/territories?within=FR-59',
      '/api/territories?group=Euro%20Metropole',
      '/api/territories?group=euro%01',
      '/api/territories/FR-DEP-5',
      '/api/territory-codes/54007',
      '/api/territory-codes/BE-54007?asOf=2024-13-01',
      '/api/territory-codes/BE-54007?asOf=yesterday',
      '/api/territory-groups/Euro',
      '/api/territory-groups?kind=region',
    ]) {
      const r = await t.anonymous.get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.message, url).toBeTruthy();
    }
    expect((await t.anonymous.get('/api/territories/FR-DEP-69')).statusCode).toBe(404);
  });

  it('keeps a commune under its EPCI when a file gives only its département', async () => {
    const header = 'geo_id,country,code,name_fr,name_nl,parent_code,region,population';
    const boundary = '----samen-test-boundary';
    const content = `${header}\nFR-59350,FR,59350,Lille,Rijsel,59,FR-HDF,\nFR-59360,FR,59360,Loos,Loos,59,FR-HDF,\nFR-59183,FR,59183,Dunkerque,Duinkerke,59,FR-HDF,\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/territories/import',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nord.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
      },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().unresolvedParents).toEqual([]);
    const rows = await t.db.engine.db
      .selectFrom('territories')
      .select(['code', 'parent_code'])
      .where('code', 'in', ['FR-59350', 'FR-59360', 'FR-59183'])
      .orderBy('code')
      .execute();
    // Loos is a MEL member too (built-in list); Dunkerque is not.
    expect(rows).toEqual([
      { code: 'FR-59183', parent_code: 'FR-DEP-59' },
      { code: 'FR-59350', parent_code: MEL_CODE },
      { code: 'FR-59360', parent_code: MEL_CODE },
    ]);
  });

  it('resolves old codes to the current ones on a given day, with the changes between', async () => {
    const mouscron = (await t.anonymous.get('/api/territory-codes/BE-54007?asOf=2024-06-30')).json();
    expect(mouscron.current).toEqual([
      { code: 'BE-57096', share: 1, nameFr: 'Mouscron', nameNl: 'Moeskroen' },
    ]);
    expect(mouscron.changes).toEqual([
      expect.objectContaining({
        oldCode: 'BE-54007',
        newCode: 'BE-57096',
        effectiveOn: '2019-01-01',
        kind: 'renumber',
      }),
    ]);
    const before = (await t.anonymous.get('/api/territory-codes/BE-54007?asOf=2018-12-31')).json();
    expect(before.current.map((c: Ref) => c.code)).toEqual(['BE-54007']);
    expect(before.changes).toEqual([]);
    // Comines-Warneton: its predecessor is told from the current code too.
    const comines = (await t.anonymous.get('/api/territory-codes/BE-57097')).json();
    expect(comines.current.map((c: Ref) => c.code)).toEqual(['BE-57097']);
    expect(comines.changes.map((c: { oldCode: string }) => c.oldCode)).toEqual(['BE-54010']);
    // Meulebeke and Tielt: two old codes merged into one in 2025 (no row yet for the new code).
    const meulebeke = (await t.anonymous.get('/api/territory-codes/BE-37007?asOf=2025-01-01')).json();
    expect(meulebeke.current).toEqual([{ code: 'BE-37022', share: 1, nameFr: null, nameNl: null }]);
    const tielt = (await t.anonymous.get('/api/territory-codes/BE-37022')).json();
    expect(tielt.changes.map((c: { oldCode: string }) => c.oldCode).sort()).toEqual(['BE-37007', 'BE-37015']);
    expect(
      (await t.anonymous.get('/api/territory-codes/BE-37007?asOf=2024-12-31')).json().current[0].code,
    ).toBe('BE-37007');

    await withContext(t.db.engine.db, { scope: 'public' }, async (trx) => {
      expect(await resolveTerritoryCode(trx, 'BE-ARR-54000', '2020-01-01')).toEqual([
        { code: 'BE-ARR-57000', share: 1 },
      ]);
      const batch = await resolveTerritoryCodes(
        trx,
        ['BE-54007', 'BE-54010', 'BE-37018', 'FR-59350'],
        '2025-06-01',
      );
      expect(Object.fromEntries([...batch].map(([k, v]) => [k, v.map((c) => c.code)]))).toEqual({
        'BE-37018': ['BE-37021'],
        'BE-54007': ['BE-57096'],
        'BE-54010': ['BE-57097'],
        'FR-59350': ['FR-59350'],
      });
    });
  });

  it('follows chains of changes and multiplies split shares (platform admins record them)', async () => {
    const ctx = { platformAdmin: true, scope: 'system' as const };
    await withContext(t.db.engine.db, ctx, async (trx) => {
      await trx
        .insertInto('territory_code_changes')
        .values([
          { old_code: 'FR-59001', new_code: 'FR-59002', effective_on: '2020-01-01', kind: 'merge' },
          {
            old_code: 'FR-59002',
            new_code: 'FR-59003',
            effective_on: '2021-01-01',
            kind: 'split',
            share: 0.25,
          },
          {
            old_code: 'FR-59002',
            new_code: 'FR-59004',
            effective_on: '2021-01-01',
            kind: 'split',
            share: 0.75,
          },
          {
            old_code: 'FR-59004',
            new_code: 'FR-59005',
            effective_on: '2022-01-01',
            kind: 'split',
            share: null,
          },
        ])
        .execute();
      expect(await resolveTerritoryCode(trx, 'FR-59001', '2020-06-01')).toEqual([
        { code: 'FR-59002', share: 1 },
      ]);
      expect(await resolveTerritoryCode(trx, 'FR-59001', '2021-06-01')).toEqual([
        { code: 'FR-59003', share: 0.25 },
        { code: 'FR-59004', share: 0.75 },
      ]);
      expect(await resolveTerritoryCode(trx, 'FR-59001', '2023-01-01')).toEqual([
        { code: 'FR-59003', share: 0.25 },
        { code: 'FR-59005', share: null },
      ]);
    });
    // Across the border, or a share outside a split: refused.
    for (const values of [
      { old_code: 'FR-59001', new_code: 'BE-57096', effective_on: '2020-01-01', kind: 'merge' },
      { old_code: 'FR-59001', new_code: 'FR-59009', effective_on: '2020-01-01', kind: 'merge', share: 0.5 },
      { old_code: 'FR-59001', new_code: 'FR-DEP-59', effective_on: '2020-01-01', kind: 'rename' },
    ])
      await expect(
        withContext(t.db.engine.db, ctx, (trx) =>
          trx.insertInto('territory_code_changes').values(values).execute(),
        ),
      ).rejects.toThrow(/check/);
    const org = await orgOf('coordination@cpas-mouscron.example');
    await expect(
      withContext(t.db.engine.db, org, (trx) =>
        trx
          .insertInto('territory_code_changes')
          .values({ old_code: 'BE-11111', new_code: 'BE-22222', effective_on: '2020-01-01', kind: 'merge' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lists the platform-wide groups to anyone, and lets an organisation keep its own groups', async () => {
    const anon = (await t.anonymous.get('/api/territory-groups')).json();
    expect(anon.canCreate).toBe(false);
    expect(codes(anon.items)).toEqual(['eurometropole']);
    expect(anon.items[0]).toMatchObject({ orgId: null, memberCount: 7, canEdit: false });
    const euro = (await t.anonymous.get('/api/territory-groups/eurometropole')).json();
    expect(euro.municipalityCount).toBeGreaterThanOrEqual(19);
    expect(euro.members.find((m: Ref) => m.code === MEL_CODE)).toMatchObject({ level: 'epci' });
    expect(euro.members.map((m: { level: string }) => m.level).sort()).toEqual([
      ...Array(6).fill('arrondissement'),
      'epci',
    ]);

    const created = await mouscronCoordinator.post('/api/territory-groups', {
      kind: 'custom',
      nameFr: 'Communes frontalières de Mouscron',
      nameNl: 'Grensgemeenten van Moeskroen',
      members: ['BE-57096', 'BE-57027', 'FR-59599', 'FR-59650'],
    });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(group).toMatchObject({
      code: 'communes-frontalieres-de-mouscron',
      kind: 'custom',
      memberCount: 4,
      municipalityCount: 4,
      canEdit: true,
    });
    expect(group.orgId).toBe((await orgOf('coordination@cpas-mouscron.example')).orgId);
    // The same name again gets a code of its own.
    const again = await mouscronCoordinator.post('/api/territory-groups', {
      kind: 'programme_perimeter',
      nameFr: 'Communes frontalières de Mouscron',
      nameNl: 'Grensgemeenten van Moeskroen (2)',
    });
    expect(again.json().code).toBe('communes-frontalieres-de-mouscron-2');

    // Every signed-in member reads it; anonymous visitors do not.
    const seen = (await menenCoordinator.get('/api/territory-groups')).json();
    expect(codes(seen.items)).toContain(group.code);
    expect(seen.items.find((i: Ref) => i.code === group.code).canEdit).toBe(false);
    expect((await t.anonymous.get(`/api/territory-groups/${group.code}`)).statusCode).toBe(404);
    const mine = (await menenCoordinator.get('/api/territory-groups?owner=mine')).json();
    expect(mine.items).toEqual([]);
    // The territory list follows the group's members.
    const listed = (await menenCoordinator.get(`/api/territories?group=${group.code}`)).json();
    expect(codes(listed.items).sort()).toEqual(['BE-57027', 'BE-57096', 'FR-59599', 'FR-59650']);

    const renamed = await mouscronCoordinator.patch(`/api/territory-groups/${group.code}`, {
      nameNl: 'Grensgemeenten rond Moeskroen',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().nameNl).toBe('Grensgemeenten rond Moeskroen');
    const members = await mouscronCoordinator.put(`/api/territory-groups/${group.code}/members`, {
      members: ['BE-ARR-57000', 'FR-59599'],
    });
    expect(members.statusCode).toBe(200);
    expect(members.json().memberCount).toBe(2);
    expect(members.json().municipalityCount).toBeGreaterThanOrEqual(8);

    const audited = await sql<{ n: number }>`select count(*)::int as n from audit.log
      where entity in ('territory_groups', 'territory_group_members') and org_id = ${group.orgId}::uuid`.execute(
      t.db.engine.db,
    );
    expect(audited.rows[0]!.n).toBeGreaterThanOrEqual(8);

    expect((await mouscronCoordinator.del(`/api/territory-groups/${again.json().code}`)).json()).toEqual({
      ok: true,
    });
    expect((await mouscronCoordinator.get(`/api/territory-groups/${again.json().code}`)).statusCode).toBe(
      404,
    );
  });

  it('lets no other organisation, and no one without the role, change an organisation’s group', async () => {
    const owner = await orgOf('coordination@cpas-mouscron.example');
    const created = await mouscronCoordinator.post('/api/territory-groups', {
      code: 'mouscron-prive',
      kind: 'custom',
      nameFr: 'Groupe de Mouscron',
      nameNl: 'Groep van Moeskroen',
      members: ['BE-57096'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    for (const [client, expected] of [
      [menenCoordinator, 403],
      [referent, 403],
    ] as const) {
      expect(
        (await client.patch('/api/territory-groups/mouscron-prive', { nameFr: 'Pris' })).statusCode,
      ).toBe(expected);
      expect(
        (await client.put('/api/territory-groups/mouscron-prive/members', { members: ['BE-34027'] }))
          .statusCode,
      ).toBe(expected);
      expect((await client.del('/api/territory-groups/mouscron-prive')).statusCode).toBe(expected);
    }
    expect(
      (await referent.post('/api/territory-groups', { kind: 'custom', nameFr: 'Abc', nameNl: 'Abc' }))
        .statusCode,
    ).toBe(403);
    // Nor the platform's own groups.
    expect(
      (await mouscronCoordinator.patch('/api/territory-groups/eurometropole', { nameFr: 'Pris' })).statusCode,
    ).toBe(403);

    // In SQL, as the other organisation under the application role: nothing changes, nothing is added.
    const other = await orgOf('diensthoofd@ocmw-menen.example');
    const db = t.db.engine.db;
    const updated = await withContext(db, other, (trx) =>
      trx.updateTable('territory_groups').set({ name_fr: 'Pris' }).where('id', '=', id).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await withContext(db, other, (trx) =>
      trx.deleteFrom('territory_group_members').where('group_id', '=', id).executeTakeFirst(),
    );
    expect(Number(deleted.numDeletedRows)).toBe(0);
    await expect(
      withContext(db, other, (trx) =>
        trx
          .insertInto('territory_group_members')
          .values({ group_id: id, territory_code: 'BE-34027', org_id: other.orgId })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withContext(db, other, (trx) =>
        trx
          .insertInto('territory_group_members')
          .values({ group_id: id, territory_code: 'BE-34027', org_id: owner.orgId })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withContext(db, other, (trx) =>
        trx
          .insertInto('territory_groups')
          .values({ code: 'vol', kind: 'custom', name_fr: 'Vol', name_nl: 'Vol', org_id: owner.orgId })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // A platform-wide group is out of reach of any organisation.
    await expect(
      withContext(db, owner, (trx) =>
        trx
          .insertInto('territory_groups')
          .values({ code: 'plat', kind: 'custom', name_fr: 'Plat', name_nl: 'Plat', org_id: null })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const euroUpdate = await withContext(db, owner, (trx) =>
      trx
        .updateTable('territory_groups')
        .set({ name_fr: 'Pris' })
        .where('code', '=', 'eurometropole')
        .executeTakeFirst(),
    );
    expect(Number(euroUpdate.numUpdatedRows)).toBe(0);
    const after = (await mouscronCoordinator.get('/api/territory-groups/mouscron-prive')).json();
    expect(after).toMatchObject({ nameFr: 'Groupe de Mouscron', memberCount: 1 });
  });

  it('explains bad group input in the caller’s language, and writes nothing', async () => {
    const before = (await admin.get('/api/territory-groups')).json().items.length;
    const bad = await mouscronCoordinator.post('/api/territory-groups', {
      code: 'mouscron-prive',
      kind: 'eurometropole',
      nameFr: '  ',
      nameNl: 'Groep',
      members: ['BE-57096', 'BE-99999', 'BE-57096'],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`);
    expect(fields).toEqual([
      'kind network.territory_groups.errors.kind_reserved',
      'nameFr network.territory_groups.errors.name_required',
      'members.1 network.territory_groups.errors.unknown_territory',
      'members.2 network.territory_groups.errors.member_twice',
      'code network.territory_groups.errors.code_taken',
    ]);
    expect(bad.json().error.fields[2].message).toBe('BE-99999 n’est pas un territoire connu.');

    for (const body of [
      { kind: 'custom', nameFr: 'Nom\u0000', nameNl: 'Naam' },
      { kind: 'custom', nameFr: 'Nom\u0007', nameNl: 'Naam' },
      { kind: 'custom', nameFr: 'Nom', nameNl: 'Naam', members: ['FR-59'] },
      { kind: 'custom', nameFr: 'Nom', nameNl: 'Naam', code: 'Avec Espaces' },
      { kind: 'region', nameFr: 'Nom', nameNl: 'Naam' },
      { kind: 'custom', nameFr: 'Nom', nameNl: 'Naam', extra: 1 },
      { kind: 'custom', nameFr: 'N', nameNl: 'Naam' },
      { kind: 'custom', nameFr: 'x'.repeat(201), nameNl: 'Naam' },
    ]) {
      const r = await mouscronCoordinator.post('/api/territory-groups', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    expect(
      (
        await mouscronCoordinator.put('/api/territory-groups/mouscron-prive/members', {
          members: ['BE-5709\u0001'],
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.get('/api/territory-groups')).json().items.length).toBe(before);

    // A platform admin creates a platform-wide group of any kind.
    const strip = await admin.post('/api/territory-groups', {
      kind: 'border_strip',
      nameFr: 'Bande frontalière',
      nameNl: 'Grensstrook',
      members: ['FR-59279', 'BE-34027', 'BE-ARR-57000'],
    });
    expect(strip.statusCode).toBe(201);
    expect(strip.json()).toMatchObject({ code: 'bande-frontaliere', orgId: null, canEdit: true });
    expect(codes((await t.anonymous.get('/api/territory-groups?kind=border_strip')).json().items)).toEqual([
      'bande-frontaliere',
    ]);
  });
});
