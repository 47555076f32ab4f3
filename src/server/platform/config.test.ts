import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('runs on the embedded database with safe defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeNull();
    expect(c.secureCookies).toBe(false);
    expect(c.seedDemo).toBe(true);
    expect(c.sessionIdleMinutes).toBe(30);
  });

  it('reports every wrong variable at once, naming each', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '0',
        TRUST_PROXY: 'maybe',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SESSION_IDLE_MINUTES', 'TRUST_PROXY'])
        expect(msg).toContain(name);
      expect((e as ConfigError).problems).toHaveLength(4);
    }
  });

  it('requires the encryption keys in production on a server database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/samen' })).toThrow(
      /SAMEN_SECRET_KEY/,
    );
    const key = Buffer.alloc(32, 1).toString('base64');
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/samen',
      SAMEN_SECRET_KEY: key,
      SAMEN_NETWORK_SECRET: key,
      PUBLIC_URL: 'https://samen.example',
    });
    expect(c.secureCookies).toBe(true);
    expect(c.seedDemo).toBe(false);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => loadConfig({ SAMEN_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
  });
});
