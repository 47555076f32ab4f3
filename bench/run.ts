// `npm run bench`: requests per second and latency of an authenticated list endpoint and of the public
// directory search, on PGlite and on PostgreSQL, with the same SQL replayed straight through the driver
// as the floor. Prints a table and writes JSON to bench/results/. Options:
//   --engines=pglite,postgres  --orgs=500  --services=10000  --seconds=8  --concurrency=8
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import { seedDemo } from '../src/server/demo/seed';
import { migrate } from '../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../src/server/platform/db/prepare';
import { generateOrganisations } from './generate';
import { generateServices } from './generate-services';
import { arg, BENCH_SECRETS, loadOverHttp, openBenchEngine, startBenchApp } from './harness';
import { measure, type Stats } from './stats';

const ENGINES = arg('engines', 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const ORGS = Number(arg('orgs', '500'));
const SERVICES = Number(arg('services', '10000'));
const SECONDS = Number(arg('seconds', '8'));
const CONCURRENCY = Number(arg('concurrency', '8'));

interface Scenario {
  name: string;
  signedIn: boolean;
  paths: string[];
}

const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
const SEARCH_FR = [
  'dettes',
  'logement',
  'emploi',
  'santé mentale',
  'interprète',
  'mobilité',
  'aide alimentaire',
];
const SEARCH_NL = ['schulden', 'huisvesting', 'werk', 'tolk', 'mobiliteit', 'voedselhulp', 'taalcursus'];
const SCENARIOS: Scenario[] = [
  {
    name: 'organisations list (signed in)',
    signedIn: true,
    paths: Array.from({ length: 50 }, (_, i) => `/api/organisations?page=${1 + (i % 20)}&pageSize=25`),
  },
  {
    name: 'organisations search (signed in)',
    signedIn: true,
    paths: Array.from(
      { length: 50 },
      (_, i) =>
        `/api/organisations?q=${encodeURIComponent(pick(['lys', 'schelde', 'atelier', 'werkplaats', 'relais'], i))}`,
    ),
  },
  {
    name: 'directory search (public)',
    signedIn: false,
    paths: Array.from(
      { length: 50 },
      (_, i) =>
        `/api/directory/services?q=${encodeURIComponent(i % 2 ? pick(SEARCH_NL, i) : pick(SEARCH_FR, i))}`,
    ),
  },
];

/** The main statement an endpoint ran: the longest SELECT that is not context set-up. */
function mainQuery(events: LogEvent[]) {
  const selects = events
    .filter(
      (e) =>
        e.level === 'query' &&
        /^\s*(with|select)/i.test(e.query.sql) &&
        !/begin_request|session_lookup/.test(e.query.sql),
    )
    .sort((a, b) => b.query.sql.length - a.query.sql.length);
  return selects[0]?.query ?? null;
}

async function benchEngine(kind: 'pglite' | 'postgres') {
  let capture: LogEvent[] | null = null;
  const { engine, drop } = await openBenchEngine(kind, (e) => capture?.push(e));
  const rows: Array<Record<string, unknown>> = [];
  try {
    const t0 = performance.now();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, BENCH_SECRETS);
    await generateOrganisations(engine, ORGS);
    const services = await generateServices(engine, SERVICES);
    console.log(
      `${kind}: data ready in ${Math.round(performance.now() - t0)} ms (${ORGS} organisations, ${services} services)`,
    );

    const app = await startBenchApp(engine);
    const baseUrl = app.baseUrl;
    const cookie = await app.login('referent@cpas-mouscron.example');

    for (const s of SCENARIOS) {
      capture = [];
      const probe = await fetch(baseUrl + s.paths[0], { headers: s.signedIn && cookie ? { cookie } : {} });
      await probe.arrayBuffer();
      const query = mainQuery(capture);
      capture = null;
      if (!probe.ok) {
        console.log(`${kind}: ${s.name}: skipped (HTTP ${probe.status})`);
        continue;
      }
      const http = await loadOverHttp(baseUrl, s.paths, s.signedIn ? cookie : null, CONCURRENCY, SECONDS);
      const floor = query
        ? await measure(() => engine.rawQuery(query.sql, query.parameters), CONCURRENCY, SECONDS)
        : null;
      rows.push({ engine: kind, scenario: s.name, http, floor });
    }
    await app.close();
  } finally {
    await drop();
  }
  return rows;
}

const results: Array<Record<string, unknown>> = [];
for (const kind of ENGINES) results.push(...(await benchEngine(kind)));

const fmt = (s: Stats | null) =>
  s ? `${s.rps.toFixed(0).padStart(7)} ${s.p95.toFixed(1).padStart(8)}` : '      —        —';
console.log(
  `\n${SECONDS}s per run, concurrency ${CONCURRENCY}; floor = the endpoint's main SQL replayed through the driver`,
);
console.log(
  `${'engine'.padEnd(9)} ${'scenario'.padEnd(34)} ${'req/s'.padStart(7)} ${'p95 ms'.padStart(8)}   floor: ${'q/s'.padStart(7)} ${'p95 ms'.padStart(8)}`,
);
for (const r of results)
  console.log(
    `${String(r.engine).padEnd(9)} ${String(r.scenario).padEnd(34)} ${fmt(r.http as Stats)}          ${fmt(r.floor as Stats | null)}`,
  );
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      orgs: ORGS,
      services: SERVICES,
      seconds: SECONDS,
      concurrency: CONCURRENCY,
      results,
    },
    null,
    2,
  ),
);
console.log(`\nwritten ${file}`);
