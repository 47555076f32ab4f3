import type { Reporter, TestModule } from 'vitest/node';

/** Ends every run with one line `N passed, N failed, N skipped`, which CI reads. */
export default class CiSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const m of modules) {
      const tests = [...m.children.allTests()];
      let fileFailed = 0;
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') fileFailed++;
        else skipped++;
      }
      // A file that failed to load, or whose set-up hook failed, must count as a failure of its own.
      if (m.state() === 'failed' && fileFailed === 0) fileFailed = 1;
      failed += fileFailed;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
