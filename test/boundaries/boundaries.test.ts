import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from './check';

const root = join(import.meta.dirname, '../..');

describe('module boundaries', () => {
  it('holds in the source tree', () => {
    const violations = checkBoundaries(root).map((v) => `${v.file} → ${v.imports}: ${v.rule}`);
    expect(violations).toEqual([]);
  });

  it('catches a planted violation of each rule', () => {
    const found = checkBoundaries(join(import.meta.dirname, 'fixture'));
    expect(found.map((v) => [v.file, v.rule.split(':')[0]])).toEqual(
      expect.arrayContaining([
        ['src/server/modules/beta/use-case.ts', "another module's internals"],
        ['src/web/modules/beta/Page.tsx', "another module's internals"],
        ['src/common/beta/rules.ts', 'common code imports neither server nor web code'],
        ['src/common/beta/rules.ts', 'common code runs in the browser'],
        ['src/server/platform/hub.ts', 'the platform imports no module'],
      ]),
    );
    // Through the index, and within a module, is fine.
    expect(found.map((v) => v.file)).not.toContain('src/server/modules/beta/fine.ts');
  });
});
