import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseProblems } from '../../test/fuzz/check-response';
import { type FileCase, fileCases } from '../../test/fuzz/files';
import { fingerprinter, unexpectedWrites } from '../../test/fuzz/fingerprint';
import { multipart, postMultipart } from '../../test/fuzz/multipart';
import { type Client, createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable, testEngineKind } from '../../test/support/engine';

/**
 * Issue 16, fuzzing the imports through HTTP, once per format at least: the territory import (CSV,
 * GeoJSON, TopoJSON) and the observatory import (preview and commit; INSEE, Statbel, long CSV, XLSX),
 * fed truncated, re-encoded (Latin-1, UTF-16), flipped and hostile files. Never a 5xx; a refusal is the
 * translated error whose fields name the line or feature; a refused import writes nothing.
 */
const available = await engineAvailable();
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const OBS = join(import.meta.dirname, 'modules/observatory/import/fixtures');

const TERRITORY_CSV = [
  'geo_id,country,code,name_fr,name_nl,parent_code,region,population,centroid_lon,centroid_lat,label_lon,label_lat',
  'BE-57096,BE,57096,Mouscron,Moeskroen,57000,BE-WAL,58767,3.25090,50.73635,3.23308,50.73541',
].join('\n');
const square = [
  [3, 50],
  [3.1, 50],
  [3.1, 50.1],
  [3, 50.1],
  [3, 50],
];
const PROPS = {
  geo_id: 'BE-57096',
  country: 'BE',
  code: '57096',
  name_fr: 'Mouscron',
  name_nl: 'Moeskroen',
  region: 'BE-WAL',
};
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: PROPS, geometry: { type: 'Polygon', coordinates: [square] } }],
});
const TOPOJSON = JSON.stringify({
  type: 'Topology',
  arcs: [square],
  objects: {
    c: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: PROPS }] },
  },
});

/** A refusal's fields must place each problem: a line, a feature, or the whole file (''). */
const located = (path: string) => path === '' || /^(line|feature)\.\d+(\.|$)/.test(path);

describe.skipIf(!available)(`fuzzing the imports through HTTP (${testEngineKind}, seed ${SEED})`, () => {
  let t: TestApp;
  let admin: Client;
  let analyst: Client;
  let fp: Awaited<ReturnType<typeof fingerprinter>>;
  let tried = 0;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@samen.example');
    analyst = await t.login('analyse@ccas-tourcoing.example');
    fp = await fingerprinter(t.db.engine, ['app.rate_limits']);
  }, 600_000);
  afterAll(async () => {
    console.log(`fuzz imports (${testEngineKind}): ${tried} files sent (seed ${SEED})`);
    await t?.close();
  });

  /** Sends one file and returns what is wrong with the answer. */
  async function problemsOf(
    c: Client,
    url: string,
    fields: Record<string, string>,
    name: string,
    file: FileCase,
  ) {
    tried++;
    const before = await fp.take();
    const r = await postMultipart(
      t,
      c,
      url,
      multipart(fields, { name: 'file', filename: name, bytes: file.bytes }),
    );
    const out = responseProblems(r);
    if (r.statusCode >= 400 && r.statusCode < 500) {
      const diff = await unexpectedWrites(t.db.engine, before, await fp.take());
      if (diff.length) out.push(`refused but wrote ${diff.join(', ')}`);
      const err = r.json().error as { code: string; fields?: Array<{ path: string }> };
      if (/refused$/.test(err.code)) {
        if (!err.fields?.length) out.push(`${err.code} names no problem`);
        for (const f of err.fields ?? []) if (!located(f.path)) out.push(`problem not placed: '${f.path}'`);
      }
    }
    if (r.statusCode === 200 && url.endsWith('/preview'))
      for (const p of r.json().problems as Array<{ line: number; code: string; message: string }>) {
        if (!(p.line >= 1)) out.push(`problem ${p.code} at line ${p.line}`);
        if (!p.message || p.message === p.code || p.message.includes('observatory.import.errors.'))
          out.push(`untranslated problem ${p.code}`);
      }
    return out.length ? [`${url} ${name}, ${file.how} → ${r.statusCode}: ${out.join('; ')}`] : [];
  }

  async function fuzz(
    c: Client,
    url: string,
    fields: Record<string, string>,
    name: string,
    arb: fc.Arbitrary<FileCase>,
  ) {
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(arb, async (file) => {
        found.push(...(await problemsOf(c, url, fields, name, file)));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    return found;
  }

  it('territory import: CSV, GeoJSON and TopoJSON files broken every way', async () => {
    const found = [
      ...(await fuzz(
        admin,
        '/api/territories/import',
        {},
        'c.csv',
        fileCases(Buffer.from(TERRITORY_CSV), { text: true }),
      )),
      ...(await fuzz(
        admin,
        '/api/territories/import',
        {},
        'c.geojson',
        fileCases(Buffer.from(GEOJSON), { text: false }),
      )),
      ...(await fuzz(
        admin,
        '/api/territories/import',
        {},
        'c.topojson',
        fileCases(Buffer.from(TOPOJSON), { text: false }),
      )),
    ];
    expect(found).toEqual([]);
  }, 600_000);

  it('observatory import: preview and commit of INSEE, Statbel and long files broken every way', async () => {
    const found: string[] = [];
    for (const [name, settings] of [
      ['long.csv', { vintage: 'Fuzz long' }],
      ['insee-rp-2021-utf8-bom.csv', { vintage: 'Fuzz RP' }],
      ['statbel-TF_PSNL_INC_TAX_MUNTY.txt', { vintage: 'Fuzz Statbel' }],
    ] as const) {
      const arb = fileCases(readFileSync(join(OBS, name)), { text: true });
      for (const url of ['/api/observatory/imports/preview', '/api/observatory/imports'])
        found.push(...(await fuzz(analyst, url, { settings: JSON.stringify(settings) }, name, arb)));
    }
    expect(found).toEqual([]);
  }, 600_000);

  it('regression (seed 1, "CR line ends"): a Statbel file with Mac line ends is an unrecognised header, not a 500', async () => {
    const text = readFileSync(join(OBS, 'statbel-TF_PSNL_INC_TAX_MUNTY.txt'), 'utf8').replace(/\n/g, '\r');
    const file = { name: 'file', filename: 'statbel.txt', bytes: Buffer.from(text) };
    const settings = { settings: JSON.stringify({ vintage: 'Fuzz CR' }) };
    const preview = await postMultipart(
      t,
      analyst,
      '/api/observatory/imports/preview',
      multipart(settings, file),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().problems.map((p: { code: string }) => p.code)).toEqual(['unknown_format']);
    const commit = await postMultipart(t, analyst, '/api/observatory/imports', multipart(settings, file));
    expect(commit.statusCode, commit.body).toBe(400);
    expect(responseProblems(commit)).toEqual([]);
  });

  it('observatory import: a refused commit names its problems by line, translated, and writes nothing', async () => {
    const bad = Buffer.from(
      'geo_code,period,element,value\nFR-59350,2021,RSA_FOYERS,beaucoup\nFR-59350,2021,RSA_FOYERS,1\n',
    );
    const r = await postMultipart(
      t,
      analyst,
      '/api/observatory/imports',
      multipart(
        { settings: JSON.stringify({ vintage: 'Fuzz refused' }) },
        { name: 'file', filename: 'x.csv', bytes: bad },
      ),
    );
    expect(r.statusCode, r.body).toBe(400);
    expect(responseProblems(r)).toEqual([]);
    const fields = r.json().error.fields as Array<{ path: string; code: string; message: string }>;
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((f) => f.path.startsWith('line.') && f.message !== f.code)).toBe(true);
  });
});
