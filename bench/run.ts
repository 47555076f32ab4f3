// `npm run bench`: the benchmark suite of issue 15, on PGlite and PostgreSQL in the same run. For each
// engine: a fresh database, the demo and the generated network; the HTTP scenarios at 1, 8 and 32 clients
// with their SQL and bare-HTTP floors, growth at other data sizes, batch work with a responsiveness probe,
// and the web figures. Prints Markdown and writes bench/results/bench-<time>.{md,json}. Options:
//   --engines=pglite,postgres --scale=1 --seed=20261206 --seconds=6 --concurrency=1,8,32 --repeat=3
//   --only=caseload,person,offer-ranking,directory,agreement,indicators,board --skip=web,batch,growth,http
//   --growth=0.1,1[,10]
// The parts live in bench/suite/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchResult } from './suite/batch';
import { runBatch } from './suite/batch';
import { withEngine } from './suite/engine';
import { type GrowthPoint, growthRatios, measureGrowth } from './suite/growth';
import { type HttpScenarioResult, runHttp } from './suite/http';
import { describeMachine, loadNow } from './suite/machine';
import { parseOptions } from './suite/options';
import { type SuiteResult, toMarkdown } from './suite/report';
import { checkTargets } from './suite/targets';
import { runWeb } from './suite/web';

const opts = parseOptions();
const machine = await describeMachine(process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const at = new Date().toISOString();
const setup: Array<Record<string, unknown>> = [];
const http: HttpScenarioResult[] = [];
const growth: GrowthPoint[] = [];
const batch: Array<{ engine: string; batch: BatchResult }> = [];
const notes: string[] = [];
let web: unknown = opts.skip.has('web') ? 'Skipped (--skip=web).' : null;

for (const kind of opts.engines) {
  const run = await withEngine(kind, opts, opts.scale, async (ctx) => {
    if (!opts.skip.has('http')) http.push(...(await runHttp(ctx)));
    if (!opts.skip.has('growth')) growth.push(...(await measureGrowth(ctx, 1)));
    if (!opts.skip.has('batch')) batch.push({ engine: kind, batch: await runBatch(ctx) });
    if (web === null) web = await runWeb(ctx.baseUrl);
  });
  setup.push(run.setup);
  if (!opts.skip.has('growth'))
    for (const f of opts.growth.filter((x) => x !== 1)) {
      const g = await withEngine(kind, opts, Number((opts.scale * f).toPrecision(6)), (ctx) =>
        measureGrowth(ctx, f),
      );
      setup.push(g.setup);
      growth.push(...g.result);
    }
}
machine.loadAfter = loadNow();
for (const s of http)
  notes.push(
    `${s.engine}, ${s.label}: ${s.statements} statements per request (first request ${s.firstMs} ms, ${s.bytes} bytes); the SQL floor replays ${s.floorStatements} of them (the slowest: ${(s.mainSql ?? '—').replace(/\s+/g, ' ').slice(0, 90)}…)`,
  );

const growthWithRatios = growthRatios(growth);
const result: SuiteResult = {
  at,
  machine,
  options: { ...opts, skip: [...opts.skip] },
  setup,
  http,
  growth: growthWithRatios,
  batch,
  web: web ?? 'Not measured.',
  misses: checkTargets(http, growthWithRatios, batch, web),
  notes,
};
const md = toMarkdown(result);
console.log(`\n${md}`);
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const base = join(dir, `bench-${at.replace(/[:.]/g, '-')}`);
writeFileSync(`${base}.md`, md);
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(`written ${base}.md and ${base}.json`);
