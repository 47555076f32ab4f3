import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedNetwork } from '../../bench/network/contract';
import { generateNetwork } from '../../bench/network/index';
import { createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable } from '../../test/support/engine';

const available = await engineAvailable();

/**
 * The benchmark's network generator writes straight into the tables (as the owner, triggers off), so a
 * migration that adds a required column breaks it without any other test noticing (0076's author_org_id
 * did). A tiny network is generated here and its pages are opened as the scenarios open them.
 */
describe.skipIf(!available)('benchmark network generator', () => {
  let t: TestApp;
  let net: GeneratedNetwork;

  beforeAll(async () => {
    t = await createTestApp();
    net = await generateNetwork(t.db.engine, { seed: 7, scale: 0.002 });
  }, 120_000);
  afterAll(async () => t?.close());

  it('fills every module’s tables on the migrated schema', () => {
    for (const table of [
      'persons',
      'placements',
      'placement_attendance',
      'forum_registrations',
      'obs_values',
    ])
      expect(net.counts[table], table).toBeGreaterThan(0);
  });

  it('gives the scenarios pages that open for the sample referent', async () => {
    const c = await t.login(net.sample.referentEmail);
    const person = net.sample.personIds[0];
    const agreement = net.sample.agreementIds[0];
    expect(person && agreement).toBeTruthy();
    expect((await c.get(`/api/people/${person}`)).statusCode).toBe(200);
    expect((await c.get(`/api/placements/${agreement}`)).statusCode).toBe(200);
  });
});
