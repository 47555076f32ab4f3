import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable } from '../../test/support/engine';
import { civilDay } from '../common/kernel/clock';
import { fromDatabaseError } from './platform/errors';

/**
 * Issue 7, item 10: a NUL byte (or any other control character) in text input gave a 500 with a stack
 * trace. Now every route refuses control characters in its path parameters, query and body with a 400
 * naming the field, before anything reaches the database; multi-line free text keeps TAB, LF and CR.
 * The routes the issue names are checked as the users who reach them, then every route the OpenAPI
 * document lists; the router's own errors answer in the app's translated format without the URL.
 */
const available = await engineAvailable();

const CODE = 'validation.control_characters';
/** Percent-encoded controls for URLs, and the same characters for JSON bodies. */
const ENCODED = ['%00', '%01', '%08', '%0B', '%1B', '%1F', '%7F'];
const RAW = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f'];

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[] };
interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
const isString = (s: Schema | undefined): boolean =>
  !!s &&
  (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string')) || !!s.anyOf?.some(isString));

function expectRefused(res: { statusCode: number; body: string }, field: string, what: string) {
  expect(res.statusCode, `${what} → ${res.body.slice(0, 300)}`).toBe(400);
  const error = JSON.parse(res.body).error;
  expect(error.code, what).toBe('errors.validation');
  expect(error.fields, what).toContainEqual(expect.objectContaining({ path: field, code: CODE }));
}

describe.skipIf(!available)('control characters in any text input', () => {
  let t: TestApp;
  let referent: Client;
  let coordinator: Client;
  let orgAdmin: Client;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp();
    referent = await t.login('referent@cpas-mouscron.example');
    coordinator = await t.login('coordination@udccas-nord.example');
    orgAdmin = await t.login('admin@cpas-mouscron.example');
    personId = ((await referent.get('/api/people')).json().items as Array<{ id: string }>)[0]!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  /** Rows in the audit log: every write and every audited read adds one. */
  const auditRows = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from audit.log`.execute(t.db.engine.db)).rows[0]!.n;

  it('refuses them in the searches and filters the issue names, as the users who use them', async () => {
    const before = await auditRows();
    const searches: Array<[Client, string, string[]]> = [
      [t.anonymous, '/api/directory/services', ['q']],
      [t.anonymous, '/api/territories', ['q']],
      [referent, '/api/territories', ['q']],
      [referent, '/api/organisations', ['q']],
      [coordinator, '/api/programmes', ['q']],
      [referent, '/api/people', ['q', 'code']],
      [referent, '/api/offers', ['q']],
      [orgAdmin, '/api/admin/audit', ['entity', 'actor', 'entityId']],
    ];
    for (const [client, path, params] of searches)
      for (const param of params)
        for (const c of [...ENCODED, '%0A', '%09'])
          expectRefused(await client.get(`${path}?${param}=a${c}b`), param, `${path}?${param}=a${c}b`);
    expect(await auditRows()).toBe(before);
  });

  it('refuses them in names, streets and display names, and changes nothing', async () => {
    const person = (await referent.get(`/api/people/${personId}`)).json();
    const count = (await referent.get('/api/people')).json().total;
    const before = await auditRows();
    for (const c of [...RAW, '\n', '\t']) {
      expectRefused(
        await referent.post('/api/people', {
          firstName: `Ami${c}na`,
          lastName: 'Test',
          birthDate: '1990-01-01',
        }),
        'firstName',
        `create firstName ${c.charCodeAt(0)}`,
      );
      expectRefused(
        await referent.post('/api/people', {
          firstName: 'Amina',
          lastName: `Te${c}st`,
          birthDate: '1990-01-01',
        }),
        'lastName',
        `create lastName ${c.charCodeAt(0)}`,
      );
      for (const field of ['firstName', 'lastName', 'street'])
        expectRefused(
          await referent.patch(`/api/people/${personId}`, { [field]: `X${c}Y` }),
          field,
          `patch ${field} ${c.charCodeAt(0)}`,
        );
      expectRefused(
        await referent.patch('/api/me/preferences', { displayName: `Tom${c}` }),
        'displayName',
        `displayName ${c.charCodeAt(0)}`,
      );
    }
    expect(await auditRows()).toBe(before);
    expect((await referent.get('/api/people')).json().total).toBe(count);
    const after = (await referent.get(`/api/people/${personId}`)).json();
    expect([after.firstName, after.lastName, after.street]).toEqual([
      person.firstName,
      person.lastName,
      person.street,
    ]);
    const session = (await referent.get('/api/auth/session')).json();
    expect(session.user.displayName).not.toMatch(/^Tom/);
  });

  it('keeps TAB, LF and CR in multi-line free text, and refuses the other controls there', async () => {
    let pathwayId: string | undefined;
    for (const p of (await referent.get('/api/people?pageSize=100')).json().items as Array<{ id: string }>) {
      const list = (await referent.get(`/api/people/${p.id}/pathways`)).json();
      pathwayId = ((list.items ?? list) as Array<{ id: string }>)[0]?.id;
      if (pathwayId) break;
    }
    expect(pathwayId).toBeDefined();
    const notedOn = civilDay(new Date());
    const ok = await referent.post(`/api/pathways/${pathwayId}/notes`, {
      notedOn,
      body: 'Line one\r\n\tline two',
    });
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    for (const c of RAW)
      expectRefused(
        await referent.post(`/api/pathways/${pathwayId}/notes`, { notedOn, body: `Line one${c}` }),
        'body',
        `note with ${c.charCodeAt(0)}`,
      );
  });

  it('refuses them in every path parameter, query parameter and body field of every route, with no 5xx', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, Operation>
    >;
    expect(Object.keys(paths).length).toBeGreaterThan(40);
    const before = await auditRows();
    const failures: string[] = [];
    let checked = 0;
    for (const [template, methods] of Object.entries(paths))
      for (const [method, op] of Object.entries(methods)) {
        const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const body = op.requestBody?.content?.['application/json']?.schema;
        const fill = (value: (name: string) => string) =>
          template.replace(/\{([^}]+)\}/g, (_, n) => value(n));
        const plain = fill(() => '00000000-0000-4000-8000-000000000000');
        const i = checked % ENCODED.length;
        // [url, JSON body or undefined, field the answer must name]
        const cases: Array<[string, unknown, string]> = [];
        for (const p of params) cases.push([fill((n) => (n === p ? `x${ENCODED[i]}` : 'x')), undefined, p]);
        for (const q of [...query, 'unknown']) cases.push([`${plain}?${q}=x${ENCODED[i]}`, undefined, q]);
        if (method !== 'get' && method !== 'delete') {
          for (const [name, s] of Object.entries(body?.properties ?? {}))
            if (isString(s)) cases.push([plain, { [name]: `x${RAW[i]}` }, name]);
          cases.push([plain, { [`key${RAW[i]}`]: 'x' }, `key${RAW[i]}`]);
        }
        for (const [who, c] of [
          ['anonymous', t.anonymous],
          ['referent', referent],
        ] as const)
          for (const [url, payload, field] of cases) {
            checked++;
            const hasBody = method !== 'get' && method !== 'delete';
            const res = await t.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              headers: {
                cookie: c.cookie,
                'x-csrf-token': c.csrf,
                ...(hasBody ? { 'content-type': 'application/json' } : {}),
              },
              ...(hasBody ? { payload: JSON.stringify(payload ?? {}) } : {}),
            });
            const what = `${who} ${method.toUpperCase()} ${url} ${payload ? JSON.stringify(payload) : ''}`;
            if (res.statusCode >= 500) failures.push(`${what} → ${res.statusCode}`);
            else if (res.statusCode !== 400)
              failures.push(`${what} → ${res.statusCode} ${res.body.slice(0, 120)}`);
            else if (
              !JSON.parse(res.body).error.fields?.some(
                (f: { path: string; code: string }) => f.path === field && f.code === CODE,
              )
            )
              failures.push(`${what} → 400 without a ${CODE} error on ${field}: ${res.body.slice(0, 200)}`);
          }
      }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    // Refused before any use case ran: nothing was written, nothing was read from a person's record.
    expect(await auditRows()).toBe(before);
  }, 600_000);

  it('maps the database encoding errors to 400 on this engine, should text ever get through', async () => {
    const codes: string[] = [];
    for (const query of [sql`select ${'a\u0000b'}::text`, sql`select ${'{"a":"\\u0000"}'}::jsonb`]) {
      const e = await query.execute(t.db.engine.db).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).not.toBeNull();
      codes.push((e as { code?: string }).code ?? '');
      expect(fromDatabaseError(e)?.status).toBe(400);
    }
    expect(codes).toEqual(['22021', '22P05']);
  });

  it('answers router errors in the translated format, without echoing the URL', async () => {
    const long = 'z'.repeat(300);
    for (const [url, status, code] of [
      ['/api/people/%E0%A4%A', 400, 'errors.bad_request'],
      ['/api/people/%zz-secret', 400, 'errors.bad_request'],
      [`/api/people/${long}`, 414, 'errors.uri_too_long'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'x-samen-language': 'nl' } });
      expect(res.statusCode, url).toBe(status);
      const body = res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message).not.toMatch(/^errors\./); // translated
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('zzzz');
      expect(res.body).not.toContain('api/people');
    }
    const nl = await t.app.inject({
      method: 'GET',
      url: `/api/people/${long}`,
      headers: { 'x-samen-language': 'nl' },
    });
    expect(nl.json().error.message).toBe('Het gevraagde adres is te lang.');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login?secret=1',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
      payload: '{"email": "secret',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('errors.bad_request');
    expect(json.body).not.toContain('secret');
  });
});
