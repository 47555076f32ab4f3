// `npm run audit:deps`: `npm audit --omit=dev` must show no high or critical advisory on the production
// dependencies, except those justified in scripts/deps-audit-exceptions.json (each naming its ADR and a
// review date). ADR 0035 says why and what happens when the advisory service cannot be reached:
// exit 2 with "NOT PERFORMED", or, with AUDIT_DEPS_OFFLINE=warn, the same banner and exit 0 — never a
// silent pass.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const GATE = new Set(['high', 'critical']);

/** The high and critical advisories of an `npm audit --json` report (npm 7+), one per advisory and package. */
export function findings(report) {
  const out = new Map();
  for (const [pkg, v] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of v.via ?? []) {
      // A string names the dependency it comes through; that package's own entry carries the advisory.
      if (typeof via !== 'object' || !GATE.has(via.severity)) continue;
      const id = String(via.url ?? via.source).replace(/^https:\/\/github\.com\/advisories\//, '');
      out.set(`${id} ${pkg}`, {
        id,
        package: pkg,
        severity: via.severity,
        title: via.title,
        range: via.range,
      });
    }
  }
  return [...out.values()];
}

/** Findings not covered by a live exception, and exceptions past their review date or matching nothing. */
export function judge(found, exceptions, today = new Date().toISOString().slice(0, 10)) {
  const live = exceptions.filter((e) => e.reviewBy >= today);
  const covered = (f) => live.some((e) => e.id === f.id && (e.package ?? f.package) === f.package);
  return {
    unjustified: found.filter((f) => !covered(f)),
    expired: exceptions.filter((e) => e.reviewBy < today),
    stale: exceptions.filter((e) => !found.some((f) => f.id === e.id)),
  };
}

/** Why the report is no audit at all (registry or advisory service unreachable), or null. */
export function unavailable(report, status) {
  if (report && typeof report === 'object' && 'vulnerabilities' in report) return null;
  if (report?.message) return String(report.message);
  if (report?.error)
    return `${report.error.code ?? ''} ${report.error.summary ?? ''}`.trim() || 'npm audit error';
  return `npm audit gave no report (exit ${status})`;
}

function main() {
  const exceptions = JSON.parse(readFileSync(join(root, 'scripts/deps-audit-exceptions.json'), 'utf8'));
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {}
  const down = r.error ? String(r.error.message) : unavailable(report, r.status);
  if (down) {
    const warn = process.env.AUDIT_DEPS_OFFLINE === 'warn';
    console.error(
      [
        '',
        '!!! DEPENDENCY AUDIT NOT PERFORMED: the advisory service could not be reached.',
        `!!! ${down}`,
        `!!! ${warn ? 'AUDIT_DEPS_OFFLINE=warn: continuing; run `npm run audit:deps` where the registry answers (ADR 0035).' : 'Failing (set AUDIT_DEPS_OFFLINE=warn to continue without it; see ADR 0035).'}`,
        '',
      ].join('\n'),
    );
    process.exit(warn ? 0 : 2);
  }
  const found = findings(report);
  const { unjustified, expired, stale } = judge(found, exceptions);
  const total = report.metadata?.vulnerabilities ?? {};
  console.log(
    `audit:deps: ${report.metadata?.dependencies?.prod ?? '?'} production dependencies; advisories by severity ` +
      JSON.stringify(total) +
      `; ${found.length} high/critical, ${found.length - unjustified.length} justified in ADR 0035`,
  );
  for (const e of stale) console.log(`audit:deps: exception ${e.id} matches nothing any more: remove it`);
  for (const e of expired)
    console.error(`audit:deps: exception ${e.id} (${e.package}) passed its review date ${e.reviewBy}`);
  for (const f of unjustified)
    console.error(`audit:deps: ${f.severity} ${f.id} in ${f.package} ${f.range ?? ''}: ${f.title ?? ''}`);
  process.exit(unjustified.length || expired.length ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
