import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { engineAvailable } from '../../../test/support/engine';

/**
 * Issue 16, HTTP hardening: the Content-Security-Policy allows no inline script on the web app's page nor
 * on the API, and HSTS is sent over TLS only — TLS seen directly (PUBLIC_URL https) or ended by a trusted
 * proxy (X-Forwarded-Proto https) — never on plain http, and never because an untrusted client says so.
 */
const available = await engineAvailable();
const INDEX = readFileSync(join(import.meta.dirname, '../../web/index.html'), 'utf8');

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe.skipIf(!available)('Content-Security-Policy and HSTS', () => {
  const apps: TestApp[] = [];
  let webDir: string;
  const app = async (env: Record<string, string>) => {
    const t = await createTestApp({ seed: false, env: { WEB_DIR: webDir, ...env } });
    apps.push(t);
    return t;
  };
  let plain: TestApp;
  let tls: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    // The web app's own page (its source: the build only rewrites the script's address).
    webDir = mkdtempSync(join(tmpdir(), 'samen-hardening-web-'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    plain = await app({});
    tls = await app({ PUBLIC_URL: 'https://samen.example' });
    proxied = await app({ TRUST_PROXY: '10.0.0.0/8' });
  }, 600_000);
  afterAll(async () => {
    for (const t of apps) await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('has a web page with no inline script, no inline event handler and no javascript: URL', () => {
    const scripts = [...INDEX.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(INDEX).not.toMatch(/\son[a-z]+\s*=/i);
    expect(INDEX).not.toMatch(/javascript:/i);
  });

  it('serves the page and the API with a strict policy: scripts from the origin only, no inline, no eval', async () => {
    for (const url of ['/', '/app/people', '/api/health', '/api/auth/session']) {
      const r = await plain.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBeLessThan(500);
      const d = directives(String(r.headers['content-security-policy']));
      expect(d.get('script-src'), url).toEqual(["'self'"]);
      expect(d.get('default-src'), url).toEqual(["'self'"]);
      expect(d.get('style-src'), url).toEqual(["'self'"]);
      expect(d.get('object-src'), url).toEqual(["'none'"]);
      expect(d.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(d.get('base-uri'), url).toEqual(["'self'"]);
      expect(String(r.headers['content-security-policy']), url).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    const page = await plain.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('sends no HSTS on plain http (localhost), even when an untrusted client claims https', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }]) {
      const r = await plain.app.inject({ method: 'GET', url: '/api/health', headers });
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
    const direct = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '192.0.2.10', // not the trusted proxy
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when PUBLIC_URL is https, on the page and on the API', async () => {
    for (const url of ['/', '/api/health']) {
      const r = await tls.app.inject({ method: 'GET', url });
      expect(r.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
    expect(
      String((await tls.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']),
    ).toContain('upgrade-insecure-requests');
  });

  it('sends HSTS when the trusted proxy says the request came over https', async () => {
    const viaProxy = (proto: string) =>
      proxied.app.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-proto': proto, 'x-forwarded-for': '198.51.100.1' },
      });
    expect((await viaProxy('https')).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await viaProxy('http')).headers['strict-transport-security']).toBeUndefined();
  });

  it('sends the other protective headers on every answer', async () => {
    const r = await plain.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-powered-by']).toBeUndefined();
  });
});
