// Observatory benchmark (issue 12), over HTTP on PostgreSQL and PGlite:
//   1. import throughput: a generic long-format file (geo_code, period, element, value) uploaded to
//      POST /api/observatory/imports (multipart, parse + validate + write all-or-nothing), first into a store
//      holding only the demo values, then once more into the full store. Targets: ≥ 100,000 values/s on
//      PostgreSQL, ≥ 20,000 values/s on PGlite.
//   2. serving a board: GET /api/observatory/boards/:code, one map tile over ~1,200 municipalities and three
//      table tiles, from `--values` stored values (5 million on PostgreSQL; PGlite in memory at a reduced
//      `--pglite-values`, 500,000 by default). Target: ≤ 200 ms on PostgreSQL.
// Run with
//   node --import tsx bench/observatory.ts [--engines=postgres,pglite] [--values=5000000]
//     [--pglite-values=500000] [--import=200000] [--repeats=3] [--seconds=10] [--concurrency=1] [--keep] [--db=samen_bench_obs]
// (`npm run bench:observatory`). Prints a table, the slowest statements of one board (and on PostgreSQL
// their plans), and writes JSON to bench/results/observatory-<time>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import { seedDemo } from '../src/server/demo/seed';
import { detectFile, parseAll, suggestMapping } from '../src/server/modules/observatory/import';
import type { Engine } from '../src/server/platform/db/engine';
import { migrate } from '../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../src/server/platform/db/prepare';
import {
  BOARD,
  createBoard,
  defineElements,
  generateTerritories,
  generateValues,
  longFile,
} from './generate-observatory';
import { arg, BENCH_SECRETS, loadOverHttp, openBenchEngine, startBenchApp } from './harness';
import type { Stats } from './stats';

const ENGINES = arg('engines', 'postgres,pglite').split(',') as Array<'pglite' | 'postgres'>;
const VALUES = { postgres: Number(arg('values', '5000000')), pglite: Number(arg('pglite-values', '500000')) };
const IMPORT = Number(arg('import', '200000'));
const REPEATS = Number(arg('repeats', '3'));
const SECONDS = Number(arg('seconds', '10'));
const CONCURRENCY = Number(arg('concurrency', '1'));
// Leaves the PostgreSQL database samen_bench_obs in place for EXPLAIN by hand (drop it afterwards).
const KEEP = process.argv.includes('--keep');
// Another database name lets two runs share the PostgreSQL server.
const DB = arg('db', 'samen_bench_obs');
const ANALYST = 'analist@west-vlaanderen.example';
const TARGET = { import: { postgres: 100_000, pglite: 20_000 }, boardMs: 200 };

/** The statements of one request, slowest first. */
function slowest(events: LogEvent[], top: number) {
  return events
    .filter((e) => e.level === 'query')
    .map((e) => ({
      ms: Math.round(e.queryDurationMillis * 10) / 10,
      sql: e.query.sql,
      params: e.query.parameters,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
/** A request's statements grouped by their first words, total ms and count, the heaviest first. */
function byStatement(events: LogEvent[]) {
  const groups = new Map<string, { ms: number; n: number }>();
  for (const e of events.filter((x) => x.level === 'query')) {
    const key = e.query.sql.replace(/\s+/g, ' ').replace(/\(.*$/, '').slice(0, 60);
    const g = groups.get(key) ?? { ms: 0, n: 0 };
    g.ms += e.queryDurationMillis;
    g.n += 1;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([sql, g]) => ({ sql, ms: Math.round(g.ms), n: g.n }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6);
}
const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);

/** EXPLAIN ANALYZE of a captured statement, as the owner (RLS policies here are constant initplans). */
async function explain(engine: Engine, sql: string, params: readonly unknown[]) {
  const rows = (await engine.rawQuery(`explain (analyze, buffers) ${sql}`, [...params])) as Array<
    Record<string, string>
  >;
  return rows.map((r) => Object.values(r)[0]!);
}

async function benchEngine(kind: 'pglite' | 'postgres') {
  let capture: LogEvent[] | null = null;
  const { engine, drop } = await openBenchEngine(kind, (e) => capture?.push(e), DB);
  const out: Record<string, unknown> = { engine: kind };
  try {
    let t0 = performance.now();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, BENCH_SECRETS);
    const codes = await generateTerritories(engine);
    await defineElements(engine);
    const org = (
      (await engine.rawQuery(
        `select m.org_id from memberships m join users u on u.id = m.user_id where u.email = $1`,
        [ANALYST],
      )) as Array<{ org_id: string }>
    )[0]!.org_id;
    console.log(`${kind}: ${codes.length} municipalities ready in ${Math.round(performance.now() - t0)} ms`);

    const app = await startBenchApp(engine);
    const cookie = (await app.login(ANALYST))!;
    const session = (await (
      await fetch(`${app.baseUrl}/api/auth/session`, { headers: { cookie } })
    ).json()) as {
      csrfToken: string;
    };
    const upload = async (file: Buffer, vintage: string) => {
      const form = new FormData();
      form.append('settings', JSON.stringify({ vintage, format: 'long' }));
      form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'bench-long.csv');
      const t = performance.now();
      const r = await fetch(`${app.baseUrl}/api/observatory/imports`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        body: form,
      });
      const body = (await r.json()) as { values?: number };
      const ms = performance.now() - t;
      if (!r.ok || body.values === undefined)
        throw new Error(`import refused: ${r.status} ${JSON.stringify(body).slice(0, 500)}`);
      return { ms: Math.round(ms), values: body.values, perSecond: Math.round(body.values / (ms / 1000)) };
    };

    // 1. Import throughput (a warm-up of a tenth of the file, then the repetitions, each a new vintage).
    const file = longFile(codes, IMPORT);
    await upload(longFile(codes, Math.ceil(IMPORT / 10)), 'Bench import warm-up');
    const runs = [];
    for (let i = 0; i < REPEATS - 1; i++) runs.push(await upload(file, `Bench import ${i + 1}`));
    // The last repetition with its statements captured: how much of the time the database takes.
    capture = [];
    runs.push(await upload(file, `Bench import ${REPEATS}`));
    const importSql = byStatement(capture);
    capture = null;
    console.log(`${kind}: statements of one import (ms, count):`, importSql);
    // Reading the file alone, in process (detect + parse + validate, no database).
    const known = new Set(codes);
    const t1 = performance.now();
    await detectFile(file, { fileName: 'bench-long.csv' });
    const parsed = await parseAll(file, {
      mapping: { ...suggestMapping('long', ['geo_code', 'period', 'element', 'value']), format: 'long' },
      knownCodes: known,
      unknownCodes: 'error',
      maxErrors: 200,
    });
    const parseMs = Math.round(performance.now() - t1);
    console.log(`${kind}: reading the file alone: ${parseMs} ms for ${parsed.rows.length} values`);
    const rates = runs.map((r) => r.perSecond).sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)]!;
    out.import = {
      values: IMPORT,
      bytes: file.length,
      runs,
      medianPerSecond: median,
      target: TARGET.import[kind],
      parseMs,
      statements: importSql,
    };
    console.log(
      `${kind}: import ${IMPORT} values:`,
      runs,
      `median ${median}/s (target ${TARGET.import[kind]}/s)`,
    );
    await engine.execScript(
      `delete from obs_values where vintage like 'Bench import%'; delete from obs_imports where vintage like 'Bench import%';`,
    );

    // 2. A board over the full store.
    t0 = performance.now();
    const stored = await generateValues(engine, VALUES[kind], org, codes);
    await createBoard(engine, org);
    out.stored = stored.values;
    out.periods = stored.periods.length;
    console.log(
      `${kind}: ${stored.values} values stored (${stored.periods.length} periods) in ${Math.round(performance.now() - t0)} ms`,
    );
    const path = `/api/observatory/boards/${BOARD}`;
    const timed = async () => {
      const t = performance.now();
      const r = await fetch(app.baseUrl + path, { headers: { cookie } });
      const text = await r.text();
      const ms = performance.now() - t;
      if (!r.ok) throw new Error(`board: HTTP ${r.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { tiles?: Array<{ map: { cells: unknown[] } }> };
      return { ms, bytes: text.length, cells: body.tiles?.map((x) => x.map.cells.length) ?? [] };
    };
    capture = [];
    const cold = await timed().catch((e) => {
      const failed = capture?.filter((x) => x.level === 'error') ?? [];
      for (const f of failed) console.error(short(f.query.sql), String(f.error));
      throw e;
    });
    capture = [];
    const warm = await timed();
    const statements = slowest(capture, 6);
    capture = null;
    const http: Stats = await loadOverHttp(app.baseUrl, [path], cookie, CONCURRENCY, SECONDS);
    console.log(
      `${kind}: board: cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms, cells per tile ${warm.cells.join('/')}, ${Math.round(warm.bytes / 1024)} KiB`,
    );
    console.log('   slowest statements of one board:');
    for (const s of statements) console.log(`   ${String(s.ms).padStart(8)} ms  ${short(s.sql)}`);
    const plans: Array<{ sql: string; plan: string[] }> = [];
    if (kind === 'postgres') {
      const seen = new Set<string>();
      for (const s of statements.filter((x) => !seen.has(x.sql) && seen.add(x.sql)).slice(0, 3)) {
        const plan = await explain(engine, s.sql, s.params);
        plans.push({ sql: s.sql, plan });
        console.log(`\n   EXPLAIN ANALYZE ${short(s.sql)}\n${plan.map((l) => `     ${l}`).join('\n')}`);
      }
    }
    out.board = {
      tiles: warm.cells,
      bytes: warm.bytes,
      coldMs: Math.round(cold.ms),
      http,
      statements: statements.map(({ ms, sql }) => ({ ms, sql })),
      plans,
    };

    // 1b. The same import once more, into the full store (its look-ups and indexes at full size).
    const full = await upload(file, 'Bench import full store');
    out.importIntoFullStore = full;
    console.log(`${kind}: import into the full store:`, full);
    await app.close();
  } finally {
    if (KEEP && kind === 'postgres') await engine.close();
    else await drop();
  }
  return out;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  // Other work on the machine skews every figure: the load average before and after the run says how much.
  loadBefore: loadavg().map((x) => Math.round(x * 10) / 10),
};
const results = [];
for (const kind of ENGINES) results.push(await benchEngine(kind));
const loadAfter = loadavg().map((x) => Math.round(x * 10) / 10);

console.log(
  `\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadBefore.join(' ')} before, ${loadAfter.join(' ')} after`,
);
console.log(`import: ${IMPORT} values, median of ${REPEATS}; board: ${SECONDS}s, concurrency ${CONCURRENCY}`);
console.log(
  `${'engine'.padEnd(9)} ${'import v/s'.padStart(10)} ${'target'.padStart(8)} ${'full-store v/s'.padStart(14)} ${'stored'.padStart(9)} ${'board p50'.padStart(9)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'target'.padStart(7)}`,
);
for (const r of results) {
  const imp = r.import as { medianPerSecond: number; target: number };
  const full = r.importIntoFullStore as { perSecond: number };
  const b = (r.board as { http: Stats }).http;
  console.log(
    `${String(r.engine).padEnd(9)} ${String(imp.medianPerSecond).padStart(10)} ${String(imp.target).padStart(8)} ${String(full.perSecond).padStart(14)} ${String(r.stored).padStart(9)} ${b.p50.toFixed(0).padStart(9)} ${b.p95.toFixed(0).padStart(8)} ${b.p99.toFixed(0).padStart(8)} ${String(r.engine === 'postgres' ? TARGET.boardMs : '—').padStart(7)}`,
  );
}
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `observatory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const params = {
  values: VALUES,
  import: IMPORT,
  repeats: REPEATS,
  seconds: SECONDS,
  concurrency: CONCURRENCY,
};
writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), machine: { ...machine, loadAfter }, params, results }, null, 2)}\n`,
);
console.log(`\nwritten ${file}`);
