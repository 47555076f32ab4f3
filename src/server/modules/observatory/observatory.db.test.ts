import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type { CatalogueView } from '../../../common/observatory/catalogue-schemas';
import type { ImportPreviewView } from '../../../common/observatory/import-schemas';
import type { IndicatorMapView } from '../../../common/observatory/map-schemas';
import { referralFixtures } from '../people/referrals/fixtures.testing';
import { OFFICIAL_ELEMENTS, OFFICIAL_INDICATORS } from './official';

const available = await engineAvailable();

/**
 * The observatory on both engines (issue 12): the catalogue and who may import; an indicator's map with the
 * small-number rules (a source's secret and its secondary suppression inside the country's total), each
 * country's total as a ratio of sums, a class-C indicator on two national scales; importing a Statbel file
 * (preview, all-or-nothing commit, re-import replacing its vintage, the mapping remembered) and an INSEE file
 * with problems named by line and column and nothing written; a vintage another organisation owns; and the
 * database letting an organisation write only its own values.
 */
describe.skipIf(!available)('observatory', () => {
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

  const send = (client: Client, path: string, filename: string, content: string, settings: unknown) => {
    const boundary = '----samen-obs-boundary';
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
        'x-samen-language': 'nl',
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
      },
    });
  };
  const map = async (client: Client, code: string, query = '') => {
    const r = await client.get(`/api/observatory/indicators/${code}/map${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as IndicatorMapView;
  };

  it('holds the official definitions migration 0036 writes, the same the demo writes again after a wipe', async () => {
    const rows = await sql<{ code: string; comparability: string; source_column: string | null }>`
      select code, comparability, source_column from obs_data_elements where org_id is null
        and code not like 'DEMO%' order by code`.execute(t.db.engine.db);
    expect(rows.rows).toEqual(
      [...OFFICIAL_ELEMENTS]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((e) => ({ code: e.code, comparability: e.comparability, source_column: e.column })),
    );
    const indicators = await sql<{ code: string; factor: number }>`select code, factor from obs_indicators
      where org_id is null and code not like 'DEMO%' order by code`.execute(t.db.engine.db);
    expect(indicators.rows).toEqual(
      [...OFFICIAL_INDICATORS]
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((i) => ({ code: i.code, factor: i.factor })),
    );
  });

  it('lists the indicators and data to every reader, the import to those who may', async () => {
    const c = (await wvl.get('/api/observatory/catalogue')).json() as CatalogueView;
    expect(c.canImport).toBe(true);
    expect(c.indicators.map((i) => i.code)).toEqual(
      expect.arrayContaining([
        'DEMO_MIN_INCOME_RATE',
        'DEMO_MEDIAN_INCOME',
        'SINGLE_PARENT_SHARE',
        'INCOME_PER_RETURN',
      ]),
    );
    expect(c.elements.find((e) => e.code === 'DEMO_POP')?.periods).toEqual(['2021', '2022']);
    const referent = await t.login('referent@cpas-mouscron.example');
    expect(((await referent.get('/api/observatory/catalogue')).json() as CatalogueView).canImport).toBe(
      false,
    );
    expect((await t.anonymous.get('/api/observatory/catalogue')).statusCode).toBe(401);
    expect((await send(referent, '/preview', 'x.txt', 'a;b\n', { vintage: 'X' })).statusCode).toBe(403);
  });

  it('maps a rate with the source’s secret kept and one more value hidden inside the country’s total', async () => {
    const v = await map(wvl, 'DEMO_MIN_INCOME_RATE', '?period=2022');
    expect(v.period).toBe('2022');
    expect(v.kind).toBe('rate');
    expect(v.scales.map((s) => s.country)).toEqual(['all']);
    const baisieux = v.cells.find((c) => c.code === 'FR-59044');
    expect(baisieux?.status).toBe('suppressed_source');
    const fr = v.cells.filter((c) => c.country === 'FR');
    expect(fr.filter((c) => c.status === 'suppressed_secondary')).toHaveLength(1);
    // Hidden cells carry no class; shown ones one.
    for (const c of v.cells) expect(c.klass === null).toBe(c.status !== 'shown');
    // A hidden cell's figures never leave the server, whoever asks (the analyst included).
    for (const c of v.cells.filter((x) => x.status !== 'shown'))
      expect([c.numerator, c.denominator, c.value, c.relative]).toEqual([null, null, null, null]);
    // Each side's total is a ratio of sums, not a mean of the municipalities' rates.
    const be = v.cells.filter((c) => c.country === 'BE');
    const total = v.totals.find((x) => x.code === 'BE')!;
    const num = be.reduce((s, c) => s + (c.numerator ?? 0), 0);
    const den = be.reduce((s, c) => s + (c.denominator ?? 0), 0);
    expect(total.value).toBeCloseTo((num / den) * 1000, 6);
    const mean = be.reduce((s, c) => s + (c.value ?? 0), 0) / be.length;
    expect(Math.abs((total.value ?? 0) - mean)).toBeGreaterThan(0.01);
    expect(v.sources[0]).toMatch(/valeurs fictives/);
    // A count without denominator is drawn as bubbles.
    expect((await map(wvl, 'DEMO_POPULATION')).kind).toBe('count');
    expect((await wvl.get('/api/observatory/indicators/NOPE/map')).statusCode).toBe(404);
    // The Eurométropole only: Charleroi and Binche are outside, Kortrijk and Tourcoing inside.
    const euro = await map(wvl, 'DEMO_MIN_INCOME_RATE', '?period=2022&group=eurometropole');
    expect(euro.group).toBe('eurometropole');
    expect(euro.cells.map((c) => c.code)).toEqual(expect.arrayContaining(['BE-34022', 'FR-59599']));
    expect(euro.cells.some((c) => c.code === 'BE-52011' || c.code === 'BE-58002')).toBe(false);
    expect((await wvl.get('/api/observatory/indicators/DEMO_POPULATION/map?group=nowhere')).statusCode).toBe(
      404,
    );
    expect((await wvl.get('/api/observatory/indicators/DEMO_POPULATION/map?period=soon')).statusCode).toBe(
      400,
    );
  });

  it('puts a class-C indicator on two national scales, each side at its own period within a year', async () => {
    const v = await map(tourcoing, 'DEMO_MEDIAN_INCOME', '?period=2022');
    expect(v.scales.map((s) => [s.country, s.reference, s.relative])).toEqual([
      ['BE', 29000, true],
      ['FR', 23160, true],
    ]);
    const fr = v.cells.find((c) => c.country === 'FR' && c.status === 'shown')!;
    expect(fr.period).toBe('2021');
    expect(fr.relative).toBeCloseTo(((fr.value ?? 0) / 23160) * 100, 6);
    expect(v.cells.find((c) => c.country === 'BE')?.period).toBe('2022');
    expect(v.indicator.caveats).toMatch(/Filosofi/);
  });

  const statbel = (residents: number) =>
    [
      'CD_YEAR|CD_MUNTY_REFNIS|TX_MUNTY_DESCR_NL|TX_MUNTY_DESCR_FR|MS_NBR_NON_ZERO_INC|MS_TOT_NET_TAXABLE_INC|MS_TOT_RESIDENTS',
      `2022|34022|Kortrijk|Courtrai|40210|1302450000|${residents}`,
      '2022|34027|Menen|Menin|16020|421300000|33540',
      '2022|57096|Moeskroen|Mouscron|C|C|58767',
    ].join('\n');

  it('imports a Statbel file all at once, replaces its vintage on re-import, and remembers the mapping', async () => {
    const settings = { vintage: 'Statbel 2022', geoVintage: 'REFNIS 2025' };
    const preview = await send(wvl, '/preview', 'TF_PSNL_INC_TAX_MUNTY.txt', statbel(77109), settings);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as ImportPreviewView;
    expect(p.format).toBe('statbel');
    expect(p.problemCount).toBe(0);
    expect(p.mapping?.columns.map((c) => c.element).sort()).toEqual([
      'MS_NBR_NON_ZERO_INC',
      'MS_TOT_NET_TAXABLE_INC',
      'MS_TOT_RESIDENTS',
    ]);
    expect(p.values).toBe(9);
    expect(p.secret).toBe(2);
    expect(p.territories).toBe(3);
    // Nothing written by a preview.
    const count = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`select count(*) as n from obs_values where vintage = 'Statbel 2022'`.execute(t.db.engine.db)
        ).rows[0]?.n,
      );
    expect(await count()).toBe(0);
    const done = await send(wvl, '', 'TF_PSNL_INC_TAX_MUNTY.txt', statbel(77109), settings);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ values: 9, replaced: 0 });
    expect(await count()).toBe(9);
    const audit = await sql<{ n: string }>`select count(*) as n from audit.log
      where entity = 'obs_imports' and after ->> 'vintage' = 'Statbel 2022'
        and after ->> 'checksum' ~ '^[0-9a-f]{64}$'`.execute(t.db.engine.db);
    expect(Number(audit.rows[0]?.n)).toBe(1);
    // Again, with Kortrijk corrected: replaced, not duplicated; the saved mapping is used.
    const again = await send(wvl, '/preview', 'TF_PSNL_INC_TAX_MUNTY.txt', statbel(77200), settings);
    expect((again.json() as ImportPreviewView).savedMapping).toBe(true);
    expect((again.json() as ImportPreviewView).replaces).toBe(9);
    const redo = await send(wvl, '', 'TF_PSNL_INC_TAX_MUNTY.txt', statbel(77200), settings);
    expect(redo.json()).toMatchObject({ values: 9, replaced: 9 });
    expect(await count()).toBe(9);
    const v = await map(wvl, 'INCOME_PER_RETURN', '?period=2022');
    const kortrijk = v.cells.find((c) => c.code === 'BE-34022')!;
    expect(kortrijk.value).toBeCloseTo(1302450000 / 40210, 3);
    expect(v.cells.find((c) => c.code === 'BE-57096')?.status).toBe('suppressed_source');
    // Another organisation may not overwrite this vintage.
    const theirs = await send(tourcoing, '/preview', 'statbel.txt', statbel(1), settings);
    expect((theirs.json() as ImportPreviewView).problems.map((x) => x.code)).toContain(
      'observatory.errors.vintage_elsewhere',
    );
    expect((await send(tourcoing, '', 'statbel.txt', statbel(1), settings)).statusCode).toBe(400);
    expect(await count()).toBe(9);
  });

  it('names every problem of an INSEE file by line and column, and writes nothing', async () => {
    const insee = [
      'CODGEO;LIBGEO;P21_POP;C21_FAM;C21_FAMMONO',
      '59599;Tourcoing;98656;25010;6120',
      '59512;Roubaix;98 089;beaucoup;7012',
      '99999;Inconnue;10;5;1',
      '59599;Tourcoing;98656;25010;6120',
    ].join('\n');
    const r = await send(tourcoing, '/preview', 'base-cc-2021.csv', insee, { vintage: 'RP 2021' });
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json() as ImportPreviewView;
    expect(p.format).toBe('insee');
    const problems = p.problems.map((x) => [x.line, x.column, x.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [3, 'C21_FAM', 'invalid_number'],
        [4, 'CODGEO', 'unknown_code'],
        [5, expect.anything(), 'duplicate_key'],
      ]),
    );
    expect(p.problems.every((x) => x.message.length > 10)).toBe(true);
    const refused = await send(tourcoing, '', 'base-cc-2021.csv', insee, { vintage: 'RP 2021' });
    expect(refused.statusCode).toBe(400);
    const stored = await sql<{
      n: string;
    }>`select count(*) as n from obs_values where vintage = 'RP 2021'`.execute(t.db.engine.db);
    expect(Number(stored.rows[0]?.n)).toBe(0);
    // Bad settings and control characters: a translated 400, never a 500.
    expect((await send(tourcoing, '/preview', 'x.csv', insee, { vintage: '' })).statusCode).toBe(400);
    expect((await send(tourcoing, '/preview', 'x.csv', insee, { vintage: 'RP\u0000' })).statusCode).toBe(400);
  });

  it('lets an organisation write only its own values', async () => {
    const fx = referralFixtures(t);
    const them = await fx.member(TOURCOING);
    const deleted = await fx.asOrg(them, (trx) =>
      sql`delete from obs_values where vintage = 'Statbel 2022'`.execute(trx),
    );
    expect(Number(deleted.numAffectedRows ?? 0)).toBe(0);
    const wvlImport = (
      await sql<{
        id: string;
        org_id: string;
      }>`select id, org_id from obs_imports where vintage = 'Statbel 2022'
        limit 1`.execute(t.db.engine.db)
    ).rows[0]!;
    await expect(
      fx.asOrg(them, (trx) =>
        sql`insert into obs_values (element_id, geo_code, period, vintage, value, org_id, import_id)
          select id, 'BE-34022', '2023', 'Faux', 1, ${wvlImport.org_id}::uuid, ${wvlImport.id}::uuid
          from obs_data_elements where code = 'MS_TOT_RESIDENTS'`.execute(trx),
      ),
    ).rejects.toThrow();
    // Nor its own values under another organisation's import.
    await expect(
      fx.asOrg(them, (trx) =>
        sql`insert into obs_values (element_id, geo_code, period, vintage, value, org_id, import_id)
          select id, 'BE-34022', '2023', 'Faux', 1, ${them.orgId}::uuid, ${wvlImport.id}::uuid
          from obs_data_elements where code = 'MS_TOT_RESIDENTS'`.execute(trx),
      ),
    ).rejects.toThrow();
    // Whoever writes (the schema's owner here, past every policy), a value and its import name the same owner:
    // no value of samen's own (no organisation) under an organisation's import, none in the nil organisation.
    await expect(
      sql`insert into obs_values (element_id, geo_code, period, vintage, value, org_id, import_id)
        select id, 'BE-34022', '2023', 'Faux', 1, null, ${wvlImport.id}::uuid
        from obs_data_elements where code = 'MS_TOT_RESIDENTS'`.execute(t.db.engine.db),
    ).rejects.toThrow();
    await expect(
      sql`insert into obs_values (element_id, geo_code, period, vintage, value, org_id, import_id)
        select id, 'BE-34022', '2023', 'Faux', 1, '00000000-0000-0000-0000-000000000000'::uuid,
          ${wvlImport.id}::uuid
        from obs_data_elements where code = 'MS_TOT_RESIDENTS'`.execute(t.db.engine.db),
    ).rejects.toThrow();
    // Nor a value of an element that does not exist (checked once per statement, as a key would).
    await expect(
      sql`insert into obs_values (element_id, geo_code, period, vintage, value, org_id, import_id)
        values (gen_random_uuid(), 'BE-34022', '2023', 'Faux', 1, ${wvlImport.org_id}::uuid,
          ${wvlImport.id}::uuid)`.execute(t.db.engine.db),
    ).rejects.toThrow(/unknown data element/);
    // Deleting an import still deletes its values.
    const withValues = (
      await sql<{ id: string }>`select i.id from obs_imports i
        where exists (select 1 from obs_values v where v.import_id = i.id) limit 1`.execute(t.db.engine.db)
    ).rows[0]!;
    await t.db.engine.db
      .transaction()
      .execute(async (trx) => {
        await sql`delete from obs_imports where id = ${withValues.id}::uuid`.execute(trx);
        const left = await sql<{ n: number }>`select count(*)::int as n from obs_values
        where import_id = ${withValues.id}::uuid`.execute(trx);
        expect(left.rows[0]!.n).toBe(0);
        // Leave the store as it was for the other tests.
        throw new Error('rolled back');
      })
      .catch((e: Error) => expect(e.message).toBe('rolled back'));
    // Nor another organisation's definitions.
    const changed = await fx.asOrg(them, (trx) =>
      sql`update obs_data_elements set label_fr = 'Piraté' where code = 'DEMO_POP'`.execute(trx),
    );
    expect(Number(changed.numAffectedRows ?? 0)).toBe(0);
  });
});
