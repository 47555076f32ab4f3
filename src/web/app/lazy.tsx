import { type ComponentType, Suspense, use } from 'react';
import { catalogLanguage, groupsOf, hasCatalogs, loadCatalogs } from './catalogs';
import { Loading } from './ui/feedback';

interface Entry<P> {
  module: string;
  load: () => Promise<ComponentType<P>>;
  fallback: 'page' | 'none';
  promise?: Promise<ComponentType<P>>;
  component?: ComponentType<P>;
}

const entries: Array<Entry<never>> = [];

function start<P>(e: Entry<P>): Promise<ComponentType<P>> {
  e.promise ??= Promise.all([e.load(), loadCatalogs(catalogLanguage(), groupsOf(e.module))]).then(
    ([c]) => {
      e.component = c;
      return c;
    },
    (err) => {
      // A chunk that failed (network, new deployment) is asked again on the next visit.
      e.promise = undefined;
      throw err;
    },
  );
  return e.promise;
}

function Loaded<P extends object>({ entry, props }: { entry: Entry<P>; props: P }) {
  const C = entry.component ?? use(start(entry));
  // Loaded before in another language: that language's words may still be on their way.
  const lang = catalogLanguage();
  if (!hasCatalogs(lang, groupsOf(entry.module))) use(loadCatalogs(lang, groupsOf(entry.module)));
  return <C {...props} />;
}

// Always a boundary, even once loaded: a page may still wait for words (a public page in another language).
function Lazy<P extends object>({ entry, props }: { entry: Entry<P>; props: P }) {
  return (
    <Suspense fallback={entry.fallback === 'page' ? <Loading /> : null}>
      <Loaded entry={entry} props={props} />
    </Suspense>
  );
}

/**
 * A module's component loaded when first shown: its code (a chunk of its own) and its module's catalogues
 * in the current language, with a small loading state meanwhile. Faces declare their pages with it, so the
 * first screen carries only the shell and the faces' menus and routes.
 */
export function lazyPage<P extends object>(
  module: string,
  load: () => Promise<ComponentType<P>>,
  fallback: 'page' | 'none' = 'page',
): ComponentType<P> {
  const entry: Entry<P> = { module, load, fallback };
  entries.push(entry as Entry<never>);
  return (props: P) => <Lazy entry={entry} props={props} />;
}

/**
 * Loads every lazy component declared so far, and those the loaded code declares in turn (a page importing
 * another module's face): tests render pages in one pass, as before the split.
 */
export async function preloadAll(): Promise<number> {
  let loaded = -1;
  while (loaded !== entries.length) {
    loaded = entries.length;
    await Promise.all(entries.map((e) => start(e)));
  }
  return loaded;
}
