import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { engineAvailable } from '../../../test/support/engine';
import { DEMO_PASSWORD } from '../demo/accounts';
import { createLogger } from './boot';

/**
 * Issue 7, item 12: request logs carried full query strings (`/api/people?q=Benhallou&birthDate=…`).
 * The real application, with the process logger createLogger builds, must log the query's keys only.
 */
const available = await engineAvailable();

describe.skipIf(!available)('request logs', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const log = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
    t = await createTestApp({ log });
  });
  afterAll(async () => t?.close());

  it('keep the keys of query strings and never their values', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login?next=%2Fapp%2Fpeople%3Fq%3DBenhallou',
      payload: { email: 'referent@cpas-mouscron.example', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const requests = [
      '/api/people?q=Benhallou&birthDate=1979-11-02',
      '/api/people?code=SAM-XK42-Benhallou',
      '/api/directory/services?q=Benhallou%20Amina',
      '/api/unknown-route?q=Benhallou',
      `/api/people/${'x'.repeat(300)}?birthDate=1979-11-02`, // router error (parameter too long)
      '/api/people/%E0%A4%A?q=Benhallou', // router error (malformed escape)
      '/api/people?q=Benhallou%00', // refused by validation
    ];
    for (const url of requests) await t.app.inject({ method: 'GET', url, headers: { cookie } });

    const out = lines.join('');
    expect(out).toContain('"url":"/api/people?q=~&birthDate=~"');
    expect(out).toContain('"url":"/api/directory/services?q=~"');
    expect(out).toContain('"url":"/api/auth/login?next=~"');
    for (const secret of ['Benhallou', '1979-11-02', 'SAM-XK42', DEMO_PASSWORD])
      expect(out).not.toContain(secret);
    // Every request was logged, with its request id.
    const incoming = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'incoming request');
    expect(incoming.length).toBeGreaterThanOrEqual(requests.length + 1);
    expect(incoming.every((l) => typeof l.reqId === 'string')).toBe(true);
  });
});
