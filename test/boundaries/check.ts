import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The architecture's import rules, checked over a source tree (ADR 0012):
 * - a module (src/server/modules/<m>, src/web/modules/<m>) is imported by others only through its index;
 * - src/common imports neither server nor web code, nor Node's built-ins (the browser runs it);
 * - the server platform imports no module; the web app's shell imports modules only in app/modules.ts;
 * Test files (*.test.*, *.testing.*) may reach into other modules' fixtures.
 */
export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.(test|testing|e2e)\.(ts|tsx)$/;
const SPECIFIER =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : walk(p);
    return SOURCE.test(name) ? [p] : [];
  });
}

/** The file an import names, or null when it is a package. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return base;
}

/** The module a path belongs to (`server:people`), and whether the path is that module's index. */
function moduleOf(root: string, file: string): { key: string; isIndex: boolean } | null {
  const parts = relative(root, file).split(sep);
  for (const side of ['server', 'web'] as const) {
    if (parts[0] === 'src' && parts[1] === side && parts[2] === 'modules' && parts.length >= 5) {
      const rest = parts.slice(4);
      return { key: `${side}:${parts[3]}`, isIndex: rest.length === 1 && /^index\.tsx?$/.test(rest[0]!) };
    }
  }
  return null;
}

export function checkBoundaries(root: string): Violation[] {
  const out: Violation[] = [];
  for (const file of walk(join(root, 'src'))) {
    const rel = relative(root, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    const isTest = TEST.test(file);
    const own = moduleOf(root, file);
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const target = resolveImport(file, spec);
      const targetRel = target ? relative(root, target).split(sep).join('/') : spec;
      const add = (rule: string) => out.push({ file: rel, imports: targetRel, rule });
      if (rel.startsWith('src/common/') && !isTest) {
        if (spec.startsWith('node:')) add('common code runs in the browser: no node:* import');
        else if (targetRel.startsWith('src/server/') || targetRel.startsWith('src/web/'))
          add('common code imports neither server nor web code');
        continue;
      }
      if (!target) continue;
      const theirs = moduleOf(root, target);
      if (rel.startsWith('src/server/platform/') && targetRel.startsWith('src/server/modules/'))
        add('the platform imports no module');
      if (
        rel.startsWith('src/web/app/') &&
        !rel.endsWith('/modules.ts') &&
        targetRel.startsWith('src/web/modules/')
      )
        add('the web shell reaches modules only through app/modules.ts and slots');
      if (!isTest && theirs && theirs.key !== own?.key && !theirs.isIndex)
        add(`another module's internals: import ${theirs.key.replace(':', ' module ')} through its index`);
    }
  }
  return out;
}
