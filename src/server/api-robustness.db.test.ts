import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable } from '../../test/support/engine';

/**
 * "No request returns a 500 for input a user can send", checked on every route the OpenAPI document
 * lists: unknown and malformed ids, and bodies and query strings of the wrong shape, sent by signed-in
 * users of both sides of a placement and by an anonymous caller. Real records are only addressed with
 * bodies of the wrong type, which validation must refuse before anything happens.
 */
const available = await engineAvailable();

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
};
interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

// Leaving the session or the platform would end the test's own clients.
const SKIP = /^\/api\/auth\/(logout|login|password|totp)/;

/** A value of the wrong type for a property. */
function wrong(s: Schema | undefined): unknown {
  const type = Array.isArray(s?.type) ? s?.type[0] : s?.type;
  if (type === 'string') return 12345;
  if (type === 'array') return 'not-a-list';
  if (type === 'object') return ['not', 'an', 'object'];
  return { nested: 'x'.repeat(3000) };
}

function wrongBodies(schema: Schema | undefined): unknown[] {
  const props = Object.entries(schema?.properties ?? {});
  return [
    'plain text',
    [1, 2, 3],
    { unknownField: '=cmd|calc' },
    Object.fromEntries(props.map(([k, p]) => [k, wrong(p)])),
    Object.fromEntries(props.map(([k]) => [k, 'x'.repeat(20000)])),
  ];
}

describe.skipIf(!available)('every API route answers bad input without a server error', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let clients: Array<[string, Client]>;
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    clients = [
      ['anonymous', t.anonymous],
      ['home referent', await t.login('referent@cpas-mouscron.example')],
      ['host coordinator', await t.login('direction@atelier-roubaix.example')],
      ['host tutor', await t.login('tuteur@atelier-roubaix.example')],
    ];
    const home = clients[1]![1];
    const placements = (await home.get('/api/placements')).json().items as Array<{ id: string }>;
    const persons = (await home.get('/api/people')).json().items as Array<{ id: string }>;
    realIds.placement = placements[0]!.id;
    realIds.person = persons[0]!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists the routes it checks', () => {
    expect(Object.keys(paths).length).toBeGreaterThan(40);
    expect(Object.keys(paths)).toContain('/api/placements/{id}/transitions');
  });

  it('refuses malformed ids, unknown ids and wrong bodies with 4xx', async () => {
    const failures: string[] = [];
    const seen = new Map<number, number>();
    for (const [template, methods] of Object.entries(paths)) {
      if (SKIP.test(template)) continue;
      for (const [method, op] of Object.entries(methods)) {
        const body = op.requestBody?.content?.['application/json']?.schema;
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const hasParams = /\{[^}]+\}/.test(template);
        const fill = (v: string) => template.replace(/\{[^}]+\}/g, v);
        const real = template.includes('/placements/')
          ? realIds.placement!
          : template.includes('/people/')
            ? realIds.person!
            : null;
        const urls = hasParams
          ? [fill(randomUUID()), fill('not-an-id'), fill('%00'), fill('1'.repeat(300))]
          : [template];
        const requests: Array<{ url: string; payload?: unknown }> = [];
        // Every wrong query value and body on the first address; a malformed id needs one of each only.
        for (const [i, url] of urls.entries()) {
          if (method === 'get' || method === 'delete') {
            requests.push({ url });
            for (const q of i === 0 ? query : query.slice(0, 1))
              for (const v of ['zz', '-1', '99999999999999999999', '2026-02-30', '%FF'])
                requests.push({ url: `${url}?${q}=${v}` });
          } else
            for (const payload of [undefined, ...wrongBodies(body)].slice(0, i === 0 ? undefined : 2))
              requests.push({ url, payload });
        }
        // A real record with bodies of the wrong type only: validation refuses them before any effect.
        if (real && method !== 'get' && method !== 'delete')
          for (const payload of wrongBodies(body).slice(1, 4)) requests.push({ url: fill(real), payload });
        // The callers at once (each has its own session); one caller's requests in order.
        await Promise.all(
          clients.map(async ([who, c]) => {
            // The gate turns every anonymous request away before reading it: one per route is enough.
            for (const r of who === 'anonymous' ? requests.slice(0, 1) : requests) {
              const res = await t.app.inject({
                method: method.toUpperCase() as 'GET',
                url: r.url,
                headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
                ...(r.payload !== undefined
                  ? { payload: typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload) }
                  : {}),
              });
              seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
              if (res.statusCode >= 500)
                failures.push(
                  `${who} ${method.toUpperCase()} ${r.url} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                );
            }
          }),
        );
      }
    }
    expect(failures).toEqual([]);
    // The requests reached validation, authentication and lookups, not only one of them.
    for (const status of [400, 401, 404]) expect(seen.get(status) ?? 0).toBeGreaterThan(50);
  }, 600_000);

  it('refuses a one-element list where a text is expected, naming the field (fuzzing found a 500)', async () => {
    const coordinator = await t.login('coordination@cpas-mouscron.example');
    const r = await coordinator.post('/api/events', {
      kind: 'training',
      titleFr: 'Atelier',
      venue: ['Salle 1'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain('venue');
  });
});
