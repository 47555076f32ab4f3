import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { BoardList, BoardView, PublicBoardView } from '../../../../common/observatory/board-schemas';
import { withContext } from '../../../platform/db/context';
import { referralFixtures } from '../../people/referrals/fixtures.testing';

const available = await engineAvailable();

/**
 * The observatory's thematic boards on both engines (issue 12): the demo's published joint board; creating
 * one, its filters and tiles (add, move, remove) by its organisation only; publishing it and reading it
 * without login in FR and NL (aggregates only), the same 404 for an unpublished or unknown board; and the
 * database letting no other organisation write a board or its tiles, nor anyone unsigned read a draft.
 */
describe.skipIf(!available)('observatory boards', () => {
  let t: TestApp;
  let wvl: Client;
  let tourcoing: Client;
  const WVL = 'analist@west-vlaanderen.example';
  const TOURCOING = 'analyse@ccas-tourcoing.example';

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login(WVL);
    tourcoing = await t.login(TOURCOING);
  });
  afterAll(async () => t?.close());

  const view = async (client: Client, code: string, query = '') => {
    const r = await client.get(`/api/observatory/boards/${code}${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as BoardView;
  };

  it('shows the demo’s joint board to every reader, its tiles over the Eurométropole', async () => {
    const list = (await tourcoing.get('/api/observatory/boards')).json() as BoardList;
    const demo = list.items.find((b) => b.code === 'pauvrete-familles')!;
    expect(demo.title).toBe('Pauvreté et familles');
    expect(demo.canEdit).toBe(false);
    expect(demo.publishedAt).not.toBeNull();
    expect(list.canCreate).toBe(true);
    const v = await view(wvl, 'pauvrete-familles');
    expect(v.title).toBe('Armoede en gezinnen');
    expect(v.canEdit).toBe(true);
    expect(v.tiles.map((x) => [x.indicator, x.kind])).toEqual([
      ['DEMO_MIN_INCOME_RATE', 'map'],
      ['DEMO_SINGLE_PARENT_SHARE', 'map'],
      ['DEMO_MEDIAN_INCOME', 'table'],
      ['DEMO_MIN_INCOME_RATE', 'ranking'],
      ['DEMO_SINGLE_PARENT_SHARE', 'series'],
    ]);
    expect(v.shownGroup).toBe('eurometropole');
    // Charleroi is outside the Eurométropole.
    expect(v.tiles[0]!.map.cells.some((c) => c.code === 'BE-52011')).toBe(false);
    expect(v.periods).toEqual(expect.arrayContaining(['2021', '2022']));
    // The URL's filters over the board's own.
    const all = await view(wvl, 'pauvrete-familles', '?period=2021');
    expect(all.shownPeriod).toBe('2021');
    expect(all.tiles[0]!.map.period).toBe('2021');
    expect((await wvl.get('/api/observatory/boards/pauvrete-familles?group=nowhere')).statusCode).toBe(404);
    expect((await wvl.get('/api/observatory/boards/nope')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/observatory/boards')).statusCode).toBe(401);
  });

  it('lets its organisation build a board, and no other', async () => {
    const created = await tourcoing.post('/api/observatory/boards', {
      code: 'emploi-jeunes',
      titleFr: 'Emploi des jeunes',
      titleNl: 'Jongerenwerk',
      theme: 'youth',
      group: 'eurometropole',
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await wvl.post('/api/observatory/boards', {
      code: 'emploi-jeunes',
      titleFr: 'X',
      titleNl: 'X',
      theme: 'custom',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/emploi-jeunes/);
    const add = (indicator: string, kind = 'map') =>
      tourcoing.post('/api/observatory/boards/emploi-jeunes/tiles', { indicator, kind });
    for (const i of ['DEMO_MIN_INCOME_RATE', 'DEMO_POPULATION', 'DEMO_MEDIAN_INCOME'])
      expect((await add(i)).statusCode).toBe(201);
    expect((await add('NOPE')).statusCode).toBe(400);
    let v = await view(tourcoing, 'emploi-jeunes');
    const [a, b, c] = v.tiles.map((x) => x.id);
    expect(
      (await tourcoing.post(`/api/observatory/boards/emploi-jeunes/tiles/${c}/move`, { direction: 'up' }))
        .statusCode,
    ).toBe(200);
    v = await view(tourcoing, 'emploi-jeunes');
    expect(v.tiles.map((x) => x.id)).toEqual([a, c, b]);
    expect((await tourcoing.del(`/api/observatory/boards/emploi-jeunes/tiles/${a}`)).statusCode).toBe(200);
    v = await view(tourcoing, 'emploi-jeunes');
    expect(v.tiles.map((x) => x.indicator)).toEqual(['DEMO_MEDIAN_INCOME', 'DEMO_POPULATION']);
    const patched = await tourcoing.patch('/api/observatory/boards/emploi-jeunes', {
      titleNl: 'Werk voor jongeren',
      period: '2022',
      group: null,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    v = await view(tourcoing, 'emploi-jeunes');
    expect([v.titleNl, v.period, v.group]).toEqual(['Werk voor jongeren', '2022', null]);

    // Another organisation, a reader without the permission: refused.
    expect((await wvl.patch('/api/observatory/boards/emploi-jeunes', { titleFr: 'Piraté' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await wvl.post('/api/observatory/boards/emploi-jeunes/tiles', {
          indicator: 'DEMO_POPULATION',
          kind: 'map',
        })
      ).statusCode,
    ).toBe(403);
    expect((await wvl.del(`/api/observatory/boards/emploi-jeunes/tiles/${b}`)).statusCode).toBe(403);
    expect(
      (await wvl.post('/api/observatory/boards/emploi-jeunes/publish', { published: true })).statusCode,
    ).toBe(403);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect(
      (
        await referent.post('/api/observatory/boards', {
          code: 'x-y',
          titleFr: 'X',
          titleNl: 'X',
          theme: 'custom',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses bad input with a translated 400, never a 500', async () => {
    const bad = [
      { code: 'Pas Un Code', titleFr: 'X', titleNl: 'X', theme: 'custom' },
      { code: 'ok-code', titleFr: 'X\u0000', titleNl: 'X', theme: 'custom' },
      { code: 'ok-code', titleFr: '   ', titleNl: 'X', theme: 'custom' },
      { code: 'ok-code', titleFr: 'X', titleNl: 'X', theme: 'weather' },
      { code: 'ok-code', titleFr: 'X', titleNl: 'X', theme: 'custom', period: 'soon' },
      { code: 'ok-code', titleFr: 'X', titleNl: 'X', theme: 'custom', extra: 1 },
    ];
    for (const body of bad) {
      const r = await tourcoing.post('/api/observatory/boards', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    const unknownGroup = await tourcoing.post('/api/observatory/boards', {
      code: 'ok-code',
      titleFr: 'X',
      titleNl: 'X',
      theme: 'custom',
      group: 'nowhere',
    });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().error.message).toMatch(/groupe/);
    expect((await tourcoing.get('/api/public/observatory/boards/pauvrete-familles?lang=de')).statusCode).toBe(
      400,
    );
    expect((await tourcoing.get('/api/public/observatory/boards/%00')).statusCode).toBe(400);
    expect(
      (
        await tourcoing.post('/api/observatory/boards/emploi-jeunes/tiles/not-a-uuid/move', {
          direction: 'up',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('publishes a board without login in French and Dutch, and only a published one', async () => {
    const anon = t.anonymous;
    expect((await anon.get('/api/public/observatory/boards/emploi-jeunes')).statusCode).toBe(404);
    expect((await anon.get('/api/public/observatory/boards/nothing-here')).statusCode).toBe(404);
    // A signed-in reader does not see a draft through the public address either.
    expect((await wvl.get('/api/public/observatory/boards/emploi-jeunes')).statusCode).toBe(404);
    const pub = await tourcoing.post('/api/observatory/boards/emploi-jeunes/publish', { published: true });
    expect(pub.statusCode, pub.body).toBe(200);
    const fr = (
      await anon.get('/api/public/observatory/boards/emploi-jeunes?lang=fr')
    ).json() as PublicBoardView;
    const nl = (
      await anon.get('/api/public/observatory/boards/emploi-jeunes?lang=nl')
    ).json() as PublicBoardView;
    expect([fr.title, nl.title]).toEqual(['Emploi des jeunes', 'Werk voor jongeren']);
    expect(fr.tiles[0]!.map.indicator.label).not.toBe(nl.tiles[0]!.map.indicator.label);
    expect(fr.tiles).toHaveLength(2);
    // Aggregates only: no internal ids of the organisation or of the store's rows.
    expect(JSON.stringify(fr)).not.toMatch(/org_id|import_id|created_by/);
    const demo = (
      await anon.get('/api/public/observatory/boards/pauvrete-familles?lang=nl')
    ).json() as PublicBoardView;
    expect(demo.group?.code).toBe('eurometropole');
    expect(demo.tiles.every((x) => x.map.sources.length > 0)).toBe(true);
    // A hidden cell carries no figure on the public page (Baisieux: the source's secret; one more hidden
    // to protect it inside the French total).
    const hidden = demo.tiles[0]!.map.cells.filter((c) => c.status !== 'shown' && c.status !== 'no_data');
    expect(hidden.map((c) => c.status)).toEqual(
      expect.arrayContaining(['suppressed_source', 'suppressed_secondary']),
    );
    for (const c of hidden)
      expect([c.value, c.numerator, c.denominator, c.relative]).toEqual([null, null, null, null]);
    await tourcoing.post('/api/observatory/boards/emploi-jeunes/publish', { published: false });
    expect((await anon.get('/api/public/observatory/boards/emploi-jeunes')).statusCode).toBe(404);
    // An empty board cannot be published.
    await tourcoing.post('/api/observatory/boards', {
      code: 'vide',
      titleFr: 'Vide',
      titleNl: 'Leeg',
      theme: 'custom',
    });
    expect(
      (await tourcoing.post('/api/observatory/boards/vide/publish', { published: true })).statusCode,
    ).toBe(400);
  });

  it('lets no other organisation write a board or its tiles, nor anyone unsigned read a draft', async () => {
    const fx = referralFixtures(t);
    const wvlMember = await fx.member(WVL);
    const db = t.db.engine.db;
    const changed = await fx.asOrg(wvlMember, (trx) =>
      sql`update obs_boards set title_fr = 'Piraté' where code = 'emploi-jeunes'`.execute(trx),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
    const deleted = await fx.asOrg(wvlMember, (trx) =>
      sql`delete from obs_board_tiles where board_id = (select id from obs_boards where code = 'emploi-jeunes')`.execute(
        trx,
      ),
    );
    expect(Number(deleted.numAffectedRows ?? 0)).toBe(0);
    // A tile on another organisation's board, even claiming to be its own.
    await expect(
      fx.asOrg(wvlMember, (trx) =>
        sql`insert into obs_board_tiles (board_id, org_id, position, indicator_id)
          select b.id, ${wvlMember.orgId}::uuid, 9, i.id from obs_boards b, obs_indicators i
          where b.code = 'emploi-jeunes' and i.code = 'DEMO_POPULATION'`.execute(trx),
      ),
    ).rejects.toThrow();
    await expect(
      fx.asOrg(wvlMember, (trx) =>
        sql`insert into obs_boards (org_id, code, title_fr, title_nl, theme)
          select org_id, 'squat', 'X', 'X', 'custom' from obs_boards where code = 'emploi-jeunes'`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow();
    // Without login: the published board and its tiles, not the draft's.
    const seen = await withContext(db, { scope: 'public' }, async (trx) => ({
      boards: (await sql<{ code: string }>`select code from obs_boards order by code`.execute(trx)).rows.map(
        (r) => r.code,
      ),
      tiles: Number(
        (
          await sql<{ n: string }>`select count(*) as n from obs_board_tiles t
        join obs_boards b on b.id = t.board_id where b.code = 'emploi-jeunes'`.execute(trx)
        ).rows[0]?.n,
      ),
      demoTiles: Number(
        (await sql<{ n: string }>`select count(*) as n from obs_board_tiles`.execute(trx)).rows[0]?.n,
      ),
    }));
    expect(seen.boards).toEqual(['pauvrete-familles']);
    expect(seen.tiles).toBe(0);
    expect(seen.demoTiles).toBe(5);
    // Every change is audited.
    const audited = await sql<{ entity: string }>`select distinct entity from audit.log
      where entity in ('obs_boards', 'obs_board_tiles') order by entity`.execute(db);
    expect(audited.rows.map((r) => r.entity)).toEqual(['obs_board_tiles', 'obs_boards']);
  });
});
