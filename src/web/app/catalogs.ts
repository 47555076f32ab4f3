import { loaders, needs, prefixes, preloaded } from 'virtual:samen-i18n';
import type { Language } from '../../common/i18n/locales';

/**
 * The catalogues in the browser: only the active language, and of it only the shell's words and the groups
 * of the modules visited (see scripts/vite-i18n.ts, which splits them at build time). A page waits for its
 * module's groups before it renders, so no key shows untranslated; a language switch waits for every group
 * already in use in the new language.
 */
export const CATALOGS: Record<Language, Record<string, string>> = preloaded ?? { fr: {}, nl: {}, en: {} };

const loaded: Record<Language, Map<string, Promise<void>>> = { fr: new Map(), nl: new Map(), en: new Map() };
const done: Record<Language, Set<string>> = { fr: new Set(), nl: new Set(), en: new Set() };
/** The groups in use (the shell's and every visited module's), whatever the language. */
const inUse = new Set<string>(['shell']);
let version = 0;
const listeners = new Set<() => void>();
let current: Language = 'fr';

if (preloaded)
  for (const l of ['fr', 'nl', 'en'] as const) for (const g of Object.keys(loaders[l])) done[l].add(g);

export const subscribeCatalogs = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};
export const catalogsVersion = () => version;
export const setCatalogLanguage = (l: Language) => {
  current = l;
};
export const catalogLanguage = () => current;

/** The groups a web module's pages need (its own and those of the keys and faces it uses). */
export const groupsOf = (module: string): string[] => needs[module] ?? [];

const missing = (lang: Language, groups: Iterable<string>) =>
  [...groups].filter((g) => !done[lang].has(g) && loaders[lang][g]);

/** Whether these groups (default: every group in use) are there in this language. */
export const hasCatalogs = (lang: Language, groups: Iterable<string> = inUse) =>
  missing(lang, groups).length === 0;

function loadGroup(lang: Language, group: string): Promise<void> {
  let p = loaded[lang].get(group);
  if (!p) {
    p = loaders[lang][group]!().then((m) => {
      CATALOGS[lang] = { ...CATALOGS[lang], ...m.default };
      done[lang].add(group);
      version++;
      for (const f of listeners) f();
    });
    // A failed chunk (network) may be asked again.
    p.catch(() => loaded[lang].delete(group));
    loaded[lang].set(group, p);
  }
  return p;
}

const pending = new Map<string, Promise<void>>();

/**
 * Loads these groups (default: every group in use) in this language; the same promise while it runs, so a
 * component may `use()` it. Resolves after React had a turn to render the new messages.
 */
export function loadCatalogs(lang: Language, groups: Iterable<string> = inUse): Promise<void> {
  const list = [...groups];
  for (const g of list) inUse.add(g);
  const unloaded = missing(lang, list);
  if (unloaded.length === 0) return Promise.resolve();
  const key = `${lang}:${unloaded.sort().join(',')}`;
  let p = pending.get(key);
  if (!p) {
    p = Promise.all(unloaded.map((g) => loadGroup(lang, g)))
      .then(() => new Promise<void>((r) => setTimeout(r, 0)))
      .finally(() => pending.delete(key));
    pending.set(key, p);
  }
  return p;
}

/**
 * A key no loaded group holds: load the groups whose keys start like it (a page naming another module's
 * words), once; the provider renders again when they are there.
 */
export function loadForMissingKey(lang: Language, id: string): boolean {
  const groups = (prefixes[id.split('.')[0] ?? ''] ?? []).filter((g) => !done[lang].has(g));
  const unloaded = groups.filter((g) => !loaded[lang].has(g));
  if (unloaded.length === 0) return false;
  void loadCatalogs(lang, unloaded).catch(() => {});
  return true;
}
