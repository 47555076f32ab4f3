import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv, freePort, killGroup, ROOT } from './process';

/** A real samen server process (`node --import tsx src/server/main.ts`), as production runs it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What it printed so far (JSON log lines), for assertions and failure messages. */
  output: () => string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
  stop: () => Promise<void>;
}

/** Starts a server on a free loopback port and waits for /api/health (or its exit, which fails). */
export async function startServer(vars: Record<string, string>, timeoutMs = 240_000): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: cleanEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      WEB_DIR: '/nonexistent',
      ...vars,
    }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ServerProcess = {
    url,
    child,
    output: () => out,
    stop: async () => {
      killGroup(child, 'SIGTERM');
      const force = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out.slice(-3000)}`,
      );
    try {
      if ((await fetch(`${url}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`server not ready within ${timeoutMs / 1000} s:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A signed-in (or anonymous) HTTP client of one server: cookie and CSRF token carried along. */
export class HttpClient {
  constructor(
    readonly base: string,
    readonly cookie = '',
    readonly csrf = '',
  ) {}

  /** The same session against another process. */
  on(base: string): HttpClient {
    return new HttpClient(base, this.cookie, this.csrf);
  }

  async send(method: string, path: string, body?: unknown): Promise<{ status: number; json: () => unknown }> {
    const r = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'x-samen-language': 'en',
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, json: () => (text ? JSON.parse(text) : null) };
  }

  get = (path: string) => this.send('GET', path);
  post = (path: string, body: unknown = {}) => this.send('POST', path, body);

  /** Signs in; the answer's status and, on success, a client carrying the session. */
  static async login(
    base: string,
    email: string,
    password: string,
  ): Promise<{ status: number; client?: HttpClient }> {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    await r.text();
    if (r.status !== 200) return { status: r.status };
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const s = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    const { csrfToken } = (await s.json()) as { csrfToken: string };
    return { status: 200, client: new HttpClient(base, cookie, csrfToken) };
  }
}
