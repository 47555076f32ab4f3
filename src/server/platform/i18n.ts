import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { formattingLocale, LANGUAGES, type Language } from '../../common/i18n/locales';

export const I18N_DIR = join(import.meta.dirname, '../../i18n');

export type Catalog = Record<string, string>;

/** The folders holding a catalogue (fr.json, nl.json, en.json): a module's, or one of its features'. */
export function catalogueDirs(dir = I18N_DIR): string[] {
  const here = existsSync(join(dir, 'en.json')) ? [dir] : [];
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => catalogueDirs(join(dir, e.name)));
  return [...here, ...below];
}

/**
 * Loads every catalogue (src/i18n/<module>/[<feature>/]<lang>.json, the same names as the module's and
 * feature's folders in the code) into one flat map per language.
 */
export function loadCatalogs(dir = I18N_DIR): Record<Language, Catalog> {
  const out = { fr: {}, nl: {}, en: {} } as Record<Language, Catalog>;
  for (const ns of catalogueDirs(dir))
    for (const lang of LANGUAGES) {
      const file = join(ns, `${lang}.json`);
      Object.assign(out[lang], JSON.parse(readFileSync(file, 'utf8')) as Catalog);
    }
  return out;
}

let catalogs: Record<Language, Catalog> | null = null;
const cache = new Map<string, IntlMessageFormat>();

export type MessageParams = Record<string, string | number | Date | null | undefined>;

/** Formats a catalogue message for server-rendered output (errors, e-mails, PDFs). */
export function t(
  language: Language,
  key: string,
  params: MessageParams = {},
  country: 'FR' | 'BE' | null = null,
): string {
  catalogs ??= loadCatalogs();
  const message = catalogs[language][key] ?? catalogs.en[key];
  if (message === undefined) return key;
  const locale = formattingLocale(language, country);
  const cacheKey = `${locale}\u0000${key}`;
  let fmt = cache.get(cacheKey);
  if (!fmt) {
    fmt = new IntlMessageFormat(message, locale);
    cache.set(cacheKey, fmt);
  }
  return String(fmt.format(params as Record<string, string | number | Date>));
}

export function hasMessage(key: string): boolean {
  catalogs ??= loadCatalogs();
  return key in catalogs.en;
}
