import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredEndpoints } from '../../test/contracts/check';
import { responseProblems } from '../../test/fuzz/check-response';
import { type Fingerprint, fingerprinter, unexpectedWrites } from '../../test/fuzz/fingerprint';
import { type FuzzRequest, requestsFor } from '../../test/fuzz/requests';
import { sessionPool } from '../../test/fuzz/sessions';
import type { Client } from '../../test/support/app';
import { createTestApp, type TestApp } from '../../test/support/app';
import { engineAvailable, testEngineKind } from '../../test/support/engine';
import type { AnyEndpoint } from '../common/kernel/endpoint';

/**
 * Issue 16, fuzzing: every declared endpoint receives requests generated from its own schemas — hostile
 * text of the right shape, one certain fault, malformed bodies — signed in as a user it serves, or
 * anonymously. Never a 5xx; a refusal is the translated error naming the field; a refused write leaves
 * every table as it was. FUZZ_RUNS scales the inputs per endpoint (FUZZ_SEED replays a run).
 */
const available = await engineAvailable();
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

/** Tables a request writes whatever its answer: a refused sign-in counts against the account. */
const WRITTEN_EVEN_WHEN_REFUSED = ['app.rate_limits'];

/**
 * Account, session and organisation-wide security endpoints last: a fuzzed request may sign the user out,
 * change their roles or require a second factor of the whole organisation.
 */
const LAST = /^\/api\/(auth|me|admin)\//;
/** FUZZ_ONLY=regex limits the run to matching paths (to replay a finding). */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
const endpoints = declaredEndpoints()
  .filter((e) => !ONLY || ONLY.test(e.path))
  .sort((a, b) => Number(LAST.test(a.path)) - Number(LAST.test(b.path)) || a.path.localeCompare(b.path));
const moduleOf = (e: AnyEndpoint) => (LAST.test(e.path) ? 'accounts' : (e.tags[0] ?? 'other'));
const groups = [...new Set(endpoints.map(moduleOf))];

/** fast-check's report (seed, counterexample) and the property's own error, which it keeps as the cause. */
const failure = (err: unknown) =>
  `${(err as Error).message.split('\n\nHint')[0]}\n${String(((err as Error).cause as Error | undefined)?.message ?? '')}`;

/** FUZZ_LOG=path follows a long run endpoint by endpoint. */
const progress = (line: string) => {
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${new Date().toISOString()} ${line}\n`);
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe.skipIf(!available)(`fuzzing every endpoint (${testEngineKind}, seed ${SEED})`, () => {
  let t: TestApp;
  let pool: ReturnType<typeof sessionPool>;
  let fp: Awaited<ReturnType<typeof fingerprinter>>;
  /** Identifiers the list endpoints answered, by list path, and all of them. */
  const idsByPath = new Map<string, string[]>();
  const allIds = new Set<string>();
  let tried = 0;
  let covered = 0;
  const findings: string[] = [];
  /** Answers by status, to show how deep the inputs went (2xx reached the handler and passed). */
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await createTestApp();
    progress('app built');
    pool = sessionPool(t);
    progress('app ready');
    fp = await fingerprinter(t.db.engine, WRITTEN_EVEN_WHEN_REFUSED);
    // Real identifiers reach deeper than random ones: read every list a coordinator and an admin see.
    for (const key of ['coordinator_be_wal', 'admin']) {
      const c = await pool.client(key);
      for (const e of endpoints) {
        if (e.method !== 'GET' || e.params || e.file) continue;
        const r = await c.get(e.path);
        if (r.statusCode !== 200) continue;
        const ids = [...new Set(r.body.match(UUID) ?? [])].slice(0, 30);
        idsByPath.set(e.path, [...(idsByPath.get(e.path) ?? []), ...ids]);
        for (const id of ids) allIds.add(id);
      }
    }
    progress(`harvested ${allIds.size} identifiers`);
  }, 600_000);
  afterAll(async () => {
    console.log(
      `fuzz (${testEngineKind}): ${tried} inputs tried on ${covered} endpoints, ${findings.length} findings (seed ${SEED}, ${RUNS} runs per endpoint); answers ${[
        ...statuses,
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    await t?.close();
  });

  /** The identifiers to fill an endpoint's path with: those its list answered, then any known. */
  function idsFor(e: AnyEndpoint): string[] {
    const list = e.path.split('/:')[0]!;
    const own = idsByPath.get(list) ?? [];
    return [...own, ...[...allIds].slice(0, 40)];
  }

  async function send(c: Client | null, e: AnyEndpoint, req: FuzzRequest) {
    const headers: Record<string, string> = { 'x-samen-language': 'en' };
    if (c) {
      headers.cookie = c.cookie;
      headers['x-csrf-token'] = c.csrf;
    }
    if (req.raw) headers['content-type'] = req.raw.contentType;
    return t.app.inject({
      method: e.method,
      url: req.url,
      headers,
      ...(req.raw
        ? { payload: req.raw.payload }
        : req.body !== undefined
          ? { payload: JSON.stringify(req.body), headers: { ...headers, 'content-type': 'application/json' } }
          : {}),
    });
  }

  for (const group of groups)
    it(`${group}: no 5xx, translated refusals naming the field, no partial write`, async () => {
      const before = findings.length;
      for (const e of endpoints.filter((x) => moduleOf(x) === group)) {
        const arb = requestsFor(e, { ids: idsFor(e) });
        const probe = fc.sample(
          arb.filter((r) => r.kind === 'shaped'),
          { numRuns: 1, seed: SEED },
        )[0]!;
        const key = await pool.accountFor(
          e,
          async (c) => (await send(c, e, { ...probe, anonymous: false })).statusCode,
        );
        const write = e.method !== 'GET';
        // The snapshot after the last refused write: still the tables' state unless a request since then
        // passed or someone signed in. Reusing it halves the counting of every table.
        let last: { fp: Fingerprint; logins: number } | null = null;
        covered++;
        try {
          await fc.assert(
            fc.asyncProperty(arb, async (req) => {
              tried++;
              const c = req.anonymous ? null : await pool.client(key);
              const fpBefore = !write
                ? null
                : last && last.logins === pool.logins()
                  ? last.fp
                  : await fp.take();
              last = null;
              if (process.env.FUZZ_TRACE) progress(`  ${e.method} ${req.url.slice(0, 200)} ${req.note}`);
              const r = await send(c, e, req);
              statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
              const problems = responseProblems(r, req.expectField);
              if (fpBefore && r.statusCode >= 400) {
                const after = await fp.take();
                last = { fp: after, logins: pool.logins() };
                const diff = await unexpectedWrites(t.db.engine, fpBefore, after);
                if (diff.length) problems.push(`refused (${r.statusCode}) but wrote: ${diff.join(', ')}`);
              }
              if (problems.length)
                throw new Error(
                  `${req.note} as ${req.anonymous ? 'anonymous' : key}: ${problems.join('; ')}`,
                );
            }),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          );
          progress(`${e.method} ${e.path} as ${key}: ok`);
        } catch (err) {
          progress(`${e.method} ${e.path} as ${key}: FINDING ${failure(err).slice(0, 3000)}`);
          findings.push(`${e.method} ${e.path}: ${failure(err).slice(0, 1500)}`);
        }
      }
      progress(`${group} done: ${tried} inputs so far`);
      expect(findings.slice(before)).toEqual([]);
    }, 900_000);
});
