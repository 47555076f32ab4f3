import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstScreenJs } from '../scripts/web-budget';

// Issue 15: the first screen (the sign-in page, then the dashboard) downloads at most 200 kB of gzipped
// JavaScript; every module's pages, the heavy libraries they use and the catalogues of other languages and
// modules come later, on demand.
const BUDGET = 200_000;
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist/web');

describe('web first screen', () => {
  beforeAll(() => {
    // The build these figures are read from, rebuilt when the web sources changed.
    const r = spawnSync(
      process.execPath,
      ['-e', "import('./scripts/web-build.mjs').then((m) => m.ensureWebBuilt())"],
      { cwd: root, stdio: 'inherit' },
    );
    expect(r.status).toBe(0);
  }, 300_000);

  it('keeps the sign-in page within budget', () => {
    const r = firstScreenJs(dist, { pages: ['LoginPage'], groups: ['auth'] });
    expect(r.total, JSON.stringify(r.files, null, 1)).toBeLessThanOrEqual(BUDGET);
  });

  it('keeps the sign-in page, then the dashboard, within budget', () => {
    const r = firstScreenJs(dist, { pages: ['LoginPage', 'DashboardPage'], groups: ['auth'] });
    expect(r.total, JSON.stringify(r.files, null, 1)).toBeLessThanOrEqual(BUDGET);
  });

  it('loads other modules, and other languages, on demand', () => {
    const r = firstScreenJs(dist, { pages: ['LoginPage', 'DashboardPage'], groups: ['auth'] });
    const files = Object.keys(r.files);
    for (const page of ['PeoplePage', 'PlacementsPage', 'BoardPage', 'DirectoryPage'])
      expect(files.some((f) => f.startsWith(`${page}-`))).toBe(false);
    expect(files.some((f) => /^i18n-(nl|en)-/.test(f))).toBe(false);
    expect(files.some((f) => /^i18n-fr-(people|placements|observatory)-/.test(f))).toBe(false);
  });
});
