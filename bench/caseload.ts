// Caseload benchmark: a referent's caseload list, name search and agreements list when the network holds
// 200,000 persons and 50,000 placements, over HTTP on PGlite and PostgreSQL. Run with
//   node --import tsx bench/caseload.ts [--engines=postgres,pglite] [--persons=200000] [--placements=50000]
//     [--in-mouscron=4000] [--seconds=8] [--concurrency=4]
// Prints a table and writes JSON to bench/results/caseload-<time>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../src/server/demo/seed';
import { migrate } from '../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../src/server/platform/db/prepare';
import { generateOrganisations } from './generate';
import { generateCaseload } from './generate-caseload';
import { arg, BENCH_SECRETS, loadOverHttp, openBenchEngine, startBenchApp } from './harness';
import type { Stats } from './stats';

const ENGINES = arg('engines', 'postgres,pglite').split(',') as Array<'pglite' | 'postgres'>;
const PERSONS = Number(arg('persons', '200000'));
const PLACEMENTS = Number(arg('placements', '50000'));
const IN_MOUSCRON = Number(arg('in-mouscron', '4000'));
const SECONDS = Number(arg('seconds', '8'));
const CONCURRENCY = Number(arg('concurrency', '4'));

const SEARCHES = ['bade', 'lira', 'moker', 'Sevo Tilan', 'zamer', 'vinga', 'dorb'];
const SCENARIOS = [
  {
    name: "referent's caseload, pages 1-40",
    account: 'referent@cpas-mouscron.example',
    paths: Array.from({ length: 40 }, (_, i) => `/api/people?page=${1 + i}&pageSize=25`),
  },
  {
    name: 'caseload name search (typos)',
    account: 'referent@cpas-mouscron.example',
    paths: SEARCHES.map((q) => `/api/people?q=${encodeURIComponent(q)}`),
  },
  {
    name: 'whole organisation (org admin)',
    account: 'admin@cpas-mouscron.example',
    paths: Array.from({ length: 40 }, (_, i) => `/api/people?page=${1 + i * 3}&pageSize=25`),
  },
  {
    name: "referent's agreements",
    account: 'referent@cpas-mouscron.example',
    paths: Array.from({ length: 20 }, (_, i) => `/api/placements?side=home&mine=true&page=${1 + i}`),
  },
];

async function benchEngine(kind: 'pglite' | 'postgres') {
  const { engine, drop } = await openBenchEngine(kind);
  const rows: Array<{ engine: string; scenario: string; http: Stats }> = [];
  try {
    const t0 = performance.now();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, BENCH_SECRETS);
    await generateOrganisations(engine, 200);
    await generateCaseload(engine, { persons: PERSONS, placements: PLACEMENTS, inMouscron: IN_MOUSCRON });
    console.log(
      `${kind}: ${PERSONS} persons, ${PLACEMENTS} placements ready in ${Math.round(performance.now() - t0)} ms`,
    );
    const app = await startBenchApp(engine);
    for (const s of SCENARIOS) {
      const cookie = await app.login(s.account);
      const probe = await fetch(app.baseUrl + s.paths[0], { headers: cookie ? { cookie } : {} });
      await probe.arrayBuffer();
      if (!probe.ok) {
        console.log(`${kind}: ${s.name}: skipped (HTTP ${probe.status})`);
        continue;
      }
      rows.push({
        engine: kind,
        scenario: s.name,
        http: await loadOverHttp(app.baseUrl, s.paths, cookie, CONCURRENCY, SECONDS),
      });
    }
    await app.close();
  } finally {
    await drop();
  }
  return rows;
}

const results = [];
for (const kind of ENGINES) results.push(...(await benchEngine(kind)));
console.log(`\n${SECONDS}s per run, concurrency ${CONCURRENCY}`);
console.log(
  `${'engine'.padEnd(9)} ${'scenario'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
);
for (const r of results)
  console.log(
    `${r.engine.padEnd(9)} ${r.scenario.padEnd(34)} ${r.http.rps.toFixed(0).padStart(7)} ${r.http.p50.toFixed(1).padStart(8)} ${r.http.p95.toFixed(1).padStart(8)}`,
  );
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `caseload-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const params = {
  persons: PERSONS,
  placements: PLACEMENTS,
  inMouscron: IN_MOUSCRON,
  seconds: SECONDS,
  concurrency: CONCURRENCY,
};
writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, params, results }, null, 2)}\n`,
);
console.log(`\nwritten ${file}`);
