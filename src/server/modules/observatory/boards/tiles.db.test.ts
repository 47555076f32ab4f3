import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../../test/support/app';
import { engineAvailable } from '../../../../../test/support/engine';
import type { BoardView } from '../../../../common/observatory/board-schemas';
import type { IndicatorMapView } from '../../../../common/observatory/map-schemas';

const available = await engineAvailable();

/**
 * A board's chart tiles and PDF on both engines (migration 0039): ranking, series and comparison tiles
 * computed from the map views as ratios of sums under the small-number rules; the board as a PDF in FR and
 * NL, with its follow-up, hidden figures printed as their reason only, a draft never without login.
 */
describe.skipIf(!available)('observatory board chart tiles and PDF', () => {
  let t: TestApp;
  let wvl: Client;
  let tourcoing: Client;
  const WVL = 'analist@west-vlaanderen.example';
  const TOURCOING = 'analyse@ccas-tourcoing.example';
  const DEMO = '/api/observatory/boards/pauvrete-familles';

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login(WVL);
    tourcoing = await t.login(TOURCOING);
  });
  afterAll(async () => t?.close());

  const view = async (client: Client, url: string) => {
    const r = await client.get(url);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as BoardView;
  };
  const mapOf = async (code: string, query: string) => {
    const r = await wvl.get(`/api/observatory/indicators/${code}/map?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as IndicatorMapView;
  };

  it('ranks the territories, hidden ones last and without figures, as the map shows them', async () => {
    const v = await view(wvl, DEMO);
    const map = v.tiles.find((x) => x.kind === 'map' && x.indicator === 'DEMO_MIN_INCOME_RATE')!.map;
    const ranking = v.tiles.find((x) => x.kind === 'ranking')!;
    expect(ranking.map.shapes).toEqual([]);
    const [section] = ranking.ranking!.sections;
    expect(section!.country).toBe('all');
    const shown = section!.entries.filter((e) => e.rank !== null);
    const hidden = section!.entries.filter((e) => e.rank === null);
    expect(shown.map((e) => e.rank)).toEqual(shown.map((_, i) => i + 1));
    for (let i = 1; i < shown.length; i++)
      expect(shown[i - 1]!.value!).toBeGreaterThanOrEqual(shown[i]!.value!);
    expect(section!.entries.slice(shown.length)).toEqual(hidden);
    expect(hidden.map((e) => e.status)).toEqual(
      expect.arrayContaining(['suppressed_source', 'suppressed_secondary']),
    );
    for (const e of hidden) expect(e.value).toBeNull();
    for (const e of shown) expect(e.value).toBe(map.cells.find((c) => c.code === e.code)!.value);
  });

  it('draws the group’s total over the periods as a ratio of sums, never a mean of rates', async () => {
    const v = await view(wvl, DEMO);
    const series = v.tiles.find((x) => x.kind === 'series')!.series!;
    expect(series.periods).toEqual(['2021', '2022']);
    expect(series.lines.map((l) => l.key)).toEqual(['all']);
    for (const point of series.lines[0]!.points) {
      const m = await mapOf('DEMO_SINGLE_PARENT_SHARE', `period=${point.period}&group=eurometropole`);
      const codes = m.cells.map((c) => c.code);
      // The parts straight from the store, for the same municipalities and period.
      const raw = await sql<{ num: string; den: string }>`select
          sum(case when e.code = 'DEMO_FAM_MONO' then v.value end) as num,
          sum(case when e.code = 'DEMO_FAM' then v.value end) as den
        from obs_values v join obs_data_elements e on e.id = v.element_id
        where v.period = ${point.period} and v.disaggregation = 'total'
          and v.geo_code in (${sql.join(codes)})`.execute(t.db.engine.db);
      const ratio = (Number(raw.rows[0]!.num) * 100) / Number(raw.rows[0]!.den);
      expect(point.status).toBe('shown');
      expect(point.value).toBeCloseTo(ratio, 9);
      const mean = m.cells.reduce((s, c) => s + (c.value ?? 0), 0) / m.cells.length;
      expect(Math.abs(point.value! - mean)).toBeGreaterThan(1e-6);
    }
  });

  it('adds series and comparison tiles by their owner, checks their municipalities, splits a class-C one', async () => {
    const base = '/api/observatory/boards/comparer';
    expect(
      (
        await tourcoing.post('/api/observatory/boards', {
          code: 'comparer',
          titleFr: 'Comparer',
          titleNl: 'Vergelijken',
          theme: 'custom',
          group: 'eurometropole',
        })
      ).statusCode,
    ).toBe(201);
    const add = (body: object) => tourcoing.post(`${base}/tiles`, body);
    for (const body of [
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'compare' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'compare', geoA: 'FR-59599', geoB: 'FR-59599' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'compare', geoA: 'FR-59599', geoB: 'BE-99999' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'compare', geoA: 'FR-59599', geoB: 'BE-EVIL' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'map', geoA: 'FR-59599' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'pie' },
    ]) {
      const r = await add(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toBeTruthy();
    }
    for (const body of [
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'compare', geoA: 'FR-59599', geoB: 'BE-34022' },
      { indicator: 'DEMO_MEDIAN_INCOME', kind: 'compare', geoA: 'FR-59599', geoB: 'BE-34022' },
      { indicator: 'DEMO_MEDIAN_INCOME', kind: 'series' },
      { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'series' },
    ])
      expect((await add(body)).statusCode).toBe(201);
    expect(
      (await wvl.post(`${base}/tiles`, { indicator: 'DEMO_MIN_INCOME_RATE', kind: 'series' })).statusCode,
    ).toBe(403);
    const v = await view(tourcoing, base);
    const [rate, median, medianSeries, rateSeries] = v.tiles;
    const c = rate!.compare!;
    expect([c.a.name, c.b.name, c.relative]).toEqual(['Tourcoing', 'Courtrai', false]);
    for (const [k, period] of c.periods.entries()) {
      const m = await mapOf('DEMO_MIN_INCOME_RATE', `period=${period}`);
      expect(c.a.points[k]!.value).toBe(m.cells.find((x) => x.code === 'FR-59599')!.value);
      expect(c.b.points[k]!.value).toBe(m.cells.find((x) => x.code === 'BE-34022')!.value);
    }
    // Class C across the border: drawn against each country's reference.
    expect(median!.compare!.relative).toBe(true);
    expect(medianSeries!.series!.lines.map((l) => l.key)).toEqual(['FR', 'BE']);
    // A median has no total: no figure is made up.
    for (const l of medianSeries!.series!.lines) for (const p of l.points) expect(p.value).toBeNull();
    // Every point is the sum of each side's total, and a hidden point carries nothing.
    for (const p of rateSeries!.series!.lines[0]!.points) {
      const m = await mapOf('DEMO_MIN_INCOME_RATE', `period=${p.period}&group=eurometropole`);
      if (p.status !== 'shown') {
        expect([p.value, p.numerator, p.denominator]).toEqual([null, null, null]);
        continue;
      }
      const num = m.totals.reduce((s, x) => s + x.numerator!, 0);
      const den = m.totals.reduce((s, x) => s + x.denominator!, 0);
      expect([p.numerator, p.denominator]).toEqual([num, den]);
      expect(p.value).toBeCloseTo((num * 1000) / den, 9);
    }
  });

  it('prints the board as a PDF in French and Dutch: tables, sources, follow-up, no hidden figure', async () => {
    const pdf = async (client: Client, url: string) => {
      const r = await client.get(url);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'board-pdf-'));
      writeFileSync(join(dir, 'b.pdf'), r.rawPayload);
      return execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
    };
    const fr = await pdf(tourcoing, `${DEMO}/board.pdf?lang=fr`);
    for (const s of [
      'Pauvreté et familles',
      'Suivi des politiques',
      'Secret de la source',
      'Jeu de démonstration',
      'Rang',
      'Classe',
    ])
      expect(fr).toContain(s);
    expect(fr).toContain('Permanence d’accès aux droits');
    expect(fr).not.toMatch(/Camille|Robin/);
    // A hidden municipality's row names its reason and no number but its period.
    const v = await view(tourcoing, DEMO);
    const hidden = v.tiles[0]!.map.cells.find((c) => c.status === 'suppressed_secondary')!;
    const rows = fr.split('\n').filter((l) => l.includes(hidden.name) && l.includes('Masquée'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.replace(/20\d\d/g, '').replace(/\(.*?\)/g, '')).not.toMatch(/\d/);
    const nl = await pdf(wvl, `${DEMO}/board.pdf`);
    for (const s of ['Armoede en gezinnen', 'Beleidsopvolging', 'In het Frans geschreven'])
      expect(nl).toContain(s);
    // Without login: a published board only.
    expect(
      await pdf(t.anonymous, '/api/public/observatory/boards/pauvrete-familles/board.pdf?lang=nl'),
    ).toContain('Armoede en gezinnen');
    expect((await t.anonymous.get('/api/public/observatory/boards/comparer/board.pdf')).statusCode).toBe(404);
    expect((await t.anonymous.get(`${DEMO}/board.pdf`)).statusCode).toBe(401);
    expect((await tourcoing.get(`${DEMO}/board.pdf?lang=de`)).statusCode).toBe(400);
  });
});
