// `npm test`: the whole suite in one Vitest run (unit, integration on PGlite and on PostgreSQL,
// components, browser e2e), ending with the line `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureWebBuilt, root } from './web-build.mjs';

ensureWebBuilt();
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
