import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogueDirs, loadCatalogs } from '../src/server/platform/i18n';

const ROOT = join(import.meta.dirname, '..');
const I18N = join(ROOT, 'src/i18n');
const LANGS = ['fr', 'nl', 'en'] as const;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

describe('message catalogues', () => {
  const namespaces = catalogueDirs(I18N).map((d) => relative(I18N, d));

  it.each(namespaces)('%s has the same keys in French, Dutch and English', (ns) => {
    const keys = LANGS.map((l) =>
      Object.keys(JSON.parse(readFileSync(join(I18N, ns, `${l}.json`), 'utf8'))).sort(),
    );
    expect(keys[1], 'nl vs fr').toEqual(keys[0]);
    expect(keys[2], 'en vs fr').toEqual(keys[0]);
  });

  it('defines each key in one namespace only', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const ns of namespaces)
      for (const k of Object.keys(JSON.parse(readFileSync(join(I18N, ns, 'en.json'), 'utf8')))) {
        if (seen.has(k)) dupes.push(`${k} (${seen.get(k)}, ${ns})`);
        seen.set(k, ns);
      }
    expect(dupes).toEqual([]);
  });

  it('has valid ICU syntax and no empty message in any language', () => {
    const catalogs = loadCatalogs();
    const broken: string[] = [];
    for (const lang of LANGS)
      for (const [k, v] of Object.entries(catalogs[lang])) {
        if (!v.trim()) broken.push(`${lang}:${k} empty`);
        try {
          new IntlMessageFormat(v, lang);
        } catch (e) {
          broken.push(`${lang}:${k} ${(e as Error).message}`);
        }
      }
    expect(broken).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const catalogs = loadCatalogs();
    const vars = (m: string) => [...m.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((x) => x[1]).sort();
    const differing = Object.keys(catalogs.en).filter((k) => {
      const en = JSON.stringify([...new Set(vars(catalogs.en[k]!))]);
      return LANGS.some((l) => JSON.stringify([...new Set(vars(catalogs[l][k] ?? ''))]) !== en);
    });
    expect(differing).toEqual([]);
  });
});

/**
 * Issue 9, item 19: one term per thing, and French that reads as French. A name put after "de", "le",
 * "la", "que" or "entre" gives "Parcours de Inès", "de Atelier Solidaire", "entre Centre Public…":
 * French would need an elision or an article the message cannot know, so such messages are phrased
 * otherwise ("Parcours – {name}", "proposée par {partner}").
 */
describe('glossary', () => {
  const catalogs = loadCatalogs();
  const NAME_PLACEHOLDERS =
    'name|partner|organisation|host|home|sender|inviter|title|person|site|programme|org|recipient|signer|signerName';
  const BEFORE_NAME = new RegExp(`(^|[^\\p{L}])(de|du|le|la|que|entre) \\{(${NAME_PLACEHOLDERS})\\b`, 'u');

  it('puts no French article or preposition the name would need to change before a name', () => {
    const bad = Object.entries(catalogs.fr)
      .filter(([, m]) => BEFORE_NAME.test(m))
      .map(([k, m]) => `${k}: ${m.match(BEFORE_NAME)?.[0]}`);
    expect(bad).toEqual([]);
  });

  it('never counts "1 de vos…": the singular of a count is phrased as a word', () => {
    expect(Object.keys(catalogs.fr).filter((k) => /one \{# de /.test(catalogs.fr[k] ?? ''))).toEqual([]);
  });

  // The term the product uses, then the ones that must not appear beside it.
  const DUTCH: Array<[string, RegExp]> = [
    ['onthaalorganisatie', /gastorganisatie/i],
    ['trajectbegeleider', /\breferent van het thuiscentrum\b/i],
    // Issue 9: the home centre was both "thuiscentrum" and "thuisorganisatie".
    ['thuiscentrum', /thuisorganisatie/i],
  ];
  it.each(DUTCH)('uses "%s" in Dutch, one term for one thing', (_term, other) => {
    expect(
      Object.entries(catalogs.nl)
        .filter(([, m]) => other.test(m))
        .map(([k]) => k),
    ).toEqual([]);
  });
});

/**
 * Every string a person reads must come from the catalogues: no literal words between JSX tags or in
 * the text attributes of elements, and every message id written in the code must exist.
 */
describe('web components', () => {
  const sources = files(join(ROOT, 'src/web'), /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f));
  const catalog = loadCatalogs().en;
  const TEXT_ATTRS = new Set(['aria-label', 'placeholder', 'title', 'alt', 'aria-description', 'label']);

  it('render no literal text outside the catalogues', () => {
    const found: string[] = [];
    for (const file of sources.filter((f) => f.endsWith('.tsx'))) {
      const src = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text))
          found.push(`${relative(ROOT, file)}: "${node.text.trim().slice(0, 40)}"`);
        if (
          ts.isJsxAttribute(node) &&
          TEXT_ATTRS.has(node.name.getText()) &&
          node.initializer &&
          ts.isStringLiteral(node.initializer) &&
          /\p{L}{2,}/u.test(node.initializer.text)
        )
          found.push(`${relative(ROOT, file)}: ${node.name.getText()}="${node.initializer.text}"`);
        ts.forEachChild(node, visit);
      };
      visit(src);
    }
    expect(found).toEqual([]);
  });

  it('only refer to message ids that exist', () => {
    const missing: string[] = [];
    const idPattern = /\b(?:id|labelId|titleId)[=:]\s*\{?\s*['"]([a-z][\w.-]+)['"]/g;
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(idPattern))
        if (!(m[1]! in catalog) && m[1]!.includes('.')) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
