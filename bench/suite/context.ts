// What a section of the suite gets for one engine: the engine, the running app, signed-in cookies and a way
// to capture the statements one request runs.
import type { LogEvent } from 'kysely';
import type { Engine } from '../../src/server/platform/db/engine';
import type { BuiltNetwork } from './network';
import type { BenchOptions, EngineKind } from './options';

export interface EngineContext {
  kind: EngineKind;
  engine: Engine;
  baseUrl: string;
  network: BuiltNetwork;
  opts: BenchOptions;
  /** The session cookie of an account (cached), or null when the login failed. */
  cookie(account: string | null): Promise<string | null>;
  /** The statements run while fn runs, and its result. */
  capture<T>(fn: () => Promise<T>): Promise<{ result: T; events: LogEvent[] }>;
  log(line: string): void;
}
