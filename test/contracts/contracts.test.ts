import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { defineEndpoint } from '../../src/common/kernel/endpoint';
import { route } from '../../src/server/platform/route';
import { contractGaps, declaredEndpoints, endpointsOf } from './check';

// A module that follows the rule for one endpoint and breaks it twice: a hand-registered route, and a
// declaration it never serves.
const served = defineEndpoint({
  method: 'GET',
  path: '/api/fixture/things/:id',
  params: Type.Object({ id: Type.String() }),
  response: { 200: Type.Object({ id: Type.String() }) },
  tags: ['fixture'],
  access: { signedIn: 'self' },
});
const forgotten = defineEndpoint({
  method: 'POST',
  path: '/api/fixture/things',
  response: { 201: Type.Object({ id: Type.String() }) },
  tags: ['fixture'],
  access: { signedIn: 'self' },
});

async function openApiOf(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  await app.register(swagger, { openapi: { info: { title: 'fixture', version: '0' } } });
  register(app);
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc as { paths?: Record<string, Record<string, unknown>> };
}

describe('endpoint contracts', () => {
  it('catches a route registered by hand and a declaration nobody serves', async () => {
    const doc = await openApiOf((app) => {
      route(app, served, async (req) => ({ id: req.params.id }));
      app.get('/api/fixture/raw', async () => ({}));
    });
    const endpoints = endpointsOf({ 'fixture/endpoints.ts': { fixtureApi: { served, forgotten } } });
    expect(contractGaps(doc, endpoints)).toEqual([
      'GET /api/fixture/raw: served without a declared endpoint',
      'POST /api/fixture/things: declared but not served',
    ]);
  });

  it('finds nothing to say about a module that follows the rule', async () => {
    const doc = await openApiOf((app) => route(app, served, async (req) => ({ id: req.params.id })));
    expect(contractGaps(doc, [served])).toEqual([]);
  });

  it('reads every module contract file of the tree', () => {
    const paths = declaredEndpoints().map((e) => `${e.method} ${e.path}`);
    expect(paths.length).toBeGreaterThan(100);
    expect(paths).toContain('POST /api/placements/:id/transitions');
  });
});
