// Builds the issue 15 network on a fresh database, reports rows and rows/s per step, checks that the
// sample handles answer over HTTP, prints checksums of a few tables (same seed, same checksums), then
// drops the database. Run with
//   node --import tsx bench/generate-network.ts [--engine=postgres|pglite] [--scale=0.1] [--seed=1]
import { seedDemo } from '../src/server/demo/seed';
import type { Engine } from '../src/server/platform/db/engine';
import { migrate } from '../src/server/platform/db/migrate';
import { bindEngine, DEFAULT_DB_SETTINGS } from '../src/server/platform/db/prepare';
import { arg, BENCH_SECRETS, openBenchEngine, startBenchApp } from './harness';
import { generateNetwork } from './network';
import type { GeneratedNetwork } from './network/contract';

const ENGINE = arg('engine', 'postgres') as 'pglite' | 'postgres';
const SCALE = Number(arg('scale', '0.1'));
const SEED = Number(arg('seed', '1'));

/** Content checksums over natural keys in byte order, so both engines agree (ids of demo rows are random). */
const CHECKSUMS: Record<string, string> = {
  organisations: `select md5(string_agg(name_fr || kind || region || municipality_code, ',' order by email collate "C")) from organisations`,
  users: `select md5(string_agg(email || display_name, ',' order by email collate "C")) from users`,
  persons: `select md5(string_agg(participant_code || first_name || last_name || birth_date || municipality_code || benefit, ',' order by participant_code collate "C")) from persons`,
  placements: `select md5(string_agg(p.participant_code || pl.status || pl.starts_on || pl.ends_on || pl.site_name, ',' order by p.participant_code collate "C", pl.starts_on)) from placements pl join persons p on p.id = pl.person_id`,
  placement_attendance: `select md5(string_agg(p.participant_code || a.day || a.status, ',' order by p.participant_code collate "C", a.day)) from placement_attendance a join placements pl on pl.id = a.placement_id join persons p on p.id = pl.person_id`,
  forum_registrations: `select md5(string_agg(r.email || r.status || r.position, ',' order by r.email collate "C")) from forum_registrations r`,
  obs_values: `select md5(string_agg(geo_code || period || disaggregation || coalesce(value::text, '-'), ',' order by geo_code collate "C", period collate "C", disaggregation collate "C", value)) from obs_values`,
};

async function checksums(engine: Engine) {
  const out: Record<string, string> = {};
  for (const [t, sql] of Object.entries(CHECKSUMS))
    out[t] = ((await engine.rawQuery(sql, [])) as Array<{ md5: string }>)[0]!.md5;
  return out;
}

async function checkHttp(engine: Engine, net: GeneratedNetwork) {
  const app = await startBenchApp(engine);
  const failures: string[] = [];
  try {
    const s = net.sample;
    const referent = await app.login(s.referentEmail);
    const coordinator = await app.login(s.coordinatorEmail);
    const checks: Array<[string, string, string | null]> = [
      ['caseload list', '/api/people?page=1&pageSize=25', referent],
      ['person page', `/api/people/${s.personIds[0]}`, referent],
      ['agreement page', `/api/placements/${s.agreementIds[0]}`, referent],
      ['offer ranking', s.offerRankingPaths[0]!, referent],
      ['indicator dashboard', `/api/programmes/${s.programmeId}/indicators`, coordinator],
      ['public board', `/api/public/observatory/boards/${s.boardCode}`, null],
    ];
    for (const [label, path, cookie] of checks) {
      const t = performance.now();
      const r = await fetch(app.baseUrl + path, { headers: cookie ? { cookie } : {} });
      const body = await r.text();
      const ms = performance.now() - t;
      let extra = '';
      try {
        const j = JSON.parse(body) as { total?: number; items?: unknown[] };
        if (typeof j.total === 'number') extra = ` total ${j.total}`;
        else if (Array.isArray(j.items)) extra = ` ${j.items.length} items`;
      } catch {}
      console.log(
        `  HTTP ${r.status} ${label.padEnd(20)} ${ms.toFixed(0).padStart(6)} ms ${String(body.length).padStart(8)} B${extra}  ${path}`,
      );
      if (r.status !== 200) failures.push(`${label}: ${r.status} ${body.slice(0, 200)}`);
    }
  } finally {
    await app.close();
  }
  return failures;
}

const { engine, drop } = await openBenchEngine(ENGINE, undefined, `samen_netgen_${process.pid}`);
let failed = false;
try {
  const t0 = performance.now();
  await migrate(engine);
  await bindEngine(engine, engine, DEFAULT_DB_SETTINGS);
  await seedDemo(engine, BENCH_SECRETS);
  console.log(
    `${ENGINE}: migrated and demo seeded in ${Math.round(performance.now() - t0)} ms; generating scale ${SCALE}, seed ${SEED}`,
  );
  const net = await generateNetwork(engine, { seed: SEED, scale: SCALE, log: (l) => console.log(`  ${l}`) });
  console.log('counts', net.counts);
  console.log('sample', {
    ...net.sample,
    personIds: net.sample.personIds.length,
    agreementIds: net.sample.agreementIds.length,
  });
  const t1 = performance.now();
  const sums = await checksums(engine);
  console.log(`checksums (${Math.round(performance.now() - t1)} ms)`, sums);
  const failures = await checkHttp(engine, net);
  // Every step must have written rows and found handles, or the scenarios would measure nothing.
  for (const [table, n] of Object.entries(net.counts))
    if (n <= 0 && table !== 'territories') failures.push(`${table}: no rows`);
  if (!net.sample.personIds.length || !net.sample.agreementIds.length)
    failures.push('sample: no person or agreement');
  if (failures.length) {
    failed = true;
    console.error('FAILED', failures);
  }
  console.log(`max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  await drop();
}
process.exit(failed ? 1 : 0);
