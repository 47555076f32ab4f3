// What the first screen of the web app downloads, read from the build (dist/web): the entry chunk and
// every chunk it imports statically, the chunks of the pages named (with theirs), and the catalogues of one
// language the shell and those pages load. `node --import tsx scripts/web-budget.ts [dist/web]` prints it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// `import{a as b}from"./x.js"` or `import"./x.js"` as the bundler writes them; `import("./x.js")` is lazy.
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([^"]+\.js)"/g;

const assets = (dir: string) => readdirSync(join(dir, 'assets'));

/** The chunks of a page, by its module's file name (`LoginPage` → LoginPage-<hash>.js). */
export const chunksNamed = (dir: string, name: string) =>
  assets(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));

/** Chunks and everything they import statically, transitively (what the browser must fetch to run them). */
export function staticClosure(dir: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = readFileSync(join(dir, 'assets', f), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT))
      if (!code.slice(Math.max(0, m.index - 8), m.index + 6).includes('import(')) visit(m[1]!);
  };
  for (const f of roots) visit(f);
  return [...seen];
}

export interface FirstScreen {
  entry: string;
  /** Gzipped bytes per file. */
  files: Record<string, number>;
  total: number;
}

/**
 * The gzipped JavaScript of the entry and its static imports, plus the pages' chunks and theirs, the shell
 * catalogue and the named catalogue groups, in one language.
 */
export function firstScreenJs(
  dir: string,
  { pages, groups = [], lang = 'fr' }: { pages: string[]; groups?: string[]; lang?: string },
): FirstScreen {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)?.[1];
  if (!entry || !existsSync(join(dir, 'assets', entry))) throw new Error('no entry chunk in index.html');
  const catalogues = ['shell', ...groups].flatMap((g) =>
    assets(dir).filter((f) => f.startsWith(`i18n-${lang}-${g}-`)),
  );
  const pageChunks = pages.flatMap((p) => {
    const found = chunksNamed(dir, p);
    if (found.length === 0) throw new Error(`no chunk for ${p}: is it still loaded on demand?`);
    return found;
  });
  const files = staticClosure(dir, [entry, ...pageChunks, ...catalogues]);
  const sizes = Object.fromEntries(
    files.map((f) => [f, gzipSync(readFileSync(join(dir, 'assets', f))).length]),
  );
  return { entry, files: sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist/web';
  for (const [label, pages, groups] of [
    ['sign-in page', ['LoginPage'], ['auth']],
    ['dashboard', ['DashboardPage'], []],
    ['sign-in, then dashboard', ['LoginPage', 'DashboardPage'], ['auth']],
  ] as const) {
    const r = firstScreenJs(dir, { pages: [...pages], groups: [...groups] });
    console.log(`${label}: ${r.total} B gzipped JS in ${Object.keys(r.files).length} files`);
  }
}
