import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository root: where `npm run …` and `node scripts/start.mjs` run. */
export const ROOT = join(import.meta.dirname, '../..');

/**
 * The test runner's environment without anything that configures samen (vitest sets NODE_ENV=test, a
 * developer may have DATABASE_URL set): a child process sees only the variables a test gives it.
 */
export function cleanEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (
      !/^(DATABASE_|DB_|SAMEN_|SEED_|SMTP_|SESSION_|LOGIN_|DIRECTORY_|VITEST|NODE_ENV$|PORT$|HOST$|PUBLIC_URL$|DATA_DIR$|WEB_DIR$|LOG_LEVEL$|TRUST_PROXY$|MAIL_FROM$)/.test(
        k,
      )
    )
      env[k] = v;
  return { ...env, ...vars };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The process was still running at the deadline and was killed. */
  timedOut: boolean;
}

/** Runs a command in its own process group and kills the whole group if it outlives the deadline. */
export function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** `npm run <script>` with the given environment. */
export const npmRun = (script: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000) =>
  run('npm', ['run', '--silent', script], env, timeoutMs);

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** What a finished process printed, for an assertion message. */
export const output = (f: Pick<Finished, 'code' | 'stdout' | 'stderr'>) =>
  `exit ${f.code}\n--- stdout\n${f.stdout.slice(-4000)}\n--- stderr\n${f.stderr.slice(-4000)}`;
