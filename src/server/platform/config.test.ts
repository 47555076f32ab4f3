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

describe('TRUST_PROXY (issue 7, item 4)', () => {
  it('trusts no forwarded address by default or when false', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('refuses true, which would trust any X-Forwarded-For a client sends, and says what to write', () => {
    for (const v of ['true', 'TRUE', 'yes', 'on']) {
      try {
        loadConfig({ TRUST_PROXY: v });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).message).toMatch(/TRUST_PROXY.*any X-Forwarded-For/);
        expect((e as ConfigError).message).toContain('TRUST_PROXY=1');
      }
    }
  });

  it('refuses addresses that are not IPs or CIDRs, and hop counts out of range', () => {
    for (const v of ['proxy.local', '10.0.0.0/33', '10.0.0.1/x', '300.1.1.1', '101', '10.0.0.1,,'])
      expect(() => loadConfig({ TRUST_PROXY: v }), v).toThrow(ConfigError);
  });
});

describe('DATABASE_APP_ROLE and API_DOCS', () => {
  it('defaults the application role to samen_app and takes another valid role name', () => {
    expect(loadConfig({}).databaseAppRole).toBe('samen_app');
    expect(loadConfig({ DATABASE_APP_ROLE: 'samen_app_lille' }).databaseAppRole).toBe('samen_app_lille');
    expect(loadConfig({ DATABASE_APP_ROLE: `_${'a'.repeat(62)}` }).databaseAppRole).toHaveLength(63);
  });

  it('refuses a role name that is not a plain lower-case identifier', () => {
    for (const v of ['Samen', '1samen', 'samen-app', 'samen app', 'samen";drop', `a${'b'.repeat(63)}`])
      expect(() => loadConfig({ DATABASE_APP_ROLE: v }), v).toThrow(/DATABASE_APP_ROLE/);
  });

  it('serves the API documentation outside production only, unless told otherwise', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const prod = { NODE_ENV: 'production', SAMEN_SECRET_KEY: key, SAMEN_NETWORK_SECRET: key };
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(loadConfig(prod).apiDocs).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(() => loadConfig({ API_DOCS: 'sometimes' })).toThrow(/API_DOCS/);
  });
});
