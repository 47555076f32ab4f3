import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../../test/support/app';
import { engineAvailable } from '../../../../test/support/engine';
import type { ImportPreviewView } from '../../../common/observatory/import-schemas';

const available = await engineAvailable();

/**
 * The import's upload streamed to a temporary file under a configurable cap (OBSERVATORY_IMPORT_MAX_MB):
 * a file past it refused with a translated 413 and no temporary file left; a large preview read from disk
 * batch by batch while another request is answered before it ends.
 */
describe.skipIf(!available)('observatory: streamed import upload', () => {
  let t: TestApp;
  let wvl: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { OBSERVATORY_IMPORT_MAX_MB: '5' } });
    wvl = await t.login('analist@west-vlaanderen.example');
  });
  afterAll(async () => t?.close());

  const send = (content: string) => {
    const boundary = '----samen-stream-boundary';
    const settings = {
      format: 'long',
      vintage: 'Flux 2026',
      geoVintage: null,
      skipUnknown: false,
      mapping: null,
    };
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="settings"\r\n\r\n${JSON.stringify(settings)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.csv"\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    return t.app.inject({
      method: 'POST',
      url: '/api/observatory/imports/preview',
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-samen-language': 'en',
        cookie: wvl.cookie,
        'x-csrf-token': wvl.csrf,
      },
    });
  };
  const spooled = async () => {
    const dirs = (await readdir(tmpdir())).filter((d) => d.startsWith('samen-import-'));
    const sizes = await Promise.all(
      dirs.map((d) =>
        stat(join(tmpdir(), d, 'upload')).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    return { dirs, sizes };
  };

  it('refuses a file past the limit with a translated 413, leaving no temporary file', async () => {
    const before = (await spooled()).dirs.length;
    const r = await send('geo_code,period,element,value\n' + 'x'.repeat(6 * 1024 * 1024));
    expect(r.statusCode, r.body).toBe(413);
    expect(r.json().error.code).toBe('observatory.errors.file_too_large');
    expect(r.json().error.message).toContain('5 MB');
    expect((await spooled()).dirs.length).toBe(before);
  });

  it('answers another request while a large preview is read', async () => {
    const codes = (
      await sql<{ code: string }>`select code from territories where code ~ '^(FR|BE)-[0-9]' order by code
        limit 20`.execute(t.db.engine.db)
    ).rows.map((r) => r.code);
    const lines = ['geo_code,period,element,value'];
    for (const element of ['DEMO_POP', 'DEMO_FAM', 'DEMO_FAM_MONO', 'DEMO_MIN_INC', 'DEMO_POP_18_64'])
      for (let y = 1950; y < 2050; y++)
        for (let m = 1; m <= 12; m++)
          for (const c of codes) lines.push(`${c},${y}-${String(m).padStart(2, '0')},${element},${y + m}`);
    const content = lines.join('\n');
    const size = Buffer.byteLength(content);
    const order: string[] = [];
    const importing = send(content).then((r) => {
      order.push('import');
      return r;
    });
    // Once the whole upload is on disk the reading begins: then another request comes in.
    while (!(await spooled()).sizes.includes(size)) await new Promise((r) => setImmediate(r));
    // On PostgreSQL it has its own connection; PGlite has one, held by the import's transaction, so there a
    // request that needs no database shows the event loop is free.
    const other =
      t.deps.engine.kind === 'pglite'
        ? t.app.inject({ method: 'GET', url: '/api/observatory/catalogue' })
        : t.app.inject({ method: 'GET', url: '/api/health' });
    const answered = await other;
    order.push('other');
    expect([200, 401]).toContain(answered.statusCode);
    const r = await importing;
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as ImportPreviewView).values).toBe(lines.length - 1);
    expect(order).toEqual(['other', 'import']);
  });
});
