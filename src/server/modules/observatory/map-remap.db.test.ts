import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type { ImportPreviewView } from '../../../common/observatory/import-schemas';
import type { IndicatorMapView } from '../../../common/observatory/map-schemas';

const available = await engineAvailable();

/**
 * Code history and disaggregation on both engines (issue 12): files of 2018 published under codes retired
 * since (Mouscron 54007, renumbered 57096 in 2019; Meulebeke 37007 and Tielt 37015, merged into 37022 in
 * 2025) are accepted and stored as published, the preview saying where they go; the map shows them on
 * today's codes (a count moved, two merged codes summed and the rate recomputed from the sums, a median
 * refused across the merger but moved by the renumbering); values broken down by sex are imported and
 * mapped, the denominator at the same breakdown when it has it, else at its total.
 */
describe.skipIf(!available)('observatory: code history and disaggregation', () => {
  let t: TestApp;
  let wvl: Client;

  beforeAll(async () => {
    t = await createTestApp();
    wvl = await t.login('analist@west-vlaanderen.example');
  });
  afterAll(async () => t?.close());

  const send = (path: string, filename: string, content: string, settings: unknown) => {
    const boundary = '----samen-obs-remap';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="settings"\r\n\r\n${JSON.stringify(settings)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: 'POST',
      url: `/api/observatory/imports${path}`,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-samen-language': 'en',
        cookie: wvl.cookie,
        'x-csrf-token': wvl.csrf,
      },
    });
  };
  const importFile = async (filename: string, content: string, settings: unknown) => {
    const preview = await send('/preview', filename, content, settings);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as ImportPreviewView;
    expect(p.problems).toEqual([]);
    const done = await send('', filename, content, settings);
    expect(done.statusCode, done.body).toBe(200);
    return p;
  };
  const map = async (code: string, query: string) => {
    const r = await wvl.get(`/api/observatory/indicators/${code}/map${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as IndicatorMapView;
  };

  const statbel2018 = [
    'CD_YEAR|CD_MUNTY_REFNIS|TX_MUNTY_DESCR_NL|MS_NBR_NON_ZERO_INC|MS_TOT_NET_TAXABLE_INC|MS_TOT_RESIDENTS',
    '2018|54007|Moeskroen|28000|560000000|57900',
    '2018|37007|Meulebeke|5000|100000000|11000',
    '2018|37015|Tielt|10000|260000000|20500',
    '2018|34022|Kortrijk|40000|1200000000|76000',
  ].join('\n');

  it('accepts codes known only as retired ones, stores them as published and says where they go', async () => {
    const p = await importFile('statbel-2018.txt', statbel2018, {
      vintage: 'Statbel 2018',
      geoVintage: 'REFNIS 2018',
    });
    expect(p.values).toBe(12);
    expect(p.oldCodes).toEqual(
      expect.arrayContaining([
        { code: 'BE-54007', mappedTo: ['BE-57096'] },
        { code: 'BE-37007', mappedTo: ['BE-37022'] },
        { code: 'BE-37015', mappedTo: ['BE-37022'] },
      ]),
    );
    expect(p.oldCodes).toHaveLength(3);
    expect(p.sample.find((s) => s.geoCode === 'BE-54007')?.mappedTo).toEqual(['BE-57096']);
    expect(p.sample.find((s) => s.geoCode === 'BE-34022')?.mappedTo).toBeUndefined();
    // Stored under the codes of the file: the vintage stays faithful to its source.
    const stored = await sql<{ geo_code: string }>`select distinct geo_code from obs_values
      where vintage = 'Statbel 2018' order by geo_code`.execute(t.db.engine.db);
    expect(stored.rows.map((r) => r.geo_code)).toEqual(['BE-34022', 'BE-37007', 'BE-37015', 'BE-54007']);
  });

  it('maps a value of 54007 on 57096 and sums two merged codes before recomputing the rate', async () => {
    const v = await map('INCOME_PER_RETURN', '?period=2018');
    const mouscron = v.cells.find((c) => c.code === 'BE-57096')!;
    expect(mouscron).toMatchObject({ status: 'shown', numerator: 560000000, denominator: 28000 });
    expect(mouscron.value).toBeCloseTo(20000, 6);
    expect(mouscron.remappedFrom).toEqual(['BE-54007']);
    expect(v.cells.some((c) => c.code === 'BE-54007' || c.code === 'BE-37007' || c.code === 'BE-37015')).toBe(
      false,
    );
    const tielt = v.cells.find((c) => c.code === 'BE-37022')!;
    expect(tielt).toMatchObject({ status: 'shown', numerator: 360000000, denominator: 15000 });
    // The ratio of the sums (24,000), not the mean of the two rates (23,000).
    expect(tielt.value).toBeCloseTo(24000, 6);
    expect(tielt.remappedFrom).toEqual(['BE-37007', 'BE-37015']);
    expect(tielt.country).toBe('BE');
    const kortrijk = v.cells.find((c) => c.code === 'BE-34022')!;
    expect(kortrijk.remappedFrom).toBeUndefined();
    // Belgium's total counts each value once.
    const be = v.totals.find((x) => x.code === 'BE')!;
    expect(be.denominator).toBe(28000 + 15000 + 40000);
  });

  it('refuses a median across a merger but moves it with a renumbering', async () => {
    await importFile(
      'medians.csv',
      [
        'geo;period;element;value',
        'BE-37007;2018;MED;21000',
        'BE-37015;2018;MED;23000',
        'BE-54007;2018;MED;19000',
      ].join('\n'),
      { vintage: 'Test médianes 2018', geoVintage: 'REFNIS 2018' },
    );
    const v = await map('MEDIAN_LIVING_STANDARD', '?period=2018');
    const tielt = v.cells.find((c) => c.code === 'BE-37022')!;
    expect(tielt.status).toBe('not_comparable');
    expect(tielt.value).toBeNull();
    expect(tielt.remappedFrom).toEqual(['BE-37007', 'BE-37015']);
    const mouscron = v.cells.find((c) => c.code === 'BE-57096')!;
    expect(mouscron).toMatchObject({ status: 'shown', value: 19000, remappedFrom: ['BE-54007'] });
  });

  it('imports values by sex and maps the rate for women, the denominator at its total when it has no such breakdown', async () => {
    const p = await importFile(
      'by-sex.csv',
      [
        'geo;period;element;value;sex',
        'BE-34022;2018;MS_TOT_NET_TAXABLE_INC;500000000;F',
        'BE-34022;2018;MS_TOT_NET_TAXABLE_INC;700000000;M',
        'BE-54007;2018;MS_TOT_NET_TAXABLE_INC;250000000;vrouwen',
        'BE-54007;2018;MS_TOT_NET_TAXABLE_INC;310000000;mannen',
      ].join('\n'),
      { vintage: 'Statbel 2018 par sexe', geoVintage: 'REFNIS 2018' },
    );
    expect(p.sample.map((s) => s.disaggregation)).toEqual(['sex:F', 'sex:M', 'sex:F', 'sex:M']);
    expect(p.elements[0]?.disaggregations).toEqual(['sex:F', 'sex:M']);
    const v = await map('INCOME_PER_RETURN', '?period=2018&disaggregation=sex:F');
    expect(v.disaggregation).toBe('sex:F');
    expect(v.disaggregations).toEqual(['total', 'sex:F', 'sex:M']);
    expect(v.denominatorDisaggregation).toBe('total');
    const kortrijk = v.cells.find((c) => c.code === 'BE-34022')!;
    expect(kortrijk).toMatchObject({ numerator: 500000000, denominator: 40000 });
    // An old code's breakdown is carried onto the current code too.
    expect(v.cells.find((c) => c.code === 'BE-57096')).toMatchObject({
      numerator: 250000000,
      remappedFrom: ['BE-54007'],
    });
    // The total is untouched by the breakdowns.
    const total = await map('INCOME_PER_RETURN', '?period=2018');
    expect(total.cells.find((c) => c.code === 'BE-34022')?.numerator).toBe(1200000000);
    expect(total.disaggregation).toBe('total');
    // A breakdown the indicator does not have, and one not well formed.
    expect(
      (await wvl.get('/api/observatory/indicators/INCOME_PER_RETURN/map?disaggregation=age:15-24'))
        .statusCode,
    ).toBe(404);
    expect(
      (await wvl.get('/api/observatory/indicators/INCOME_PER_RETURN/map?disaggregation=sex%3B1')).statusCode,
    ).toBe(400);
  });

  it('hides the other sex of a municipality whose count is hidden: the total would give it away', async () => {
    await importFile(
      'recipients-by-sex.csv',
      [
        'geo;period;element;value;sex',
        'BE-34022;2018;DEMO_MIN_INC;3;F',
        'BE-34022;2018;DEMO_MIN_INC;400;M',
        'BE-34022;2018;DEMO_POP_18_64;23000;F',
        'BE-34022;2018;DEMO_POP_18_64;22000;M',
        'BE-34027;2018;DEMO_MIN_INC;150;F',
        'BE-34027;2018;DEMO_MIN_INC;160;M',
        'BE-34027;2018;DEMO_POP_18_64;10000;F',
        'BE-34027;2018;DEMO_POP_18_64;9800;M',
        'BE-57096;2018;DEMO_MIN_INC;900;F',
        'BE-57096;2018;DEMO_MIN_INC;850;M',
        'BE-57096;2018;DEMO_POP_18_64;18000;F',
        'BE-57096;2018;DEMO_POP_18_64;17500;M',
        // The totals (published on the map without breakdown): a blank sex.
        'BE-34022;2018;DEMO_MIN_INC;403;',
        'BE-34022;2018;DEMO_POP_18_64;45000;',
        'BE-34027;2018;DEMO_MIN_INC;310;',
        'BE-34027;2018;DEMO_POP_18_64;19800;',
        'BE-57096;2018;DEMO_MIN_INC;1750;',
        'BE-57096;2018;DEMO_POP_18_64;35500;',
      ].join('\n'),
      { vintage: 'Test par sexe 2018' },
    );
    const women = await map('DEMO_MIN_INCOME_RATE', '?period=2018&disaggregation=sex:F');
    expect(women.denominatorDisaggregation).toBe('sex:F');
    expect(women.cells.find((c) => c.code === 'BE-34022')).toMatchObject({
      status: 'suppressed_small',
      numerator: null,
    });
    const men = await map('DEMO_MIN_INCOME_RATE', '?period=2018&disaggregation=sex:M');
    expect(men.cells.find((c) => c.code === 'BE-34022')).toMatchObject({
      status: 'suppressed_secondary',
      numerator: null,
      value: null,
    });
    // Belgium's total of men protects the hidden one in turn: the smallest other is hidden too.
    expect(men.cells.find((c) => c.code === 'BE-34027')?.status).toBe('suppressed_secondary');
    expect(men.cells.find((c) => c.code === 'BE-57096')).toMatchObject({ status: 'shown', numerator: 850 });
    // Without the breakdown nothing is small: every total is shown.
    const all = await map('DEMO_MIN_INCOME_RATE', '?period=2018');
    expect(all.cells.map((c) => [c.code, c.status, c.numerator]).sort()).toEqual([
      ['BE-34022', 'shown', 403],
      ['BE-34027', 'shown', 310],
      ['BE-57096', 'shown', 1750],
    ]);
  });

  it('maps the demo rate for women over women when both parts are broken down by sex', async () => {
    const v = await map('DEMO_MIN_INCOME_RATE', '?period=2022&disaggregation=sex:F');
    expect(v.denominatorDisaggregation).toBe('sex:F');
    const parts = await sql<{ geo_code: string; code: string; value: string }>`
      select v.geo_code, e.code, v.value from obs_values v join obs_data_elements e on e.id = v.element_id
      where e.code in ('DEMO_MIN_INC', 'DEMO_POP_18_64') and v.period = '2022' and v.disaggregation = 'sex:F'`.execute(
      t.db.engine.db,
    );
    const shown = v.cells.filter((c) => c.status === 'shown');
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) {
      const of = (code: string) =>
        Number(parts.rows.find((r) => r.geo_code === c.code && r.code === code)?.value);
      expect(c.numerator).toBe(of('DEMO_MIN_INC'));
      expect(c.denominator).toBe(of('DEMO_POP_18_64'));
    }
    // The source's secret is kept at every breakdown.
    expect(v.cells.find((c) => c.code === 'FR-59044')?.status).toBe('suppressed_source');
  });
});
