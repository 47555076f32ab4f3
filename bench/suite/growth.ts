// Section 3 of the issue: the same requests at 10 %, 100 % (and 1,000 %) of the data, one client, so that
// cost follows the page and the work asked, not the size of the database. Target: within 1.5× at 10×.
import type { Stats } from '../stats';
import type { EngineContext } from './context';
import { singleClient } from './http';
import { caseloadPaths, directoryPaths, indicatorPath, personSearchPaths } from './scenarios';

export interface GrowthPoint {
  engine: string;
  factor: number;
  scenario: string;
  status: number;
  stats: Stats;
}

export async function measureGrowth(ctx: EngineContext, factor: number): Promise<GrowthPoint[]> {
  const s = ctx.network.sample;
  const cases: Array<[string, string[], string | null]> = [
    ['caseload list', caseloadPaths(20), s.referentEmail],
    ['person search', personSearchPaths(), s.referentEmail],
    ['directory search', directoryPaths(), null],
    ['indicator computation', [indicatorPath(s.programmeId)], s.coordinatorEmail],
  ];
  const out: GrowthPoint[] = [];
  const seconds = Math.max(1, Math.min(ctx.opts.seconds, 4));
  for (const [scenario, paths, account] of cases) {
    await singleClient(ctx, paths, account, 0.5); // warm-up
    const { status, stats } = await singleClient(ctx, paths, account, seconds);
    out.push({ engine: ctx.kind, factor, scenario, status, stats });
    ctx.log(`growth ×${factor} ${scenario}: p50 ${stats.p50} ms p95 ${stats.p95} ms (HTTP ${status})`);
  }
  return out;
}

/** p50 and p95 of each point over the same engine and scenario at factor 1. */
export function growthRatios(points: GrowthPoint[]) {
  const order = (p: GrowthPoint) => `${p.engine} ${p.scenario} ${String(p.factor).padStart(8, '0')}`;
  return [...points]
    .sort((a, b) => order(a).localeCompare(order(b)))
    .map((p) => {
      const ref = points.find((x) => x.engine === p.engine && x.scenario === p.scenario && x.factor === 1);
      const r = (a: number, b: number | undefined) => (b ? Math.round((a / b) * 100) / 100 : null);
      return { ...p, ratioP50: r(p.stats.p50, ref?.stats.p50), ratioP95: r(p.stats.p95, ref?.stats.p95) };
    });
}
