// The run as Markdown (printed and written beside the JSON): machine, data, HTTP with floors, PGlite vs
// PostgreSQL, growth, batch, web, and the targets missed.
import type { Stats } from '../stats';
import type { BatchResult } from './batch';
import type { GrowthPoint } from './growth';
import type { HttpScenarioResult } from './http';
import type { Machine } from './machine';
import type { BenchOptions } from './options';
import { type Miss, pglitePairs } from './targets';

export interface SuiteResult {
  at: string;
  machine: Machine;
  options: Omit<BenchOptions, 'skip'> & { skip: string[] };
  setup: Array<Record<string, unknown>>;
  http: HttpScenarioResult[];
  growth: Array<GrowthPoint & { ratioP50: number | null; ratioP95: number | null }>;
  batch: Array<{ engine: string; batch: BatchResult }>;
  web: unknown;
  misses: Miss[];
  notes: string[];
}

const table = (head: string[], rows: Array<Array<string | number | null>>) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i === 0 || /scenario|engine|item|what/i.test(h) ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => (c === null ? '—' : String(c))).join(' | ')} |`),
  ].join('\n');
const pct = (x: number | null) => (x === null ? null : `${Math.round(x * 100)} %`);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (s: Stats) => [s.p50, s.p95, s.p99].map((x) => x.toFixed(1));

export function toMarkdown(r: SuiteResult): string {
  const m = r.machine;
  const o = r.options;
  const out: string[] = [`# samen benchmark, ${r.at}`, ''];
  out.push(
    `**Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, PostgreSQL ${m.postgres ?? '—'}, PGlite ${m.pglite ?? '—'}; load average ${m.loadBefore.join(' ')} before, ${m.loadAfter?.join(' ') ?? '—'} after.`,
    '',
    `**Options**: engines ${o.engines.join(', ')}; scale ${o.scale}; seed ${o.seed}; ${o.seconds} s per run, median of ${o.repeat} after a warm-up; clients ${o.concurrency.join(', ')}; growth ${o.growth.join(', ')}${o.only.length ? `; only ${o.only.join(', ')}` : ''}${o.skip.length ? `; skipped ${o.skip.join(', ')}` : ''}.`,
    '',
  );
  out.push('## Data', '');
  out.push(
    table(
      ['engine', 'scale', 'generator', 'migrate + demo ms', 'network ms', 'rows'],
      r.setup.map((s) => [
        String(s.engine),
        String(s.scale),
        String(s.source),
        String(s.demoMs),
        String((s.millis as { total: number }).total),
        Object.entries(s.counts as Record<string, number>)
          .map(([k, v]) => `${k} ${n0(v)}`)
          .join(', '),
      ]),
    ),
    '',
  );
  if (r.http.length) {
    out.push(
      '## HTTP scenarios and their floors',
      '',
      'samen over HTTP (autocannon in a worker thread); SQL floor = the page’s own statements of one request (its reads; the framework’s context, session and audit statements left out) replayed in sequence through the driver as the owner (no framework, session or RLS); bare floor = a `node:http` handler returning the same bytes. Ratios are samen’s req/s over the floor’s.',
      '',
    );
    const rows = r.http.flatMap((s) =>
      s.skipped
        ? [[s.engine, s.label, null, null, null, null, null, s.skipped, null, null, null, null]]
        : s.rows.map((x) => [
            x.engine,
            x.label,
            x.concurrency,
            x.samen.median.requests ? x.samen.median.rps.toFixed(1) : '0 (none finished)',
            ...(x.samen.median.requests ? ms(x.samen.median) : [null, null, null]),
            x.samen.median.errors,
            x.sqlFloor ? x.sqlFloor.median.rps.toFixed(0) : null,
            pct(x.ratioSql),
            x.bareFloor.median.rps.toFixed(0),
            pct(x.ratioBare),
          ]),
    );
    out.push(
      table(
        [
          'engine',
          'scenario',
          'clients',
          'req/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'errors',
          'SQL pages/s',
          'of SQL',
          'bare req/s',
          'of bare',
        ],
        rows,
      ),
      '',
    );
    const pairs = pglitePairs(r.http);
    if (pairs.length) {
      out.push('### PGlite against PostgreSQL, one client (target ≤ 3×)', '');
      out.push(
        table(
          ['scenario', 'PGlite p50 ms', 'PostgreSQL p50 ms', 'ratio'],
          pairs.map(([a, b]) => [
            a.label,
            a.p50.toFixed(1),
            b.p50.toFixed(1),
            b.p50 ? `${(a.p50 / b.p50).toFixed(2)}×` : null,
          ]),
        ),
        '',
      );
    }
  }
  if (r.growth.length) {
    out.push('## Growth (one client; ratio of p50 to the 1× figure, target ≤ 1.5× at 10×)', '');
    out.push(
      table(
        ['engine', 'scenario', 'data ×', 'p50 ms', 'p95 ms', 'p50 ratio', 'p95 ratio'],
        r.growth.map((g) => [
          g.engine,
          g.scenario,
          g.factor,
          g.status === 200 ? g.stats.p50.toFixed(1) : `HTTP ${g.status}`,
          g.status === 200 ? g.stats.p95.toFixed(1) : null,
          g.ratioP50 === null ? null : `${g.ratioP50}×`,
          g.ratioP95 === null ? null : `${g.ratioP95}×`,
        ]),
      ),
      '',
    );
  }
  if (r.batch.length) {
    out.push(
      '## Batch work, with the responsiveness probe',
      '',
      `Probe: \`${r.batch[0]?.batch.probePath}\` every 50 ms from a worker thread, while the work runs and idle.`,
      '',
    );
    out.push(
      table(
        [
          'engine',
          'item',
          'wall ms (with set-up)',
          'figures',
          'probe p95 ms',
          'probe max ms',
          'idle p95 ms',
          'idle max ms',
        ],
        r.batch.flatMap(({ engine, batch }) =>
          batch.items.map((i) => [
            engine,
            i.name,
            i.ms,
            i.error
              ? `failed: ${i.error.slice(0, 120).replace(/\|/g, '/')}`
              : Object.entries(i.detail)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', '),
            i.probe?.p95 ?? null,
            i.probe?.max ?? null,
            batch.idle.p95,
            batch.idle.max,
          ]),
        ),
      ),
      '',
    );
  }
  out.push('## Web', '', webMarkdown(r.web), '');
  out.push('## Targets missed', '');
  out.push(
    r.misses.length
      ? table(
          ['engine', 'what', 'target', 'measured'],
          r.misses.map((x) => [x.engine, x.what, x.target, x.got]),
        )
      : 'None.',
    '',
  );
  if (r.notes.length) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

interface WebRoute {
  name: string;
  path: string;
  jsGzip: number;
  cssGzip: number;
  firstRenderMs: number;
  settledMs: number;
}

/** bench/web.ts's result as a table when it has routes, as JSON otherwise, or its message. */
function webMarkdown(web: unknown): string {
  if (typeof web === 'string') return web;
  const w = web as { routes?: WebRoute[]; firstScreen?: Record<string, unknown> };
  if (!Array.isArray(w.routes)) return `\`\`\`json\n${JSON.stringify(web, null, 2)}\n\`\`\``;
  const kb = (b: number) => (b / 1024).toFixed(1);
  return [
    table(
      ['route', 'path', 'JS gz KB', 'CSS gz KB', 'first render ms', 'settled ms'],
      w.routes.map((x) => [
        x.name,
        `\`${x.path}\``,
        kb(x.jsGzip),
        kb(x.cssGzip),
        x.firstRenderMs,
        x.settledMs,
      ]),
    ),
    '',
    w.firstScreen
      ? `First screen: ${Object.entries(w.firstScreen)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}.`
      : '',
  ].join('\n');
}
