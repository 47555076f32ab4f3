import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { samenI18n } from './scripts/vite-i18n';

/**
 * Suites that prove a property of the HTTP layer over every endpoint (fuzzing, the access matrix, bad input
 * on every route, the red-team replay) run on PostgreSQL, the production engine, and not again on PGlite:
 * both engines are the same PostgreSQL, and these four alone took a third of the PGlite project's time.
 * SAMEN_DEEP=1 runs them on both (ADR 0036).
 */
const HTTP_PROOFS = [
  'src/server/fuzz-api.db.test.ts',
  'src/server/api-robustness.db.test.ts',
  'src/server/access-matrix.db.test.ts',
  'src/server/red-team.db.test.ts',
];
const deep = process.env.SAMEN_DEEP === '1';

// One run, five projects; the summary reporter prints the closing `N passed, N failed` line.
export default defineConfig({
  test: {
    reporters: ['default', './test/ci-summary.ts'],
    passWithNoTests: false,
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: ['src/**/*.db.test.ts'],
          exclude: deep ? [] : HTTP_PROOFS,
          globalSetup: ['test/support/templates.ts'],
          isolate: false,
          env: { SAMEN_TEST_DB: 'pglite' },
          // The access matrix, fuzzing, crash and backup suites share the two workers with the rest: a
          // seed or a test waits longer behind them than alone.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'db-pg',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['test/support/templates.ts'],
          isolate: false,
          env: { SAMEN_TEST_DB: 'pg' },
          // The access matrix, fuzzing, crash and backup suites share the two workers with the rest: a
          // seed or a test waits longer behind them than alone.
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Every catalogue up front and every lazy page loaded before the tests: pages render in one pass.
        plugins: [react(), samenI18n({ root: import.meta.dirname, eager: true })],
        test: {
          name: 'ui',
          setupFiles: ['src/web/testing/setup.ts'],
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          // Rendering whole pages in happy-dom is slow on a busy 2-core machine; a slow run is not a failure.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // Two files at a time against the one server: each works on its own records of the demo network,
          // and the pair takes two thirds of the time of one after the other. E2E_SERIAL=1 runs them singly.
          fileParallelism: process.env.E2E_SERIAL !== '1',
          maxConcurrency: 3,
          // After every other project: on a 2-core machine a browser competing with database tests stalls
          // and times out; alone it does not.
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          // Debian's headless Chromium now and then stalls opening a context (seen about once in a dozen,
          // with an on-device-model service error); the same test then passes on a retry.
          retry: 2,
          // Pages load data after navigation; a poll waits for it like a person would, not for one second.
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
