// Section 1 and 2 of the issue: every HTTP scenario at each concurrency, with its two floors in the same run.
import { type Stats, summarise } from '../stats';
import type { EngineContext } from './context';
import {
  bareServer,
  mainQuery,
  pageQueries,
  replayable,
  sqlFloor,
  statementCount,
  statementList,
} from './floors';
import { autocannonRun, type Measured, repeated, settle } from './load';
import { wanted } from './options';
import { type HttpScenario, httpScenarios, type ScenarioKind } from './scenarios';

export interface HttpRow {
  engine: string;
  scenario: string;
  label: string;
  kind: ScenarioKind;
  concurrency: number;
  samen: Measured;
  sqlFloor: Measured | null;
  bareFloor: Measured;
  /** samen's req/s over the floor's (pages/s or req/s). */
  ratioSql: number | null;
  ratioBare: number | null;
}

export interface HttpScenarioResult {
  engine: string;
  scenario: string;
  label: string;
  status: number;
  bytes: number;
  statements: number;
  /** The first request alone (cold), ms. */
  firstMs: number;
  mainSql: string | null;
  /** The page's statements the SQL floor replays per request (its reads, without the framework's). */
  floorStatements: number;
  statementList: Array<{ ms: number; sql: string }>;
  skipped?: string;
  rows: HttpRow[];
}

const ratio = (a: Stats, b: Stats | undefined) =>
  b && b.rps > 0 ? Math.round((a.rps / b.rps) * 1000) / 1000 : null;

export async function runHttp(ctx: EngineContext): Promise<HttpScenarioResult[]> {
  const out: HttpScenarioResult[] = [];
  for (const s of httpScenarios(ctx.network.sample)) {
    if (!wanted(ctx.opts, s.name)) continue;
    out.push(await runScenario(ctx, s));
  }
  return out;
}

async function runScenario(ctx: EngineContext, s: HttpScenario): Promise<HttpScenarioResult> {
  const { opts } = ctx;
  const cookie = await ctx.cookie(s.account);
  const first = s.paths[0]!;
  const get = async () => {
    const r = await fetch(ctx.baseUrl + first, { headers: cookie ? { cookie } : {} });
    return {
      status: r.status,
      type: r.headers.get('content-type') ?? 'application/json',
      body: Buffer.from(await r.arrayBuffer()),
    };
  };
  const t0 = performance.now();
  const { result: probe, events } = await ctx.capture(get);
  const firstMs = Math.round(performance.now() - t0);
  // Two more captures, so that the main statement is picked by time rather than by one noisy sample.
  const more = [];
  if (probe.status === 200) for (let i = 0; i < 2; i++) more.push(...(await ctx.capture(get)).events);
  const query = mainQuery([...events, ...more]);
  const page = probe.status === 200 ? await replayable(ctx.engine, pageQueries(events)) : [];
  const base: HttpScenarioResult = {
    engine: ctx.kind,
    scenario: s.name,
    label: s.label,
    status: probe.status,
    bytes: probe.body.length,
    statements: statementCount(events),
    firstMs,
    mainSql: query?.sql ?? null,
    floorStatements: page.length,
    statementList: statementList(events),
    rows: [],
  };
  if (probe.status !== 200) {
    ctx.log(`${s.label}: skipped (HTTP ${probe.status} on ${first}: ${probe.body.toString().slice(0, 200)})`);
    return { ...base, skipped: `HTTP ${probe.status}` };
  }
  const bare = await bareServer(probe.body, probe.type);
  try {
    for (const [i, c] of opts.concurrency.entries()) {
      // One warm-up per scenario, before its first concurrency level (caches, JIT, plans).
      const timing = {
        seconds: opts.seconds,
        repeat: opts.repeat,
        warmup: i === 0 ? Math.min(2, opts.seconds / 2) : 0,
      };
      // Each run waits for the server to drain, so that the next measure starts on an idle server.
      const samen = await repeated(async (sec) => {
        const stats = await autocannonRun(ctx.baseUrl, s.paths, cookie, c, sec);
        await settle(ctx.baseUrl);
        return stats;
      }, timing);
      const floor = page.length ? sqlFloor(ctx.engine, page) : null;
      const sql = floor ? await repeated((sec) => floor(c, sec), timing) : null;
      const bareFloor = await repeated((sec) => autocannonRun(bare.baseUrl, [first], null, c, sec), timing);
      const row: HttpRow = {
        engine: ctx.kind,
        scenario: s.name,
        label: s.label,
        kind: s.kind,
        concurrency: c,
        samen,
        sqlFloor: sql,
        bareFloor,
        ratioSql: ratio(samen.median, sql?.median),
        ratioBare: ratio(samen.median, bareFloor.median),
      };
      base.rows.push(row);
      const m = samen.median;
      ctx.log(
        `${s.label} ×${c}: ${m.rps} req/s p95 ${m.p95} ms p99 ${m.p99} ms errors ${m.errors}; SQL floor ${sql?.median.rps ?? '—'} pages/s; bare ${bareFloor.median.rps} req/s`,
      );
    }
  } finally {
    await bare.close();
  }
  return base;
}

/** Latency of one path at one client for `seconds` (the growth section's measure). */
export async function singleClient(
  ctx: EngineContext,
  paths: string[],
  account: string | null,
  seconds: number,
) {
  const cookie = await ctx.cookie(account);
  const probe = await fetch(ctx.baseUrl + paths[0], { headers: cookie ? { cookie } : {} });
  await probe.arrayBuffer();
  if (probe.status !== 200) return { status: probe.status, stats: summarise([], 1, 1) };
  await settle(ctx.baseUrl);
  return { status: 200, stats: await autocannonRun(ctx.baseUrl, paths, cookie, 1, seconds) };
}
