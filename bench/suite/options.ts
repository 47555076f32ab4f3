// The command line of `npm run bench`, parsed once: every part of the suite reads its settings from here.
import { arg } from '../harness';

export type EngineKind = 'pglite' | 'postgres';
export type Section = 'http' | 'web' | 'batch' | 'growth';

export interface BenchOptions {
  engines: EngineKind[];
  /** 1 = the reference network; every generated count is multiplied by it. */
  scale: number;
  seed: number;
  /** Length of one measured run of one scenario at one concurrency. */
  seconds: number;
  concurrency: number[];
  repeat: number;
  /** Scenario names to run (all when empty). */
  only: string[];
  skip: Set<Section>;
  /** Data factors of the growth section, 1 always included (the reference). */
  growth: number[];
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function parseOptions(): BenchOptions {
  const engines = list(arg('engines', 'pglite,postgres')) as EngineKind[];
  for (const e of engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`unknown engine ${e}`);
  const growth = [...new Set([...list(arg('growth', '0.1,1')).map(Number), 1])].sort((a, b) => a - b);
  const opts: BenchOptions = {
    engines,
    scale: Number(arg('scale', '1')),
    seed: Number(arg('seed', '20261206')),
    seconds: Number(arg('seconds', '6')),
    concurrency: list(arg('concurrency', '1,8,32')).map(Number),
    repeat: Math.max(1, Number(arg('repeat', '3'))),
    only: list(arg('only', '')),
    skip: new Set(list(arg('skip', '')) as Section[]),
    growth,
  };
  const bad = [opts.scale, opts.seed, opts.seconds, opts.repeat, ...opts.concurrency, ...growth].some(
    (n) => !Number.isFinite(n) || n < 0,
  );
  if (bad || opts.scale === 0 || opts.seconds === 0)
    throw new Error('bench: numeric options must be positive');
  return opts;
}

/** Whether a scenario (by its short name) was asked for by `--only`. */
export const wanted = (opts: BenchOptions, name: string) => !opts.only.length || opts.only.includes(name);
