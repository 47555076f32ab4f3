import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type { BoardView, PublicBoardView } from '../../../common/observatory/board-schemas';
import type { MapShapes } from '../../../common/observatory/map-schemas';
import { forgetInProcess } from './shape-sets';

const available = await engineAvailable();

/**
 * A map's boundaries served apart (issue 15): the board answers codes, centroids and values with a shapes
 * key, never coordinates; the key answers the simplified boundaries without login, cached for good (ETag,
 * 304), and an unknown key a translated 404.
 */
describe.skipIf(!available)('observatory map shapes', () => {
  let t: TestApp;
  let wvl: Client;

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login('analist@west-vlaanderen.example');
  });
  afterAll(async () => t?.close());

  const shapes = (key: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/observatory/shapes/${key}`, headers });

  it('answers the board without boundaries, and the boundaries apart, cacheable and without login', async () => {
    const r = await wvl.get('/api/observatory/boards/pauvrete-familles');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).not.toMatch(/coordinates|"geometry"/);
    const board = r.json() as BoardView;
    const map = board.tiles[0]!.map;
    expect(map.shapesKey).toMatch(/^[a-f0-9]{32}$/);
    expect(map.shapes.some((s) => s.boundary)).toBe(true);
    // A chart draws no map: neither shapes nor key.
    const ranking = board.tiles.find((x) => x.kind === 'ranking')!.map;
    expect(ranking.shapes).toEqual([]);
    expect(ranking.shapesKey).toBeUndefined();

    // The public board names the same boundaries (the same territories, the same key).
    const pub = await t.anonymous.get('/api/public/observatory/boards/pauvrete-familles?lang=fr');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.body).not.toMatch(/coordinates/);
    expect((pub.json() as PublicBoardView).tiles[0]!.map.shapesKey).toBe(map.shapesKey);

    const s = await shapes(map.shapesKey!);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(s.headers.etag).toBe(`"${map.shapesKey}"`);
    expect(String(s.headers['content-type'])).toMatch(/^application\/json/);
    expect(s.headers['set-cookie']).toBeUndefined();
    const body = s.json() as MapShapes;
    expect(body.key).toBe(map.shapesKey);
    const bounded = map.shapes.filter((x) => x.boundary).map((x) => x.code);
    expect(body.shapes.map((x) => x.code).sort()).toEqual([...bounded].sort());
    // Boundaries only: a code and its geometry, nothing of the values.
    for (const x of body.shapes) {
      expect(Object.keys(x).sort()).toEqual(['code', 'geometry']);
      expect(['Polygon', 'MultiPolygon']).toContain((x.geometry as { type: string }).type);
    }

    const again = await shapes(map.shapesKey!, { 'if-none-match': `"${map.shapesKey}"` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers a key in a process that never computed its map (several processes behind one address)', async () => {
    const map = ((await wvl.get('/api/observatory/boards/pauvrete-familles')).json() as BoardView).tiles[0]!
      .map;
    const first = await shapes(map.shapesKey!);
    expect(first.statusCode).toBe(200);
    forgetInProcess();
    const other = await shapes(map.shapesKey!);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.body).toBe(first.body);
    // What is kept to rebuild it: territory codes (and old codes), nothing else.
    const kept = (await t.db.engine.rawQuery(
      'select key, codes, sources from obs_shape_sets where key = $1',
      [map.shapesKey],
    )) as Array<{ codes: string[] }>;
    expect(kept).toHaveLength(1);
    expect(kept[0]!.codes.every((c) => /^(FR|BE)-/.test(c))).toBe(true);
  });

  it('answers an unknown key with a translated 404, and refuses a malformed one', async () => {
    const fr = await shapes('0'.repeat(32), { 'x-samen-language': 'fr' });
    expect(fr.statusCode).toBe(404);
    expect(fr.json().error.message).toMatch(/contours/);
    const nl = await shapes('0'.repeat(32), { 'x-samen-language': 'nl' });
    expect(nl.json().error.message).toMatch(/kaartgrenzen/);
    expect(String(fr.headers['cache-control'] ?? '')).not.toMatch(/immutable/);
    for (const bad of ['ABC', '0'.repeat(33), '..%2F..%2Fetc', 'z'.repeat(32)])
      expect((await shapes(bad)).statusCode).toBe(400);
  });

  it('keeps the indicator map page free of coordinates too', async () => {
    const r = await wvl.get('/api/observatory/indicators/DEMO_MIN_INCOME_RATE/map');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).not.toMatch(/coordinates/);
    const key = r.json().shapesKey as string;
    expect((await shapes(key)).statusCode).toBe(200);
  });
});
