import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractGaps, declaredEndpoints } from '../../test/contracts/check';
import { createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable } from '../../test/support/engine';

/**
 * Issue 8: the HTTP seam is declared once. The real application, every module registered, serves exactly
 * the endpoints of `src/common/<module>/endpoints.ts` (the rule is shown failing in test/contracts/).
 */
const available = await engineAvailable();

describe.skipIf(!available)('endpoint contracts of the application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { API_DOCS: 'true' } });
  });
  afterAll(async () => t?.close());

  it('serves every declared endpoint and nothing undeclared', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(contractGaps(doc, declaredEndpoints())).toEqual([]);
  });
});
