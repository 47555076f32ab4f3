// The targets, checked against the figures: each miss is a line of the report (targets are set for
// PostgreSQL on the 2-core reference machine; PGlite is held to 3× of PostgreSQL at one client).
import type { BatchResult } from './batch';
import type { GrowthPoint } from './growth';
import type { HttpScenarioResult } from './http';

export interface Miss {
  engine: string;
  what: string;
  target: string;
  got: string;
}

export function checkTargets(
  http: HttpScenarioResult[],
  growth: Array<GrowthPoint & { ratioP50: number | null }>,
  batch: Array<{ engine: string; batch: BatchResult }>,
  web: unknown,
): Miss[] {
  const misses: Miss[] = [];
  const miss = (engine: string, what: string, target: string, got: string) =>
    misses.push({ engine, what, target, got });
  for (const s of http) {
    for (const r of s.rows) {
      const m = r.samen.median;
      if (r.engine === 'postgres' && r.concurrency === 8) {
        if (r.ratioSql !== null && r.ratioSql < 0.5)
          miss(r.engine, `${r.label} ×8 vs SQL floor`, '≥ 50 %', `${Math.round(r.ratioSql * 100)} %`);
        if (['list', 'detail', 'search'].includes(r.kind) && m.p95 > 50)
          miss(r.engine, `${r.label} ×8 p95`, '≤ 50 ms', `${m.p95} ms`);
      }
      if (r.engine === 'postgres' && r.concurrency === 32 && m.p99 > 200)
        miss(r.engine, `${r.label} ×32 p99`, '≤ 200 ms', `${m.p99} ms`);
      if (r.engine === 'postgres' && r.concurrency === 1) {
        if (r.kind === 'dashboard' && m.p95 > 300)
          miss(r.engine, `${r.label} ×1 p95`, '≤ 300 ms', `${m.p95} ms`);
        if (r.kind === 'board' && m.p95 > 200) miss(r.engine, `${r.label} ×1 p95`, '≤ 200 ms', `${m.p95} ms`);
      }
      if (m.requests === 0)
        miss(
          r.engine,
          `${r.label} ×${r.concurrency}`,
          'requests complete',
          `none within ${r.samen.runs.length} run(s)`,
        );
      if (m.errors > 0) miss(r.engine, `${r.label} ×${r.concurrency} errors`, '0', String(m.errors));
    }
    if (s.skipped) miss(s.engine, s.label, 'HTTP 200', s.skipped);
  }
  for (const [a, b] of pglitePairs(http))
    if (b.p50 > 0 && a.p50 / b.p50 > 3)
      miss('pglite', `${a.label} ×1 p50 vs PostgreSQL`, '≤ 3×', `${(a.p50 / b.p50).toFixed(1)}×`);
  for (const g of growth)
    if (g.factor >= 10 && g.ratioP50 !== null && g.ratioP50 > 1.5)
      miss(g.engine, `growth ×${g.factor} ${g.scenario} p50`, '≤ 1.5× of 1×', `${g.ratioP50}×`);
  for (const { engine, batch: b } of batch)
    for (const item of b.items) {
      if (item.error) miss(engine, item.name, 'completes', item.error.slice(0, 80));
      const rate = item.detail.perSecond as number | undefined;
      const target = item.detail.target as number | undefined;
      if (rate !== undefined && target !== undefined && rate < target)
        miss(engine, item.name, `≥ ${target} values/s`, `${rate} values/s`);
    }
  const first = (web as { firstScreen?: FirstScreen } | null)?.firstScreen;
  if (first && first.withinBudget === false)
    miss(
      'web',
      'first screen JS (gzip)',
      `≤ ${first.budget} B`,
      `login ${first.loginJsGzip} B, dashboard ${first.dashboardJsGzip} B`,
    );
  return misses;
}

interface FirstScreen {
  withinBudget?: boolean;
  budget?: number;
  loginJsGzip?: number;
  dashboardJsGzip?: number;
}

/** (PGlite, PostgreSQL) medians of each scenario at one client. */
export function pglitePairs(http: HttpScenarioResult[]) {
  const pairs: Array<
    [{ label: string; p50: number; p95: number; rps: number }, { p50: number; p95: number; rps: number }]
  > = [];
  for (const s of http.filter((x) => x.engine === 'pglite')) {
    const a = s.rows.find((r) => r.concurrency === 1)?.samen.median;
    const pg = http.find((x) => x.engine === 'postgres' && x.scenario === s.scenario);
    const b = pg?.rows.find((r) => r.concurrency === 1)?.samen.median;
    if (a && b) pairs.push([{ label: s.label, ...a }, b]);
  }
  return pairs;
}
