// Splits the FR/NL/EN catalogues (src/i18n/<group>/[<part>/]<lang>.json) into one chunk per language and
// group, loaded on demand by src/web/app/catalogs.ts, plus a small "shell" catalogue per language: the
// shell's own words, every menu label and every dashboard attention item (they name other modules' pages).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const LANGS = ['fr', 'nl', 'en'] as const;
const ID = 'virtual:samen-i18n';
const RESOLVED = `\0${ID}`;
/** Groups the first screen always needs whole (their keys are used everywhere). */
export const SHELL_GROUPS = ['core', 'errors', 'dashboard'];

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

const isSource = (f: string) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f);
// A quoted string that looks like a catalogue key, whole ('people.persons.title') or the start of one
// (`people.status.${x}`, 'people.status.' + x).
const KEY_LIKE = /['"`]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(\.?)(['"`]|\$\{)/g;
const QUOTED = /['"`]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)['"`]/g;

export interface CatalogueIndex {
  /** Messages per language and group. */
  messages: Record<string, Record<string, Record<string, string>>>;
  /** Per web module, the groups its pages need (its own, the keys it names, the faces it imports). */
  needs: Record<string, string[]>;
  /** First key segment → groups holding such keys (to load a group when a key turns out missing). */
  prefixes: Record<string, string[]>;
  shell: Record<string, Record<string, string>>;
  watched: string[];
}

export function indexCatalogues(root: string): CatalogueIndex {
  const i18n = join(root, 'src/i18n');
  const messages: CatalogueIndex['messages'] = { fr: {}, nl: {}, en: {} };
  const watched: string[] = [];
  for (const f of files(i18n, (p) => /(fr|nl|en)\.json$/.test(p))) {
    watched.push(f);
    const [group] = relative(i18n, f).split(sep);
    const lang = f.slice(-7, -5);
    const byGroup = messages[lang] ?? {};
    messages[lang] = byGroup;
    byGroup[group!] = { ...byGroup[group!], ...JSON.parse(readFileSync(f, 'utf8')) };
  }
  const prefixSets = new Map<string, Set<string>>();
  const allKeys = new Set<string>();
  for (const [group, m] of Object.entries(messages.fr!))
    for (const key of Object.keys(m)) {
      allKeys.add(key);
      const first = key.split('.')[0]!;
      if (!prefixSets.has(first)) prefixSets.set(first, new Set());
      prefixSets.get(first)!.add(group);
    }
  const prefixes = Object.fromEntries([...prefixSets].map(([k, v]) => [k, [...v].sort()]));
  const groupOf = new Map<string, string>();
  for (const [group, m] of Object.entries(messages.fr!))
    for (const key of Object.keys(m)) groupOf.set(key, group);
  const groupsNamed = (literal: string, whole: boolean): string[] => {
    if (whole) return groupOf.has(literal) ? [groupOf.get(literal)!] : [];
    const out = new Set<string>();
    for (const [key, group] of groupOf) if (key.startsWith(literal)) out.add(group);
    return [...out];
  };

  const web = join(root, 'src/web/modules');
  const modules = readdirSync(web).filter((m) => statSync(join(web, m)).isDirectory());
  const direct = new Map<string, Set<string>>();
  const imports = new Map<string, Set<string>>();
  const commonDir = join(root, 'src/common');
  for (const m of modules) {
    const groups = new Set<string>(messages.fr![m] ? [m] : []);
    const uses = new Set<string>();
    // The module's own files and the shared code (src/common) they import, transitively: the words a
    // page shows may be named there (status labels, rule codes).
    const queue = files(join(web, m), isSource);
    const seen = new Set(queue);
    while (queue.length) {
      const f = queue.pop()!;
      const text = readFileSync(f, 'utf8');
      for (const [, literal, dot, end] of text.matchAll(KEY_LIKE))
        for (const g of groupsNamed(literal! + dot, !dot && end !== '${')) groups.add(g);
      for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
        const target = resolveSource(join(f, '..', spec!));
        if (!target || seen.has(target)) continue;
        const other = relative(web, target).split(sep)[0]!;
        if (target.startsWith(web) && other !== m && modules.includes(other)) uses.add(other);
        else if (target.startsWith(commonDir)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    direct.set(m, groups);
    imports.set(m, uses);
  }
  const needs: Record<string, string[]> = {};
  for (const m of modules) {
    const all = new Set<string>();
    const seen = new Set<string>();
    const visit = (x: string) => {
      if (seen.has(x)) return;
      seen.add(x);
      for (const g of direct.get(x) ?? []) all.add(g);
      for (const y of imports.get(x) ?? []) visit(y);
    };
    visit(m);
    for (const g of SHELL_GROUPS) all.delete(g);
    needs[m] = [...all].sort();
  }

  // The shell's own keys: every exact key named by the shell or a face (menu labels, slot links), and
  // every attention item the dashboard may list.
  const shellKeys = new Set<string>();
  // A face and the files it imports up front (an accompaniment part's links): not its lazy pages.
  const faces = modules.map((m) => join(web, m, 'index.tsx')).filter(exists);
  for (let i = 0; i < faces.length; i++)
    for (const [, spec] of readFileSync(faces[i]!, 'utf8').matchAll(/from '(\.\/[^']+)'/g)) {
      const target = resolveSource(join(faces[i]!, '..', spec!));
      if (target && !faces.includes(target)) faces.push(target);
    }
  for (const f of [...files(join(root, 'src/web/app'), isSource), ...faces])
    for (const [, key] of readFileSync(f, 'utf8').matchAll(QUOTED))
      if (allKeys.has(key!)) shellKeys.add(key!);
  for (const k of allKeys) if (k.includes('.attention.')) shellKeys.add(k);
  const shell: CatalogueIndex['shell'] = {};
  for (const lang of LANGS) {
    const out: Record<string, string> = {};
    for (const g of SHELL_GROUPS) Object.assign(out, messages[lang]![g]);
    for (const m of Object.values(messages[lang]!))
      for (const [k, v] of Object.entries(m)) if (shellKeys.has(k)) out[k] = v;
    shell[lang] = out;
  }
  return { messages, needs, prefixes, shell, watched };
}

function resolveSource(base: string): string | null {
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (exists(c) && statSync(c).isFile()) return c;
  return null;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Messages parsed at build time (ICU AST), so the browser needs no message parser. */
const precompiled = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, parse(v)]));

/**
 * `virtual:samen-i18n` exports the loaders, each module's needs and the prefix index; `eager` (tests) also
 * exports every message up front, so a test renders in one pass as before. Outside tests the messages
 * ship parsed and react-intl's parser is left out (the formatjs "no-parser" set-up).
 */
export function samenI18n({ root, eager = false }: { root: string; eager?: boolean }): Plugin {
  let index: CatalogueIndex | null = null;
  const get = () => (index ??= indexCatalogues(root));
  return {
    name: 'samen-i18n',
    // Catalogue chunks named by language and group (i18n-nl-people-<hash>.js), the rest as usual.
    config: () => ({
      resolve: eager
        ? {}
        : {
            alias: [
              {
                find: /^@formatjs\/icu-messageformat-parser$/,
                replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
              },
            ],
          },
      build: {
        rollupOptions: {
          output: {
            chunkFileNames: (chunk: { facadeModuleId?: string | null }) => {
              const id = chunk.facadeModuleId ?? '';
              return id.startsWith(`${RESOLVED}/`)
                ? `assets/i18n-${id.slice(RESOLVED.length + 1).replace('/', '-')}-[hash].js`
                : 'assets/[name]-[hash].js';
            },
          },
        },
      },
    }),
    resolveId(id) {
      return id === ID || id.startsWith(`${ID}/`) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const ix = get();
      for (const f of ix.watched) this.addWatchFile(f);
      if (id === RESOLVED) {
        const groups = ['shell', ...Object.keys(ix.messages.fr!).filter((g) => !SHELL_GROUPS.includes(g))];
        const loaders = LANGS.map(
          (l) =>
            `${l}: {${groups.map((g) => `${JSON.stringify(g)}: () => import('${ID}/${l}/${g}')`).join(', ')}}`,
        );
        const preloaded = eager
          ? JSON.stringify(
              Object.fromEntries(LANGS.map((l) => [l, Object.assign({}, ...Object.values(ix.messages[l]!))])),
            )
          : 'null';
        return [
          `export const loaders = {${loaders.join(', ')}};`,
          `export const needs = ${JSON.stringify(ix.needs)};`,
          `export const prefixes = ${JSON.stringify(ix.prefixes)};`,
          `export const preloaded = ${preloaded};`,
        ].join('\n');
      }
      const [lang, group] = id.slice(RESOLVED.length + 1).split('/') as [string, string];
      const data = (group === 'shell' ? ix.shell[lang] : ix.messages[lang]?.[group]) ?? {};
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(eager ? data : precompiled(data)))});`;
    },
    handleHotUpdate(ctx) {
      if (ctx.file.includes(`${sep}i18n${sep}`) || ctx.file.includes('/i18n/')) index = null;
    },
  };
}

/**
 * `import Type from 'typebox'` (and `Value` from 'typebox/value') take the default export, a namespace the
 * bundler cannot prune: every builder, the script parser and every value operation land in the first screen.
 * The same namespace imported by name is pruned to what is used. Web build only; the code means the same.
 */
export function typeboxNamedImports(): Plugin {
  return {
    name: 'typebox-named-imports',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !code.includes("from 'typebox")) return null;
      const out = code.replace(
        /import (Type|Value)(?:, \{([^}]*)\})? from '(typebox|typebox\/value)'/g,
        (_m, name: string, rest: string | undefined, from: string) =>
          `import { ${name}${rest ? `, ${rest.trim()}` : ''} } from '${from}'`,
      );
      // One import line rewritten in place: the source map stays as it was.
      return { code: out, map: null };
    },
  };
}
