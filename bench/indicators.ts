// Indicator board benchmark (issue 10): every indicator of a programme counted live, over HTTP on
// PostgreSQL and PGlite, when the network holds 200,000 persons, 50,000 placements and 2 million attendance
// days. The board of the demo programme 'SAM-E suite' (six indicators, three of them counted by rules) for
// its lead and for a partner (small numbers suppressed), for its lead once published by partner only (no
// breakdown by sex and age band), then with one indicator per rule of every module and a past milestone
// on each (each counted twice). Run with
//   node --import tsx bench/indicators.ts [--engines=postgres,pglite] [--persons=200000]
//     [--placements=50000] [--attendance=2000000] [--seconds=10] [--concurrency=1]
// (`npm run bench:indicators`). Prints a table, the slowest statements of one board, and writes JSON to
// bench/results/indicators-<time>.json. Target: p95 ≤ 300 ms on PostgreSQL for the demo board.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import { seedDemo } from '../src/server/demo/seed';
import { SERVER_MODULES } from '../src/server/modules';
import { ruleRegistry } from '../src/server/modules/monitoring/indicators/registry';
import type { Engine } from '../src/server/platform/db/engine';
import { migrate } from '../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../src/server/platform/db/prepare';
import { generateOrganisations } from './generate';
import { generateIndicatorData } from './generate-indicators';
import { generateServices } from './generate-services';
import { arg, BENCH_SECRETS, loadOverHttp, openBenchEngine, startBenchApp } from './harness';
import type { Stats } from './stats';

const ENGINES = arg('engines', 'postgres,pglite').split(',') as Array<'pglite' | 'postgres'>;
const VOLUMES = {
  persons: Number(arg('persons', '200000')),
  placements: Number(arg('placements', '50000')),
  attendance: Number(arg('attendance', '2000000')),
};
const SECONDS = Number(arg('seconds', '10'));
const CONCURRENCY = Number(arg('concurrency', '1'));
const PROGRAMME = 'SAM-E suite';
const LEAD = 'coordination@udccas-nord.example';
const PARTNER = 'coordination@cpas-mouscron.example';

/** One more indicator for every rule the demo board does not use, each with a milestone already past. */
async function addEveryRule(engine: Engine, programmeId: string) {
  const used = (await engine.rawQuery(
    `select rule_code from programme_indicators where programme_id = $1 and rule_code is not null`,
    [programmeId],
  )) as Array<{ rule_code: string }>;
  const missing = [...ruleRegistry(SERVER_MODULES).values()]
    .map(({ rule }) => rule)
    .filter((r) => !used.some((u) => u.rule_code === r.code));
  await engine.execScript(`
    set session_replication_role = replica;
    insert into programme_indicators (programme_id, org_id, position, code, kind, unit, label_fr, label_nl,
        label_en, baseline, target, rule_code, rule_params)
      select pr.id, pr.org_id, 100 + r.n, 'B' || r.n, 'output', r.unit, 'Banc ' || r.code, 'Bank ' || r.code,
        'Bench ' || r.code, 0, 1000, r.code, '{}'
      from programmes pr, (values ${missing.map((r, i) => `(${i + 1}, '${r.code}', '${r.unit}')`).join(', ')})
        as r (n, code, unit)
      where pr.id = '${programmeId}';
    insert into programme_indicator_milestones (indicator_id, org_id, due_on, target)
      select i.id, i.org_id, date '2025-12-31', 500 from programme_indicators i
      where i.programme_id = '${programmeId}' and i.rule_code is not null
        and not exists (select 1 from programme_indicator_milestones m where m.indicator_id = i.id);
    set session_replication_role = origin;
  `);
  const n = (await engine.rawQuery(
    `select count(*)::int as n, count(rule_code)::int as rules from programme_indicators where programme_id = $1`,
    [programmeId],
  )) as Array<{ n: number; rules: number }>;
  return n[0]!;
}

/** Publishes every indicator of the programme by partner only; false when breakdowns do not exist. */
async function setPartnerOnly(engine: Engine, programmeId: string) {
  const has = (await engine.rawQuery(
    `select 1 from information_schema.columns where table_name = 'programme_indicators' and column_name = 'breakdowns'`,
    [],
  )) as unknown[];
  if (has.length === 0) return false;
  await engine.execScript(`
    set session_replication_role = replica;
    update programme_indicators set breakdowns = '{partner}' where programme_id = '${programmeId}';
    set session_replication_role = origin;
  `);
  return true;
}

/** The statements of one board, slowest first, with their share (the rule's SQL function named). */
function slowest(events: LogEvent[], top: number) {
  return events
    .filter((e) => e.level === 'query')
    .map((e) => ({
      ms: Math.round(e.queryDurationMillis * 10) / 10,
      sql: (
        e.query.sql.match(/app\.ind_\w+/)?.[0] ??
        e.query.sql.match(/from "?\w+"?/)?.[0] ??
        e.query.sql.slice(0, 40)
      ).replace(/"/g, ''),
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}

async function benchEngine(kind: 'pglite' | 'postgres') {
  let capture: LogEvent[] | null = null;
  const { engine, drop } = await openBenchEngine(kind, (e) => capture?.push(e), 'samen_bench_ind');
  const rows: Array<Record<string, unknown>> = [];
  try {
    const t0 = performance.now();
    await migrate(engine);
    await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
    await seedDemo(engine, BENCH_SECRETS);
    await generateOrganisations(engine, 200);
    await generateServices(engine, 10000);
    const programmeId = await generateIndicatorData(engine, PROGRAMME, VOLUMES);
    const counts = (await engine.rawQuery(
      `select (select count(*) from persons)::int as persons, (select count(*) from placements)::int as placements,
         (select count(*) from placement_attendance)::int as attendance,
         (select count(*) from placements where programme_id = $1)::int as in_programme`,
      [programmeId],
    )) as Array<Record<string, number>>;
    console.log(`${kind}: data ready in ${Math.round(performance.now() - t0)} ms`, counts[0]);

    const app = await startBenchApp(engine);
    const path = `/api/programmes/${programmeId}/indicators`;
    const run = async (scenario: string, account: string) => {
      const cookie = await app.login(account);
      capture = [];
      const t = performance.now();
      const probe = await fetch(app.baseUrl + path, { headers: cookie ? { cookie } : {} });
      const body = (await probe.json()) as { items?: Array<{ code: string; value: number | null }> };
      const once = performance.now() - t;
      const statements = slowest(capture, 6);
      capture = null;
      if (!probe.ok) {
        console.log(`${kind}: ${scenario}: skipped (HTTP ${probe.status})`);
        return;
      }
      const http = await loadOverHttp(app.baseUrl, [path], cookie, CONCURRENCY, SECONDS);
      const values = Object.fromEntries((body.items ?? []).map((i) => [i.code, i.value]));
      console.log(`${kind}: ${scenario}: first ${once.toFixed(0)} ms, values`, values);
      console.log('   slowest statements of the first board:', statements);
      rows.push({ engine: kind, scenario, indicators: body.items?.length ?? 0, values, statements, http });
    };
    await run('SAM-E suite board, lead', LEAD);
    await run('SAM-E suite board, partner', PARTNER);
    // The same board published by partner only (no breakdown by sex and age band, where declared).
    if (await setPartnerOnly(engine, programmeId)) await run('SAM-E suite board, lead, by partner', LEAD);
    const n = await addEveryRule(engine, programmeId);
    await run(`every rule (${n.n} ind., ${n.rules} rules)`, LEAD);
    await app.close();
  } finally {
    await drop();
  }
  return rows;
}

const results = [];
for (const kind of ENGINES) results.push(...(await benchEngine(kind)));
console.log(
  `\n${SECONDS}s per run, concurrency ${CONCURRENCY}; target p95 ≤ 300 ms on PostgreSQL (demo board)`,
);
console.log(
  `${'engine'.padEnd(9)} ${'scenario'.padEnd(36)} ${'boards/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
);
for (const r of results) {
  const s = r.http as Stats;
  console.log(
    `${String(r.engine).padEnd(9)} ${String(r.scenario).padEnd(36)} ${s.rps.toFixed(1).padStart(8)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)}`,
  );
}
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `indicators-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const params = { ...VOLUMES, seconds: SECONDS, concurrency: CONCURRENCY };
writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, params, results }, null, 2)}\n`,
);
console.log(`\nwritten ${file}`);
